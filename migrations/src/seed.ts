import type { QueryRunner } from 'typeorm';
import { systemRoleId, SystemRoleKey } from './system-roles';

export interface SeedOptions {
  /** Password every demo user signs in with. */
  password: string;
  /** Produces the stored hash; injected so the seed uses exactly the server's password hashing. */
  hashPassword: (password: string) => Promise<string>;
}

export interface SeedResult {
  users: number;
  workspaces: number;
  memberships: number;
}

const id = (group: number, n: number) =>
  `${String(group).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Fixed ids, so every run (and every machine) produces the same demo data. */
export const SEED_IDS = {
  users: {
    owner: id(1, 1),
    admin: id(1, 2),
    member: id(1, 3),
    viewer: id(1, 4),
    ops: id(1, 5),
    newcomer: id(1, 6),
  },
  workspaces: { acme: id(2, 1), globex: id(2, 2), initech: id(2, 3) },
  roles: { acmeAuditor: id(3, 1) },
} as const;

export const SEED_USERS = [
  { id: SEED_IDS.users.owner, email: 'owner@example.com', displayName: 'Olivia Owner', platformAdmin: false },
  { id: SEED_IDS.users.admin, email: 'admin@example.com', displayName: 'Adam Admin', platformAdmin: false },
  {
    id: SEED_IDS.users.member,
    email: 'member@example.com',
    displayName: 'Maya Member',
    platformAdmin: false,
  },
  {
    id: SEED_IDS.users.viewer,
    email: 'viewer@example.com',
    displayName: 'Victor Viewer',
    platformAdmin: false,
  },
  { id: SEED_IDS.users.ops, email: 'ops@example.com', displayName: 'Oscar Ops', platformAdmin: true },
  {
    id: SEED_IDS.users.newcomer,
    email: 'newcomer@example.com',
    displayName: 'Nina Newcomer',
    platformAdmin: false,
  },
] as const;

const TEAMMATE_NAMES = [
  'Ada Lovelace',
  'Alan Turing',
  'Barbara Liskov',
  'Claude Shannon',
  'Donald Knuth',
  'Edsger Dijkstra',
  'Frances Allen',
  'Grace Hopper',
  'Hedy Lamarr',
  'John Backus',
  'Ken Thompson',
  'Leslie Lamport',
  'Margaret Hamilton',
  'Niklaus Wirth',
  'Radia Perlman',
  'Tony Hoare',
  'Whitfield Diffie',
  'Yukihiro Matsumoto',
];

function teammateRoleId(index: number): string {
  if (index === 1) return SEED_IDS.roles.acmeAuditor;
  const role: SystemRoleKey = index % 3 === 0 ? 'viewer' : 'member';
  return systemRoleId(role);
}

const TEAMMATES = TEAMMATE_NAMES.map((displayName, index) => ({
  id: id(4, index + 1),
  email: `${displayName.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
  displayName,
  roleId: teammateRoleId(index),
}));

const WORKSPACES = [
  { id: SEED_IDS.workspaces.acme, slug: 'acme', name: 'Acme Corp' },
  { id: SEED_IDS.workspaces.globex, slug: 'globex', name: 'Globex' },
  { id: SEED_IDS.workspaces.initech, slug: 'initech', name: 'Initech' },
];

const MEMBERSHIPS: { workspaceId: string; userId: string; roleId: string }[] = [
  { workspaceId: SEED_IDS.workspaces.acme, userId: SEED_IDS.users.owner, roleId: systemRoleId('owner') },
  { workspaceId: SEED_IDS.workspaces.acme, userId: SEED_IDS.users.admin, roleId: systemRoleId('admin') },
  { workspaceId: SEED_IDS.workspaces.acme, userId: SEED_IDS.users.member, roleId: systemRoleId('member') },
  { workspaceId: SEED_IDS.workspaces.acme, userId: SEED_IDS.users.viewer, roleId: systemRoleId('viewer') },
  ...TEAMMATES.map((t) => ({ workspaceId: SEED_IDS.workspaces.acme, userId: t.id, roleId: t.roleId })),
  { workspaceId: SEED_IDS.workspaces.globex, userId: SEED_IDS.users.owner, roleId: systemRoleId('owner') },
  { workspaceId: SEED_IDS.workspaces.globex, userId: SEED_IDS.users.admin, roleId: systemRoleId('member') },
  { workspaceId: SEED_IDS.workspaces.globex, userId: SEED_IDS.users.member, roleId: systemRoleId('admin') },
  { workspaceId: SEED_IDS.workspaces.initech, userId: SEED_IDS.users.admin, roleId: systemRoleId('owner') },
  { workspaceId: SEED_IDS.workspaces.initech, userId: SEED_IDS.users.viewer, roleId: systemRoleId('member') },
];

// One seeded clock, so timestamps are identical on every run.
const SEEDED_AT = '2026-01-05T09:00:00Z';

