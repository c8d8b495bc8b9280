/** A field the server rejected, as listed in a problem's `errors`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The RFC 9457 body every API error carries. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

const TYPE_PREFIX = 'urn:problem-type:bastion:';

/** Codes the client reacts to specifically; any other code is still available as a string. */
export type KnownProblemCode =
  | 'invalid-credentials'
  | 'rate-limited'
  | 'not-authenticated'
  | 'workspace-not-found'
  | 'platform-admin-required'
  | 'permission-denied'
  | 'not-found'
  | 'validation-failed'
  | 'password-policy'
  | 'wrong-current-password'
  | 'last-owner'
  | 'owner-only'
  | 'cannot-grant'
  | 'role-in-use'
  | 'role-not-found'
  | 'account-exists'
  | 'invitation-invalid'
  | 'network-error'
  | 'unexpected-response';

/** An API failure: always has a human sentence (`detail`) and, when the server gave one, a code. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: KnownProblemCode | (string & {});
  readonly title: string;
  readonly detail: string;
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldProblem[];
  /** Seconds the server asked us to wait (429), when it said. */
  readonly retryAfterSeconds: number | undefined;
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.type.startsWith(TYPE_PREFIX) ? problem.type.slice(TYPE_PREFIX.length) : problem.type;
    this.title = problem.title;
    this.detail = problem.detail ?? problem.title;
    this.requestId = problem.requestId;
    this.fieldErrors = problem.errors ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** First message per field, for showing beside the inputs. */
  fieldMessages(): Record<string, string> {
    const messages: Record<string, string> = {};
    for (const { field, message } of this.fieldErrors) messages[field] ??= message;
    return messages;
  }
}

function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.type === 'string' && typeof candidate.title === 'string';
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Turns a failed response into a ProblemError. Bodies that are not problem documents (a proxy's HTML
 * page, an empty 502) still become one, so screens handle a single error type.
 */
export function problemFromResponse(status: number, body: unknown, retryAfter: string | null): ProblemError {
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  if (isProblemDetails(body)) {
    return new ProblemError(
      { ...body, status: typeof body.status === 'number' ? body.status : status },
      retryAfterSeconds,
    );
  }
  return new ProblemError(
    {
      type: `${TYPE_PREFIX}unexpected-response`,
      title: 'Unexpected response',
      status,
      detail: `The server answered ${status} without an explanation. Try again in a moment.`,
    },
    retryAfterSeconds,
  );
}

export function networkProblem(): ProblemError {
  return new ProblemError({
    type: `${TYPE_PREFIX}network-error`,
    title: 'Network error',
    status: 0,
    detail: 'The server could not be reached. Check your connection and try again.',
  });
}

/** The sentence to show a person for any error a screen receives. */
export function describeError(error: unknown): string {
  if (error instanceof ProblemError) {
    if (error.code === 'rate-limited') {
      return error.retryAfterSeconds
        ? `Too many attempts. Try again in ${error.retryAfterSeconds} second${error.retryAfterSeconds === 1 ? '' : 's'}.`
        : 'Too many attempts. Wait a moment and try again.';
    }
    return error.detail;
  }
  return 'Something went wrong. Try again.';
}

export function isProblem(error: unknown, code: KnownProblemCode): error is ProblemError {
  return error instanceof ProblemError && error.code === code;
}
