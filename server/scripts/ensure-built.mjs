#!/usr/bin/env node
// Builds the migrations and the server when their output is missing or older than their sources, so the
// scripts that run the built server (bench, doctor) work from a fresh clone. Run directly or import.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = resolve(SERVER_DIR, '..');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function stale(sources, output) {
  return !existsSync(output) || sources.some((source) => newestMtime(source) > statSync(output).mtimeMs);
}

export function ensureBuilt(log = (message) => process.stderr.write(`${message}\n`)) {
  const steps = [
    ['migrations', [join(REPO_ROOT, 'migrations/src')], join(REPO_ROOT, 'migrations/dist/index.js')],
    [
      'server',
      [join(SERVER_DIR, 'src'), join(REPO_ROOT, 'migrations/src')],
      join(SERVER_DIR, 'dist/main.js'),
    ],
  ];
  for (const [workspace, sources, output] of steps) {
    if (!stale(sources, output)) continue;
    log(`building ${workspace}`);
    const result = spawnSync('npm', ['run', 'build', '-w', workspace], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm run build -w ${workspace} failed`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuilt();
