import type { MyAccess } from '../../api/types';

/**
 * The server's rank rules, so screens offer only what it would allow: a role is given, and a member or a
 * pending invitation acted on, only by someone holding every permission it carries; owners alone give
 * or touch the owner role. A role whose permissions are unknown here is left to the server to judge.
 */
export function rankRules(
  { access }: { access: Pick<MyAccess, 'role' | 'permissions'> },
  choices: readonly { key: string; permissions: readonly string[] }[],
) {
  const isOwner = access.role.key === 'owner';
  const held = new Set<string>(access.permissions);
  const covers = (roleKey: string) => {
    if (isOwner) return true;
    if (roleKey === 'owner') return false;
    const role = choices.find((choice) => choice.key === roleKey);
    return !role || role.permissions.every((p) => held.has(p));
  };
  return { mayGrant: covers, mayActOn: covers };
}
