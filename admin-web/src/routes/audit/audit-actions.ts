import type { Schema } from '../../api/types';

type AuditAction = Schema['AuditAction'];

/**
 * Plain-language names of every action the server records. Typed by the server's enum, so an action added
 * there fails this file's typecheck until it is named here.
 */
export const AUDIT_ACTIONS: Record<AuditAction, string> = {
  'access.denied': 'was denied access',
  'account.password_changed': 'changed their password',
  'account.profile_updated': 'updated their profile',
  'admin.platform_admin_created': 'created a platform admin',
  'admin.platform_admin_granted': 'made someone a platform admin',
  'admin.user_disabled': 'disabled a user',
  'admin.user_enabled': 'enabled a user',
  'admin.user_unlocked': 'ended a user’s lockout',
  'api_token.created': 'created an API token',
  'api_token.revoked': 'revoked an API token',
  'auth.locked': 'was locked out',
  'auth.sign_in_failed': 'failed to sign in',
  'auth.signed_in': 'signed in',
  'auth.signed_out': 'signed out',
  'auth.signed_out_everywhere': 'signed out everywhere',
  'flag.reset': 'reset a feature flag',
  'flag.set': 'set a feature flag',
  'invitation.accepted': 'accepted an invitation',
  'invitation.created': 'invited someone',
  'invitation.resent': 'resent an invitation',
  'invitation.revoked': 'revoked an invitation',
  'member.left': 'left the workspace',
  'member.removed': 'removed a member',
  'member.role_changed': 'changed a member’s role',
  'role.created': 'created a role',
  'role.deleted': 'deleted a role',
  'role.updated': 'updated a role',
  'session.revoked': 'revoked a session',
  'workspace.created': 'created the workspace',
  'workspace.deleted': 'deleted the workspace',
  'workspace.ownership_transferred': 'transferred ownership',
  'workspace.updated': 'updated the workspace',
};

export function describeAction(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
