// run-all.mjs on a throwaway workspace: every part runs whatever failed before it, and the last lines name
// each part of the whole run, nested ones included, with its result.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const runAll = join(dirname(fileURLToPath(import.meta.url)), 'run-all.mjs');
const exit = (code) => `node -e "process.exit(${code})"`;

let fixture;

before(() => {
  fixture = mkdtempSync(join(tmpdir(), 'run-all-test-'));
  const writePackage = (dir, manifest) => {
    mkdirSync(join(fixture, dir), { recursive: true });
    writeFileSync(join(fixture, dir, 'package.json'), JSON.stringify({ version: '1.0.0', ...manifest }));
  };
  writePackage('.', {
    name: 'fixture',
    private: true,
    workspaces: ['alpha', 'beta', 'gamma'],
    scripts: { lint: exit(0), passes: exit(0) },
  });
  writePackage('alpha', {
    name: 'alpha',
    scripts: { test: `node ${JSON.stringify(runAll)} first second`, first: exit(3), second: exit(0) },
  });
  writePackage('beta', { name: 'beta', scripts: { test: exit(1) } });
  writePackage('gamma', { name: 'gamma', scripts: {} });
});

after(() => rmSync(fixture, { recursive: true, force: true }));

function run(cwd, ...args) {
  // This file may itself run under run-all.mjs: the fixture's run must be an outer one.
  const env = { ...process.env };
  delete env.BASTION_RUN_ALL_RESULTS;
  const result = spawnSync(process.execPath, [runAll, ...args], { cwd, env, encoding: 'utf8' });
  const summary = result.stdout.slice(result.stdout.lastIndexOf('━━ summary ━━')).split('\n');
  // Durations vary from run to run; the rest of each line does not.
  const lines = summary.map((line) =>
    line
      .replace(/\s+/g, ' ')
      .replace(/ (\d+m )?\d+s\b/g, '')
      .trim(),
  );
  return { status: result.status, summary: lines.filter(Boolean) };
}

test('runs every part after a failure and names each failed part, nested ones included', () => {
  const { status, summary } = run(fixture, 'lint', '--workspaces', 'test');
  assert.equal(status, 1);
  assert.deepEqual(summary, [
    '━━ summary ━━',
    'PASS lint',
    'FAIL alpha › first (exit code 3)',
    'PASS alpha › second',
    'FAIL beta (exit code 1)',
    '2 of 4 parts did not pass: alpha › first, beta',
  ]);
});

test('exits 0 when every part passes', () => {
  const { status, summary } = run(fixture, 'lint', 'passes');
  assert.equal(status, 0);
  assert.deepEqual(summary, ['━━ summary ━━', 'PASS lint', 'PASS passes', 'All 2 parts passed.']);
});

test('a workspace run on its own names its parts after the workspace', () => {
  const { status, summary } = run(join(fixture, 'alpha'), 'first', 'second');
  assert.equal(status, 1);
  assert.deepEqual(summary, [
    '━━ summary ━━',
    'FAIL alpha › first (exit code 3)',
    'PASS alpha › second',
    '1 of 2 parts did not pass: alpha › first',
  ]);
});
