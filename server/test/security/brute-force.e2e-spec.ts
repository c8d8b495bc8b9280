import request from 'supertest';
import { Clock } from '../../src/core/clock';
import { createSeededDatabase } from '../support/seeded-database';
import { DEMO_PASSWORD } from '../support/session-client';
import { startTestApp, TestApp } from '../support/test-app';

type SeededDatabase = Awaited<ReturnType<typeof createSeededDatabase>>;

const attempt = (server: TestApp, email: string, password: string, ip?: string) => {
  const req = request(server.url).post('/api/auth/login').set('sec-fetch-site', 'same-origin');
  if (ip) req.set('x-forwarded-for', ip);
  return req.send({ email, password });
};

describe('Brute-force defences', () => {
  let db: SeededDatabase;

  beforeAll(async () => {
    db = await createSeededDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('account lockout (behind one trusted proxy, limits raised so only the lockout acts)', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({
        databaseUrl: db.url,
        env: {
          TRUST_PROXY: '1',
          SIGN_IN_LIMIT_PER_IP: '1000',
          SIGN_IN_LIMIT_PER_EMAIL: '1000',
          SIGN_IN_LOCKOUT_THRESHOLD: '5',
          SIGN_IN_LOCKOUT_MINUTES: '15',
        },
      });
    });

    afterAll(() => server?.close());
    afterEach(() => jest.restoreAllMocks());

    it('locks the account after consecutive failures from many IPs and email case variants, then unlocks', async () => {
      const variants = [
        'member@example.com',
        'MEMBER@example.com',
        'Member@Example.com',
        'mEmBeR@example.COM',
        'MEMBER@EXAMPLE.COM',
      ];
      for (const [i, email] of variants.entries()) {
        expect((await attempt(server, email, 'wrong password', `198.51.100.${i + 1}`)).status).toBe(401);
      }
      const locked = await attempt(server, 'member@example.com', DEMO_PASSWORD, '203.0.113.77');
      expect(locked.status).toBe(401);
      expect(locked.body.type).toBe('urn:problem-type:bastion:invalid-credentials');
      const [row] = await db.query(
        `SELECT failed_sign_in_count, locked_until FROM users WHERE email = 'member@example.com'`,
      );
      expect(row.locked_until).not.toBeNull();
      const events = await db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.locked'`,
      );
      expect(events[0].n).toBe(1);

      jest.spyOn(server.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 16 * 60_000));
      expect((await attempt(server, 'member@example.com', DEMO_PASSWORD, '203.0.113.78')).status).toBe(200);
      const [after] = await db.query(
        `SELECT failed_sign_in_count, locked_until FROM users WHERE email = 'member@example.com'`,
      );
      expect(after).toEqual({ failed_sign_in_count: 0, locked_until: null });
    });

    it('resets the failure count on success, so scattered typos never lock anyone out', async () => {
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 4; i++)
          expect((await attempt(server, 'viewer@example.com', 'typo')).status).toBe(401);
        expect((await attempt(server, 'viewer@example.com', DEMO_PASSWORD)).status).toBe(200);
      }
    });
  });

  describe('rate limits', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({
        databaseUrl: db.url,
        env: { SIGN_IN_LIMIT_PER_IP: '4', SIGN_IN_LIMIT_PER_EMAIL: '3', SIGN_IN_LOCKOUT_THRESHOLD: '100' },
      });
    });

    afterAll(() => server?.close());

    it('answers 429 with Retry-After once one email is tried too often, whatever the case', async () => {
      const statuses = [];
      for (const email of [
        'admin@example.com',
        'ADMIN@example.com',
        'Admin@Example.com',
        'admin@EXAMPLE.com',
      ]) {
        const res = await attempt(server, email, 'wrong password');
        statuses.push(res.status);
        if (res.status === 429) {
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
          expect(res.headers['content-type']).toMatch(/problem\+json/);
          expect(res.body.type).toBe('urn:problem-type:bastion:rate-limited');
        }
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    });

    it('limits sign-in per client IP, and a spoofed X-Forwarded-For from an untrusted peer changes nothing', async () => {
      const perIp = await startTestApp({
        databaseUrl: db.url,
        env: { SIGN_IN_LIMIT_PER_IP: '3', SIGN_IN_LIMIT_PER_EMAIL: '100' },
      });
      try {
        const statuses = [];
        for (let i = 0; i < 5; i++) {
          statuses.push((await attempt(perIp, `nobody${i}@example.com`, 'x', `192.0.2.${i + 10}`)).status);
        }
        expect(statuses).toEqual([401, 401, 401, 429, 429]);
        // Probes and other routes are not held back by the sign-in limit.
        expect((await request(perIp.url).get('/health')).status).toBe(200);
        expect((await request(perIp.url).get('/api/auth/password-policy')).status).toBe(200);
      } finally {
        await perIp.close();
      }
    });
  });
});
