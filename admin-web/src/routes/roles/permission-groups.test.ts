import { describe, expect, it } from 'vitest';
import type { PermissionInfo } from '../../api/types';
import { groupPermissions, previewAccess } from './permission-groups';

const catalogue: PermissionInfo[] = [
  { key: 'workspace:read', label: 'View workspace', description: '' },
  { key: 'members:read', label: 'View members', description: '' },
  { key: 'members:invite', label: 'Invite members', description: '' },
  { key: 'audit:read', label: 'Read audit log', description: '' },
];

describe('groupPermissions', () => {
  it('groups by resource in catalogue order', () => {
    expect(groupPermissions(catalogue).map((g) => [g.label, g.permissions.map((p) => p.key)])).toEqual([
      ['Workspace', ['workspace:read']],
      ['Members', ['members:read', 'members:invite']],
      ['Audit log', ['audit:read']],
    ]);
  });
});

describe('previewAccess', () => {
  it('lists allowed actions per resource and the screens the sidebar will show', () => {
    const preview = previewAccess(groupPermissions(catalogue), new Set(['workspace:read', 'audit:read']));
    expect(preview.abilities).toEqual([
      { label: 'Workspace', actions: ['View workspace'] },
      { label: 'Members', actions: [] },
      { label: 'Audit log', actions: ['Read audit log'] },
    ]);
    expect(preview.screens).toEqual(['Overview', 'Audit log', 'Feature flags']);
  });
});
