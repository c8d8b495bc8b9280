import { SEED_IDS } from '@bastion/migrations';
import pg from 'pg';
import request from 'supertest';
import { gracefulShutdown } from '../../src/core/lifecycle/graceful-shutdown';
import { createSeededDatabase } from '../support/seeded-database';
import { asPage, signIn } from '../support/session-client';
import { startTestApp } from '../support/test-app';

describe('Graceful drain under load', () => {
  it('flips readiness at once, fails no request, keeps every acknowledged write, exits 0 and leaves no connection', async () => {
    const db = await createSeededDatabase();
    const server = await startTestApp({ databaseUrl: db.url, env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    const owner = await signIn(server.url, 'owner@example.com');
    const members = `/api/workspaces/${SEED_IDS.workspaces.acme}/members`;
    const exits: number[] = [];
    const shutdown = gracefulShutdown(server.app, {
      logger: server.logger,
      drainDelayMs: 600,
      timeoutMs: 10_000,
      exit: (code) => exits.push(code),
    });

    // Like a load balancer: keep sending while /ready says 200, stop once it says 503.
    let routable = true;
    const poller = (async () => {
      while (routable) {
        const res = await request(server.url)
          .get('/ready')
          .catch(() => null);
        if (res?.status !== 200) routable = false;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const failures: string[] = [];
    const acknowledgedRoles: string[] = [];
    let requests = 0;
    const worker = async (id: number) => {
      for (let i = 0; routable; i++) {
        requests++;
        try {
          if (i % 3 === 0) {
            const name = `Drain ${id}-${i}`;
            const res = await asPage(
              owner,
              request(server.url).post(`/api/workspaces/${SEED_IDS.workspaces.acme}/roles`),
            ).send({ name, permissions: [] });
            if (res.status === 201) acknowledgedRoles.push(res.body.id);
            else failures.push(`write ${res.status}`);
          } else {
            const res = await request(server.url).get(members).set('cookie', owner.cookie);
            if (res.status !== 200) failures.push(`read ${res.status}`);
          }
        } catch (error) {
          failures.push(`connection: ${(error as Error).message}`);
        }
      }
    };
    const workers = Array.from({ length: 6 }, (_, id) => worker(id));

    await new Promise((r) => setTimeout(r, 500));
    const stopping = shutdown('SIGTERM');
    await Promise.all([poller, ...workers, stopping]);

    expect(requests).toBeGreaterThan(20);
    expect(failures).toEqual([]);
    expect(exits).toEqual([0]);

    const admin = new pg.Client({ connectionString: db.url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'bastion'`,
        [db.name],
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await admin.end();
    }
    const stored = await db.query(`SELECT id FROM roles WHERE id = ANY($1::uuid[])`, [acknowledgedRoles]);
    expect(stored).toHaveLength(acknowledgedRoles.length);
    await db.drop();
  }, 60_000);
});
