export { runDoctor } from './run-doctor';
export type { DoctorOptions, DoctorOutcome } from './run-doctor';
export { renderMarkdown, renderText, summaryLine } from './readiness-report';
export type { ReadinessReport } from './readiness-report';
export type { CheckResult, CheckStatus } from './check-result';
