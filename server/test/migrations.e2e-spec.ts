import { MIGRATIONS, seed, SEED_IDS } from '@bastion/migrations';
import { DataSource } from 'typeorm';
import { hashPassword } from '../src/auth';
import { loadConfig } from '../src/core/config';
import { dataSourceOptions, migrateDown, migrateUp, pendingMigrations } from '../src/core/db';
import { ENTITIES } from '../src/entities';
import { createTestDatabase, TestDatabase } from './support/test-database';

const config = loadConfig({});

function dataSourceFor(url: string): DataSource {
  return new DataSource(dataSourceOptions(config.database, url, ENTITIES, MIGRATIONS));
}

async function tables(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

async function schemaDiff(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

describe('Migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    dataSource = dataSourceFor(db.url);
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('go up from empty to exactly the schema the entities describe, down to empty, and up again', async () => {
    expect(await pendingMigrations(dataSource)).toEqual(MIGRATIONS.map((m) => new m().name));
    await migrateUp(dataSource);
    expect(await pendingMigrations(dataSource)).toEqual([]);
    expect(await schemaDiff(dataSource)).toEqual([]);
    expect(await tables(dataSource)).toEqual(
      [
        'api_tokens',
        'audit_events',
        'feature_flags',
        'invitations',
        'memberships',
        'roles',
        'schema_migrations',
        'sessions',
        'users',
        'workspaces',
      ].sort(),
    );

    for (let i = 0; i < MIGRATIONS.length; i++) await migrateDown(dataSource);
    expect(await tables(dataSource)).toEqual(['schema_migrations']);
    const functions = await dataSource.query(
      `SELECT proname FROM pg_proc WHERE proname = 'audit_events_append_only'`,
    );
    expect(functions).toEqual([]);

    await migrateUp(dataSource);
    expect(await schemaDiff(dataSource)).toEqual([]);
  });

  it('let two concurrent runs collide safely: one applies, the other finds nothing to do', async () => {
    const other = await createTestDatabase({ migrated: false });
    const first = dataSourceFor(other.url);
    const second = dataSourceFor(other.url);
    await Promise.all([first.initialize(), second.initialize()]);
    try {
      const [a, b] = await Promise.all([migrateUp(first), migrateUp(second)]);
      expect([...a, ...b]).toEqual(MIGRATIONS.map((m) => new m().name));
      expect(await schemaDiff(first)).toEqual([]);
    } finally {
      await Promise.all([first.destroy(), second.destroy()]);
      await other.drop();
    }
  });

  it('keep the audit log append-only', async () => {
    await dataSource.query(
      `INSERT INTO audit_events (actor_kind, action) VALUES ('system', 'test.inserted')`,
    );
    await expect(dataSource.query(`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    const rows = await dataSource.query(`SELECT action FROM audit_events WHERE action = 'test.inserted'`);
    expect(rows).toHaveLength(1);
  });
});

describe('Seed', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const hashes: string[] = [];
  const countingHash = async (password: string) => {
    const hash = await hashPassword(password);
    hashes.push(hash);
    return hash;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = dataSourceFor(db.url);
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  async function snapshot(): Promise<Record<string, unknown[]>> {
    const result: Record<string, unknown[]> = {};
    for (const table of [
      'users',
      'workspaces',
      'roles',
      'memberships',
      'invitations',
      'audit_events',
      'feature_flags',
    ]) {
      result[table] = await dataSource.query(`SELECT * FROM "${table}" ORDER BY id`);
    }
    return result;
  }

  it('is deterministic and idempotent: a second run changes nothing', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      const result = await seed(runner, { password: 'a-long-demo-password', hashPassword: countingHash });
      expect(result.workspaces).toBe(3);
      const first = await snapshot();
      await seed(runner, { password: 'a-long-demo-password', hashPassword: countingHash });
      expect(await snapshot()).toEqual(first);
    } finally {
      await runner.release();
    }
  });

  it('creates the demo users with an argon2id hash, each role in acme, a platform admin and a user with no workspace', async () => {
    const users: { email: string; password_hash: string; is_platform_admin: boolean }[] =
      await dataSource.query(`SELECT email, password_hash, is_platform_admin FROM users`);
    const emails = users.map((u) => u.email);
    for (const email of [
      'owner@example.com',
      'admin@example.com',
      'member@example.com',
      'viewer@example.com',
      'ops@example.com',
      'newcomer@example.com',
    ]) {
      expect(emails).toContain(email);
    }
    expect(users.every((u) => u.password_hash.startsWith('$argon2id$'))).toBe(true);
    expect(users.find((u) => u.email === 'ops@example.com')?.is_platform_admin).toBe(true);

    const roles: { email: string; key: string }[] = await dataSource.query(
      `SELECT u.email, r.key FROM memberships m JOIN users u ON u.id = m.user_id JOIN roles r ON r.id = m.role_id
       WHERE m.workspace_id = $1`,
      [SEED_IDS.workspaces.acme],
    );
    expect(roles).toEqual(
      expect.arrayContaining([
        { email: 'owner@example.com', key: 'owner' },
        { email: 'admin@example.com', key: 'admin' },
        { email: 'member@example.com', key: 'member' },
        { email: 'viewer@example.com', key: 'viewer' },
        expect.objectContaining({ key: 'auditor' }),
      ]),
    );
    const newcomer = await dataSource.query(
      `SELECT count(*)::int AS n FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'newcomer@example.com'`,
    );
    expect(newcomer[0].n).toBe(0);
  });

  it('rolls back completely when it fails half-way', async () => {
    const other = await createTestDatabase();
    const otherSource = dataSourceFor(other.url);
    await otherSource.initialize();
    const runner = otherSource.createQueryRunner();
    try {
      await otherSource.query(
        `INSERT INTO workspaces (id, slug, name) VALUES (gen_random_uuid(), 'acme', 'Squatter')`,
      );
      await expect(seed(runner, { password: 'a-long-demo-password', hashPassword })).rejects.toThrow();
      const users = await otherSource.query(`SELECT count(*)::int AS n FROM users`);
      expect(users[0].n).toBe(0);
    } finally {
      await runner.release();
      await otherSource.destroy();
      await other.drop();
    }
  });
});
