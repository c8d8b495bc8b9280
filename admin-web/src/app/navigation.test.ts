import { describe, expect, it } from 'vitest';
import {
  canAccess,
  navItem,
  pathAfterSwitch,
  visibleNavItems,
  workspaceItemOfPath,
  type PermissionKey,
} from './navigation';

const VIEWER: PermissionKey[] = ['workspace:read'];
const MEMBER: PermissionKey[] = ['workspace:read', 'members:read'];
const AUDITOR: PermissionKey[] = ['workspace:read', 'members:read', 'audit:read'];
const ADMIN: PermissionKey[] = [
  'workspace:read',
  'workspace:update',
  'members:read',
  'members:invite',
  'members:update-role',
  'members:remove',
  'roles:read',
  'roles:manage',
  'api-tokens:manage',
  'audit:read',
  'flags:manage',
];

const ids = (permissions: PermissionKey[], isPlatformAdmin = false) =>
  visibleNavItems({ permissions, isPlatformAdmin }, 'workspace').map((item) => item.id);

describe('visibleNavItems', () => {
  it('shows a viewer the overview and the flags, which anyone in the workspace may read', () => {
    expect(ids(VIEWER)).toEqual(['overview', 'flags']);
  });

  it('adds members for the member role', () => {
    expect(ids(MEMBER)).toEqual(['overview', 'members', 'flags']);
  });

  it('follows a custom role exactly', () => {
    expect(ids(AUDITOR)).toEqual(['overview', 'members', 'audit', 'flags']);
  });

  it('shows an admin every workspace screen', () => {
    expect(ids(ADMIN)).toEqual([
      'overview',
      'members',
      'invitations',
      'roles',
      'api-tokens',
      'audit',
      'flags',
      'settings',
    ]);
  });

  it('shows nothing without any permission', () => {
    expect(ids([])).toEqual([]);
  });

  it('shows platform screens to platform administrators only', () => {
    expect(visibleNavItems({ permissions: ADMIN, isPlatformAdmin: false }, 'platform')).toEqual([]);
    expect(visibleNavItems({ permissions: [], isPlatformAdmin: true }, 'platform').map((i) => i.id)).toEqual([
      'admin-workspaces',
      'admin-users',
    ]);
  });
});

describe('canAccess', () => {
  it('keeps the flags screen from someone without a role in the workspace', () => {
    expect(canAccess(navItem('flags'), { permissions: [], isPlatformAdmin: true })).toBe(false);
    expect(canAccess(navItem('flags'), { permissions: VIEWER, isPlatformAdmin: false })).toBe(true);
  });

  it('does not treat platform administration as a workspace permission', () => {
    expect(canAccess(navItem('roles'), { permissions: [], isPlatformAdmin: true })).toBe(false);
  });
});

describe('workspaceItemOfPath', () => {
  it.each([
    ['/w/acme', 'overview'],
    ['/w/acme/', 'overview'],
    ['/w/acme/members', 'members'],
    ['/w/acme/roles/5d0f', 'roles'],
    ['/w/acme/api-tokens?x=1', 'api-tokens'],
    ['/w/acme/flags', 'flags'],
  ])('maps %s to %s', (path, id) => {
    expect(workspaceItemOfPath(path)?.id).toBe(id);
  });

  it('knows nothing of paths outside a workspace or unknown sections', () => {
    expect(workspaceItemOfPath('/account')).toBeUndefined();
    expect(workspaceItemOfPath('/w/acme/nope')).toBeUndefined();
  });
});

describe('pathAfterSwitch', () => {
  it('keeps the screen when the role there allows it', () => {
    expect(pathAfterSwitch('/w/acme/members', 'globex', MEMBER)).toBe('/w/globex/members');
  });

  it('drops the detail part of the path', () => {
    expect(pathAfterSwitch('/w/acme/roles/123', 'globex', ADMIN)).toBe('/w/globex/roles');
  });

  it('falls back to the overview when the role there lacks the permission', () => {
    expect(pathAfterSwitch('/w/acme/audit', 'globex', VIEWER)).toBe('/w/globex');
  });

  it('goes to the overview from screens outside a workspace', () => {
    expect(pathAfterSwitch('/account/sessions', 'globex', ADMIN)).toBe('/w/globex');
  });
});
