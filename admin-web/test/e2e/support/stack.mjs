// Starts what the browser suite runs against: a throwaway PostgreSQL (or the one in DATABASE_URL), the
// migrated and seeded database, and the real server serving the built admin web client.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startThrowawayPostgres } from '../../../../scripts/throwaway-postgres.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export { freePort };

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'test-results') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function stale(sources, output) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((source) => newestMtime(join(repoRoot, source)) > built);
}

/** Builds the server, migrations and client when their output is missing or older than their sources. */
export function buildWhatIsMissing() {
  const workspaces = [];
  if (stale(['migrations/src'], join(repoRoot, 'migrations/dist/index.js'))) workspaces.push('migrations');
  if (stale(['server/src', 'migrations/src'], join(repoRoot, 'server/dist/main.js')))
    workspaces.push('server');
  if (
    stale(
      ['admin-web/src', 'admin-web/index.html', 'design-system/src'],
      join(repoRoot, 'admin-web/dist/index.html'),
    )
  ) {
    workspaces.push('admin-web');
  }
  if (workspaces.length === 0) return;
  console.log(`# building ${workspaces.join(', ')}`);
  const args = ['run', 'build', ...workspaces.flatMap((workspace) => ['-w', workspace])];
  const result = spawnSync('npm', args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed`);
}

function startEmbeddedPostgres() {
  return startThrowawayPostgres({ label: 'admin-web-e2e' });
}

function runCli(command, env) {
  const result = spawnSync(process.execPath, [join(repoRoot, 'server/dist/cli.js'), command], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`cli ${command} failed: ${result.stderr || result.stdout}`);
}

async function waitForReady(baseUrl, server, logs) {
  // Generous: on a busy two-core machine the first boot (TypeORM metadata, argon2) can take a while.
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited early:\n${logs.join('').slice(-2000)}`);
    try {
      const response = await fetch(`${baseUrl}/ready`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  throw new Error(`the server was not ready within 90 s:\n${logs.join('').slice(-2000)}`);
}

/** Everything the suite needs, started in order and stopped in reverse, also when starting fails. */
export async function startStack() {
  buildWhatIsMissing();
  const cleanups = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`# cleanup failed: ${error.message}`);
      }
    }
  };
  try {
    return { ...(await startServices(cleanups)), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startServices(cleanups) {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres();
  if (embedded) cleanups.push(embedded.stop);
  const adminUrl = process.env.DATABASE_URL ?? embedded.adminUrl;
  const database = `bastion_admin_web_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  cleanups.push(async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await cleanup.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;

  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000',
    SIGN_IN_LIMIT_PER_IP: '100000',
    SIGN_IN_LIMIT_PER_EMAIL: '100000',
  };
  runCli('migrate', env);
  runCli('seed', env);

  const logs = [];
  const server = spawn(process.execPath, [join(repoRoot, 'server/dist/main.js')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolveExit) => server.once('exit', resolveExit));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });
  server.stdout.on('data', (chunk) => logs.push(String(chunk)));
  server.stderr.on('data', (chunk) => logs.push(String(chunk)));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(baseUrl, server, logs);
  return { baseUrl, logs };
}
