#!/usr/bin/env node
// Writes docs/06-security/resilience-report.md from the figures the resilience and attack suites recorded
// in server/test/.figures/ (see server/test/support/figures.ts). `npm run test:resilience` runs it after
// the slow suites; `npm test` records the others. A run is everything recorded since the last report:
// the figures are removed once written, so a suite that did not run since shows as not run.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = resolve(SERVER_DIR, '..');
const FIGURES_DIR = join(SERVER_DIR, 'test', '.figures');
const OUTPUT = join(REPO_ROOT, 'docs', '06-security', 'resilience-report.md');

const n = (value) => (typeof value === 'number' ? value.toLocaleString('en-US') : (value ?? '—'));
const ms = (value) => (value === null || value === undefined ? '—' : `${n(value)} ms`);
const cell = (value) => String(value ?? '—').replace(/\|/g, '\\|');
const table = (header, rows) =>
  [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.map(cell).join(' | ')} |`).join('\n');
const statuses = (counts) =>
  Object.entries(counts ?? {})
    .map(([status, count]) => `${status}: ${n(count)}`)
    .join(', ') || '—';

const SECTIONS = [
  {
    suite: 'load',
    title: 'Mixed load (60 s at a fixed rate)',
    source: 'server/test/resilience/mixed-load.slow-spec.ts',
    command: 'npm run test:resilience',
    render: (f) => [
      `The built server (\`node server/dist/main.js\`, \`NODE_ENV=production\`) on its own database, for ${n(f.durationSeconds)} s. ` +
        `Rate limits: ${f.rateLimits}. Scheduled classes are sent at a fixed rate (requests per second: ` +
        `${Object.entries(f.ratesPerSecond)
          .map(([kind, rate]) => `${kind} ${rate}`)
          .join(', ')}); sign-in bursts of ${f.burst.concurrency} concurrent sign-ins run at ` +
        `${f.burst.warmUp[0]}–${f.burst.warmUp[1]} s (warm-up) and ${f.burst.hashing[0]}–${f.burst.hashing[1]} s (hashing phase).`,
      table(
        ['class', 'requests', 'p50', 'p99', 'max', '5xx'],
        Object.entries(f.perClass).map(([kind, c]) => [
          kind,
          n(c.requests),
          ms(c.p50),
          ms(c.p99),
          ms(c.max),
          n(c.serverErrors),
        ]),
      ),
      table(
        ['figure', 'value', 'bound'],
        [
          ['requests answered', n(f.requests), 'every scheduled class ≥ 90 % of its schedule'],
          ['5xx answers', n(f.serverErrors), '0'],
          ['other unexpected statuses', n(f.unexpectedStatuses), '0'],
          ['connection errors or timeouts', n(f.connectionErrors), '0'],
          ['error-level server log lines', n(f.serverErrorLogLines), '0'],
          ['requests not sent (client backlog full)', n(f.unsentBacklog), 'recorded'],
          ['RSS after warm-up', `${f.rssMiB.afterWarmUp} MiB`, ''],
          [
            'RSS at the end (median of the last 10 s of samples and a final reading)',
            `${f.rssMiB.atEnd} MiB`,
            '',
          ],
          ['RSS end ÷ after warm-up', `${f.rssMiB.ratio}×`, `≤ ${f.rssMiB.limit}×`],
          [
            '`/health` p50 / p99 while hashing',
            `${ms(f.hashing.healthP50)} / ${ms(f.hashing.healthP99)}`,
            `p99 < ${f.hashing.healthP99LimitMs} ms`,
          ],
          ['`/health` probes while hashing', n(f.hashing.healthRequests), ''],
          ['sign-ins during the hashing phase', n(f.hashing.signIns), ''],
          ['server CPU during the hashing phase', `${f.hashing.serverCores} cores`, 'recorded'],
        ],
      ),
      `RSS every 5 s (MiB): ${f.rssMiB.samples.map((s) => `${s.at} s: ${s.mib}`).join(', ')}.`,
      'The 50 ms `/health` target under hashing is measured by `npm run bench` on a quiet machine; this bound only catches a starved event loop.',
    ],
  },
  {
    suite: 'sqlmap',
    title: 'SQL injection scan (sqlmap)',
    source: 'server/test/attack/sqlmap-injection.slow-spec.ts',
    command: 'npm run test:resilience (skipped when sqlmap is not installed)',
    render: (f) => [
      `${f.sqlmap}, \`--level=${f.level} --risk=${f.risk} --technique=${f.techniques} --dbms=PostgreSQL\`, with a signed-in owner's session. ` +
        'Paging cursors are also scanned from inside: a tamper script puts each payload into a field of the decoded cursor and re-encodes it. ' +
        "A finding is an injection sqlmap confirms; a candidate that fails sqlmap's own false-positive check is counted, not a finding.",
      table(
        [
          'scan',
          'route',
          'parameters',
          'requests',
          'server answers',
          'not injectable',
          'findings',
          'candidates sqlmap rejected',
          'time',
        ],
        f.scans.map((s) => [
          s.name,
          `\`GET ${s.path}\``,
          s.parameters.join(', '),
          n(s.requests),
          statuses(s.serverAnswers),
          s.notInjectable.join(', ') || '—',
          s.findings.length === 0 ? 'none' : s.findings.join('; '),
          n(s.rejectedCandidates),
          `${s.seconds} s`,
        ]),
      ),
      `Requests sent in total: ${n(f.scans.reduce((sum, s) => sum + s.requests, 0))}; findings: ${n(f.scans.reduce((sum, s) => sum + s.findings.length, 0))}. Any 5xx answer fails the scan.`,
    ],
  },
  {
    suite: 'fuzz',
    title: 'Fuzzing from the OpenAPI document',
    source: 'server/test/attack/fuzz.e2e-spec.ts',
    command: 'npm test',
    render: (f) => [
      table(
        ['figure', 'value'],
        [
          ['cases', n(f.cases)],
          ['seed', String(f.seed)],
          ['operations in the document', n(f.operations)],
          ['answers by status', statuses(f.statuses)],
          ['5xx answers', n(f.serverErrors)],
        ],
      ),
    ],
  },
  ...[
    [
      'permission-model',
      'Search for privilege escalation (model-based)',
      'npm test',
      'permission-model.e2e-spec.ts',
    ],
    [
      'permission-model-deep',
      'Deep search for privilege escalation (model-based)',
      'npm run test:resilience',
      'permission-model.slow-spec.ts',
    ],
  ].map(([suite, title, command, file]) => ({
    suite,
    title,
    source: `server/test/security/${file}`,
    command,
    render: (f) => [
      `${n(f.sequences)} random sequences of up to ${n(f.maxCommands)} commands (seed ${f.seed}; replay with ` +
        `\`PERMISSION_MODEL_SEED=${f.seed}\`), ${n(f.commands)} commands sent, every invariant checked in ` +
        'PostgreSQL after each.',
      table(
        ['command (audit action)', 'succeeded', 'refused'],
        Object.entries(f.tally)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([action, c]) => [action, n(c.succeeded), n(c.refused)]),
      ),
    ],
  })),
  {
    suite: 'drain',
    title: 'Graceful drain under load (SIGTERM)',
    source: 'server/test/resilience/graceful-drain.e2e-spec.ts',
    command: 'npm test',
    render: (f) => [
      table(
        ['figure', 'value'],
        [
          ['requests sent (6 clients, stopping when `/ready` answers 503)', n(f.requests)],
          ['requests started after SIGTERM', n(f.requestsDuringDrain)],
          ['failed requests', n(f.failures)],
          ['acknowledged writes', n(f.acknowledgedWrites)],
          ['acknowledged writes lost', n(f.acknowledgedWritesLost)],
          ['exit code', String(f.exitCode)],
          ['SIGTERM to exit (drain delay ' + ms(f.drainDelayMs) + ')', ms(f.msToExit)],
          ['database connections left open', n(f.connectionsLeft)],
        ],
      ),
    ],
  },
  {
    suite: 'outage',
    title: 'Database outage (a real PostgreSQL stopped and restarted)',
    source: 'server/test/resilience/database-outage.e2e-spec.ts',
    command: 'npm test',
    render: (f) => [
      table(
        ['figure', 'value'],
        [
          [
            `PostgreSQL stopped → \`/ready\` answers 503 (readiness timeout ${ms(f.readinessTimeoutMs)})`,
            ms(f.msUntilReady503),
          ],
          ['API answer during the outage (503 problem+json)', ms(f.api503Ms)],
          [
            'PostgreSQL accepting again → `/ready` answers 200 (recovery, no server restart)',
            ms(f.msToReadyAfterRestart),
          ],
          ['PostgreSQL stopped → `/ready` 200 again', ms(f.msFromStopToReady)],
          ['writes acknowledged / refused', `${n(f.writesAcknowledged)} / ${n(f.writesRefused)}`],
          ['refused writes answered other than 503', n(f.writesNotAnswered503)],
          ['acknowledged writes missing', n(f.acknowledgedWritesMissing)],
          ['refused writes that had committed (complete)', n(f.refusedWritesCommitted)],
          ['rows half-written', n(f.rowsHalfWritten)],
        ],
      ),
    ],
  },
  {
    suite: 'several-instances',
    title: 'Several instances (shared PostgreSQL and Redis)',
    source: 'server/test/resilience/several-instances.e2e-spec.ts',
    command: 'npm test',
    render: (f) =>
      f.redis
        ? [
            `${n(f.instances)} instances on one database and one Redis.`,
            table(
              ['check', 'result'],
              Object.entries(f.passed).map(([check, ok]) => [check, ok ? 'pass' : '**FAIL**']),
            ),
          ]
        : ['Skipped: no Redis was reachable at 127.0.0.1:6379.'],
  },
];

