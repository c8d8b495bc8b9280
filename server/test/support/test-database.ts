import { MIGRATIONS } from '@bastion/migrations';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config';
import { dataSourceOptions, migrateUp } from '../../src/core/db';
import { ENTITIES } from '../../src/entities';

const adminUrl = (): string => {
  const url = process.env.BASTION_TEST_ADMIN_URL;
  if (!url)
    throw new Error(
      'BASTION_TEST_ADMIN_URL is unset: run the tests through jest (its global setup provides it).',
    );
  return url;
};

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

async function adminQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

// Any number stays the same for every worker: they all contend for the same template.
const TEMPLATE_LOCK = 734_001;

/** Migrates the shared template once per run; the first file to get here does it, the others wait. */
async function ensureMigratedTemplate(): Promise<string> {
  const template = process.env.BASTION_TEST_TEMPLATE as string;
  const lock = new pg.Client({ connectionString: adminUrl() });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const dataSource = new DataSource(
      dataSourceOptions(loadConfig({}).database, withDatabase(adminUrl(), template), ENTITIES, MIGRATIONS),
    );
    await dataSource.initialize();
    try {
      await migrateUp(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    await lock.end();
  }
  return template;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** A database of this test file's own, cloned from the migrated template (or empty), dropped afterwards. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = uniqueName(options.migrated === false ? 'bastion_empty' : 'bastion_test');
  if (options.migrated === false) {
    await adminQuery(`CREATE DATABASE "${name}"`);
  } else {
    const template = await ensureMigratedTemplate();
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  }
  return {
    name,
    url: withDatabase(adminUrl(), name),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A database name that does not exist yet, for tests of a server booted before its database. */
export function futureTestDatabase(): TestDatabase & { create(): Promise<void> } {
  const name = uniqueName('bastion_later');
  return {
    name,
    url: withDatabase(adminUrl(), name),
    create: async () => {
      await adminQuery(`CREATE DATABASE "${name}"`);
    },
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
