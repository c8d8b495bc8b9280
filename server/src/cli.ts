import 'reflect-metadata';
import { MIGRATIONS } from '@bastion/migrations';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import {
  ConfigValidationError,
  Configuration,
  DEFAULT_SEED_PASSWORD,
  loadConfig,
  loadEnvironment,
} from './core/config';
import { renderEnvExample, renderEnvReference } from './core/config/env-reference';
import {
  dataSourceOptions,
  describeDatabase,
  EmbeddedPostgresError,
  migrateDown,
  migrateUp,
  pendingMigrations,
  RunningEmbeddedPostgres,
  startEmbeddedPostgres,
} from './core/db';
import { closeLogger, createLogger, reportFatal } from './core/logging';
import { REPO_ROOT } from './core/paths';
import { AuditService } from './audit';
import { ensurePlatformAdmin } from './auth';
import { seedIfEmpty } from './database-setup';
import { renderOpenApi } from './openapi/render-openapi';
import { renderPermissionMatrix } from './permissions';
import { ENTITIES } from './entities';

export const ENV_REFERENCE_PATH = resolve(REPO_ROOT, 'docs/02-environments/env-reference.md');
export const ENV_EXAMPLE_PATH = resolve(REPO_ROOT, '.env.example');
export const OPENAPI_PATH = resolve(REPO_ROOT, 'server/openapi.json');
export const PERMISSION_MATRIX_PATH = resolve(REPO_ROOT, 'docs/05-dashboard/permission-matrix.md');

const USAGE = `Usage: node server/dist/cli.js <command>

  migrate    apply pending migrations (safe to run from several places at once)
  rollback   revert the last applied migration
  seed       insert the demo data into an empty database
  create-admin --email <address> [--name <display name>] [--promote]
             create a platform admin (password read from standard input), or with --promote
             make an existing account one
  env-docs   regenerate .env.example and docs/02-environments/env-reference.md
  openapi    regenerate server/openapi.json from the routes
  generate   regenerate every generated file (env reference, .env.example, permission matrix, openapi.json)`;

/** A failure the message of which says what to do; printed without a stack. */
class CommandError extends Error {}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** Aborted on Ctrl-C: a command stops what it started (the embedded PostgreSQL) before exiting. */
const interrupted = new AbortController();
/** Set while a command uses the database; outside it, nothing needs stopping. */
let usingDatabase = false;
let stopStarted: (() => Promise<void>) | undefined;

async function withDataSource(
  config: Configuration,
  logger: Logger,
  work: (dataSource: DataSource, database: string) => Promise<void>,
  options: { needsCurrentSchema?: boolean } = {},
): Promise<void> {
  usingDatabase = true;
  try {
    await useDatabase(config, logger, work, options);
  } finally {
    usingDatabase = false;
  }
}

