import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/core/config';
import { DatabaseConnector } from '../../src/core/db';
import { createLogger } from '../../src/core/logging';
import { PASSWORD_HASHING } from '../../src/core/rate-limit';
import { createSeededDatabase } from '../support/seeded-database';
import { DEMO_PASSWORD } from '../support/session-client';

type SeededDatabase = Awaited<ReturnType<typeof createSeededDatabase>>;

const SCRIPT = 'console.log("bastion")';

/** Occupies every hashing slot and queue place until released, as a flood in progress would. */
function holdEveryHashingPlace(places: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = Array.from({ length: places }, () => PASSWORD_HASHING.run(() => released));
  return {
    release: async () => {
      release();
      await Promise.all(held);
    },
  };
}

describe('expensive work is bounded for untrusted callers', () => {
  let db: SeededDatabase;
  let app: NestFastifyApplication;
  let url: string;
  let webDir: string;
  const logLines: Record<string, unknown>[] = [];

  const signIn = (email: string, password: string, ip: string) =>
    request(url)
      .post('/api/auth/login')
      .set('sec-fetch-site', 'same-origin')
      .set('x-forwarded-for', ip)
      .send({ email, password });

  beforeAll(async () => {
    db = await createSeededDatabase();
    webDir = mkdtempSync(join(tmpdir(), 'bastion-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Bastion</title>');
    writeFileSync(join(webDir, 'assets', 'app-1a2b.js'), SCRIPT);
    // Small limits, so a flood reaches the bulkhead long before any rate limit: one hash at a time, two
    // waiting, and every sign-in from its own address behind one trusted proxy.
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: db.url,
      TRUST_PROXY: '1',
      PASSWORD_HASHING_CONCURRENCY: '1',
      PASSWORD_HASHING_QUEUE: '2',
      RATE_LIMIT_PER_MINUTE: '100000',
      SIGN_IN_LIMIT_PER_IP: '100000',
      SIGN_IN_LIMIT_PER_EMAIL: '100000',
    });
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const line of chunk.toString('utf8').split('\n')) if (line) logLines.push(JSON.parse(line));
        done();
      },
    });
    app = await createApp({
      config,
      databaseUrl: db.url,
      logger: createLogger(config.log, sink),
      staticSites: { adminWebDir: webDir, storybookDir: join(webDir, 'no-storybook') },
    });
    await app.listen(0, '127.0.0.1');
    await app.get(DatabaseConnector).whenReady();
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('applies the configured hashing limits', () => {
    const held = holdEveryHashingPlace(3);
    expect(PASSWORD_HASHING.running).toBe(1);
    expect(PASSWORD_HASHING.queued).toBe(2);
    return held.release();
  });

  it('answers sign-ins past the hashing queue 503 hashing-busy with Retry-After, known email or not, while probes and static files still answer', async () => {
    const held = holdEveryHashingPlace(3);
    try {
      const attempts = await Promise.all([
        ...Array.from({ length: 20 }, (_, i) =>
          signIn(`nobody${i}@example.com`, 'a guess', `198.51.100.${i + 1}`),
        ),
        signIn('member@example.com', 'a wrong guess', '198.51.100.200'),
        signIn('member@example.com', DEMO_PASSWORD, '198.51.100.201'),
      ]);
      for (const res of attempts) {
        expect(res.status).toBe(503);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.type).toBe('urn:problem-type:bastion:hashing-busy');
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }

      expect((await request(url).get('/health')).status).toBe(200);
      const asset = await request(url).get('/assets/app-1a2b.js');
      expect(asset.status).toBe(200);
      expect(asset.text).toBe(SCRIPT);
      expect((await request(url).get('/')).status).toBe(200);

      const metrics = (await request(url).get('/metrics')).text;
      expect(metrics).toMatch(/^password_hashing_running 1$/m);
      expect(metrics).toMatch(/^password_hashing_queued 2$/m);
      const rejected = Number(/^password_hashing_rejected_total (\d+)$/m.exec(metrics)?.[1]);
      expect(rejected).toBeGreaterThanOrEqual(attempts.length);

      // Shedding load is expected and said so: it is logged as a warning, never as an error.
      const shed = logLines.filter((line) => (line.response as { statusCode?: number })?.statusCode === 503);
      expect(shed.length).toBeGreaterThanOrEqual(attempts.length);
      expect(shed.filter((line) => (line.level as number) >= 50)).toEqual([]);
    } finally {
      await held.release();
    }

    // A refused attempt was never checked, so it counts as no failure towards a lockout.
    const [member] = await db.query(
      `SELECT failed_sign_in_count FROM users WHERE email = 'member@example.com'`,
    );
    expect(member.failed_sign_in_count).toBe(0);
    expect((await signIn('member@example.com', DEMO_PASSWORD, '198.51.100.202')).status).toBe(200);
  });

  it('under a real flood from many addresses, answers each sign-in 401 or 503 and keeps serving everything else', async () => {
    const flood = Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        signIn(`flood${i}@example.com`, 'a guess', `2001:db8:${i.toString(16)}::1`),
      ),
    );
    const others = await Promise.all([
      request(url).get('/health'),
      request(url).get('/assets/app-1a2b.js'),
      request(url).get('/api/auth/password-policy'),
    ]);
    const answers = await flood;

    expect(others.map((res) => res.status)).toEqual([200, 200, 200]);
    for (const res of answers) {
      expect([401, 503]).toContain(res.status);
      if (res.status === 503) expect(res.headers['retry-after']).toBeDefined();
    }
    expect(PASSWORD_HASHING.running).toBe(0);
    expect(PASSWORD_HASHING.queued).toBe(0);
  });
});
