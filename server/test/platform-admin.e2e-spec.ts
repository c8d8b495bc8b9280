import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { REPO_ROOT } from '../src/core/paths';
import { signIn } from './support/session-client';
import { startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const STRONG_PASSWORD = 'correct horse battery staple, indeed';

/** The release-time command an operator runs on a fresh production database: `cli.js create-admin`. */
function createAdmin(databaseUrl: string, args: string[], stdin = '') {
  const result = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'server/dist/cli.js'), 'create-admin', ...args],
    {
      cwd: REPO_ROOT,
      input: stdin,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('create-admin: the first platform admin of a production database', () => {
  let db: TestDatabase;
  let sql: Client;
  let server: TestApp;

  const users = async () =>
    (await sql.query('SELECT email, display_name, is_platform_admin FROM users ORDER BY email')).rows;
  const auditActions = async () =>
    (
      await sql.query(
        `SELECT action, actor_kind FROM audit_events WHERE action LIKE 'admin.platform%' ORDER BY created_at`,
      )
    ).rows;

  beforeAll(async () => {
    // The command under test is the built one, as on a server; build it when the sources are newer.
    const build = spawnSync(process.execPath, [join(__dirname, '../scripts/ensure-built.mjs')], {
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`building the server failed:\n${build.stderr}`);
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    server = await startTestApp({ databaseUrl: db.url });
  });

  afterAll(async () => {
    await server?.close();
    await sql?.end();
    await db?.drop();
  });

  it('refuses a weak password and a missing one, naming the rule, and writes nothing', async () => {
    const weak = createAdmin(db.url, ['--email', 'ops@example.org'], 'password1\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password: Use at least 15 characters/);
    expect(weak.stderr).toMatch(/common or breached/);

    const missing = createAdmin(db.url, ['--email', 'ops@example.org']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/password is needed/);
    expect(missing.stderr).toMatch(/standard input/);

    const badEmail = createAdmin(db.url, ['--email', 'not-an-address'], `${STRONG_PASSWORD}\n`);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toMatch(/email must be an email address/);

    expect(createAdmin(db.url, []).code).toBe(2);
    expect(await users()).toEqual([]);
  });

  it('creates an admin who can sign in and reach the platform screens', async () => {
    const created = createAdmin(
      db.url,
      ['--email', ' Ops@Example.org ', '--name', 'Operations'],
      `${STRONG_PASSWORD}\n`,
    );

    expect(created).toMatchObject({ code: 0, stdout: 'Created platform admin ops@example.org.\n' });
    expect(await users()).toEqual([
      { email: 'ops@example.org', display_name: 'Operations', is_platform_admin: true },
    ]);
    const admin = await signIn(server.url, 'ops@example.org', STRONG_PASSWORD);
    const listed = await request(server.url).get('/api/admin/users').set('cookie', admin.cookie);
    expect(listed.status).toBe(200);
    expect(await auditActions()).toEqual([{ action: 'admin.platform_admin_created', actor_kind: 'system' }]);
  });

  it('says so when run again, and promotes another account only when asked', async () => {
    expect(createAdmin(db.url, ['--email', 'ops@example.org'], `${STRONG_PASSWORD}\n`)).toMatchObject({
      code: 0,
      stdout: 'ops@example.org is already a platform admin.\n',
    });
    await sql.query(
      `INSERT INTO users (email, display_name, password_hash) VALUES ('dana@example.org', 'Dana', 'x')`,
    );

    const refused = createAdmin(db.url, ['--email', 'dana@example.org'], `${STRONG_PASSWORD}\n`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--promote/);
    expect((await users()).find((u) => u.email === 'dana@example.org')?.is_platform_admin).toBe(false);

    expect(createAdmin(db.url, ['--email', 'dana@example.org', '--promote'])).toMatchObject({ code: 0 });
    expect((await users()).find((u) => u.email === 'dana@example.org')?.is_platform_admin).toBe(true);
    expect((await auditActions()).map((a) => a.action)).toEqual([
      'admin.platform_admin_created',
      'admin.platform_admin_granted',
    ]);
  });
});
