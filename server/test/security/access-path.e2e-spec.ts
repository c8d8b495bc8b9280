import { SEED_IDS } from '@bastion/migrations';
import request from 'supertest';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createSeededDatabase } from '../support/seeded-database';
import { asPage, signIn, SignedIn } from '../support/session-client';
import { RAISED_LIMITS, startTestApp, TestApp } from '../support/test-app';

const ACME = SEED_IDS.workspaces.acme;

/**
 * One access path: the caller and their membership come from one statement, so a guarded read costs two
 * round trips (access, then data), and nothing is cached, so a change acts on the very next request.
 */
describe('a guarded read costs two round trips, and nothing is cached', () => {
  let db: Awaited<ReturnType<typeof createSeededDatabase>>;
  let server: TestApp;
  let owner: SignedIn;
  let bearer: string;

  /** The SQL statements the server sends while `send` runs. */
  async function statementsDuring(send: () => Promise<request.Response>): Promise<string[]> {
    const sent: string[] = [];
    const original = PostgresQueryRunner.prototype.query;
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
      this: PostgresQueryRunner,
      ...args: Parameters<typeof original>
    ) {
      sent.push(String(args[0]).replace(/\s+/g, ' ').trim());
      return original.apply(this, args);
    });
    try {
      const res = await send();
      expect(res.status).toBe(200);
    } finally {
      spy.mockRestore();
    }
    return sent;
  }

  beforeAll(async () => {
    db = await createSeededDatabase();
    server = await startTestApp({ databaseUrl: db.url, env: RAISED_LIMITS });
    owner = await signIn(server.url, 'owner@example.com');
    const created = await asPage(owner, request(server.url).post(`/api/workspaces/${ACME}/api-tokens`)).send({
      name: 'reader',
      permissions: ['workspace:read', 'members:read'],
    });
    bearer = created.body.token;
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('reads the members list with a session cookie in two statements', async () => {
    const list = () => request(server.url).get(`/api/workspaces/${ACME}/members`).set('cookie', owner.cookie);
    await list(); // marks the session as seen, which happens at most once a minute
    const sent = await statementsDuring(list);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/FROM sessions s JOIN users u .* JOIN memberships m/);
  });

  it('reads it with an API token in two statements', async () => {
    const list = () =>
      request(server.url).get(`/api/workspaces/${ACME}/members`).set('authorization', `Bearer ${bearer}`);
    await list();
    const sent = await statementsDuring(list);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/FROM api_tokens t JOIN users u .* JOIN memberships m/);
  });

  it('acts on a demotion at the very next request', async () => {
    const read = () =>
      request(server.url).get(`/api/workspaces/${ACME}/members`).set('authorization', `Bearer ${bearer}`);
    expect((await read()).status).toBe(200);
    await db.query(
      `UPDATE memberships SET role_id = (SELECT id FROM roles WHERE key = 'viewer' AND workspace_id IS NULL) WHERE workspace_id = $1 AND user_id = $2`,
      [ACME, SEED_IDS.users.owner],
    );
    try {
      const refused = await read();
      expect(refused.status).toBe(403);
      expect(refused.body.missingPermission).toBe('members:read');
    } finally {
      await db.query(
        `UPDATE memberships SET role_id = (SELECT id FROM roles WHERE key = 'owner' AND workspace_id IS NULL) WHERE workspace_id = $1 AND user_id = $2`,
        [ACME, SEED_IDS.users.owner],
      );
    }
  });
});
