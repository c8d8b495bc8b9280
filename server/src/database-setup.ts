import { MIGRATIONS, seed } from '@bastion/migrations';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { hashPassword } from './auth';
import type { Configuration } from './core/config';
import { DatabaseModuleOptions, migrateUp } from './core/db';
import { ENTITIES } from './entities';

/** Seeds demo data only into a database that has no users yet, so a restart never touches real edits. */
export async function seedIfEmpty(
  dataSource: DataSource,
  password: string,
  logger: Logger,
): Promise<boolean> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM "users"');
  if (count > 0) return false;
  const runner = dataSource.createQueryRunner();
  try {
    const result = await seed(runner, { password, hashPassword });
    logger.info(result, 'seeded demo data');
    return true;
  } finally {
    await runner.release();
  }
}

/** Path prefix of the API, whose requests need the database (the probes and static files do not). */
const API_PREFIX = '/api';

/** How the app's database is set up at boot: the migrations and, when configured, the demo seed. */
export function databaseOptions(config: Configuration, url: string, logger: Logger): DatabaseModuleOptions {
  return {
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    refuseUntilReady: API_PREFIX,
    afterConnect: async (dataSource) => {
      if (!config.database.migrateOnStart) return;
      const applied = await migrateUp(dataSource);
      if (applied.length > 0) logger.info({ applied }, 'applied migrations');
    },
    whenSchemaCurrent: async (dataSource) => {
      if (config.seed.onStart) await seedIfEmpty(dataSource, config.seed.password, logger);
    },
  };
}
