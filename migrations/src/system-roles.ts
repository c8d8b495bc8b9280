/** Fixed ids of the four system roles, inserted by the initial migration and shared by every workspace. */
export const SYSTEM_ROLES = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    key: 'owner',
    name: 'Owner',
    description: 'Full control, including deleting the workspace and transferring ownership.',
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    key: 'admin',
    name: 'Admin',
    description:
      'Manages members, roles, invitations, API tokens and settings; cannot delete the workspace or change owners.',
  },
  {
    id: '00000000-0000-4000-8000-000000000003',
    key: 'member',
    name: 'Member',
    description: 'Reads the workspace and its members.',
  },
  {
    id: '00000000-0000-4000-8000-000000000004',
    key: 'viewer',
    name: 'Viewer',
    description: 'Reads the workspace.',
  },
] as const;

export type SystemRoleKey = (typeof SYSTEM_ROLES)[number]['key'];

export function systemRoleId(key: SystemRoleKey): string {
  const role = SYSTEM_ROLES.find((r) => r.key === key);
  if (!role) throw new Error(`Unknown system role ${key}`);
  return role.id;
}
