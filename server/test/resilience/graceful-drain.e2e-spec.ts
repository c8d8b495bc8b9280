import { SEED_IDS } from '@bastion/migrations';
import pg from 'pg';
import request from 'supertest';
import { gracefulShutdown } from '../../src/core/lifecycle/graceful-shutdown';
import { recordFigures } from '../support/figures';
import { createSeededDatabase } from '../support/seeded-database';
import { asPage, signIn } from '../support/session-client';
import { startTestApp } from '../support/test-app';

const DRAIN_DELAY_MS = 600;

describe('Graceful drain under load', () => {
  it('flips readiness at once, fails no request, keeps every acknowledged write, exits 0 and leaves no connection', async () => {
    const db = await createSeededDatabase();
    const server = await startTestApp({ databaseUrl: db.url, env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    const owner = await signIn(server.url, 'owner@example.com');
    const members = `/api/workspaces/${SEED_IDS.workspaces.acme}/members`;
    const exits: number[] = [];
    let signalledAt = 0;
    let exitedAfterMs = 0;
    const shutdown = gracefulShutdown(server.app, {
      logger: server.logger,
      drainDelayMs: DRAIN_DELAY_MS,
      timeoutMs: 10_000,
      exit: (code) => {
        exits.push(code);
        exitedAfterMs = performance.now() - signalledAt;
      },
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
    let requestsDuringDrain = 0;
    const worker = async (id: number) => {
      for (let i = 0; routable; i++) {
        requests++;
        if (signalledAt > 0) requestsDuringDrain++;
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

    await new Promise((r) => setTimeout(r, 1_000));
    signalledAt = performance.now();
    const stopping = shutdown('SIGTERM');
    await Promise.all([poller, ...workers, stopping]);

    const admin = new pg.Client({ connectionString: db.url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    const countConnections = async (): Promise<number> =>
      (
        await admin.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'bastion'`,
          [db.name],
        )
      ).rows[0].n;
    // A backend ends a moment after its client says goodbye; a connection still open after 2 s was left.
    let connectionsLeft = await countConnections();
    for (const until = Date.now() + 2_000; connectionsLeft > 0 && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 100));
      connectionsLeft = await countConnections();
    }
    await admin.end();
    const stored = await db.query(`SELECT id FROM roles WHERE id = ANY($1::uuid[])`, [acknowledgedRoles]);
    recordFigures('drain', {
      requests,
      requestsDuringDrain,
      failures: failures.length,
      acknowledgedWrites: acknowledgedRoles.length,
      acknowledgedWritesLost: acknowledgedRoles.length - stored.length,
      exitCode: exits[0] ?? null,
      drainDelayMs: DRAIN_DELAY_MS,
      msToExit: Math.round(exitedAfterMs),
      connectionsLeft,
    });

    expect(requests).toBeGreaterThan(20);
    expect(failures).toEqual([]);
    expect(exits).toEqual([0]);
    expect(connectionsLeft).toBe(0);
    expect(stored).toHaveLength(acknowledgedRoles.length);
    await db.drop();
  }, 60_000);
});
