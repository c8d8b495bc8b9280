import pg from 'pg';
import request from 'supertest';
import { gracefulShutdown } from '../src/core/lifecycle/graceful-shutdown';
import { ExerciseModule } from './support/exercise.module';
import { startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, futureTestDatabase, TestDatabase } from './support/test-database';

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('Health probes', () => {
  describe('on a migrated database', () => {
    let db: TestDatabase;
    let server: TestApp;

    beforeAll(async () => {
      db = await createTestDatabase();
      server = await startTestApp({ databaseUrl: db.url });
    });

    afterAll(async () => {
      await server?.close();
      await db?.drop();
    });

    it('answers /health with 200 and no dependency details', async () => {
      const res = await request(server.url).get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('answers /ready with 200 and per-check status, without hostnames or secrets', async () => {
      const res = await request(server.url).get('/ready');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.details).toEqual({ process: { status: 'up' }, database: { status: 'up' } });
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('127.0.0.1');
      expect(text).not.toContain('postgres');
    });

    it('keeps probes out of the request log', async () => {
      await request(server.url).get('/health');
      await request(server.url).get('/ready');
      expect(server.logs.filter((l) => l.msg === 'request completed')).toEqual([]);
    });
  });

  it('is not ready while migrations are pending, and says so', async () => {
    const db = await createTestDatabase({ migrated: false });
    const server = await startTestApp({ databaseUrl: db.url, env: { DATABASE_MIGRATE_ON_START: 'false' } });
    try {
      const res = await request(server.url).get('/ready');
      expect(res.status).toBe(503);
      expect(res.body.details.database).toEqual({
        status: 'down',
        message: 'migrations pending',
        pending: 1,
      });
      expect((await request(server.url).get('/health')).status).toBe(200);
    } finally {
      await server.close();
      await db.drop();
    }
  });

  it('boots while the database is missing, stays alive, and becomes ready when it appears, without a restart', async () => {
    const db = futureTestDatabase();
    const server = await startTestApp({
      databaseUrl: db.url,
      waitForDatabase: false,
      env: { DATABASE_MIGRATE_ON_START: 'true' },
    });
    try {
      expect((await request(server.url).get('/health')).status).toBe(200);
      const notReady = await request(server.url).get('/ready');
      expect(notReady.status).toBe(503);
      expect(notReady.body.details.database).toEqual({ status: 'down', message: 'not connected' });

      await db.create();
      const waited = await waitFor(
        async () => (await request(server.url).get('/ready')).status === 200,
        15_000,
      );
      expect(waited).toBeLessThan(15_000);
    } finally {
      await server.close();
      await db.drop();
    }
  });

  it('drains on SIGTERM: readiness 503 at once, in-flight requests finish, the pool closes, exit code 0', async () => {
    const db = await createTestDatabase();
    const server = await startTestApp({ databaseUrl: db.url, imports: [ExerciseModule] });
    const exits: number[] = [];
    const shutdown = gracefulShutdown(server.app, {
      logger: server.logger,
      drainDelayMs: 400,
      timeoutMs: 5_000,
      exit: (code) => exits.push(code),
    });
    try {
      const inFlight = request(server.url).get('/api/exercise/slow?ms=700');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopping = shutdown('SIGTERM');
      const ready = await request(server.url).get('/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.details.process).toEqual({ status: 'down', message: 'shutting down' });

      const slow = await inFlight;
      expect(slow.status).toBe(200);
      expect(slow.body).toEqual({ waitedMs: 700 });
      await stopping;
      expect(exits).toEqual([0]);

      const admin = new pg.Client({ connectionString: db.url.replace(/\/[^/]+$/, '/postgres') });
      await admin.connect();
      const { rows } = await admin.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [db.name],
      );
      await admin.end();
      expect(rows[0].n).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