async function useDatabase(
  config: Configuration,
  logger: Logger,
  work: (dataSource: DataSource, database: string) => Promise<void>,
  options: { needsCurrentSchema?: boolean },
): Promise<void> {
  let embedded: RunningEmbeddedPostgres | undefined;
  let url = config.database.url;
  let database: string;
  if (url === undefined) {
    const dataDir = resolve(REPO_ROOT, config.database.embeddedDataDir);
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: config.database.embeddedPort,
      database: 'bastion',
      log: (message) => logger.info(message),
      signal: interrupted.signal,
      // A running server holds the folder: work on its PostgreSQL rather than fail.
      whenAlreadyRunning: 'use',
    });
    url = embedded.url;
    database = `the embedded PostgreSQL in ${config.database.embeddedDataDir} (${describeDatabase(url)})`;
  } else {
    database = describeDatabase(url);
  }
  const dataSource = new DataSource(dataSourceOptions(config.database, url, ENTITIES, MIGRATIONS));
  stopStarted = async () => {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await embedded?.stop();
  };
  try {
    interrupted.signal.throwIfAborted();
    try {
      await dataSource.initialize();
    } catch (error) {
      throw new CommandError(
        `Cannot use the database ${database}: ${(error as Error).message}. ` +
          'Check DATABASE_URL (read from the environment, then from .env) and that PostgreSQL runs there.',
      );
    }
    if (options.needsCurrentSchema) {
      const pending = await pendingMigrations(dataSource);
      if (pending.length > 0) {
        throw new CommandError(
          `The database ${database} lacks ${pending.length} migration(s) (${pending.join(', ')}). Run \`npm run db:migrate\` first.`,
        );
      }
    }
    await work(dataSource, database);
  } finally {
    stopStarted = undefined;
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

/** Everything on standard input, without the final line break; '' when it is a terminal. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

async function createAdmin(config: Configuration, logger: Logger): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { email: { type: 'string' }, name: { type: 'string' }, promote: { type: 'boolean' } },
    strict: true,
  });
  if (!values.email) {
    process.stderr.write(`create-admin needs --email <address>.\n\n${USAGE}\n`);
    return 2;
  }
  const password = values.promote ? undefined : await readStdin();
  let code = 1;
  await withDataSource(
    config,
    logger,
    async (dataSource) => {
      const outcome = await ensurePlatformAdmin(dataSource, new AuditService(dataSource, logger), {
        email: values.email!,
        displayName: values.name,
        password,
        promote: values.promote === true,
        passwordMinLength: config.auth.passwordMinLength,
      });
      switch (outcome.kind) {
        case 'created':
          process.stdout.write(`Created platform admin ${values.email!.trim().toLowerCase()}.\n`);
          code = 0;
          return;
        case 'promoted':
          process.stdout.write(`${values.email!.trim().toLowerCase()} is now a platform admin.\n`);
          code = 0;
          return;
        case 'already-admin':
          process.stdout.write(`${values.email!.trim().toLowerCase()} is already a platform admin.\n`);
          code = 0;
          return;
        case 'exists':
          process.stderr.write(
            'An account with this email exists. Pass --promote to make it a platform admin (its password is kept).\n',
          );
          return;
        case 'invalid':
          process.stderr.write(
            `Not created:\n${outcome.errors.map((e) => `  ${e.field}: ${e.message}`).join('\n')}\n` +
              (password === ''
                ? 'Pass the password on standard input, for example from a secrets file.\n'
                : ''),
          );
      }
    },
    { needsCurrentSchema: true },
  );
  return code;
}

async function run(command: string | undefined): Promise<number> {
  const generated: [string, () => string | Promise<string>][] = [];
  if (command === 'env-docs' || command === 'generate') {
    generated.push([ENV_REFERENCE_PATH, renderEnvReference], [ENV_EXAMPLE_PATH, renderEnvExample]);
  }
  if (command === 'openapi' || command === 'generate') generated.push([OPENAPI_PATH, renderOpenApi]);
  if (command === 'generate') generated.push([PERMISSION_MATRIX_PATH, renderPermissionMatrix]);
  if (generated.length > 0) {
    for (const [path, render] of generated) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, await render());
      process.stdout.write(`wrote ${path}\n`);
    }
    return 0;
  }
  if (!['migrate', 'rollback', 'seed', 'create-admin'].includes(command ?? '')) {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === 'help' ? 0 : 2;
  }
  // The same configuration as the server's: the environment, completed by .env.
  const config = loadConfig(loadEnvironment().env);
  const logger = createLogger(config.log);
  try {
    return await runDatabaseCommand(command as string, config, logger);
  } catch (error) {
    if (interrupted.signal.aborted) {
      process.stderr.write(`${command} interrupted; nothing it started is left running.\n`);
      return 130;
    }
    const expected = error instanceof CommandError || error instanceof EmbeddedPostgresError;
    await reportFatal(
      logger,
      `${command} failed: ${error instanceof Error ? error.message : String(error)}`,
      expected ? undefined : error,
    );
    return 1;
  } finally {
    await closeLogger(logger);
  }
}

async function runDatabaseCommand(command: string, config: Configuration, logger: Logger): Promise<number> {
  switch (command) {
    case 'migrate':
      await withDataSource(config, logger, async (dataSource, database) => {
        const applied = await migrateUp(dataSource);
        logger.info(
          { applied, database },
          applied.length > 0 ? 'migrations applied' : 'database already up to date',
        );
      });
      return 0;
    case 'rollback':
      await withDataSource(config, logger, async (dataSource, database) => {
        await migrateDown(dataSource);
        logger.info({ database }, 'last migration reverted');
      });
      return 0;
    case 'seed':
      if (config.app.isProduction && config.seed.password === DEFAULT_SEED_PASSWORD) {
        process.stderr.write(
          'Refusing to seed production with the default SEED_PASSWORD. Set a strong one.\n',
        );
        return 1;
      }
      await withDataSource(
        config,
        logger,
        async (dataSource, database) => {
          const seeded = await seedIfEmpty(dataSource, config.seed.password, logger);
          if (!seeded) logger.info({ database }, 'database already has users; seed skipped');
        },
        { needsCurrentSchema: true },
      );
      return 0;
    default:
      return createAdmin(config, logger);
  }
}

for (const signal of STOP_SIGNALS) {
  process.on(signal, () => {
    if (interrupted.signal.aborted || !usingDatabase) process.exit(130);
    interrupted.abort(signal);
    // Whatever the command was doing, what it started stops now; `run` then reports the interruption.
    void stopStarted?.();
  });
}

run(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigValidationError ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
