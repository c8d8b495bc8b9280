import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../core/paths';
import { PERMISSION_KEYS, SYSTEM_ROLE_PERMISSIONS } from './permission-catalogue';
import { renderPermissionMatrix } from './permission-matrix';

describe(renderPermissionMatrix.name, () => {
  it('docs/05-dashboard/permission-matrix.md is up to date (regenerate with `npm run generate`)', () => {
    expect(readFileSync(resolve(REPO_ROOT, 'docs/05-dashboard/permission-matrix.md'), 'utf8')).toBe(
      renderPermissionMatrix(),
    );
  });

  it('gives owners everything, admins all but workspace deletion, members and viewers read access', () => {
    expect(SYSTEM_ROLE_PERMISSIONS.owner).toEqual(PERMISSION_KEYS);
    expect(PERMISSION_KEYS.filter((p) => !SYSTEM_ROLE_PERMISSIONS.admin.includes(p))).toEqual([
      'workspace:delete',
    ]);
    expect(SYSTEM_ROLE_PERMISSIONS.member).toEqual(['workspace:read', 'members:read']);
    expect(SYSTEM_ROLE_PERMISSIONS.viewer).toEqual(['workspace:read']);
  });
});
