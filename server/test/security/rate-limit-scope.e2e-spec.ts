import { SEED_IDS, systemRoleId } from '@bastion/migrations';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { REDIS_CLIENT } from '../../src/core/redis/redis.module';
import { requireTool } from '../support/required-tool';
import { createSeededDatabase } from '../support/seeded-database';
import { asPage, signIn } from '../support/session-client';
import { startTestApp, TestApp } from '../support/test-app';
import { findRedis, REDIS_TOOL, TestRedis, useRedis } from '../support/test-redis';
import { MATRIX } from './authorization-matrix';

type SeededDatabase = Awaited<ReturnType<typeof createSeededDatabase>>;

const RANDOM_ID = '5f0c6a8e-9a1b-4c2d-8e3f-000000000abc';

/**
 * Every GET route of the authorization matrix that acme's owner gets through the access guards (a refused
 * request is answered before any limit counts it), except those that opt out of the limits.
 */
const COUNTED_GET_URLS = MATRIX.filter(
  (row) =>
    row.method === 'GET' &&
    !['/health', '/ready', '/api/auth/password-policy'].includes(row.route) &&
    (typeof row.expect.owner === 'number'
      ? row.expect.owner < 400 || row.expect.owner === 410
      : row.expect.owner.startsWith('404 ')),
).map((row) =>
  row.url({
    workspace: SEED_IDS.workspaces.acme,
    ownerId: SEED_IDS.users.owner,
    viewerId: SEED_IDS.users.viewer,
    auditorRoleId: SEED_IDS.roles.acmeAuditor,
    ownerRoleId: systemRoleId('owner'),
    random: RANDOM_ID,
    randomToken: 'A'.repeat(43),
  }),
);

/** A request of a signed-in caller. */
const from = (server: TestApp, url: string, ip: string) =>
  request(server.url)
    .get(url)
    .set('x-forwarded-for', ip)
    .set('cookie', sessions.get(server) ?? '');

const sessions = new Map<TestApp, string>();

async function startSignedIn(db: SeededDatabase, env: Record<string, string>): Promise<TestApp> {
  const server = await startTestApp({ databaseUrl: db.url, env });
  sessions.set(server, (await signIn(server.url, 'owner@example.com', undefined, '192.0.2.250')).cookie);
  return server;
}

