import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';

/** Every migration in order; the server's DataSource, the CLI and the tests all use this list. */
export const MIGRATIONS = [InitialSchema1764000000000];

export { seed, SEED_IDS, SEED_USERS } from './seed';
export type { SeedOptions, SeedResult } from './seed';
export { SYSTEM_ROLES, systemRoleId } from './system-roles';
export type { SystemRoleKey } from './system-roles';
