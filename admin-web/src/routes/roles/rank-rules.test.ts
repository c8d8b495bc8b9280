import { describe, expect, it } from 'vitest';
import { rankRules } from './rank-rules';

const roles = [
  { key: 'owner', permissions: ['workspace:read', 'workspace:delete', 'members:invite'] },
  { key: 'admin', permissions: ['workspace:read', 'members:invite', 'roles:manage'] },
  { key: 'viewer', permissions: ['workspace:read'] },
];
const as = (role: string, permissions: string[]) =>
  rankRules(
    { access: { role: { key: role, name: role, id: role, isSystem: true }, permissions } as never },
    roles,
  );

describe('rankRules', () => {
  it('lets owners act on anyone and give any role', () => {
    const owner = as('owner', ['workspace:read']);
    expect(['owner', 'admin', 'viewer'].map(owner.mayActOn)).toEqual([true, true, true]);
  });

  it('lets others act only on roles whose every permission they hold, never on owners', () => {
    const inviter = as('inviter', ['workspace:read', 'members:invite']);
    expect(['owner', 'admin', 'viewer'].map(inviter.mayGrant)).toEqual([false, false, true]);
    const admin = as('admin', ['workspace:read', 'members:invite', 'roles:manage']);
    expect(['owner', 'admin', 'viewer'].map(admin.mayActOn)).toEqual([false, true, true]);
  });

  it('leaves a role it does not know to the server', () => {
    expect(as('viewer', ['workspace:read']).mayActOn('custom-role')).toBe(true);
  });
});
