export { ProblemException, problemType, PROBLEM_CONTENT_TYPE } from './problem';
export type { ProblemDetails, FieldError, ProblemInit } from './problem';
export { ProblemFilter } from './problem.filter';
export { sendProblem } from './problem-response';
export { assertUnreachable } from './assert-unreachable';
