import { assertUnreachable, FieldError, ProblemException } from '../core/errors';

export enum AuthError {
  InvalidCredentials = 'invalid-credentials',
  NotAuthenticated = 'not-authenticated',
  AmbiguousCredentials = 'ambiguous-credentials',
  CrossSiteRequest = 'cross-site-request',
  CsrfTokenInvalid = 'csrf-token-invalid',
  SessionRequired = 'session-required',
  PlatformAdminRequired = 'platform-admin-required',
  AccessNotDeclared = 'access-not-declared',
  WrongCurrentPassword = 'wrong-current-password',
  PasswordPolicy = 'password-policy',
  SessionNotFound = 'session-not-found',
  UserNotFound = 'user-not-found',
  HashingBusy = 'hashing-busy',
}

/** Seconds a client refused for busy hashing should wait: the bounded queue drains well within it. */
export const HASHING_BUSY_RETRY_AFTER_SECONDS = 1;

/** The one mapping from auth failures to HTTP; the switch is exhaustive, so a new code must be mapped. */
export function authProblem(code: AuthError, errors?: FieldError[]): ProblemException {
  switch (code) {
    case AuthError.InvalidCredentials:
      return new ProblemException(401, {
        code,
        title: 'Sign-in failed',
        detail: 'The email or password is incorrect.',
      });
    case AuthError.NotAuthenticated:
      return new ProblemException(401, {
        code,
        title: 'Not signed in',
        detail: 'Sign in, or send a valid API token.',
      });
    case AuthError.AmbiguousCredentials:
      return new ProblemException(400, {
        code,
        detail: 'Send either a session cookie or a bearer token, not both.',
      });
    case AuthError.CrossSiteRequest:
      return new ProblemException(403, {
        code,
        title: 'Cross-site request refused',
        detail: 'This request must come from the application’s own origin.',
      });
    case AuthError.CsrfTokenInvalid:
      return new ProblemException(403, {
        code,
        title: 'CSRF token missing or invalid',
        detail: 'Send the X-CSRF-Token header with the token from GET /api/auth/session.',
      });
    case AuthError.SessionRequired:
      return new ProblemException(403, {
        code,
        detail: 'This action needs a signed-in person, not an API token.',
      });
    case AuthError.PlatformAdminRequired:
      return new ProblemException(403, { code, detail: 'Only platform administrators may do this.' });
    case AuthError.AccessNotDeclared:
      return new ProblemException(403, {
        code,
        detail: 'This route does not declare who may use it, so nobody may.',
      });
    case AuthError.WrongCurrentPassword:
      return new ProblemException(400, {
        code,
        detail: 'The current password is incorrect.',
        errors: [{ field: 'currentPassword', message: 'The current password is incorrect.' }],
      });
    case AuthError.PasswordPolicy:
      return new ProblemException(400, {
        code,
        title: 'Password not accepted',
        detail: (errors ?? []).map((e) => e.message).join(' '),
        errors,
      });
    case AuthError.SessionNotFound:
      return new ProblemException(404, { code, detail: 'No such active session of yours.' });
    case AuthError.UserNotFound:
      return new ProblemException(404, { code, detail: 'No such user.' });
    case AuthError.HashingBusy:
      return new ProblemException(503, {
        code,
        title: 'Too many password checks in progress',
        detail: `The server is checking as many passwords as it allows at once. Retry in ${HASHING_BUSY_RETRY_AFTER_SECONDS} s.`,
        headers: { 'retry-after': String(HASHING_BUSY_RETRY_AFTER_SECONDS) },
      });
    default:
      return assertUnreachable(code);
  }
}