function expectRateLimited(res: request.Response): void {
  expect(res.status).toBe(429);
  expect(res.body.type).toBe('urn:problem-type:bastion:rate-limited');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

/** Resolves once the server's Redis connection is ready, so no count falls back to memory. */
function redisReady(server: TestApp): Promise<unknown> {
  const client = server.app.get<Redis>(REDIS_CLIENT);
  return client.status === 'ready'
    ? Promise.resolve()
    : new Promise((resolve) => client.once('ready', resolve));
}

const redisSource = findRedis();
const describeWithRedis = requireTool(
  { ...REDIS_TOOL, neededFor: 'the shared rate-limit count across instances' },
  redisSource !== null,
);

describe('rate limits count per client over the whole API, not per route', () => {
  let db: SeededDatabase;

  beforeAll(async () => {
    db = await createSeededDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('the default limit', () => {
    const LIMIT = 8;
    let server: TestApp;

    beforeAll(async () => {
      expect(COUNTED_GET_URLS.length).toBeGreaterThan(LIMIT + 2);
      server = await startSignedIn(db, { TRUST_PROXY: '1', RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    });

    afterAll(() => server?.close());

    it('refuses one address spreading requests over many routes once the global count is reached', async () => {
      const statuses: number[] = [];
      for (const url of COUNTED_GET_URLS.slice(0, LIMIT + 2)) {
        const res = await from(server, url, '203.0.113.10');
        statuses.push(res.status);
        if (statuses.length > LIMIT) expectRateLimited(res);
      }
      expect(statuses.slice(0, LIMIT)).not.toContain(429);
      // Another client still gets through, and so do the probes.
      expect((await from(server, COUNTED_GET_URLS[0], '203.0.113.11')).status).not.toBe(429);
      expect((await from(server, '/health', '203.0.113.10')).status).toBe(200);
    });

    it('counts two addresses of one IPv6 /64 as one client, and another /64 apart', async () => {
      const sameSubscriber = ['2001:db8:aa:bb::1', '2001:db8:aa:bb:1234:5678:9abc:def0'];
      for (let i = 0; i < LIMIT; i++) {
        const res = await from(server, COUNTED_GET_URLS[i], sameSubscriber[i % 2]);
        expect(res.status).not.toBe(429);
      }
      for (const ip of sameSubscriber) expectRateLimited(await from(server, COUNTED_GET_URLS[0], ip));
      expect((await from(server, COUNTED_GET_URLS[0], '2001:db8:aa:bc::1')).status).not.toBe(429);
    });

    it('counts refused requests too: guessed cookies and tokens use up the limit before any lookup', async () => {
      const guess = (i: number) =>
        request(server.url)
          .get('/api/auth/session')
          .set('x-forwarded-for', '203.0.113.60')
          .set('authorization', `Bearer bst_${'a'.repeat(10)}_${String(i).padStart(43, 'x')}`);
      for (let i = 0; i < LIMIT; i++) expect((await guess(i)).status).toBe(401);
      expectRateLimited(await guess(LIMIT));
    });

    it('counts an IPv4-mapped IPv6 address as the IPv4 address it is', async () => {
      for (let i = 0; i < LIMIT; i++) {
        const ip = i % 2 === 0 ? '198.51.100.7' : '::ffff:198.51.100.7';
        expect((await from(server, COUNTED_GET_URLS[i], ip)).status).not.toBe(429);
      }
      expectRateLimited(await from(server, COUNTED_GET_URLS[0], '198.51.100.7'));
      expectRateLimited(await from(server, COUNTED_GET_URLS[1], '::ffff:198.51.100.7'));
    });
  });

  describe('every route that checks a password', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({
        databaseUrl: db.url,
        env: {
          TRUST_PROXY: '1',
          SIGN_IN_LIMIT_PER_IP: '4',
          SIGN_IN_LIMIT_PER_EMAIL: '3',
          SIGN_IN_LOCKOUT_THRESHOLD: '100',
        },
      });
    });

    afterAll(() => server?.close());

    const changePassword = (session: Awaited<ReturnType<typeof signIn>>, ip: string) =>
      asPage(session, request(server.url).post('/api/me/password'))
        .set('x-forwarded-for', ip)
        .send({ currentPassword: 'a wrong guess', newPassword: 'a long enough new passphrase' });

    it('limits guesses of the current password per signed-in person, whatever address they come from', async () => {
      const member = await signIn(server.url, 'member@example.com', undefined, '192.0.2.1');
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        const res = await changePassword(member, `192.0.2.${10 + i}`);
        statuses.push(res.status);
        if (res.status === 429) expectRateLimited(res);
      }
      expect(statuses).toEqual([400, 400, 400, 429, 429]);
    });

    it('counts sign-ins and current-password checks from one address together', async () => {
      const viewer = await signIn(server.url, 'viewer@example.com', undefined, '192.0.2.50');
      const signInAttempt = () =>
        request(server.url)
          .post('/api/auth/login')
          .set('sec-fetch-site', 'same-origin')
          .set('x-forwarded-for', '192.0.2.50')
          .send({ email: 'nobody@example.com', password: 'a guess' });

      expect((await changePassword(viewer, '192.0.2.50')).status).toBe(400);
      expect((await signInAttempt()).status).toBe(401);
      expect((await changePassword(viewer, '192.0.2.50')).status).toBe(400);
      expectRateLimited(await changePassword(viewer, '192.0.2.50'));
      expectRateLimited(await signInAttempt());
    });
  });

  describeWithRedis('with several instances sharing Redis', () => {
    const LIMIT = 6;
    const prefix = `bastion-test-${randomBytes(4).toString('hex')}:`;
    let redis: TestRedis;
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      redis = await useRedis(redisSource, prefix);
      const env = {
        TRUST_PROXY: '1',
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: prefix,
      };
      a = await startTestApp({ databaseUrl: db.url, env });
      b = await startTestApp({ databaseUrl: db.url, env });
      await Promise.all([redisReady(a), redisReady(b)]);
      const { cookie } = await signIn(a.url, 'owner@example.com', undefined, '192.0.2.250');
      sessions.set(a, cookie);
      sessions.set(b, cookie);
    });

    afterAll(async () => {
      await a?.close();
      await b?.close();
      await redis?.release();
    });

    it('keeps one count per client across instances and routes', async () => {
      for (let i = 0; i < LIMIT; i++) {
        const res = await from(i % 2 === 0 ? a : b, COUNTED_GET_URLS[i], '203.0.113.99');
        expect(res.status).not.toBe(429);
      }
      expectRateLimited(await from(a, COUNTED_GET_URLS[LIMIT], '203.0.113.99'));
      expectRateLimited(await from(b, COUNTED_GET_URLS[LIMIT + 1], '203.0.113.99'));
    });
  });
});