/**
 * Deterministic and idempotent demo data: fixed ids and content, inserted with ON CONFLICT DO NOTHING
 * inside one transaction, so a second run changes nothing and a failed run leaves nothing half-done.
 */
export async function seed(db: QueryRunner, options: SeedOptions): Promise<SeedResult> {
  const passwordHash = await options.hashPassword(options.password);
  const users = [
    ...SEED_USERS.map((u) => ({ ...u })),
    ...TEAMMATES.map((t) => ({ id: t.id, email: t.email, displayName: t.displayName, platformAdmin: false })),
  ];
  await db.startTransaction();
  try {
    for (const u of users) {
      await db.query(
        `INSERT INTO "users" ("id", "email", "display_name", "password_hash", "is_platform_admin", "created_at", "updated_at")
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT DO NOTHING`,
        [u.id, u.email, u.displayName, passwordHash, u.platformAdmin, SEEDED_AT],
      );
    }
    for (const w of WORKSPACES) {
      await db.query(
        `INSERT INTO "workspaces" ("id", "slug", "name", "created_at", "updated_at") VALUES ($1, $2, $3, $4, $4) ON CONFLICT DO NOTHING`,
        [w.id, w.slug, w.name, SEEDED_AT],
      );
    }
    await db.query(
      `INSERT INTO "roles" ("id", "workspace_id", "key", "name", "description", "permissions", "is_system", "created_at", "updated_at")
       VALUES ($1, $2, 'auditor', 'Auditor', 'Reads members and the audit log.', $3, false, $4, $4) ON CONFLICT DO NOTHING`,
      [
        SEED_IDS.roles.acmeAuditor,
        SEED_IDS.workspaces.acme,
        ['workspace:read', 'members:read', 'audit:read'],
        SEEDED_AT,
      ],
    );
    for (const m of MEMBERSHIPS) {
      await db.query(
        `INSERT INTO "memberships" ("workspace_id", "user_id", "role_id", "created_at", "updated_at")
         VALUES ($1, $2, $3, $4, $4) ON CONFLICT DO NOTHING`,
        [m.workspaceId, m.userId, m.roleId, SEEDED_AT],
      );
    }
    await db.query(
      `INSERT INTO "invitations" ("id", "workspace_id", "email", "role_id", "token_hash", "invited_by", "expires_at", "created_at")
       VALUES ($1, $2, 'new.hire@example.com', $3, sha256('seeded-invitation-1'::bytea), $4, '2099-01-01T00:00:00Z', $5),
              ($6, $2, 'late.reply@example.com', $7, sha256('seeded-invitation-2'::bytea), $4, '2026-01-12T09:00:00Z', $5)
       ON CONFLICT DO NOTHING`,
      [
        id(5, 1),
        SEED_IDS.workspaces.acme,
        systemRoleId('member'),
        SEED_IDS.users.admin,
        SEEDED_AT,
        id(5, 2),
        systemRoleId('viewer'),
      ],
    );
    const events: [number, string, string, string, string][] = [
      [1, SEED_IDS.workspaces.acme, SEED_IDS.users.owner, 'workspace.created', SEED_IDS.workspaces.acme],
      [2, SEED_IDS.workspaces.acme, SEED_IDS.users.owner, 'member.role_changed', SEED_IDS.users.admin],
      [3, SEED_IDS.workspaces.acme, SEED_IDS.users.admin, 'invitation.created', id(5, 1)],
      [4, SEED_IDS.workspaces.acme, SEED_IDS.users.owner, 'role.created', SEED_IDS.roles.acmeAuditor],
      [5, SEED_IDS.workspaces.globex, SEED_IDS.users.owner, 'workspace.created', SEED_IDS.workspaces.globex],
    ];
    for (const [n, workspaceId, actorId, action, targetId] of events) {
      await db.query(
        `INSERT INTO "audit_events" ("id", "workspace_id", "actor_id", "actor_kind", "action", "target_id", "metadata", "created_at")
         VALUES ($1, $2, $3, 'user', $4, $5, '{"seeded": true}', $6::timestamptz + ($7 || ' minutes')::interval) ON CONFLICT DO NOTHING`,
        [id(6, n), workspaceId, actorId, action, targetId, SEEDED_AT, String(n * 7)],
      );
    }
    await db.query(
      `INSERT INTO "feature_flags" ("id", "workspace_id", "key", "enabled", "created_at", "updated_at")
       VALUES ($1, $2, 'audit-export', true, $3, $3) ON CONFLICT DO NOTHING`,
      [id(7, 1), SEED_IDS.workspaces.acme, SEEDED_AT],
    );
    await db.commitTransaction();
  } catch (error) {
    await db.rollbackTransaction();
    throw error;
  }
  return { users: users.length, workspaces: WORKSPACES.length, memberships: MEMBERSHIPS.length };
}
