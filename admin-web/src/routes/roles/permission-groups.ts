import type { PermissionInfo } from '../../api/types';
import { NAV_ITEMS, canAccess } from '../../app/navigation';

export interface PermissionGroup {
  resource: string;
  label: string;
  permissions: PermissionInfo[];
}

const RESOURCE_LABELS: Record<string, string> = {
  workspace: 'Workspace',
  members: 'Members',
  roles: 'Roles',
  'api-tokens': 'API tokens',
  audit: 'Audit log',
  flags: 'Feature flags',
};

/** The catalogue grouped by resource (the part of the key before the colon), in catalogue order. */
export function groupPermissions(permissions: PermissionInfo[]): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>();
  for (const permission of permissions) {
    const resource = permission.key.split(':')[0] ?? permission.key;
    const group = groups.get(resource) ?? {
      resource,
      label: RESOURCE_LABELS[resource] ?? resource,
      permissions: [],
    };
    group.permissions.push(permission);
    groups.set(resource, group);
  }
  return [...groups.values()];
}

export interface AccessPreview {
  /** Per resource, what holders may do there (empty when nothing). */
  abilities: { label: string; actions: string[] }[];
  /** The screens the sidebar will show them. */
  screens: string[];
}

/** "Who can do what" for a set of permissions, as the role editor shows it while boxes are ticked. */
export function previewAccess(groups: PermissionGroup[], granted: ReadonlySet<string>): AccessPreview {
  return {
    abilities: groups.map((group) => ({
      label: group.label,
      actions: group.permissions.filter((p) => granted.has(p.key)).map((p) => p.label),
    })),
    screens: NAV_ITEMS.filter(
      (item) =>
        item.scope === 'workspace' && canAccess(item, { permissions: [...granted], isPlatformAdmin: false }),
    ).map((item) => item.label),
  };
}
