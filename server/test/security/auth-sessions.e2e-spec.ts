import request from 'supertest';
import { SessionService } from '../../src/auth';
import { Clock } from '../../src/core/clock';
import { createSeededDatabase } from '../support/seeded-database';
import { asPage, DEMO_PASSWORD, sessionTokenOf, signIn } from '../support/session-client';
import { startTestApp, TestApp } from '../support/test-app';

type SeededDatabase = Awaited<ReturnType<typeof createSeededDatabase>>;

describe('Authentication and sessions (security)', () => {
  let db: SeededDatabase;
  let server: TestApp;
  const http = () => request(server.url);

  beforeAll(async () => {
    db = await createSeededDatabase();
    server = await startTestApp({
      databaseUrl: db.url,
      env: { SIGN_IN_LIMIT_PER_IP: '1000', SIGN_IN_LIMIT_PER_EMAIL: '1000', RATE_LIMIT_PER_MINUTE: '100000' },
    });
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const sessionStatus = (cookie: string) =>
    http()
      .get('/api/auth/session')
      .set('cookie', cookie)
      .then((r) => r.status);

  describe('sign-in', () => {
    it('accepts the email in any case and answers the session contract', async () => {
      const session = await signIn(server.url, 'Owner@Example.COM');
      expect(session.body).toMatchObject({
        user: { email: 'owner@example.com', displayName: 'Olivia Owner', isPlatformAdmin: false },
        csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        workspaces: expect.arrayContaining([
          { id: expect.any(String), slug: 'acme', name: 'Acme Corp', role: 'owner' },
        ]),
      });
    });

    it('sets an HttpOnly, SameSite=Lax, Path=/ cookie and never caches the answer', async () => {
      const res = await http()
        .post('/api/auth/login')
        .set('sec-fetch-site', 'same-origin')
        .send({ email: 'admin@example.com', password: DEMO_PASSWORD });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(
        /^bastion_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/,
      );
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('answers unknown email, wrong password, disabled and locked accounts identically', async () => {
      await db.query(`UPDATE users SET disabled_at = now() WHERE email = 'teammate.disabled@example.com'`);
      await db.query(
        `INSERT INTO users (email, display_name, password_hash, disabled_at) SELECT 'disabled@example.com', 'D', password_hash, now() FROM users WHERE email = 'viewer@example.com'`,
      );
      await db.query(
        `INSERT INTO users (email, display_name, password_hash, locked_until) SELECT 'locked@example.com', 'L', password_hash, now() + interval '1 hour' FROM users WHERE email = 'viewer@example.com'`,
      );
      const attempts = [
        { email: 'nobody@example.com', password: DEMO_PASSWORD },
        { email: 'viewer@example.com', password: 'not-the-password' },
        { email: 'disabled@example.com', password: DEMO_PASSWORD },
        { email: 'locked@example.com', password: DEMO_PASSWORD },
      ];
      const answers = [];
      for (const body of attempts) {
        const res = await http().post('/api/auth/login').set('sec-fetch-site', 'same-origin').send(body);
        const { requestId: _requestId, ...rest } = res.body;
        answers.push({ status: res.status, body: rest, cookie: res.headers['set-cookie'] });
      }
      expect(answers[0].status).toBe(401);
      expect(answers[0].cookie).toBeUndefined();
      for (const answer of answers) expect(answer).toEqual(answers[0]);
    });

    it('stores argon2id hashes (19 MiB, t=2, p=1)', async () => {
      const rows = await db.query(`SELECT password_hash FROM users WHERE email = 'owner@example.com'`);
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it('rehashes on sign-in when the stored parameters are outdated', async () => {
      const { hash } = await import('@node-rs/argon2');
      const weak = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 8192, timeCost: 1, parallelism: 1 });
      await db.query(`UPDATE users SET password_hash = $1 WHERE email = 'member@example.com'`, [weak]);
      await signIn(server.url, 'member@example.com');
      const rows = await db.query(`SELECT password_hash FROM users WHERE email = 'member@example.com'`);
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it('answers a malformed sign-in body with 400 naming the field, not a failed sign-in', async () => {
      const res = await http()
        .post('/api/auth/login')
        .set('sec-fetch-site', 'same-origin')
        .send({ email: 'x', password: 7 });
      expect(res.status).toBe(400);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
        'email',
        'password',
      ]);
    });

    it('refuses a cross-site sign-in (login CSRF)', async () => {
      const res = await http()
        .post('/api/auth/login')
        .set('origin', 'https://evil.example')
        .send({ email: 'owner@example.com', password: DEMO_PASSWORD });
      expect(res.status).toBe(403);
      expect(res.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('session tokens', () => {
    it('issues unique 256-bit tokens (1,000 sessions)', async () => {
      const sessions = server.app.get(SessionService);
      const [owner] = await db.query(`SELECT id FROM users WHERE email = 'owner@example.com'`);
      const tokens = new Set<string>();
      for (let i = 0; i < 1000; i++) {
        const { token } = await sessions.create(owner.id, { ip: null, userAgent: null, requestId: null });
        expect(Buffer.from(token, 'base64url')).toHaveLength(32);
        tokens.add(token);
      }
      expect(tokens.size).toBe(1000);
      const stored = await db.query(
        `SELECT count(DISTINCT token_hash)::int AS n, min(length(token_hash))::int AS len FROM sessions`,
      );
      expect(stored[0].len).toBe(32);
    });

    it('never stores the token itself', async () => {
      const session = await signIn(server.url, 'owner@example.com');
      const rows = await db.query(
        `SELECT count(*)::int AS n FROM sessions WHERE encode(token_hash, 'escape') LIKE $1`,
        [`%${session.token}%`],
      );
      expect(rows[0].n).toBe(0);
    });

    it('is not fixed: a cookie sent with the sign-in is revoked and replaced', async () => {
      const before = await signIn(server.url, 'owner@example.com');
      const res = await http()
        .post('/api/auth/login')
        .set('cookie', before.cookie)
        .set('sec-fetch-site', 'same-origin')
        .send({ email: 'owner@example.com', password: DEMO_PASSWORD });
      const after = sessionTokenOf(res.headers['set-cookie']);
      expect(after).not.toBe(before.token);
      expect(res.body.csrfToken).not.toBe(before.csrfToken);
      expect(await sessionStatus(before.cookie)).toBe(401);
      expect(await sessionStatus(`bastion_session=${after}`)).toBe(200);
    });

    it('answers 401 to a tampered, unknown or malformed cookie', async () => {
      const session = await signIn(server.url, 'owner@example.com');
      const flipped = session.token.slice(0, -1) + (session.token.endsWith('A') ? 'B' : 'A');
      expect(await sessionStatus(`bastion_session=${flipped}`)).toBe(401);
      expect(await sessionStatus('bastion_session=not a token')).toBe(401);
      expect(await sessionStatus('other=1')).toBe(401);
    });

    it('expires after the idle timeout and after the absolute lifetime (moving the clock, not sleeping)', async () => {
      const clock = server.app.get(Clock);
      const idle = await signIn(server.url, 'owner@example.com');
      const start = Date.now();
      jest.spyOn(clock, 'now').mockReturnValue(new Date(start + 59 * 60_000));
      expect(await sessionStatus(idle.cookie)).toBe(200);
      jest.spyOn(clock, 'now').mockReturnValue(new Date(start + 59 * 60_000 + 61 * 60_000));
      expect(await sessionStatus(idle.cookie)).toBe(401);

      jest.restoreAllMocks();
      const busy = await signIn(server.url, 'owner@example.com');
      let now = Date.now();
      // Active every 50 minutes, so never idle, until the 12-hour absolute lifetime runs out.
      while (now < start + 12 * 3_600_000 - 50 * 60_000) {
        now += 50 * 60_000;
        jest.spyOn(clock, 'now').mockReturnValue(new Date(now));
        expect(await sessionStatus(busy.cookie)).toBe(200);
      }
      jest.spyOn(clock, 'now').mockReturnValue(new Date(start + 12 * 3_600_000 + 60_000));
      expect(await sessionStatus(busy.cookie)).toBe(401);
    });

    it('is dead after logout: replaying the cookie answers 401', async () => {
      const session = await signIn(server.url, 'owner@example.com');
      const res = await asPage(session, http().post('/api/auth/logout'));
      expect(res.status).toBe(204);
      expect(String(res.headers['set-cookie'])).toContain('Max-Age=0');
      expect(res.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
      expect(await sessionStatus(session.cookie)).toBe(401);
    });

    it('ends every session with logout-all', async () => {
      const a = await signIn(server.url, 'viewer@example.com');
      const b = await signIn(server.url, 'viewer@example.com');
      expect((await asPage(a, http().post('/api/auth/logout-all'))).status).toBe(204);
      expect(await sessionStatus(a.cookie)).toBe(401);
      expect(await sessionStatus(b.cookie)).toBe(401);
    });

    it('refuses a request carrying both a bearer token and the session cookie', async () => {
      const session = await signIn(server.url, 'owner@example.com');
      const res = await http()
        .get('/api/auth/session')
        .set('cookie', session.cookie)
        .set('authorization', 'Bearer bst_abc');
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('urn:problem-type:bastion:ambiguous-credentials');
    });

    it('marks authenticated answers no-store', async () => {
      const session = await signIn(server.url, 'owner@example.com');
      const res = await http().get('/api/auth/session').set('cookie', session.cookie);
      expect(res.headers['cache-control']).toBe('no-store');
    });
  });

  describe('CSRF defence on cookie-authenticated unsafe requests', () => {
    let victim: Awaited<ReturnType<typeof signIn>>;
    let other: Awaited<ReturnType<typeof signIn>>;

    beforeAll(async () => {
      victim = await signIn(server.url, 'admin@example.com');
      other = await signIn(server.url, 'member@example.com');
    });

    const displayName = async () =>
      (await db.query(`SELECT display_name FROM users WHERE email = 'admin@example.com'`))[0].display_name;

    const cases: [string, (r: request.Test) => request.Test, number][] = [
      ['no CSRF token', (r) => r.set('cookie', victim.cookie).set('sec-fetch-site', 'same-origin'), 403],
      [
        'a wrong CSRF token',
        (r) =>
          r
            .set('cookie', victim.cookie)
            .set('sec-fetch-site', 'same-origin')
            .set('x-csrf-token', 'x'.repeat(43)),
        403,
      ],
      [
        "another session's CSRF token",
        (r) =>
          r
            .set('cookie', victim.cookie)
            .set('sec-fetch-site', 'same-origin')
            .set('x-csrf-token', other.csrfToken),
        403,
      ],
      [
        'a cross-site Origin',
        (r) =>
          r
            .set('cookie', victim.cookie)
            .set('origin', 'https://evil.example')
            .set('x-csrf-token', victim.csrfToken),
        403,
      ],
      [
        'Sec-Fetch-Site: cross-site',
        (r) =>
          r
            .set('cookie', victim.cookie)
            .set('sec-fetch-site', 'cross-site')
            .set('x-csrf-token', victim.csrfToken),
        403,
      ],
      [
        'Sec-Fetch-Site: same-site',
        (r) =>
          r
            .set('cookie', victim.cookie)
            .set('sec-fetch-site', 'same-site')
            .set('x-csrf-token', victim.csrfToken),
        403,
      ],
      [
        'neither Origin nor Sec-Fetch-Site',
        (r) => r.set('cookie', victim.cookie).set('x-csrf-token', victim.csrfToken),
        403,
      ],
    ];

    it.each(cases)('refuses %s and changes nothing', async (_label, prepare, status) => {
      const before = await displayName();
      const res = await prepare(http().patch('/api/me')).send({ displayName: 'Pwned' });
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(await displayName()).toBe(before);
    });

    it('refuses a text/plain body (the form-post trick) with 415 and changes nothing', async () => {
      const before = await displayName();
      const res = await asPage(victim, http().patch('/api/me'))
        .set('content-type', 'text/plain')
        .send('{"displayName":"Pwned"}');
      expect(res.status).toBe(415);
      expect(await displayName()).toBe(before);
    });

    it('accepts a same-origin request with the right token (by Origin or Sec-Fetch-Site)', async () => {
      const bySecFetch = await asPage(victim, http().patch('/api/me')).send({ displayName: 'Adam A.' });
      expect(bySecFetch.status).toBe(200);
      expect(bySecFetch.body.displayName).toBe('Adam A.');
      const url = new URL(server.url);
      const byOrigin = await http()
        .patch('/api/me')
        .set('cookie', victim.cookie)
        .set('origin', `${url.protocol}//${url.host}`)
        .set('x-csrf-token', victim.csrfToken)
        .send({ displayName: 'Adam Admin' });
      expect(byOrigin.status).toBe(200);
    });
  });

  describe('account', () => {
    it('changes the password only with the current one, applies the policy, and ends every other session', async () => {
      const current = await signIn(server.url, 'viewer@example.com');
      const elsewhere = await signIn(server.url, 'viewer@example.com');
      const change = (body: object) => asPage(current, http().post('/api/me/password')).send(body);

      const wrong = await change({ currentPassword: 'nope', newPassword: 'a perfectly long new passphrase' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.type).toBe('urn:problem-type:bastion:wrong-current-password');

      const short = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.errors[0]).toEqual({
        field: 'newPassword',
        message: 'Use at least 15 characters (this has 5).',
      });

      const breached = await change({ currentPassword: DEMO_PASSWORD, newPassword: '1qaz2wsx3edc4rfv' });
      expect(breached.status).toBe(400);
      expect(breached.body.errors.map((e: { message: string }) => e.message)).toContain(
        'This password appears in lists of common or breached passwords.',
      );

      const withEmail = await change({
        currentPassword: DEMO_PASSWORD,
        newPassword: 'my name is viewer and I like it',
      });
      expect(withEmail.body.errors.map((e: { message: string }) => e.message)).toContain(
        'The password must not contain your email name.',
      );

      expect(await sessionStatus(elsewhere.cookie)).toBe(200);
      const ok = await change({
        currentPassword: DEMO_PASSWORD,
        newPassword: 'correct horse battery staple ünïcødé',
      });
      expect(ok.status).toBe(204);
      expect(await sessionStatus(current.cookie)).toBe(200);
      expect(await sessionStatus(elsewhere.cookie)).toBe(401);
      await signIn(server.url, 'viewer@example.com', 'correct horse battery staple ünïcødé');
      await db.query(
        `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'owner@example.com') WHERE email = 'viewer@example.com'`,
      );
    });

    it('lists my sessions with the current one flagged, and revokes another one', async () => {
      const mine = await signIn(server.url, 'member@example.com');
      const laptop = await signIn(server.url, 'member@example.com');
      const list = await http().get('/api/me/sessions').set('cookie', mine.cookie);
      expect(list.status).toBe(200);
      const current = list.body.items.filter((s: { current: boolean }) => s.current);
      expect(current).toHaveLength(1);
      expect(list.body.items[0]).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          device: expect.any(String),
          createdAt: expect.any(String),
          lastSeenAt: expect.any(String),
        }),
      );
      const laptopId = list.body.items.find((s: { current: boolean }) => !s.current).id;
      expect((await asPage(mine, http().delete(`/api/me/sessions/${laptopId}`))).status).toBe(204);
      expect(await sessionStatus(laptop.cookie)).toBe(401);
      expect((await asPage(mine, http().delete(`/api/me/sessions/${laptopId}`))).status).toBe(404);
    });

    it("cannot revoke someone else's session (404, nothing changes)", async () => {
      const owner = await signIn(server.url, 'owner@example.com');
      const victim = await signIn(server.url, 'admin@example.com');
      const [row] = await db.query(
        `SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'admin@example.com' AND s.revoked_at IS NULL LIMIT 1`,
      );
      expect((await asPage(owner, http().delete(`/api/me/sessions/${row.id}`))).status).toBe(404);
      expect(await sessionStatus(victim.cookie)).toBe(200);
    });
  });

  describe('platform administration', () => {
    it('lists users to platform admins only, with search and cursor paging', async () => {
      const ops = await signIn(server.url, 'ops@example.com');
      const owner = await signIn(server.url, 'owner@example.com');
      expect((await http().get('/api/admin/users').set('cookie', owner.cookie)).status).toBe(403);
      const first = await http().get('/api/admin/users?limit=5').set('cookie', ops.cookie);
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(5);
      const second = await http()
        .get(`/api/admin/users?limit=5&cursor=${first.body.nextCursor}`)
        .set('cookie', ops.cookie);
      expect(second.body.items[0].email > first.body.items[4].email).toBe(true);
      const search = await http().get('/api/admin/users?search=GRACE').set('cookie', ops.cookie);
      expect(search.body.items.map((u: { email: string }) => u.email)).toEqual(['grace.hopper@example.com']);
      expect((await http().get('/api/admin/users?cursor=bogus').set('cookie', ops.cookie)).status).toBe(400);
    });

    it('disabling a user ends their sessions on the next request', async () => {
      const ops = await signIn(server.url, 'ops@example.com');
      const target = await signIn(server.url, 'ada.lovelace@example.com');
      const [user] = await db.query(`SELECT id FROM users WHERE email = 'ada.lovelace@example.com'`);
      const res = await asPage(ops, http().post(`/api/admin/users/${user.id}/disable`));
      expect(res.status).toBe(200);
      expect(res.body.disabled).toBe(true);
      expect(await sessionStatus(target.cookie)).toBe(401);
      const retry = await http()
        .post('/api/auth/login')
        .set('sec-fetch-site', 'same-origin')
        .send({ email: 'ada.lovelace@example.com', password: DEMO_PASSWORD });
      expect(retry.status).toBe(401);
      await asPage(ops, http().post(`/api/admin/users/${user.id}/enable`));
    });
  });

  describe('secrets', () => {
    it('never puts a password, hash or token in a response body or a log line', async () => {
      const session = await signIn(server.url, 'owner@example.com');
      const bodies = [
        JSON.stringify(session.body),
        JSON.stringify((await http().get('/api/auth/session').set('cookie', session.cookie)).body),
        JSON.stringify((await http().get('/api/me/sessions').set('cookie', session.cookie)).body),
      ];
      const logs = JSON.stringify(server.logs);
      const [{ password_hash: hash }] = await db.query(
        `SELECT password_hash FROM users WHERE email = 'owner@example.com'`,
      );
      for (const text of [...bodies, logs]) {
        expect(text).not.toContain(DEMO_PASSWORD);
        expect(text).not.toContain(hash);
        expect(text).not.toContain(session.token);
        expect(text).not.toContain('$argon2id$');
      }
      expect(logs).not.toContain(session.csrfToken);
    });

    it('records sign-ins, failures and sign-outs in the audit log and as structured log lines', async () => {
      const actions = (await db.query(`SELECT DISTINCT action FROM audit_events`)).map((r) => r.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'auth.signed_in',
          'auth.sign_in_failed',
          'auth.signed_out',
          'account.password_changed',
          'session.revoked',
        ]),
      );
      expect(
        server.logs.some(
          (l) => l.msg === 'audit event' && (l.audit as { action: string }).action === 'auth.signed_in',
        ),
      ).toBe(true);
    });
  });
});
