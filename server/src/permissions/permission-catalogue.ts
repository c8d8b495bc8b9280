import type { SystemRoleKey } from '@bastion/migrations';

/**
 * The single source of truth for permissions: guards, the role editor, the web client's menus and the
 * generated permission matrix all read this list.
 */
export const PERMISSIONS = [
  {
    key: 'workspace:read',
    label: 'View workspace',
    description: 'See the workspace, its name and settings.',
  },
  {
    key: 'workspace:update',
    label: 'Edit workspace',
    description: 'Rename the workspace and change its slug.',
  },
  {
    key: 'workspace:delete',
    label: 'Delete workspace',
    description: 'Delete the workspace and everything in it.',
  },
  {
    key: 'members:read',
    label: 'View members',
    description: 'See who belongs to the workspace and their roles.',
  },
  {
    key: 'members:invite',
    label: 'Invite members',
    description: 'Invite people by email, resend and revoke invitations.',
  },
  { key: 'members:update-role', label: 'Change roles', description: 'Give members another role.' },
  { key: 'members:remove', label: 'Remove members', description: 'Remove people from the workspace.' },
  { key: 'roles:read', label: 'View roles', description: 'See the roles and what each allows.' },
  { key: 'roles:manage', label: 'Manage roles', description: 'Create, edit and delete custom roles.' },
  {
    key: 'api-tokens:manage',
    label: 'Manage API tokens',
    description: 'Create and revoke API tokens for scripts.',
  },
  { key: 'audit:read', label: 'Read audit log', description: 'Read the record of who did what.' },
  {
    key: 'flags:manage',
    label: 'Manage feature flags',
    description: 'Turn features on or off for the workspace.',
  },
] as const;

export type PermissionKey = (typeof PERMISSIONS)[number]['key'];

export const PERMISSION_KEYS: readonly PermissionKey[] = PERMISSIONS.map((p) => p.key);

export function isPermissionKey(value: string): value is PermissionKey {
  return (PERMISSION_KEYS as readonly string[]).includes(value);
}

const ALL = PERMISSION_KEYS;

/** What each system role allows. Owners alone may also transfer ownership and change other owners. */
export const SYSTEM_ROLE_PERMISSIONS: Record<SystemRoleKey, readonly PermissionKey[]> = {
  owner: ALL,
  admin: ALL.filter((key) => key !== 'workspace:delete'),
  member: ['workspace:read', 'members:read'],
  viewer: ['workspace:read'],
};

/** A role's effective permissions: system roles from the catalogue, custom roles from their stored keys. */
export function permissionsOfRole(role: {
  key: string;
  isSystem: boolean;
  permissions: readonly string[];
}): Set<PermissionKey> {
  if (role.isSystem) return new Set(SYSTEM_ROLE_PERMISSIONS[role.key as SystemRoleKey] ?? []);
  return new Set(role.permissions.filter(isPermissionKey));
}
