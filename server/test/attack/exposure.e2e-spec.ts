import request from 'supertest';
import { ExerciseModule } from '../support/exercise.module';
import { createSeededDatabase } from '../support/seeded-database';
import { signIn } from '../support/session-client';
import { startTestApp, TestApp } from '../support/test-app';
import { futureTestDatabase } from '../support/test-database';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

function expectHardened(res: request.Response, status: number, problem = status >= 400): void {
  expect(res.status).toBe(status);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name]).toBe(value);
  expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(res.headers['x-request-id']).toEqual(expect.any(String));
  if (problem) {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, type: expect.stringMatching(/^urn:problem-type:bastion:/) });
  }
}

describe('Headers and exposure', () => {
  let db: Awaited<ReturnType<typeof createSeededDatabase>>;
  let server: TestApp;

  beforeAll(async () => {
    db = await createSeededDatabase();
    server = await startTestApp({
      databaseUrl: db.url,
      imports: [ExerciseModule],
      env: { BODY_LIMIT_BYTES: '2048', SIGN_IN_LIMIT_PER_EMAIL: '1' },
    });
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('hardens every response class: 200, 401, 403, 404, 413, 415, 429, 500', async () => {
    const http = () => request(server.url);
    const viewer = await signIn(server.url, 'viewer@example.com');
    expectHardened(await http().get('/health'), 200);
    expectHardened(await http().get('/api/auth/session'), 401);
    expectHardened(await http().get('/api/admin/users').set('cookie', viewer.cookie), 403);
    expectHardened(await http().get('/api/nothing-here'), 404);
    expectHardened(
      await http()
        .post('/api/exercise/echo')
        .send({ name: 'x'.repeat(5000), count: 1 }),
      413,
    );
    expectHardened(await http().post('/api/exercise/echo').set('content-type', 'text/plain').send('hi'), 415);
    const login = () =>
      http()
        .post('/api/auth/login')
        .set('sec-fetch-site', 'same-origin')
        .send({ email: 'nobody@example.com', password: 'x' });
    await login();
    expectHardened(await login(), 429);
    expectHardened(await http().get('/api/exercise/boom'), 500);
  });

  it('hardens a 503 while the database is unreachable', async () => {
    const missing = futureTestDatabase();
    const down = await startTestApp({ databaseUrl: missing.url, waitForDatabase: false });
    try {
      // The readiness probe answers its own JSON report, for orchestrators; API errors are problems.
      expectHardened(await request(down.url).get('/ready'), 503, false);
      const res = await request(down.url)
        .post('/api/auth/login')
        .set('sec-fetch-site', 'same-origin')
        .send({ email: 'a@example.com', password: 'x' });
      expectHardened(res, 503);
      expect(res.body.type).toBe('urn:problem-type:bastion:database-unavailable');
      expect(res.headers['retry-after']).toBe('5');
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|postgres|ECONNREFUSED|does not exist/);
    } finally {
      await down.close();
    }
  });

  it.each([
    '/.env',
    '/.git/HEAD',
    '/.git/config',
    '/server/',
    '/node_modules/',
    '/../../etc/passwd',
    '/api/',
    '/%2e%2e/%2e%2e/etc/passwd',
  ])('does not serve %s', async (path) => {
    const res = await request(server.url).get(path);
    expect([404, 400]).toContain(res.status);
    expect(res.text).not.toMatch(/DATABASE_URL|root:x:0|\[core\]/);
  });

  it('answers requests refused before routing (oversized headers, bad encoding, overlong segments) as problems too', async () => {
    expectHardened(await request(server.url).get(`/api/workspaces?q=${'x'.repeat(20_000)}`), 431);
    expectHardened(await request(server.url).get('/api/workspaces/%E0%A4%A'), 400);
    expectHardened(await request(server.url).get(`/api/workspaces/${'x'.repeat(300)}`), 414);
  });

  it('refuses TRACE and other unsupported methods', async () => {
    const trace = await request(server.url).trace('/health');
    expect([404, 405]).toContain(trace.status);
    expect(trace.text).not.toContain('cookie');
  });

  it('keeps /api/docs and /metrics away from the public in production', async () => {
    const production = await startTestApp({ databaseUrl: db.url, env: { NODE_ENV: 'production' } });
    try {
      for (const path of ['/api/docs', '/api/docs/openapi.json', '/metrics']) {
        expect((await request(production.url).get(path)).status).toBe(404);
      }
      const res = await request(production.url).get('/health');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await production.close();
    }
  });
});
