export { DatabaseModule, DatabaseConnector } from './database.module';
export type { DatabaseModuleOptions, DatabaseStatus } from './database.module';
export { dataSourceOptions, MIGRATIONS_TABLE } from './data-source-options';
export type { EntityClass, MigrationClass } from './data-source-options';
export { migrateUp, migrateDown, pendingMigrations, withMigrationLock } from './migrate';
export { startEmbeddedPostgres, EmbeddedPostgresError } from './embedded-postgres';
export type { RunningEmbeddedPostgres } from './embedded-postgres';
export { isDatabaseUnavailable, DatabaseNotReadyError } from './database-errors';
export { describeDatabase } from './describe-database';
