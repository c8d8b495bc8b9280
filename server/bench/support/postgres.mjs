// PostgreSQL for the benchmarks: the server in DATABASE_URL when set, otherwise a throwaway embedded one
// (the same binaries the tests use), plus a fresh database per run that is dropped afterwards.
import pg from 'pg';
import { freePort, startThrowawayPostgres } from '../../../scripts/throwaway-postgres.mjs';

export { freePort };

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
  // Durable defaults (fsync on), unlike the tests: sign-in commits a session row per request.
  return {
    kind: 'embedded',
    ...(await startThrowawayPostgres({ label: 'bench', durable: true, maxConnections: 200 })),
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
