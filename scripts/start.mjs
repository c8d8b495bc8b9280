#!/usr/bin/env node
// `npm start`: builds whatever is missing or stale, then runs the server (embedded PostgreSQL unless
// DATABASE_URL is set). The server runs in its own process group so that Ctrl-C reaches it once, through
// this script, and it can drain before stopping its database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Bastion needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'storybook-static') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** A package needs building when its output is missing or older than any of its sources. */
function stale(sources, output) {
  return !existsSync(output) || sources.some((source) => newestMtime(source) > statSync(output).mtimeMs);
}

const steps = [
  {
    name: 'database migrations',
    workspace: 'migrations',
    needed: () => stale([join(root, 'migrations/src')], join(root, 'migrations/dist/index.js')),
  },
  {
    name: 'API server',
    workspace: 'server',
    needed: () =>
      stale([join(root, 'server/src'), join(root, 'migrations/src')], join(root, 'server/dist/main.js')),
  },
  {
    name: 'design system and Storybook',
    workspace: 'design-system',
    needed: () =>
      existsSync(join(root, 'design-system/package.json')) &&
      stale(
        [join(root, 'design-system/src'), join(root, 'design-system/.storybook')],
        join(root, 'design-system/storybook-static/index.html'),
      ),
  },
  {
    name: 'admin web client',
    workspace: 'admin-web',
    needed: () =>
      existsSync(join(root, 'admin-web/package.json')) &&
      stale(
        [join(root, 'admin-web/src'), join(root, 'design-system/src')],
        join(root, 'admin-web/dist/index.html'),
      ),
  },
];

const total = steps.length + 1;
steps.forEach((step, index) => {
  const label = `[${index + 1}/${total}]`;
  if (!step.needed()) {
    console.log(`${label} ${step.name}: up to date`);
    return;
  }
  console.log(`${label} building the ${step.name}…`);
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build', '-w', step.workspace], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${label} building the ${step.name} failed; see the output above.`);
    process.exit(result.status ?? 1);
  }
  console.log(`${label} built the ${step.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

console.log(`[${total}/${total}] starting the server…`);
const envFile = join(root, '.env');
const args = [...(existsSync(envFile) ? [`--env-file=${envFile}`] : []), join(root, 'server/dist/main.js')];
const server = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', detached: true });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
