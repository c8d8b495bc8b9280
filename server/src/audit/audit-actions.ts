/**
 * Every action the audit log records: the one list the server writes from, the OpenAPI document
 * publishes as an enum, and the admin web names in plain language (its typecheck fails on a new one).
 */
export const AUDIT_ACTIONS = [
  'access.denied',
  'account.password_changed',
  'account.profile_updated',
  'admin.platform_admin_created',
  'admin.platform_admin_granted',
  'admin.user_disabled',
  'admin.user_enabled',
  'admin.user_unlocked',
  'api_token.created',
  'api_token.revoked',
  'auth.locked',
  'auth.sign_in_failed',
  'auth.signed_in',
  'auth.signed_out',
  'auth.signed_out_everywhere',
  'flag.reset',
  'flag.set',
  'invitation.accepted',
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'member.left',
  'member.removed',
  'member.role_changed',
  'role.created',
  'role.deleted',
  'role.updated',
  'session.revoked',
  'workspace.created',
  'workspace.deleted',
  'workspace.ownership_transferred',
  'workspace.updated',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
