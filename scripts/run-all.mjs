// Runs every part of a test run even when an earlier one fails, then names each part with its result and
// exits non-zero when any failed, so one failing suite never hides another.
//
//   node scripts/run-all.mjs test:unit test:e2e     these npm scripts of the package in this directory
//   node scripts/run-all.mjs --workspaces test      then that script in every workspace that has it
//
// A run started inside another (a workspace's `test` under the root's) adds its parts to the outer run's
// summary, so the last lines printed list every part of the whole run.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { supervise } from './children.mjs';

const RESULTS_ENV = 'BASTION_RUN_ALL_RESULTS';

const ownScripts = [];
let workspaceScript;
for (let index = 2; index < process.argv.length; index++) {
  if (process.argv[index] === '--workspaces') workspaceScript = process.argv[++index];
  else ownScripts.push(process.argv[index]);
}
if (ownScripts.length === 0 && !workspaceScript) {
  console.error('usage: run-all.mjs [<npm script>...] [--workspaces <npm script>]');
  process.exit(2);
}

const readPackage = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/** The nearest directory, from here up, whose package.json lists workspaces; else this one. */
function workspaceRoot(start) {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && readPackage(dir).workspaces) return dir;
    if (dirname(dir) === dir) return start;
  }
}
const root = workspaceRoot(process.cwd());

const outer = process.env[RESULTS_ENV];
const here = relative(root, process.cwd());

/**
 * Each part: the npm script it runs in a directory, its title in the log (the workspace, if any, then the
 * script), and the name it is reported under (an outer run puts the workspace in front of it itself).
 */
const parts = [
  ...ownScripts.map((script) => {
    const title = here ? `${here} › ${script}` : script;
    return { title, name: outer ? script : title, cwd: process.cwd(), script };
  }),
  ...(workspaceScript
    ? readPackage(root)
        .workspaces.filter((workspace) => readPackage(join(root, workspace)).scripts?.[workspaceScript])
        .map((workspace) => ({
          title: workspace,
          name: workspace,
          cwd: join(root, workspace),
          script: workspaceScript,
        }))
    : []),
];

// Inside npm, npm_execpath names the npm that started this run; the same one runs every part.
const npm = process.env.npm_execpath
  ? { command: process.execPath, args: [process.env.npm_execpath] }
  : { command: 'npm', args: [] };

const resultsDir = outer ? undefined : mkdtempSync(join(tmpdir(), 'bastion-run-all-'));
const resultsFile = outer ?? join(resultsDir, 'results.jsonl');
if (!outer) writeFileSync(resultsFile, '');
const readResults = () =>
  readFileSync(resultsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

const formatDuration = (ms) => {
  const seconds = Math.round(ms / 1000);
  return seconds < 60
    ? `${seconds}s`
    : `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
};

const failureDetail = (code, signal) => (signal ? `stopped by ${signal}` : `exit code ${code}`);

const supervisor = supervise();
const summary = [];

for (const part of parts) {
  if (supervisor.stopRequested()) {
    summary.push({ name: part.name, status: 'not run' });
    continue;
  }
  console.log(`\n━━ ${part.title} (npm run ${part.script}) ━━`);
  const before = readResults().length;
  const started = Date.now();
  const child = supervisor.start(npm.command, [...npm.args, 'run', part.script], {
    cwd: part.cwd,
    env: { ...process.env, [RESULTS_ENV]: resultsFile },
  });
  const { code, signal } = await child.exited;
  const ms = Date.now() - started;
  const failed = code !== 0 || signal !== null;
  console.log(`━━ ${part.title}: ${failed ? 'FAILED' : 'passed'} in ${formatDuration(ms)} ━━`);

  // A part that is itself a run of parts has reported them; they stand in for it.
  const nested = readResults().slice(before);
  if (nested.length > 0) {
    summary.push(...nested.map((result) => ({ ...result, name: `${part.name} › ${result.name}` })));
    if (failed && nested.every((result) => result.status === 'passed')) {
      summary.push({ name: part.name, status: 'failed', ms, detail: failureDetail(code, signal) });
    }
  } else if (failed) {
    summary.push({ name: part.name, status: 'failed', ms, detail: failureDetail(code, signal) });
  } else {
    summary.push({ name: part.name, status: 'passed', ms });
  }
}

const failures = summary.filter((result) => result.status !== 'passed');

if (outer) {
  // The outer run prints the summary.
  for (const result of summary) appendFileSync(resultsFile, `${JSON.stringify(result)}\n`);
} else {
  const width = Math.max(...summary.map((result) => result.name.length));
  console.log('\n━━ summary ━━');
  for (const result of summary) {
    const label = { passed: 'PASS', failed: 'FAIL', 'not run': 'SKIP' }[result.status];
    const time = result.ms === undefined ? 'not run' : formatDuration(result.ms);
    console.log(
      `  ${label}  ${result.name.padEnd(width)}  ${time}${result.detail ? `  (${result.detail})` : ''}`,
    );
  }
  console.log(
    failures.length === 0
      ? `All ${summary.length} parts passed.`
      : `${failures.length} of ${summary.length} parts did not pass: ${failures.map((result) => result.name).join(', ')}`,
  );
  rmSync(resultsDir, { recursive: true, force: true });
}

const stop = supervisor.stopRequested();
process.exitCode = stop ? 128 + constants.signals[stop] : failures.length > 0 ? 1 : 0;
