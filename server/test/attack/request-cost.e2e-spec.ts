import { SEED_IDS } from '@bastion/migrations';
import { getMetadataStorage } from 'class-validator';
import { Agent, request as httpRequest } from 'node:http';
import { routeMetadata, RouteMetadata } from '../../src/openapi/route-metadata';
import { createSeededDatabase } from '../support/seeded-database';
import { signIn, SignedIn } from '../support/session-client';
import { startTestApp, TestApp } from '../support/test-app';

// The limit before it was lowered to 64 KiB: the bounds on a body's shape, not its byte count, must keep
// a request's cost linear, so they are tested with room for bodies far wider than any DTO.
const BODY_LIMIT = 1024 * 1024;
const GROWTH = [1, 4, 16];
const REPEATS = 3;
// A linear cost gives a ratio near 1 (below it, once the fixed cost of a request is spread over more
// bytes); a quadratic one gives about 16 across these sizes.
const MAX_COST_PER_BYTE_GROWTH = 3;
// Counts of the server's own tables: a refused request writes nothing, and no refused sign-in opens a session.
const FINGERPRINT = `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM sessions)::int AS sessions,
  (SELECT count(*) FROM memberships)::int AS memberships, (SELECT count(*) FROM audit_events)::int AS audit`;

interface Answer {
  status: number;
  body: string;
  /** CPU time of this whole process (the server runs in it) while the request was in flight, in µs. */
  cpu: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function send(base: string, method: string, path: string, session: SignedIn, body?: string): Promise<Answer> {
  const payload = body === undefined ? undefined : Buffer.from(body);
  return new Promise((resolve, reject) => {
    const started = process.cpuUsage();
    const req = httpRequest(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          cookie: session.cookie,
          'sec-fetch-site': 'same-origin',
          'x-csrf-token': session.csrfToken,
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const used = process.cpuUsage(started);
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            cpu: used.user + used.system,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const wideObjects = new Map<number, string>();

function wideObject(keys: number, extra: Record<string, unknown> = {}): string {
  const parts = Object.entries(extra).map(
    ([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`,
  );
  for (let i = 0; i < keys; i++) parts.push(`"${i.toString(36)}":0`);
  return `{${parts.join(',')}}`;
}

function fill(path: string): string {
  return path
    .replace(':workspaceId', SEED_IDS.workspaces.acme)
    .replace(':userId', SEED_IDS.users.viewer)
    .replace(':key', 'beta')
    .replace(/:\w+/g, '5f0c6a8e-9a1b-4c2d-8e3f-000000000abc');
}

function declaredFields(dto: RouteMetadata['body']): string[] {
  if (!dto) return [];
  return [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(dto, '', true, false)
        .map((m) => m.propertyName),
    ),
  ];
}

/** Bodies growing along one dimension; each carries an undeclared field, so none can be accepted and act. */
const DIMENSIONS: Record<string, { base: number; build: (fields: string[], n: number) => string }> = {
  // 112,000 keys at the largest size: the width of the body that once held the event loop for seconds.
  keys: {
    base: 7000,
    build: (_fields, n) => wideObjects.get(n) ?? (wideObjects.set(n, wideObject(n)).get(n) as string),
  },
  'array items': {
    base: 7000,
    build: (fields, n) =>
      JSON.stringify({
        [fields.includes('permissions') ? 'permissions' : (fields[0] ?? 'items')]: new Array(n).fill('x'),
        unexpected: true,
      }),
  },
  'string length': {
    base: 2000,
    build: (fields, n) =>
      JSON.stringify({
        ...Object.fromEntries(fields.map((field) => [field, 'x'.repeat(n)])),
        unexpected: true,
      }),
  },
};

describe('request cost grows no faster than its size', () => {
  let db: Awaited<ReturnType<typeof createSeededDatabase>>;
  let server: TestApp;
  let owner: SignedIn;
  let routes: RouteMetadata[];

  beforeAll(async () => {
    db = await createSeededDatabase();
    server = await startTestApp({
      databaseUrl: db.url,
      env: {
        LOG_LEVEL: 'warn',
        BODY_LIMIT_BYTES: String(BODY_LIMIT),
        RATE_LIMIT_PER_MINUTE: '1000000',
        SIGN_IN_LIMIT_PER_IP: '1000000',
        SIGN_IN_LIMIT_PER_EMAIL: '1000000',
      },
    });
    owner = await signIn(server.url, 'owner@example.com');
    routes = routeMetadata(server.app);
  });

  afterAll(async () => {
    agent.destroy();
    await server?.close();
    await db?.drop();
  });

  /** Median CPU per request at each size, and how much the cost per byte grew from the smallest to the largest. */
  async function costGrowth(
    method: string,
    build: (n: number) => { path: string; body?: string },
    base: number,
  ) {
    const points: { bytes: number; cpu: number; status: number }[] = [];
    for (const factor of GROWTH) {
      const { path, body } = build(base * factor);
      const bytes = Buffer.byteLength(body ?? path);
      // One unmeasured request first, so the smallest size does not also pay for warming up the route.
      if (factor === GROWTH[0]) await send(server.url, method, path, owner, body);
      const samples: Answer[] = [];
      for (let i = 0; i < REPEATS; i++) samples.push(await send(server.url, method, path, owner, body));
      points.push({ bytes, cpu: median(samples.map((s) => s.cpu)), status: samples[0].status });
    }
    const [first, last] = [points[0], points[points.length - 1]];
    return { points, growth: last.cpu / last.bytes / (first.cpu / first.bytes) };
  }

  it.each([
    ['/api/invitations/accept', { token: 'A'.repeat(43) }],
    ['/api/auth/login', { email: 'owner@example.com', password: 'bastion-demo-password' }],
  ])('a 110,000-key body to %s answers a small 400 and writes nothing', async (path, fields) => {
    const body = wideObject(110_000, fields);
    expect(Buffer.byteLength(body)).toBeLessThan(BODY_LIMIT);
    const [before] = await db.query(FINGERPRINT);
    const answer = await send(server.url, 'POST', path, owner, body);
    expect(answer.status).toBe(400);
    expect(Buffer.byteLength(answer.body)).toBeLessThan(512);
    expect(JSON.parse(answer.body)).toMatchObject({
      type: 'urn:problem-type:bastion:validation-failed',
      errors: [{ field: '', message: 'the request body has more than 50 fields' }],
    });
    expect(await db.query(FINGERPRINT)).toEqual([before]);
  });

  it('every JSON route: cost per byte does not grow with keys, array items or string length', async () => {
    const jsonRoutes = routes.filter((route) => route.body !== undefined);
    expect(jsonRoutes.length).toBeGreaterThan(10);
    const [before] = await db.query(FINGERPRINT);
    const results: Record<string, unknown>[] = [];
    for (const route of jsonRoutes) {
      const fields = declaredFields(route.body);
      for (const [dimension, { base, build }] of Object.entries(DIMENSIONS)) {
        const { points, growth } = await costGrowth(
          route.method,
          (n) => ({ path: fill(route.path), body: build(fields, n) }),
          base,
        );
        results.push({
          route: `${route.method} ${route.path}`,
          dimension,
          growth: Number(growth.toFixed(2)),
          points,
        });
      }
    }
    const refusedEverything = results.every((r) =>
      (r.points as { status: number }[]).every((p) => p.status >= 400 && p.status < 500),
    );
    expect(refusedEverything).toBe(true);
    expect(results.filter((r) => (r.growth as number) > MAX_COST_PER_BYTE_GROWTH)).toEqual([]);
    expect(await db.query(FINGERPRINT)).toEqual([before]);
  }, 120_000);

  it('every route with a query: cost per byte does not grow with the number of parameters', async () => {
    const queryRoutes = routes.filter((route) => route.query !== undefined);
    expect(queryRoutes.length).toBeGreaterThan(3);
    const results: Record<string, unknown>[] = [];
    for (const route of queryRoutes) {
      const { points, growth } = await costGrowth(
        route.method,
        (n) => ({
          path: `${fill(route.path)}?${Array.from({ length: n }, (_, i) => `q${i.toString(36)}=1`).join('&')}`,
        }),
        40,
      );
      results.push({ route: `${route.method} ${route.path}`, growth: Number(growth.toFixed(2)), points });
    }
    expect(results.filter((r) => (r.growth as number) > MAX_COST_PER_BYTE_GROWTH)).toEqual([]);
  });
});