function readFigures() {
  if (!existsSync(FIGURES_DIR)) return new Map();
  return new Map(
    readdirSync(FIGURES_DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => {
        const recorded = JSON.parse(readFileSync(join(FIGURES_DIR, name), 'utf8'));
        return [recorded.suite, recorded];
      }),
  );
}

const recorded = readFigures();
const now = new Date();
const cpu = cpus();
const lines = [
  '<!-- Generated by `npm run test:resilience` (server/scripts/resilience-report.mjs) from the figures the suites recorded; do not edit by hand. -->',
  '',
  '# Resilience report',
  '',
  `Written ${now.toISOString()} on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'} (${platform()} ${release()} ${arch()}), Node ${process.version}. ` +
    'Every figure comes from the test run named in its section; the checklist in [README.md](README.md) says what each suite proves. ' +
    'To refresh the whole report run `npm test` and then `npm run test:resilience` (as `.ci/run` does).',
  '',
];
for (const section of SECTIONS) {
  lines.push(`## ${section.title}`, '');
  const figures = recorded.get(section.suite);
  if (!figures) {
    lines.push(
      `_Not run in this run._ \`${section.source}\` records these figures when \`${section.command}\` runs it.`,
      '',
    );
    continue;
  }
  lines.push(`From \`${section.source}\`, recorded ${figures.recordedAt}.`, '');
  for (const block of section.render(figures.figures)) lines.push(block, '');
}

const options = (await resolveConfig(OUTPUT)) ?? {};
writeFileSync(OUTPUT, await format(lines.join('\n'), { ...options, parser: 'markdown' }));
for (const suite of recorded.keys()) rmSync(join(FIGURES_DIR, `${suite}.json`), { force: true });
process.stdout.write(
  `Wrote ${OUTPUT} (${recorded.size} of ${SECTIONS.length} suites: ${[...recorded.keys()].join(', ') || 'none'}).\n`,
);
