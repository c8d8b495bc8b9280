import { assertUnreachable, FieldError, ProblemException } from '../core/errors';

export enum WorkspaceError {
  SlugTaken = 'slug-taken',
  SlugConfirmationMismatch = 'slug-confirmation-mismatch',
  MemberNotFound = 'member-not-found',
  UnknownRole = 'unknown-role',
  UnknownPermission = 'unknown-permission',
  CannotGrant = 'cannot-grant',
  OwnerOnly = 'owner-only',
  OutrankedByTarget = 'outranked-by-target',
  LastOwner = 'last-owner',
  AlreadyMember = 'already-member',
  AlreadyInvited = 'already-invited',
  InvitationNotFound = 'invitation-not-found',
  InvitationInvalid = 'invitation-invalid',
  InvitationEmailMismatch = 'invitation-email-mismatch',
  AccountExists = 'account-exists',
  SignUpDetailsRequired = 'sign-up-details-required',
  InvitationRateLimited = 'invitation-rate-limited',
  RoleNotFound = 'role-not-found',
  SystemRoleReadOnly = 'system-role-read-only',
  RoleInUse = 'role-in-use',
  TokenNotFound = 'token-not-found',
  SessionRequiredForTokens = 'session-required-for-tokens',
  FlagNotFound = 'flag-not-found',
}

export interface WorkspaceProblemDetails {
  detail?: string;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The one mapping from workspace rule violations to HTTP; exhaustive over the codes above. */
export function workspaceProblem(
  code: WorkspaceError,
  details: WorkspaceProblemDetails = {},
): ProblemException {
  const problem = (status: number, title: string, detail: string) =>
    new ProblemException(status, {
      code,
      title,
      detail: details.detail ?? detail,
      errors: details.errors,
      extensions: details.extensions,
      headers: details.headers,
    });
  switch (code) {
    case WorkspaceError.SlugTaken:
      return problem(409, 'Slug taken', 'Another workspace already uses this slug.');
    case WorkspaceError.SlugConfirmationMismatch:
      return problem(
        400,
        'Confirmation does not match',
        'Type the workspace slug exactly to confirm deletion.',
      );
    case WorkspaceError.MemberNotFound:
      return problem(404, 'Member not found', 'No such member in this workspace.');
    case WorkspaceError.UnknownRole:
      return problem(400, 'Unknown role', 'No role with this key exists in this workspace.');
    case WorkspaceError.UnknownPermission:
      return problem(400, 'Unknown permission', 'One or more permission keys are not in the catalogue.');
    case WorkspaceError.CannotGrant:
      return problem(403, 'Cannot grant', 'You cannot grant permissions you do not hold.');
    case WorkspaceError.OwnerOnly:
      return problem(403, 'Owners only', 'Only an owner may change owners or transfer ownership.');
    case WorkspaceError.OutrankedByTarget:
      return problem(
        403,
        'Role above yours',
        'You can act only on people and grants whose every permission you hold yourself.',
      );
    case WorkspaceError.LastOwner:
      return problem(
        409,
        'Last owner',
        'A workspace must keep at least one owner. Make someone else owner first.',
      );
    case WorkspaceError.AlreadyMember:
      return problem(409, 'Already a member', 'This person is already a member of the workspace.');
    case WorkspaceError.AlreadyInvited:
      return problem(
        409,
        'Already invited',
        'A pending invitation for this email exists; resend it instead.',
      );
    case WorkspaceError.InvitationNotFound:
      return problem(404, 'Invitation not found', 'No such invitation in this workspace.');
    case WorkspaceError.InvitationInvalid:
      return problem(
        410,
        'Invitation invalid',
        'This invitation link is invalid, expired, revoked or already used.',
      );
    case WorkspaceError.InvitationEmailMismatch:
      return problem(
        403,
        'Invitation for someone else',
        'This invitation was sent to another email address.',
      );
    case WorkspaceError.AccountExists:
      return problem(
        409,
        'Account exists',
        'An account with this email exists: sign in, then accept the invitation.',
      );
    case WorkspaceError.SignUpDetailsRequired:
      return problem(
        400,
        'Sign-up details required',
        'To accept without signing in, give a display name and a password.',
      );
    case WorkspaceError.InvitationRateLimited:
      return problem(
        429,
        'Too many invitations',
        'Too many invitations were sent recently. Try again later.',
      );
    case WorkspaceError.RoleNotFound:
      return problem(404, 'Role not found', 'No such role in this workspace.');
    case WorkspaceError.SystemRoleReadOnly:
      return problem(403, 'System role', 'System roles cannot be changed or deleted.');
    case WorkspaceError.RoleInUse:
      return problem(
        409,
        'Role in use',
        'Members or invitations use this role: name a replacement role for them.',
      );
    case WorkspaceError.TokenNotFound:
      return problem(404, 'Token not found', 'No such active API token in this workspace.');
    case WorkspaceError.SessionRequiredForTokens:
      return problem(403, 'Session required', 'API tokens cannot create other API tokens.');
    case WorkspaceError.FlagNotFound:
      return problem(404, 'Flag not found', 'No feature flag with this key.');
    default:
      return assertUnreachable(code);
  }
}
