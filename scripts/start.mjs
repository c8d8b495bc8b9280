#!/usr/bin/env node
// `npm start`: builds whatever is missing or stale, then runs the server (embedded PostgreSQL unless
// DATABASE_URL is set; the server reads `.env` itself, as every CLI command does). The server runs in its
// own process group so that Ctrl-C reaches it once, through this script, and it can drain before
// stopping its database. A stop asked for at any moment, a build included, stops everything started.
import { existsSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { requireNode, root, stale, supervise } from './children.mjs';

requireNode();
const children = supervise();

const steps = [
  {
    name: 'database migrations',
    workspace: 'migrations',
    outputDir: join(root, 'migrations/dist'),
    output: join(root, 'migrations/dist/index.js'),
    needed: (output) => stale([join(root, 'migrations/src')], output),
  },
  {
    name: 'API server',
    workspace: 'server',
    outputDir: join(root, 'server/dist'),
    output: join(root, 'server/dist/main.js'),
    needed: (output) => stale([join(root, 'server/src'), join(root, 'migrations/src')], output),
  },
  {
    name: 'design system and Storybook',
    workspace: 'design-system',
    outputDir: join(root, 'design-system/storybook-static'),
    output: join(root, 'design-system/storybook-static/index.html'),
    needed: (output) =>
      existsSync(join(root, 'design-system/package.json')) &&
      stale([join(root, 'design-system/src'), join(root, 'design-system/.storybook')], output),
  },
  {
    name: 'admin web client',
    workspace: 'admin-web',
    outputDir: join(root, 'admin-web/dist'),
    output: join(root, 'admin-web/dist/index.html'),
    needed: (output) =>
      existsSync(join(root, 'admin-web/package.json')) &&
      stale([join(root, 'admin-web/src'), join(root, 'design-system/src')], output),
  },
];

function exitIfStopped(what) {
  if (!children.stopRequested()) return;
  console.error(`Stopped ${what}.`);
  process.exit(130);
}

const total = steps.length + 1;
for (const [index, step] of steps.entries()) {
  const label = `[${index + 1}/${total}]`;
  exitIfStopped('before building');
  if (!step.needed(step.output)) {
    console.log(`${label} ${step.name}: up to date`);
    continue;
  }
  console.log(`${label} building the ${step.name}…`);
  const started = Date.now();
  const build = children.start('npm', ['run', 'build', '-w', step.workspace], { group: true });
  const { code } = await build.exited;
  // A build cut short may have written part of its output (and, for tsc, a build-info file saying it
  // is complete): remove it all, so the next start builds it again from scratch.
  if (code !== 0 || children.stopRequested()) rmSync(step.outputDir, { recursive: true, force: true });
  exitIfStopped(`while building the ${step.name}`);
  if (code !== 0) {
    console.error(`${label} building the ${step.name} failed; see the output above.`);
    process.exit(code || 1);
  }
  // tsc builds incrementally and leaves unchanged output untouched: without this, a source saved without
  // a change would make every later start build again.
  if (existsSync(step.output)) utimesSync(step.output, new Date(), new Date());
  console.log(`${label} built the ${step.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

exitIfStopped('before starting the server');
if (!existsSync(join(root, 'server/dist/main.js'))) {
  console.error('The server is not built (server/dist/main.js is missing): run `npm run build -w server`.');
  process.exit(1);
}
console.log(`[${total}/${total}] starting the server…`);
// The channel lets the server notice when this script is gone, even killed, and stop with it.
const server = children.start(process.execPath, [join(root, 'server/dist/main.js')], {
  detached: true,
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
const { code, signal, error } = await server.exited;
if (error) {
  console.error(`The server could not be started: ${error.message}`);
  process.exit(1);
}
if (code !== null) process.exit(code);
if (children.stopRequested()) {
  // Stopped while still loading, before it had started anything.
  console.error('Stopped.');
  process.exit(130);
}
console.error(`The server was killed by ${signal}; run \`npm start\` again (its data is kept).`);
process.exit(1);
