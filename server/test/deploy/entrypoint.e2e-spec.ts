import { MIGRATIONS } from '@bastion/migrations';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { REPO_ROOT } from '../../src/core/paths';
import { createTestDatabase, TestDatabase } from '../support/test-database';

// The image's WORKDIR is the repository root, and these are its CMD and its release-step command.
const SERVER_COMMAND = ['server/dist/main.js'];
const MIGRATE_COMMAND = ['server/dist/cli.js', 'migrate'];

function ensureBuiltServer(): void {
  if (existsSync(join(REPO_ROOT, SERVER_COMMAND[0])) && existsSync(join(REPO_ROOT, MIGRATE_COMMAND[0])))
    return;
  const build = spawnSync('npm', ['run', 'build', '-w', 'migrations', '-w', 'server'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`building the server failed:\n${build.stdout}\n${build.stderr}`);
}

/** The variables the image and the compose files set, and nothing inherited from the test runner. */
function productionEnv(databaseUrl?: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LOG_FORMAT: 'json',
    HOST: '127.0.0.1',
    // In production the server logs the address it really bound, so the OS can pick a free port.
    PORT: '0',
    SHUTDOWN_DRAIN_DELAY_MS: '1000',
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
  };
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface RunningProcess {
  child: ChildProcess;
  /** Every line written to stdout, each parsed as JSON (a line that is not JSON fails the test). */
  logs: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<Exit>;
}

function run(args: string[], env: NodeJS.ProcessEnv): RunningProcess {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Record<string, unknown>[] = [];
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const lines = stdout.split('\n');
    stdout = lines.pop() ?? '';
    for (const line of lines) if (line) logs.push(JSON.parse(line));
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, logs, stderr: () => stderr, exited };
}

async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Image entrypoint (the node commands the image runs)', () => {
  let db: TestDatabase;
  let server: RunningProcess | undefined;

  beforeAll(async () => {
    ensureBuiltServer();
    db = await createTestDatabase({ migrated: false });
  }, 120_000);

  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await db?.drop();
  });

  it('refuses to start in production without DATABASE_URL, naming the variable', async () => {
    const refused = run(SERVER_COMMAND, productionEnv());
    expect(await refused.exited).toEqual({ code: 1, signal: null });
    expect(refused.stderr()).toMatch(/DATABASE_URL=\(unset\): is required when NODE_ENV=production/);
  });

  it('starts unready on an empty database, becomes ready after the migrate command, and exits 0 on SIGTERM', async () => {
    server = run(SERVER_COMMAND, productionEnv(db.url));
    const running = server;
    const listening = await waitFor(
      () => running.logs.find((line) => line.msg === 'server listening'),
      15_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; server stderr:\n${running.stderr()}`);
    });
    const url = String(listening.address);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    expect((await request(url).get('/health')).status).toBe(200);
    const pending = await waitFor(async () => {
      const res = await request(url).get('/ready');
      expect(res.status).toBe(503);
      return res.body.details?.database?.message === 'migrations pending' ? res.body : undefined;
    }, 10_000);
    expect(pending.details.database.pending).toBe(MIGRATIONS.length);

    const migrate = run(MIGRATE_COMMAND, productionEnv(db.url));
    expect(await migrate.exited).toEqual({ code: 0, signal: null });
    const applied = migrate.logs.find((line) => line.msg === 'migrations applied');
    expect(applied?.applied).toHaveLength(MIGRATIONS.length);

    const ready = await waitFor(async () => {
      const res = await request(url).get('/ready');
      return res.status === 200 ? res.body : undefined;
    }, 5_000);
    expect(ready.details).toEqual({ process: { status: 'up' }, database: { status: 'up' } });

    const again = run(MIGRATE_COMMAND, productionEnv(db.url));
    expect(await again.exited).toEqual({ code: 0, signal: null });
    expect(again.logs.map((line) => line.msg)).toContain('database already up to date');

    running.child.kill('SIGTERM');
    // Signal delivery is asynchronous: poll, but well within the drain delay, while the port still answers.
    const draining = await waitFor(async () => {
      const res = await request(url).get('/ready');
      return res.status === 503 ? res.body : undefined;
    }, 500);
    expect(draining.details.process).toEqual({ status: 'down', message: 'shutting down' });
    expect(await running.exited).toEqual({ code: 0, signal: null });
  });
});
