/** `warn` is reported but does not fail the review; `skip` means the check could not apply here. */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface CheckResult {
  area: 'config' | 'database' | 'http';
  check: string;
  status: CheckStatus;
  detail: string;
}
