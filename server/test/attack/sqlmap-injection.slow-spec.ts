import { SEED_IDS } from '@bastion/migrations';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { recordFigures } from '../support/figures';
import { requireTool } from '../support/required-tool';
import { createSeededDatabase } from '../support/seeded-database';
import { signIn, SignedIn } from '../support/session-client';
import { runSqlmap, SqlmapOutcome, sqlmapPath, sqlmapVersion } from '../support/sqlmap';
import { startTestApp, TestApp } from '../support/test-app';

const SQLMAP = sqlmapPath();
const LEVEL = 3;
const RISK = 2;
const TECHNIQUES = 'BEUSTQ';
const ACME = SEED_IDS.workspaces.acme;
const TAMPER_SCRIPT = join(__dirname, '../support/sqlmap-tamper/cursor_field.py');

interface Scan {
  name: string;
  path: string;
  /** Every parameter the scan injects into, each set to a value the server accepts. */
  query: Record<string, string>;
  /** Inject into this field of the decoded cursor rather than into the cursor text. */
  cursorField?: string;
}

type ScanOutcome = SqlmapOutcome & { scan: Scan; parameters: string[]; served: Record<string, number> };

const describeWithSqlmap = requireTool(
  { name: 'sqlmap', install: 'apt-get install sqlmap', neededFor: 'the SQL injection scan' },
  SQLMAP !== null,
);

describeWithSqlmap('sqlmap against the search, filter and paging parameters', () => {
  let db: Awaited<ReturnType<typeof createSeededDatabase>>;
  let server: TestApp;
  let owner: SignedIn;
  let workDir: string;

  beforeAll(async () => {
    db = await createSeededDatabase();
    server = await startTestApp({
      databaseUrl: db.url,
      env: { RATE_LIMIT_PER_MINUTE: '10000000' },
    });
    owner = await signIn(server.url, 'owner@example.com');
    workDir = await mkdtemp(join(tmpdir(), 'bastion-sqlmap-'));
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  /** A cursor the server issued, so the scan starts from a request the server answers 200 with rows. */
  async function firstCursor(path: string): Promise<string> {
    const res = await request(server.url).get(`${path}?limit=1`).set('cookie', owner.cookie);
    expect(res.status).toBe(200);
    expect(typeof res.body.nextCursor).toBe('string');
    return res.body.nextCursor;
  }

  /** Requests the server answered on a path, by status, from its own request log. */
  function answered(path: string): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const line of server.logs) {
      const req = line.request as { path?: string } | undefined;
      const res = line.response as { statusCode?: number } | undefined;
      if (line.msg !== 'request completed' || req?.path !== path || !res?.statusCode) continue;
      counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
    }
    return counts;
  }

  it('finds nothing injectable in the members and audit-log queries, nor inside their paging cursors', async () => {
    const members = `/api/workspaces/${ACME}/members`;
    const audit = `/api/workspaces/${ACME}/audit-events`;
    const membersCursor = await firstCursor(members);
    const auditCursor = await firstCursor(audit);
    const scans: Scan[] = [
      {
        name: 'members',
        path: members,
        query: { search: 'example', limit: '2', cursor: membersCursor },
      },
      {
        name: 'audit-log',
        path: audit,
        query: {
          action: 'member.role_changed',
          actorId: SEED_IDS.users.owner,
          from: '2020-01-01T00:00:00Z',
          to: '2100-01-01T00:00:00Z',
          limit: '5',
          cursor: auditCursor,
        },
      },
      {
        name: 'members cursor (email inside)',
        path: members,
        query: { cursor: membersCursor },
        cursorField: 'email',
      },
      {
        name: 'audit-log cursor (time inside)',
        path: audit,
        query: { cursor: auditCursor },
        cursorField: 'at',
      },
    ];
    for (const scan of scans) {
      // The baseline the scan compares its payloads with must be a real page of rows.
      const baseline = await request(server.url)
        .get(`${scan.path}?${new URLSearchParams(scan.query)}`)
        .set('cookie', owner.cookie);
      expect(baseline.status).toBe(200);
      expect(baseline.body.items.length).toBeGreaterThan(0);
    }

    const outcomes: ScanOutcome[] = [];
    for (const [index, scan] of scans.entries()) {
      const before = answered(scan.path);
      const parameters = Object.keys(scan.query);
      const outcome = await runSqlmap(SQLMAP as string, {
        url: `${server.url}${scan.path}?${new URLSearchParams(scan.query)}`,
        parameters,
        cookie: owner.cookie,
        workDir: join(workDir, String(index)),
        level: LEVEL,
        risk: RISK,
        techniques: TECHNIQUES,
        tamper: scan.cursorField
          ? {
              script: TAMPER_SCRIPT,
              env: { BASTION_CURSOR: scan.query.cursor, BASTION_CURSOR_FIELD: scan.cursorField },
            }
          : undefined,
      });
      const after = answered(scan.path);
      const served = Object.fromEntries(
        Object.entries(after).map(([status, n]) => [status, n - (before[status] ?? 0)]),
      );
      outcomes.push({ ...outcome, scan, parameters, served });
    }

    recordFigures('sqlmap', {
      sqlmap: sqlmapVersion(SQLMAP as string),
      level: LEVEL,
      risk: RISK,
      techniques: TECHNIQUES,
      scans: outcomes.map((o) => ({
        name: o.scan.name,
        path: o.scan.path.replace(ACME, '{workspaceId}'),
        parameters: o.scan.cursorField ? [`cursor.${o.scan.cursorField}`] : o.parameters,
        requests: o.requests,
        serverAnswers: o.served,
        notInjectable: o.notInjectable,
        findings: o.findings,
        rejectedCandidates: o.rejectedCandidates,
        seconds: o.seconds,
      })),
    });

    const problems: string[] = [];
    for (const { scan, ...outcome } of outcomes) {
      const wrong: string[] = [];
      if (outcome.findings.length > 0) wrong.push(`sqlmap reports ${outcome.findings.join('; ')}`);
      if (!outcome.nothingInjectable)
        wrong.push(`sqlmap did not conclude "nothing injectable" (exit ${outcome.exitCode})`);
      const untested = outcome.parameters.filter((p) => !outcome.notInjectable.includes(p));
      if (untested.length > 0) wrong.push(`no verdict for ${untested.join(', ')}`);
      // The scan really reached the route: sqlmap sent its payloads and the server answered them.
      if (outcome.requests < 100 * outcome.parameters.length)
        wrong.push(`only ${outcome.requests} requests sent`);
      const served = Object.values(outcome.served).reduce((a, b) => a + b, 0);
      if (served < outcome.requests * 0.9)
        wrong.push(`the server answered ${served} of ${outcome.requests} requests`);
      const errors = Object.entries(outcome.served).filter(([status]) => Number(status) >= 500);
      if (errors.length > 0) wrong.push(`server errors ${JSON.stringify(errors)}`);
      if (wrong.length === 0) continue;
      const said = outcome.output
        .split('\n')
        .filter((line) => /\[(WARNING|ERROR|CRITICAL)\]|injectable|vulnerable|injection point/.test(line))
        .slice(-12)
        .join('\n');
      problems.push(`${scan.name}: ${wrong.join('; ')}\nsqlmap said:\n${said}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
