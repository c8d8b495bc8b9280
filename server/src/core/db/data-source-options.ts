import type { DataSourceOptions, MigrationInterface } from 'typeorm';
import type { DatabaseConfig } from '../config';

export type EntityClass = abstract new (...args: never[]) => object;
export type MigrationClass = new () => MigrationInterface;

export const MIGRATIONS_TABLE = 'schema_migrations';

/** The one DataSource definition: the app, the migration CLI and the tests all build theirs here. */
export function dataSourceOptions(
  config: DatabaseConfig,
  url: string,
  entities: EntityClass[],
  migrations: MigrationClass[],
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: 'bastion',
    connectTimeoutMS: config.connectTimeoutMs,
    poolSize: config.poolSize,
    extra: {
      statement_timeout: config.statementTimeoutMs,
      idle_in_transaction_session_timeout: config.statementTimeoutMs * 2,
    },
  };
}
