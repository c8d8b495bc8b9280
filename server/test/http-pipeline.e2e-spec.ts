import request from 'supertest';
import { ExerciseModule } from './support/exercise.module';
import { startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('HTTP pipeline (real server)', () => {
  let db: TestDatabase;
  let server: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestApp({
      databaseUrl: db.url,
      imports: [ExerciseModule],
      env: { BODY_LIMIT_BYTES: '2048' },
    });
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const http = () => request(server.url);

  function expectProblem(res: request.Response, status: number, type: string) {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.body).toMatchObject({ type: `urn:problem-type:bastion:${type}`, status });
    expect(typeof res.body.title).toBe('string');
    expect(typeof res.body.detail).toBe('string');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    expect(res.body.instance).toMatch(/^\/[^?]*$/);
  }

  it('accepts a valid JSON body', async () => {
    const res = await http()
      .post('/api/exercise/echo')
      .send({ name: 'Ada', count: 3, nested: { flag: true } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ name: 'Ada', count: 3, nested: { flag: true } });
  });

  it('answers malformed JSON with 400 malformed-json', async () => {
    const res = await http()
      .post('/api/exercise/echo')
      .set('content-type', 'application/json')
      .send('{"name": "Ada",');
    expectProblem(res, 400, 'malformed-json');
  });

  it('names every invalid field, including nested ones, with wrong types', async () => {
    const res = await http()
      .post('/api/exercise/echo')
      .send({ name: 42, count: 'three', nested: { flag: 'yes' } });
    expectProblem(res, 400, 'validation-failed');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'count', 'nested.flag']));
  });

  it('refuses unknown fields instead of dropping them', async () => {
    const res = await http()
      .post('/api/exercise/echo')
      .send({ name: 'Ada', count: 1, isPlatformAdmin: true });
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual([
      { field: 'isPlatformAdmin', message: 'isPlatformAdmin is not an accepted field' },
    ]);
  });

  it('lists the first 20 field errors and counts the rest, so an error response stays small', async () => {
    const body = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`extra${i}`, i]));
    const res = await http()
      .post('/api/exercise/echo')
      .send({ name: 'Ada', count: 1, ...body });
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toHaveLength(20);
    expect(res.body.errorCount).toBe(30);
    expect(res.body.detail).toBe(
      `Invalid ${Array.from({ length: 20 }, (_, i) => `extra${i}`).join(', ')} and 10 more fields.`,
    );
  });

  it.each([
    [
      'more fields than any DTO has',
      JSON.stringify(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 0]))),
      '',
    ],
    [
      'nesting deeper than 32 levels',
      '{"nested":'.repeat(40) + '{}' + '}'.repeat(40),
      'nested.'.repeat(32).slice(0, -1),
    ],
    ['a NUL character', '{"name":"Ada\\u0000","count":1}', 'name'],
  ])('refuses a body with %s before validation, naming where', async (_label, body, field) => {
    const res = await http().post('/api/exercise/echo').set('content-type', 'application/json').send(body);
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual([{ field, message: expect.any(String) }]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a NUL character in a query string before validation', async () => {
    const res = await http().get('/api/exercise/slow?ms=1%00');
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual([{ field: 'ms', message: 'ms contains a NUL character' }]);
  });

  it('refuses prototype-pollution keys', async () => {
    const res = await http()
      .post('/api/exercise/echo')
      .set('content-type', 'application/json')
      .send('{"name":"Ada","count":1,"__proto__":{"polluted":true}}');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['text/plain', 'name=Ada'],
    ['application/x-www-form-urlencoded', 'name=Ada&count=1'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nAda\r\n--x--',
    ],
  ])('answers a %s body with 415', async (contentType, body) => {
    const res = await http().post('/api/exercise/echo').set('content-type', contentType).send(body);
    expectProblem(res, 415, 'unsupported-media-type');
  });

  it('answers a body over the configured limit with 413', async () => {
    const res = await http()
      .post('/api/exercise/echo')
      .send({ name: 'x'.repeat(4096), count: 1 });
    expectProblem(res, 413, 'content-too-large');
  });

  it('answers an unknown route with 404 and a known path with the wrong method with 405 and Allow', async () => {
    expectProblem(await http().get('/api/no-such-thing'), 404, 'not-found');
    const res = await http().delete('/api/exercise/echo');
    expectProblem(res, 405, 'method-not-allowed');
    expect(res.headers.allow).toBe('POST');
  });

  it('turns an unexpected error into a generic 500 that leaks nothing', async () => {
    const res = await http().get('/api/exercise/boom');
    expectProblem(res, 500, 'internal-error');
    const text = JSON.stringify(res.body);
    for (const leak of ['SELECT', 'password_hash', '/srv/app', 'secret.ts', 'at ', 'stack']) {
      expect(text).not.toContain(leak);
    }
    const logged = server.logs.find((l) => l.msg === 'unhandled error');
    expect(logged).toBeDefined();
    expect(logged?.requestId).toBe(res.body.requestId);
  });

  it('validates query strings and converts their types', async () => {
    expectProblem(await http().get('/api/exercise/slow?ms=abc'), 400, 'validation-failed');
    expectProblem(await http().get('/api/exercise/slow?ms=1&extra=1'), 400, 'validation-failed');
    const ok = await http().get('/api/exercise/slow?ms=1');
    expect(ok.body).toEqual({ waitedMs: 1 });
  });

  it('honours a well-formed incoming X-Request-Id and replaces a malformed one', async () => {
    const kept = await http().get('/health').set('x-request-id', 'edge-proxy-0123456789');
    expect(kept.headers['x-request-id']).toBe('edge-proxy-0123456789');
    const replaced = await http().get('/health').set('x-request-id', 'bad id\twith spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['/health', 200],
    ['/api/no-such-thing', 404],
    ['/api/exercise/boom', 500],
  ])('sends the security headers on %s (%i)', async (path, status) => {
    const res = await http().get(path);
    expect(res.status).toBe(status);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends no CORS permission when no origin is allowed', async () => {
    const res = await http().get('/health').set('origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
