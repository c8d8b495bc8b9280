import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createSeededDatabase } from './support/seeded-database';
import { DEMO_PASSWORD, signIn } from './support/session-client';
import { startTestApp, TestApp } from './support/test-app';
import type { TestDatabase } from './support/test-database';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text format into samples (comments and HELP/TYPE lines skipped). */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]] = pair[2];
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(
    (s) =>
      s.name === name &&
      Object.keys(labels).length === Object.keys(s.labels).filter((k) => k !== 'le').length &&
      Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  return found.reduce((sum, s) => sum + s.value, 0);
}

async function scrape(url: string, token?: string): Promise<Sample[]> {
  const req = request(url).get('/metrics');
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req;
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(res.text);
}

function serverTiming(header: string | undefined): Record<string, number> {
  const entries: Record<string, number> = {};
  for (const part of (header ?? '').split(',')) {
    const match = /^\s*([a-z]+);dur=([\d.]+)\s*$/.exec(part);
    if (match) entries[match[1]] = Number(match[2]);
  }
  return entries;
}

describe('Metrics and Server-Timing', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createSeededDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('outside production, without a token', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ databaseUrl: db.url });
    });

    afterAll(async () => {
      await server?.close();
    });

    it('counts requests by route template and status, never by raw URL', async () => {
      const sessionId = randomUUID();
      const before = await scrape(server.url);
      for (let i = 0; i < 3; i++) expect((await request(server.url).get('/health')).status).toBe(200);
      expect((await request(server.url).delete(`/api/me/sessions/${sessionId}`)).status).toBe(401);
      expect((await request(server.url).delete(`/api/me/sessions/${sessionId}`)).status).toBe(401);
      const after = await scrape(server.url);

      const health = { method: 'GET', route: '/health', status: '200' };
      expect(
        valueOf(after, 'http_requests_total', health) - valueOf(before, 'http_requests_total', health),
      ).toBe(3);
      const revoke = { method: 'DELETE', route: '/api/me/sessions/:id', status: '401' };
      expect(
        valueOf(after, 'http_requests_total', revoke) - valueOf(before, 'http_requests_total', revoke),
      ).toBe(2);
      expect(
        valueOf(after, 'http_request_duration_seconds_count', revoke) -
          valueOf(before, 'http_request_duration_seconds_count', revoke),
      ).toBe(2);
      expect(after.some((s) => Object.values(s.labels).some((v) => v.includes(sessionId)))).toBe(false);
    });

    it('labels requests that match no route as unmatched', async () => {
      const path = `/api/nothing-here-${randomUUID()}`;
      const before = await scrape(server.url);
      expect((await request(server.url).get(path)).status).toBe(404);
      const after = await scrape(server.url);
      const unmatched = { method: 'GET', route: 'unmatched', status: '404' };
      expect(
        valueOf(after, 'http_requests_total', unmatched) - valueOf(before, 'http_requests_total', unmatched),
      ).toBe(1);
      expect(after.some((s) => Object.values(s.labels).some((v) => v.includes('nothing-here')))).toBe(false);
    });

    it('reports the database pool, query durations, event-loop lag and memory', async () => {
      const before = await scrape(server.url);
      await request(server.url)
        .post('/api/auth/login')
        .set('sec-fetch-site', 'same-origin')
        .send({ email: 'owner@example.com', password: DEMO_PASSWORD })
        .expect(200);
      const after = await scrape(server.url);
      expect(valueOf(after, 'db_query_duration_seconds_count')).toBeGreaterThan(
        valueOf(before, 'db_query_duration_seconds_count'),
      );
      expect(valueOf(after, 'db_pool_connections')).toBeGreaterThanOrEqual(1);
      expect(valueOf(after, 'db_pool_max_connections')).toBe(10);
      expect(after.some((s) => s.name === 'db_pool_idle_connections')).toBe(true);
      expect(after.some((s) => s.name === 'db_pool_waiting_requests')).toBe(true);
      expect(valueOf(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(after.some((s) => s.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
      expect(after.some((s) => s.name === 'nodejs_heap_size_used_bytes')).toBe(true);
    });

    it('does not log scrapes', async () => {
      await scrape(server.url);
      const logged = server.logs.filter(
        (l) => l.msg === 'request completed' && (l.request as { path?: string }).path === '/metrics',
      );
      expect(logged).toEqual([]);
    });

    it('adds Server-Timing with total and database time to API responses, not to probes', async () => {
      const signedIn = await signIn(server.url, 'admin@example.com');
      const sessions = await request(server.url)
        .get('/api/me/sessions')
        .set('cookie', signedIn.cookie)
        .expect(200);
      const timing = serverTiming(sessions.headers['server-timing']);
      expect(Object.keys(timing).sort()).toEqual(['db', 'total']);
      // Reading the session and the list runs statements, so some database time must have been attributed.
      expect(timing.db).toBeGreaterThan(0);

      const anonymous = await request(server.url).get('/api/permissions').expect(401);
      expect(serverTiming(anonymous.headers['server-timing'])).toEqual({ db: 0, total: expect.any(Number) });

      const health = await request(server.url).get('/health').expect(200);
      expect(health.headers['server-timing']).toBeUndefined();
    });

    it('never times the routes anyone may call that look accounts up, so timing tells no known address', async () => {
      const answers = [
        await request(server.url)
          .post('/api/auth/login')
          .set('sec-fetch-site', 'same-origin')
          .send({ email: 'owner@example.com', password: DEMO_PASSWORD })
          .expect(200),
        await request(server.url)
          .post('/api/auth/login')
          .set('sec-fetch-site', 'same-origin')
          .send({ email: 'owner@example.com', password: 'a wrong guess' })
          .expect(401),
        await request(server.url)
          .post('/api/auth/login')
          .set('sec-fetch-site', 'same-origin')
          .send({ email: 'nobody@example.com', password: 'a wrong guess' })
          .expect(401),
        // The same route spelled with a percent-encoded letter.
        await request(server.url)
          .post('/api/%61uth/login')
          .set('sec-fetch-site', 'same-origin')
          .send({ email: 'nobody@example.com', password: 'a wrong guess' })
          .expect(401),
        await request(server.url).get('/api/auth/password-policy').expect(200),
        await request(server.url).get('/api/auth/nothing-here').expect(404),
        await request(server.url).get(`/api/invitations/${'A'.repeat(43)}`),
        await request(server.url)
          .post('/api/invitations/accept')
          .send({ token: 'A'.repeat(43) }),
      ];
      for (const answer of answers) expect(answer.headers['server-timing']).toBeUndefined();
    });
  });

  describe('with METRICS_TOKEN set and Server-Timing turned off', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({
        databaseUrl: db.url,
        env: { METRICS_TOKEN, SERVER_TIMING_ENABLED: 'false' },
      });
    });

    afterAll(async () => {
      await server?.close();
    });

    it('refuses a scrape without the token or with another one', async () => {
      for (const authorization of [
        undefined,
        'Bearer not-the-right-token-at-all',
        `Basic ${METRICS_TOKEN}`,
      ]) {
        const req = request(server.url).get('/metrics');
        if (authorization) req.set('authorization', authorization);
        const res = await req;
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
        expect(res.text).not.toContain('http_requests_total');
      }
    });

    it('serves the metrics to the token holder', async () => {
      const samples = await scrape(server.url, METRICS_TOKEN);
      expect(samples.some((s) => s.name === 'http_requests_total')).toBe(true);
    });

    it('sends no Server-Timing header', async () => {
      const res = await request(server.url).get('/api/permissions').expect(401);
      expect(res.headers['server-timing']).toBeUndefined();
    });
  });

  describe('in production', () => {
    it('hides /metrics (404) and Server-Timing when no token is configured', async () => {
      const server = await startTestApp({ databaseUrl: db.url, env: { NODE_ENV: 'production' } });
      try {
        const res = await request(server.url).get('/metrics');
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        const withGuess = await request(server.url)
          .get('/metrics')
          .set('authorization', 'Bearer anything-at-all-1234');
        expect(withGuess.status).toBe(404);
        const api = await request(server.url).get('/api/permissions').expect(401);
        expect(api.headers['server-timing']).toBeUndefined();
      } finally {
        await server.close();
      }
    });

    it('serves /metrics to the token holder only, and Server-Timing when turned on', async () => {
      const server = await startTestApp({
        databaseUrl: db.url,
        env: { NODE_ENV: 'production', METRICS_TOKEN, SERVER_TIMING_ENABLED: 'true' },
      });
      try {
        expect((await request(server.url).get('/metrics')).status).toBe(401);
        const samples = await scrape(server.url, METRICS_TOKEN);
        expect(samples.some((s) => s.name === 'process_resident_memory_bytes')).toBe(true);
        const api = await request(server.url).get('/api/permissions').expect(401);
        expect(Object.keys(serverTiming(api.headers['server-timing'])).sort()).toEqual(['db', 'total']);
      } finally {
        await server.close();
      }
    });
  });
});
