import request from 'supertest';
import { ExerciseModule } from './support/exercise.module';
import { createSeededDatabase } from './support/seeded-database';
import { asPage, signIn } from './support/session-client';
import { startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

describe('Request logging', () => {
  let db: TestDatabase;
  let server: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestApp({ databaseUrl: db.url, imports: [ExerciseModule] });
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('writes one JSON line per request with the request id, method, route and status', async () => {
    const res = await request(server.url)
      .post('/api/exercise/echo')
      .set('x-request-id', 'trace-abcdef123456')
      .send({ name: 'Ada', count: 1 });
    expect(res.status).toBe(201);
    const lines = server.logs.filter((l) => l.requestId === 'trace-abcdef123456');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      level: 30,
      request: { method: 'POST', path: '/api/exercise/echo', route: '/api/exercise/echo' },
      response: { statusCode: 201 },
    });
    expect(typeof lines[0].responseTimeMs).toBe('number');
  });

  it('never logs credentials, cookies or bodies', async () => {
    await request(server.url)
      .post('/api/exercise/echo?token=query-secret-123')
      .set('authorization', 'Bearer bearer-secret-123')
      .set('cookie', 'session=cookie-secret-123')
      .send({ name: 'body-secret-123', count: 'x' });
    const text = JSON.stringify(server.logs);
    for (const secret of ['bearer-secret-123', 'cookie-secret-123', 'body-secret-123', 'query-secret-123']) {
      expect(text).not.toContain(secret);
    }
  });

  it('redacts secrets when application code logs an object holding them', () => {
    server.logger.info(
      { user: { email: 'a@example.com', password: 'pw-secret-123' }, token: 'tok-secret-123' },
      'audit',
    );
    const line = server.logs.find((l) => l.msg === 'audit');
    expect(JSON.stringify(line)).not.toMatch(/pw-secret-123|tok-secret-123/);
    expect(line).toMatchObject({
      user: { email: 'a@example.com', password: '[redacted]' },
      token: '[redacted]',
    });
  });

  it('logs a client error at warn and an unexpected error at error, with the same request id', async () => {
    const bad = await request(server.url).get('/api/exercise/slow?ms=oops');
    expect(server.logs.find((l) => l.requestId === bad.body.requestId)?.level).toBe(40);
    const boom = await request(server.url).get('/api/exercise/boom');
    const levels = server.logs.filter((l) => l.requestId === boom.body.requestId).map((l) => l.level);
    expect(levels).toEqual([50, 50]);
  });
});

describe('Log injection', () => {
  it('keeps a display name with newlines and fake JSON inside one escaped log line', async () => {
    const db = await createSeededDatabase();
    const server = await startTestApp({ databaseUrl: db.url });
    try {
      const session = await signIn(server.url, 'viewer@example.com');
      const forged = 'Eve\n{"level":60,"msg":"forged admin login","requestId":"x"}\r\n';
      const res = await asPage(session, request(server.url).patch('/api/me')).send({ displayName: forged });
      expect(res.status).toBe(200);
      server.logger.info({ displayName: forged }, 'profile shown');
      expect(server.logs.some((l) => l.msg === 'forged admin login')).toBe(false);
      const line = server.logs.find((l) => l.msg === 'profile shown');
      expect(line?.displayName).toBe(forged);
    } finally {
      await server.close();
      await db.drop();
    }
  });
});
