import { SEED_IDS } from '@bastion/migrations';
import request from 'supertest';
import { createSeededDatabase } from '../support/seeded-database';
import { asPage, signIn, SignedIn } from '../support/session-client';
import { startTestApp, TestApp } from '../support/test-app';

const ACME = SEED_IDS.workspaces.acme;
const AUDIT = `/api/workspaces/${ACME}/audit-events`;
// Tables no refused request may change; audit_events is append-only, so its count says whether it moved.
const FINGERPRINT = `SELECT md5(string_agg(t, '|' ORDER BY t)) AS rows, (SELECT count(*)::int FROM audit_events) AS audit
  FROM (SELECT x::text AS t FROM users x UNION ALL SELECT x::text FROM workspaces x UNION ALL SELECT x::text FROM roles x
        UNION ALL SELECT x::text FROM memberships x UNION ALL SELECT x::text FROM invitations x
        UNION ALL SELECT x::text FROM api_tokens x) rows`;

type Method = 'get' | 'post' | 'patch' | 'delete';

describe('every accepted value is storable', () => {
  let db: Awaited<ReturnType<typeof createSeededDatabase>>;
  let server: TestApp;
  let owner: SignedIn;

  beforeAll(async () => {
    db = await createSeededDatabase();
    server = await startTestApp({ databaseUrl: db.url, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    owner = await signIn(server.url, 'owner@example.com');
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  async function expectRefused(method: Method, path: string, body: string | undefined, field: string) {
    const [before] = await db.query(FINGERPRINT);
    let req = asPage(owner, request(server.url)[method](path));
    if (body !== undefined) req = req.set('content-type', 'application/json').send(body);
    const res = await req;
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('urn:problem-type:bastion:validation-failed');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await db.query(FINGERPRINT)).toEqual([before]);
  }

  let logsBefore = 0;
  beforeEach(() => {
    logsBefore = server.logs.length;
  });
  afterEach(() => {
    expect(server.logs.slice(logsBefore).filter((line) => line.msg === 'unhandled error')).toEqual([]);
  });

  describe('a NUL character is refused wherever it is sent, naming the field', () => {
    it.each<[string, Method, string, Record<string, unknown>, string]>([
      ['a profile name', 'patch', '/api/me', { displayName: 'Ada\u0000' }, 'displayName'],
      ['a workspace name', 'post', '/api/workspaces', { name: 'N\u0000', slug: 'nul-name' }, 'name'],
      [
        'an item of a list',
        'post',
        `/api/workspaces/${ACME}/roles`,
        { name: 'Auditors', permissions: ['workspace:read\u0000'] },
        'permissions.0',
      ],
      [
        'a password at sign-in',
        'post',
        '/api/auth/login',
        { email: 'owner@example.com', password: 'x\u0000' },
        'password',
      ],
      ['a field name', 'patch', '/api/me', { 'display\u0000Name': 'Ada' }, 'display\u0000Name'],
      ['half a surrogate pair', 'patch', '/api/me', { displayName: 'Ada\ud800' }, 'displayName'],
    ])('in the body: %s', async (_label, method, path, body, field) => {
      await expectRefused(method, path, JSON.stringify(body), field);
    });

    it.each([
      ['a search', `/api/workspaces/${ACME}/members?search=a%00b`, 'search'],
      ['an admin search', '/api/admin/users?search=%00', 'search'],
      ['a parameter name', `/api/workspaces/${ACME}/members?se%00arch=a`, 'se\u0000arch'],
      ['a timestamp filter', `${AUDIT}?from=2026-01-01T00:00:00Z%00`, 'from'],
    ])('in the query string: %s', async (_label, path, field) => {
      await expectRefused('get', path, undefined, field);
    });

    it.each<[string, Method, string, string]>([
      ['a slug', 'get', '/api/workspaces/by-slug/ac%00me', 'slug'],
      ['an invitation token', 'get', `/api/invitations/%00${'A'.repeat(42)}`, 'token'],
      ['a session id', 'delete', '/api/me/sessions/%00', 'id'],
      ['a workspace id', 'get', `/api/workspaces/${ACME.slice(0, -1)}%00`, 'workspaceId'],
    ])('in the path: %s', async (_label, method, path, field) => {
      await expectRefused(method, path, undefined, field);
    });
  });

  describe('timestamps are RFC 3339 and within what PostgreSQL stores', () => {
    it.each([
      ['an ISO week date', '2026-W01'],
      ['the ISO basic format with a comma fraction', '20260101T000000,5Z'],
      ['hours without minutes', '2026-01-01T00Z'],
      ['a date without a time', '2026-01-01'],
      ['a time without an offset', '2026-01-01T00:00:00'],
      ['a day that does not exist', '2026-02-30T00:00:00Z'],
      ['year 0', '0000-01-01T00:00:00Z'],
      ['an offset beyond 15:59', '2026-01-01T00:00:00+16:00'],
      ['a fraction too long to parse', `2026-01-01T00:00:00.${'1'.repeat(200)}Z`],
    ])('refuses %s', async (_label, value) => {
      await expectRefused('get', `${AUDIT}?from=${encodeURIComponent(value)}`, undefined, 'from');
      await expectRefused('get', `${AUDIT}?to=${encodeURIComponent(value)}`, undefined, 'to');
    });

    it('filters by a valid RFC 3339 timestamp in every allowed spelling', async () => {
      const all = await request(server.url)
        .get(`${AUDIT}?from=2000-01-01T00:00:00Z`)
        .set('cookie', owner.cookie);
      expect(all.status).toBe(200);
      expect(all.body.items.length).toBeGreaterThan(0);
      for (const future of [
        '2999-01-01T00:00:00.123456789+05:30',
        '2999-01-01t00:00:00z',
        '2998-12-31T23:59:60Z',
        '9999-12-31T23:59:59-15:59',
      ]) {
        const res = await request(server.url)
          .get(`${AUDIT}?from=${encodeURIComponent(future)}`)
          .set('cookie', owner.cookie);
        expect({ future, status: res.status, items: res.body.items }).toEqual({
          future,
          status: 200,
          items: [],
        });
      }
      const early = await request(server.url)
        .get(`${AUDIT}?to=${encodeURIComponent('0001-01-01T00:00:00+15:00')}`)
        .set('cookie', owner.cookie);
      expect(early.status).toBe(200);
      expect(early.body.items).toEqual([]);
    });
  });

  describe('numbers and identifiers fit their columns', () => {
    it.each([
      ['a page size beyond int4', `${AUDIT}?limit=2147483648`, 'limit'],
      ['a page size beyond int8', `/api/workspaces/${ACME}/members?limit=9223372036854775808`, 'limit'],
      ['a page size in exponent form', `${AUDIT}?limit=1e3`, 'limit'],
      ['a negative page size', `/api/workspaces/${ACME}/members?limit=-1`, 'limit'],
      ['a uuid with a letter beyond f', `${AUDIT}?actorId=00000000-0000-0000-0000-00000000000g`, 'actorId'],
      [
        'a user id that is not a uuid',
        `/api/workspaces/${ACME}/permissions/explain?userId=1&permission=workspace:read`,
        'userId',
      ],
    ])('refuses %s', async (_label, path, field) => {
      await expectRefused('get', path, undefined, field);
    });
  });
});
