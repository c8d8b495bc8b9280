import {
  Building2,
  KeyRound,
  LayoutDashboard,
  Mail,
  ScrollText,
  Settings,
  ShieldCheck,
  ToggleRight,
  Users,
  type LucideIcon,
} from 'lucide-react';
import type { Schema } from '../api/types';

/** Permission keys from the server's catalogue, as its OpenAPI document enumerates them. */
export type PermissionKey = Schema['PermissionKey'];

/** Who may see an item: holders of a workspace permission, or platform administrators. */
export type NavAccess = { permission: PermissionKey } | { platformAdmin: true };

export interface NavItem {
  id: string;
  label: string;
  icon: LucideIcon;
  /** Path under /w/:slug for workspace items (empty for the overview), absolute for the others. */
  path: string;
  scope: 'workspace' | 'platform';
  access: NavAccess;
}

/**
 * Every screen reachable from the sidebar, with what it needs. The sidebar hides what the role lacks and
 * the routes render the 403 page for the same items, so both read this one list.
 */
export const NAV_ITEMS = [
  {
    id: 'overview',
    label: 'Overview',
    icon: LayoutDashboard,
    path: '',
    scope: 'workspace',
    access: { permission: 'workspace:read' },
  },
  {
    id: 'members',
    label: 'Members',
    icon: Users,
    path: 'members',
    scope: 'workspace',
    access: { permission: 'members:read' },
  },
  {
    id: 'invitations',
    label: 'Invitations',
    icon: Mail,
    path: 'invitations',
    scope: 'workspace',
    access: { permission: 'members:invite' },
  },
  {
    id: 'roles',
    label: 'Roles',
    icon: ShieldCheck,
    path: 'roles',
    scope: 'workspace',
    access: { permission: 'roles:read' },
  },
  {
    id: 'api-tokens',
    label: 'API tokens',
    icon: KeyRound,
    path: 'api-tokens',
    scope: 'workspace',
    access: { permission: 'api-tokens:manage' },
  },
  {
    id: 'audit',
    label: 'Audit log',
    icon: ScrollText,
    path: 'audit',
    scope: 'workspace',
    access: { permission: 'audit:read' },
  },
  {
    // Everyone in a workspace may read its flags; changing one needs flags:manage, which the screen
    // itself checks to offer or disable the switches.
    id: 'flags',
    label: 'Feature flags',
    icon: ToggleRight,
    path: 'flags',
    scope: 'workspace',
    access: { permission: 'workspace:read' },
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: Settings,
    path: 'settings',
    scope: 'workspace',
    access: { permission: 'workspace:update' },
  },
  {
    id: 'admin-workspaces',
    label: 'All workspaces',
    icon: Building2,
    path: '/admin/workspaces',
    scope: 'platform',
    access: { platformAdmin: true },
  },
  {
    id: 'admin-users',
    label: 'All users',
    icon: Users,
    path: '/admin/users',
    scope: 'platform',
    access: { platformAdmin: true },
  },
] as const satisfies readonly NavItem[];

export type NavItemId = (typeof NAV_ITEMS)[number]['id'];

export interface Viewer {
  /** Effective permissions in the current workspace; empty when there is none. */
  permissions: readonly string[];
  isPlatformAdmin: boolean;
}

export function navItem(id: NavItemId): NavItem {
  const item = NAV_ITEMS.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`Unknown navigation item ${id}`);
  return item;
}

export function canAccess(item: NavItem, viewer: Viewer): boolean {
  return 'permission' in item.access
    ? viewer.permissions.includes(item.access.permission)
    : viewer.isPlatformAdmin;
}

export function visibleNavItems(viewer: Viewer, scope: NavItem['scope']): NavItem[] {
  return NAV_ITEMS.filter((item) => item.scope === scope && canAccess(item, viewer));
}

export function workspacePath(slug: string, item: NavItem): string {
  return item.path ? `/w/${slug}/${item.path}` : `/w/${slug}`;
}

/** The workspace item a path belongs to: `/w/acme/roles/123` → roles. */
export function workspaceItemOfPath(pathname: string): NavItem | undefined {
  const match = /^\/w\/[^/]+(?:\/([^/?#]+))?/.exec(pathname);
  if (!match) return undefined;
  const section = match[1] ?? '';
  return NAV_ITEMS.find((item) => item.scope === 'workspace' && item.path === section);
}

/**
 * Where to land after switching to another workspace: the same screen if the role there may see it,
 * otherwise that workspace's overview. Detail pages (a role's id) mean nothing in another workspace, so
 * only the section is kept.
 */
export function pathAfterSwitch(
  currentPath: string,
  slug: string,
  permissionsThere: readonly string[],
): string {
  const item = workspaceItemOfPath(currentPath) ?? navItem('overview');
  const allowed = canAccess(item, { permissions: permissionsThere, isPlatformAdmin: false });
  return workspacePath(slug, allowed ? item : navItem('overview'));
}
