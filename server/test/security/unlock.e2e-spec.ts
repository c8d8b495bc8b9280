import { SEED_IDS } from '@bastion/migrations';
import request from 'supertest';
import { createSeededDatabase } from '../support/seeded-database';
import { asPage, DEMO_PASSWORD, signIn, SignedIn } from '../support/session-client';
import { startTestApp, TestApp } from '../support/test-app';

type SeededDatabase = Awaited<ReturnType<typeof createSeededDatabase>>;

const THRESHOLD = 3;

describe('platform admins end a sign-in lockout at once', () => {
  let db: SeededDatabase;
  let server: TestApp;
  let ops: SignedIn;

  const attempt = (email: string, password: string) =>
    request(server.url)
      .post('/api/auth/login')
      .set('sec-fetch-site', 'same-origin')
      .send({ email, password });

  /** Wrong passwords until the account locks; then even the right one is refused. */
  async function lockOut(email: string): Promise<void> {
    for (let i = 0; i < THRESHOLD; i++) expect((await attempt(email, 'a wrong guess')).status).toBe(401);
    expect((await attempt(email, DEMO_PASSWORD)).status).toBe(401);
  }

  const adminAction = (action: 'unlock' | 'disable' | 'enable', userId: string) =>
    asPage(ops, request(server.url).post(`/api/admin/users/${userId}/${action}`));

  /** The newest audit row of `action` about `userId`. */
  async function lastAudit(action: string, userId: string) {
    const [row] = await db.query(
      `SELECT actor_id, actor_kind, target_type, target_id, metadata FROM audit_events
       WHERE action = $1 AND target_id = $2 ORDER BY created_at DESC LIMIT 1`,
      [action, userId],
    );
    return row;
  }

  beforeAll(async () => {
    db = await createSeededDatabase();
    server = await startTestApp({
      databaseUrl: db.url,
      env: {
        SIGN_IN_LIMIT_PER_IP: '1000',
        SIGN_IN_LIMIT_PER_EMAIL: '1000',
        SIGN_IN_LOCKOUT_THRESHOLD: String(THRESHOLD),
        SIGN_IN_LOCKOUT_MINUTES: '15',
      },
    });
    ops = await signIn(server.url, 'ops@example.com');
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('unlocks a locked account, audits who did it and what the lock was, and lets the person sign in', async () => {
    await lockOut('member@example.com');

    const res = await adminAction('unlock', SEED_IDS.users.member);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: SEED_IDS.users.member,
      email: 'member@example.com',
      disabled: false,
    });

    const [user] = await db.query(`SELECT failed_sign_in_count, locked_until FROM users WHERE id = $1`, [
      SEED_IDS.users.member,
    ]);
    expect(user).toEqual({ failed_sign_in_count: 0, locked_until: null });
    expect(await lastAudit('admin.user_unlocked', SEED_IDS.users.member)).toMatchObject({
      actor_id: SEED_IDS.users.ops,
      actor_kind: 'user',
      target_type: 'user',
      target_id: SEED_IDS.users.member,
      // The right password tried while locked counted as one more failure.
      metadata: { wasLocked: true, failedSignIns: THRESHOLD + 1, lockedUntil: expect.any(String) },
    });
    expect((await attempt('member@example.com', DEMO_PASSWORD)).status).toBe(200);
  });

  it('audits an unlock of an account that was not locked as such', async () => {
    expect((await adminAction('unlock', SEED_IDS.users.viewer)).status).toBe(200);
    expect(await lastAudit('admin.user_unlocked', SEED_IDS.users.viewer)).toMatchObject({
      actor_id: SEED_IDS.users.ops,
      metadata: { wasLocked: false, failedSignIns: 0, lockedUntil: null },
    });
  });

  it('ends the lock when the account is enabled, and says so in the audit row', async () => {
    await lockOut('admin@example.com');

    expect((await adminAction('enable', SEED_IDS.users.admin)).status).toBe(200);
    expect(await lastAudit('admin.user_enabled', SEED_IDS.users.admin)).toMatchObject({
      actor_id: SEED_IDS.users.ops,
      metadata: { lockCleared: true },
    });
    expect((await attempt('admin@example.com', DEMO_PASSWORD)).status).toBe(200);
  });

  it('ends the lock when the account is disabled, so enabling it later lets the person straight in', async () => {
    await lockOut('viewer@example.com');

    expect((await adminAction('disable', SEED_IDS.users.viewer)).status).toBe(200);
    expect(await lastAudit('admin.user_disabled', SEED_IDS.users.viewer)).toMatchObject({
      actor_id: SEED_IDS.users.ops,
      metadata: { lockCleared: true },
    });
    expect((await attempt('viewer@example.com', DEMO_PASSWORD)).status).toBe(401);

    expect((await adminAction('enable', SEED_IDS.users.viewer)).status).toBe(200);
    expect(await lastAudit('admin.user_enabled', SEED_IDS.users.viewer)).toMatchObject({
      metadata: { lockCleared: false },
    });
    expect((await attempt('viewer@example.com', DEMO_PASSWORD)).status).toBe(200);
  });

  it('lets nobody but a platform admin unlock, and writes nothing when refused', async () => {
    const owner = await signIn(server.url, 'owner@example.com');
    const before = await db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'admin.user_unlocked'`,
    );
    const refused = await asPage(
      owner,
      request(server.url).post(`/api/admin/users/${SEED_IDS.users.member}/unlock`),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('urn:problem-type:bastion:platform-admin-required');
    const after = await db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'admin.user_unlocked'`,
    );
    expect(after[0].n).toBe(before[0].n);
  });
});
