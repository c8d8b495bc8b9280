import { SEED_IDS } from '@bastion/migrations';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { recordFigures } from '../support/figures';
import { requireTool } from '../support/required-tool';
import { createSeededDatabase } from '../support/seeded-database';
import { asPage, DEMO_PASSWORD, signIn } from '../support/session-client';
import { startTestApp, TestApp } from '../support/test-app';
import { findRedis, REDIS_TOOL, TestRedis, useRedis } from '../support/test-redis';

const redisSource = findRedis();

const describeWithRedis = requireTool(
  { ...REDIS_TOOL, neededFor: 'the several-instances suite' },
  redisSource !== null,
);

describeWithRedis('Several instances behind one load balancer (shared PostgreSQL and Redis)', () => {
  let db: Awaited<ReturnType<typeof createSeededDatabase>>;
  let a: TestApp;
  let b: TestApp;
  let redis: TestRedis;
  const prefix = `bastion-test-${randomBytes(4).toString('hex')}:`;
  const passed: Record<string, boolean> = {
    'session created on one instance is accepted by the other': false,
    'logout on one instance ends the session on the other at the next request': false,
    'demotion on one instance applies on the other at the next request': false,
    'sign-in rate limit shared: 4 attempts spread over both, the 5th and 6th get 429': false,
  };

  beforeAll(async () => {
    redis = await useRedis(redisSource, prefix);
    db = await createSeededDatabase();
    const env = {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: prefix,
      SIGN_IN_LIMIT_PER_EMAIL: '4',
      SIGN_IN_LIMIT_PER_IP: '1000',
      SIGN_IN_LOCKOUT_THRESHOLD: '100',
    };
    a = await startTestApp({ databaseUrl: db.url, env });
    b = await startTestApp({ databaseUrl: db.url, env });
  });

  afterAll(async () => {
    recordFigures('several-instances', { instances: 2, redis: true, passed });
    await a?.close();
    await b?.close();
    await db?.drop();
    await redis?.release();
  });

  it('accepts a session created on one instance at the other, and a logout on one at the next request on the other', async () => {
    const session = await signIn(a.url, 'owner@example.com');
    expect((await request(b.url).get('/api/auth/session').set('cookie', session.cookie)).status).toBe(200);
    passed['session created on one instance is accepted by the other'] = true;
    expect((await asPage(session, request(a.url).post('/api/auth/logout'))).status).toBe(204);
    expect((await request(b.url).get('/api/auth/session').set('cookie', session.cookie)).status).toBe(401);
    passed['logout on one instance ends the session on the other at the next request'] = true;
  });

  it('applies a demotion made on one instance at the next request on the other', async () => {
    const owner = await signIn(a.url, 'owner@example.com');
    const member = await signIn(b.url, 'member@example.com');
    const members = `/api/workspaces/${SEED_IDS.workspaces.acme}/members`;
    expect((await request(b.url).get(members).set('cookie', member.cookie)).status).toBe(200);
    expect(
      (
        await asPage(owner, request(a.url).patch(`${members}/${SEED_IDS.users.member}`)).send({
          role: 'viewer',
        })
      ).status,
    ).toBe(200);
    expect((await request(b.url).get(members).set('cookie', member.cookie)).status).toBe(403);
    passed['demotion on one instance applies on the other at the next request'] = true;
  });

  it('shares the sign-in rate limit: attempts spread over both instances hit it at the same total', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const target = i % 2 === 0 ? a : b;
      const res = await request(target.url)
        .post('/api/auth/login')
        .set('sec-fetch-site', 'same-origin')
        .send({ email: 'viewer@example.com', password: i < 5 ? 'wrong' : DEMO_PASSWORD });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const client = new Redis(redis.url);
    const keys = await client.keys(`${prefix}rl:sign-in-email:*`);
    client.disconnect();
    expect(keys.length).toBeGreaterThan(0);
    passed['sign-in rate limit shared: 4 attempts spread over both, the 5th and 6th get 429'] = true;
  });
});
