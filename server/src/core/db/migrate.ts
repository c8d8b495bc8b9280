import type { DataSource } from 'typeorm';

// Arbitrary but fixed: every process running migrations against one database contends for this lock.
const MIGRATION_LOCK_KEY = 4_206_917_701;

/**
 * Serialises migration runs across processes with a session-level advisory lock, so two release jobs
 * (or a job and a developer) cannot apply the same migration twice; the second waits, then finds nothing to do.
 */
export async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

export async function migrateUp(dataSource: DataSource): Promise<string[]> {
  return withMigrationLock(dataSource, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  });
}

export async function migrateDown(dataSource: DataSource): Promise<void> {
  await withMigrationLock(dataSource, () => dataSource.undoLastMigration({ transaction: 'each' }));
}

/** Names of migrations known to the code but not yet applied to the database. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const tableName = dataSource.options.migrationsTableName ?? 'migrations';
  const exists = await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS "exists"`, [tableName]);
  const applied = new Set<string>(
    exists[0]?.exists
      ? (await dataSource.query(`SELECT name FROM "${tableName}"`)).map((r: { name: string }) => r.name)
      : [],
  );
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
}
