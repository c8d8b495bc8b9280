import { seed } from '@bastion/migrations';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth';
import { DEMO_PASSWORD } from './session-client';
import { createTestDatabase, TestDatabase } from './test-database';

/** A database of this file's own, migrated and filled with the demo seed (password DEMO_PASSWORD). */
// Rows are whatever the test's own SQL selects; typing each query would add noise, not safety.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

export async function createSeededDatabase(): Promise<
  TestDatabase & { query: (sql: string, params?: unknown[]) => Promise<Row[]> }
> {
  const db = await createTestDatabase();
  const dataSource = new DataSource({ type: 'postgres', url: db.url });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await seed(runner, { password: DEMO_PASSWORD, hashPassword });
  } finally {
    await runner.release();
  }
  return {
    ...db,
    query: (sql, params = []) => dataSource.query(sql, params),
    drop: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
