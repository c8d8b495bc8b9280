import { SEED_IDS, systemRoleId } from '@bastion/migrations';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { routeTable } from '../support/route-table';
import { createSeededDatabase } from '../support/seeded-database';
import { asPage, signIn, SignedIn } from '../support/session-client';
import { startTestApp, TestApp } from '../support/test-app';
import { Actor, ACTORS, Expected, H, Ids, MATRIX, MatrixRow, S } from './authorization-matrix';

const USERS: Partial<Record<Actor, string>> = {
  viewer: 'viewer@example.com',
  member: 'member@example.com',
  admin: 'admin@example.com',
  owner: 'owner@example.com',
  auditor: 'alan.turing@example.com',
  outsider: 'outsider@example.com',
  ops: 'ops@example.com',
};

describe('Authorization matrix (every route × every kind of caller, real server)', () => {
  let db: Awaited<ReturnType<typeof createSeededDatabase>>;
  let server: TestApp;
  const sessions: Partial<Record<Actor, SignedIn>> = {};
  const tokens: Partial<Record<Actor, string>> = {};
  let ids: Ids;

  beforeAll(async () => {
    db = await createSeededDatabase();
    await db.query(
      `WITH u AS (INSERT INTO users (email, display_name, password_hash)
                  SELECT 'outsider@example.com', 'Otto Outsider', password_hash FROM users WHERE email = 'owner@example.com' RETURNING id),
            w AS (INSERT INTO workspaces (slug, name) VALUES ('umbrella', 'Umbrella') RETURNING id)
       INSERT INTO memberships (workspace_id, user_id, role_id) SELECT w.id, u.id, $1 FROM u, w`,
      [systemRoleId('owner')],
    );
    server = await startTestApp({
      databaseUrl: db.url,
      env: {
        RATE_LIMIT_PER_MINUTE: '100000',
        SIGN_IN_LIMIT_PER_IP: '100000',
        SIGN_IN_LIMIT_PER_EMAIL: '100000',
        INVITATIONS_PER_WORKSPACE_PER_HOUR: '1000',
      },
    });
    for (const [actor, email] of Object.entries(USERS))
      sessions[actor as Actor] = await signIn(server.url, email);
    const workspace = SEED_IDS.workspaces.acme;
    const mint = async (permissions: string[]) =>
      (
        await asPage(
          sessions.owner as SignedIn,
          request(server.url).post(`/api/workspaces/${workspace}/api-tokens`),
        ).send({
          name: `matrix ${permissions.length}`,
          permissions,
        })
      ).body.token as string;
    const catalogue = (
      await request(server.url)
        .get('/api/permissions')
        .set('cookie', (sessions.owner as SignedIn).cookie)
    ).body;
    tokens.tokenAll = await mint(catalogue.permissions.map((p: { key: string }) => p.key));
    tokens.tokenRead = await mint(['workspace:read']);
    ids = {
      workspace,
      ownerId: SEED_IDS.users.owner,
      viewerId: SEED_IDS.users.viewer,
      auditorRoleId: SEED_IDS.roles.acmeAuditor,
      ownerRoleId: systemRoleId('owner'),
      random: '5f0c6a8e-9a1b-4c2d-8e3f-000000000abc',
      randomToken: 'A'.repeat(43),
    };
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('has a row for every route the server serves, and no row for a route that does not exist', () => {
    const served = routeTable(server.app)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    const listed = [...new Set(MATRIX.map((row) => `${row.method} ${row.route}`))].sort();
    expect(listed).toEqual(served);
  });

  function send(row: MatrixRow, actor: Actor): request.Test {
    const agent = request(server.url);
    const method = row.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let req = agent[method](row.url(ids));
    const session = sessions[actor];
    if (session) req = asPage(session, req);
    else req = req.set('sec-fetch-site', 'same-origin');
    if (tokens[actor]) req = req.set('authorization', `Bearer ${tokens[actor]}`);
    return row.body ? req.send(row.body(actor, ids)) : req;
  }

  function verdict(res: request.Response, expected: Exclude<Expected, typeof S>): string | null {
    const type = String(res.body?.type ?? '').replace('urn:problem-type:bastion:', '');
    if (expected === H)
      return res.status === 404 && type === 'workspace-not-found' ? null : `${res.status} ${type}`;
    if (typeof expected === 'string') {
      const [status, wanted] = expected.split(' ');
      return res.status === Number(status) && type === wanted ? null : `${res.status} ${type}`;
    }
    return res.status === expected ? null : `${res.status} ${type}`;
  }

  /** Validators for each operation's documented success body, from the committed OpenAPI document. */
  function documentedBodies(): (row: MatrixRow, body: unknown) => string | null {
    const document = JSON.parse(readFileSync(resolve(__dirname, '../../openapi.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'bastion', components: document.components });
    return (row, body) => {
      const operation = document.paths[row.route.replace(/:(\w+)/g, '{$1}')]?.[row.method.toLowerCase()];
      const success = Object.entries(operation?.responses ?? {}).find(([code]) => code !== 'default')?.[1] as
        { content?: Record<string, { schema: { $ref: string } }> } | undefined;
      const ref = success?.content?.['application/json']?.schema.$ref;
      if (!ref) return 'no documented success body';
      const validate = ajv.getSchema(`bastion${ref}`);
      if (!validate) return `unknown schema ${ref}`;
      return validate(body) ? null : ajv.errorsText(validate.errors);
    };
  }

  it('answers every cell as the table says, with bodies matching the OpenAPI document', async () => {
    const bodyProblem = documentedBodies();
    const mismatches: string[] = [];
    let checked = 0;
    for (const row of MATRIX) {
      for (const actor of ACTORS) {
        const expected = row.expect[actor];
        if (expected === S) continue;
        const res = await send(row, actor);
        checked++;
        const wrong = verdict(res, expected);
        if (wrong)
          mismatches.push(`${row.method} ${row.route} as ${actor}: expected ${expected}, got ${wrong}`);
        if (res.status >= 400) expect(res.headers['content-type']).toMatch(/problem\+json/);
        if (res.status >= 200 && res.status < 300 && res.status !== 204) {
          const problem = bodyProblem(row, res.body);
          if (problem)
            mismatches.push(
              `${row.method} ${row.route} as ${actor}: body differs from the document: ${problem}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(400);
  });

  it('audits denials', async () => {
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'access.denied'`,
    );
    expect(n).toBeGreaterThan(100);
  });
});
