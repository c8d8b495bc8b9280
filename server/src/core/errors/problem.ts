import { HttpException, HttpStatus } from '@nestjs/common';

/** A field-level validation failure: `field` is a dotted path into the request body or query. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Field errors a problem lists; the rest are only counted (`errorCount`), so no input can make an error
 * response large.
 */
export const MAX_FIELD_ERRORS = 20;

/** RFC 9457 problem details, as every error response of the API carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  /** How many field errors there were, present when `errors` lists only the first MAX_FIELD_ERRORS. */
  errorCount?: number;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const PROBLEM_TYPE_PREFIX = 'urn:problem-type:bastion:';

export function problemType(code: string): string {
  return PROBLEM_TYPE_PREFIX + code;
}

/** Standard reason phrase for a status, used as the title of problems that need no more specific type. */
export function statusTitle(status: number): string {
  const name = HttpStatus[status];
  if (typeof name !== 'string') return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word, index) => (index === 0 ? word[0].toUpperCase() + word.slice(1) : word))
    .join(' ')
    .replace(/^Payload too large$/, 'Content too large');
}

export interface ProblemInit {
  /** Short machine-readable code; becomes the problem `type` URI. */
  code: string;
  title?: string;
  detail: string;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Throw this from anywhere to answer with a specific problem type. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly problem: ProblemInit,
  ) {
    super(problem.detail, status);
  }
}
