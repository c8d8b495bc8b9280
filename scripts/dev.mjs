#!/usr/bin/env node
// `npm run dev`: the API recompiled on change (tsc --watch) and restarted after each successful compile,
// and the admin web client's Vite dev server, its proxy pointed at the API's HOST and PORT (read, `.env`
// included, by the server's own configuration loader). The API starts only once the first compile is
// complete, so no restart lands in the middle of its start; a first start that fails stops everything
// with its message, and Ctrl-C stops everything, the embedded PostgreSQL included.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { requireNode, root, stale, supervise } from './children.mjs';

requireNode();
const children = supervise();
const require = createRequire(join(root, 'package.json'));
const hasAdminWeb = existsSync(join(root, 'admin-web/package.json'));

/** After Ctrl-C: exits once every child has stopped. */
function exitWhenStopped() {
  if (!children.stopRequested()) return;
  Promise.all(children.running().map((child) => child.exited)).then(() => process.exit(0));
}

let failed = false;

/** Stops everything after the first failure, which is the one reported. */
function fail(message, code = 1) {
  if (failed) return;
  failed = true;
  console.error(`\n${message}\n`);
  for (const child of children.running()) children.stop(child, 'SIGTERM');
  Promise.all(children.running().map((child) => child.exited)).then(() => process.exit(code));
}

function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** Vite's usual port, or the next free one, fixed before Vite starts so the banner can name it. */
async function clientPort() {
  for (let port = 5173; port < 5200; port++) if (await portIsFree(port)) return port;
  throw new Error('No free port between 5173 and 5199 for the web client dev server.');
}

/** The API's address, from the same configuration the server reads (the environment, then `.env`). */
function apiAddress() {
  const { loadEnvironment } = require(join(root, 'server/dist/core/config/environment.js'));
  const { loadConfig } = require(join(root, 'server/dist/core/config/load-config.js'));
  const config = loadConfig(loadEnvironment().env);
  if (config.app.port === 0) {
    throw new Error('npm run dev needs a fixed PORT: the web client dev server proxies the API to it.');
  }
  const host = config.app.host === '0.0.0.0' ? '127.0.0.1' : config.app.host;
  return `http://${host}:${config.app.port}`;
}

if (stale([join(root, 'migrations/src')], join(root, 'migrations/dist/index.js'))) {
  console.log('building the database migrations…');
  const { code } = await children.start('npm', ['run', 'build', '-w', 'migrations'], { group: true }).exited;
  if (children.stopRequested()) process.exit(130);
  if (code !== 0) {
    console.error('building the database migrations failed; see the output above.');
    process.exit(code || 1);
  }
}

let api;
let apiEverReady = false;
/** The API process being stopped for a restart: its exit is expected. */
let replacing;
let clientUrl;

async function watchReadiness(child, url) {
  while (child.exitCode === null && child.signalCode === null) {
    const ready = await fetch(`${url}/ready`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) {
      apiEverReady = true;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function startApi(url) {
  const args = [join(root, 'server/dist/main.js'), ...(clientUrl ? ['--admin-web', clientUrl] : [])];
  // Its own process group, so Ctrl-C reaches it once, through this script; the channel stops it if this
  // script is killed.
  const child = children.start(process.execPath, args, {
    detached: true,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  api = child;
  void watchReadiness(child, url);
  child.exited.then(({ code, signal }) => {
    if (children.stopRequested()) return exitWhenStopped();
    if (child === replacing) return;
    if (!apiEverReady) {
      fail(`The API did not start (exit ${code ?? signal}); see its message above.`, code || 1);
      return;
    }
    console.error(
      `\nThe API stopped (exit ${code ?? signal}); it starts again after the next successful compile.\n`,
    );
  });
}

async function restartApi(url) {
  const previous = api;
  if (previous && previous.exitCode === null && previous.signalCode === null) {
    replacing = previous;
    previous.kill('SIGTERM');
    await previous.exited;
  }
  if (!children.stopRequested()) startApi(url);
}

let apiUrl;
const tsc = children.start(
  process.execPath,
  [
    require.resolve('typescript/bin/tsc'),
    '-p',
    'server/tsconfig.build.json',
    '--watch',
    '--preserveWatchOutput',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
tsc.exited.then(({ code }) => {
  if (children.stopRequested()) return exitWhenStopped();
  fail(`The TypeScript compiler stopped (exit ${code}).`, code || 1);
});
/** Runs after each compile, one at a time: the first starts the web client, each one (re)starts the API. */
async function compiled(errors) {
  if (children.stopRequested()) return;
  if (errors > 0) {
    if (!api) console.error('\nThe API starts once it compiles without errors.\n');
    return;
  }
  if (apiUrl === undefined) {
    try {
      apiUrl = apiAddress();
    } catch (error) {
      fail(error.message);
      return;
    }
    if (hasAdminWeb) {
      const port = await clientPort();
      clientUrl = `http://127.0.0.1:${port}/`;
      const client = children.start(
        'npm',
        [
          'run',
          'dev',
          '-w',
          'admin-web',
          '--',
          '--host',
          '127.0.0.1',
          '--port',
          String(port),
          '--strictPort',
        ],
        { env: { ...process.env, BASTION_API_URL: apiUrl }, group: true },
      );
      client.exited.then(({ code }) => {
        if (children.stopRequested()) return exitWhenStopped();
        fail(`The web client dev server stopped (exit ${code}); see its message above.`, code || 1);
      });
    }
  }
  await restartApi(apiUrl);
}

let compiles = Promise.resolve();
let pending = '';
tsc.stdout.setEncoding('utf8').on('data', (chunk) => {
  process.stdout.write(chunk);
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const result = /Found (\d+) errors?\. Watching for file changes/.exec(line);
    if (result) compiles = compiles.then(() => compiled(Number(result[1])));
  }
});
