import 'reflect-metadata';
import { MIGRATIONS } from '@bastion/migrations';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigValidationError, Configuration, DEFAULT_SEED_PASSWORD, loadConfig } from './core/config';
import { renderEnvExample, renderEnvReference } from './core/config/env-reference';
import {
  dataSourceOptions,
  migrateDown,
  migrateUp,
  RunningEmbeddedPostgres,
  startEmbeddedPostgres,
} from './core/db';
import { createLogger } from './core/logging';
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

async function withDataSource(
  config: Configuration,
  work: (dataSource: DataSource) => Promise<void>,
): Promise<void> {
  const logger = createLogger(config.log);
  let embedded: RunningEmbeddedPostgres | undefined;
  let url = config.database.url;
  if (url === undefined) {
    embedded = await startEmbeddedPostgres({
      dataDir: resolve(REPO_ROOT, config.database.embeddedDataDir),
      port: config.database.embeddedPort,
      database: 'bastion',
      log: (message) => logger.info(message),
    });
    url = embedded.url;
  }
  const dataSource = new DataSource(dataSourceOptions(config.database, url, ENTITIES, MIGRATIONS));
  try {
    await dataSource.initialize();
    await work(dataSource);
  } finally {
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

async function createAdmin(config: Configuration, logger: ReturnType<typeof createLogger>): Promise<number> {
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
  await withDataSource(config, async (dataSource) => {
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
  });
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
  const config = loadConfig();
  const logger = createLogger({ ...config.log, format: config.log.format });
  switch (command) {
    case 'migrate':
      await withDataSource(config, async (dataSource) => {
        const applied = await migrateUp(dataSource);
        logger.info({ applied }, applied.length > 0 ? 'migrations applied' : 'database already up to date');
      });
      return 0;
    case 'rollback':
      await withDataSource(config, async (dataSource) => {
        await migrateDown(dataSource);
        logger.info('last migration reverted');
      });
      return 0;
    case 'seed':
      if (config.app.isProduction && config.seed.password === DEFAULT_SEED_PASSWORD) {
        process.stderr.write(
          'Refusing to seed production with the default SEED_PASSWORD. Set a strong one.\n',
        );
        return 1;
      }
      await withDataSource(config, async (dataSource) => {
        const seeded = await seedIfEmpty(dataSource, config.seed.password, logger);
        if (!seeded) logger.info('database already has users; seed skipped');
      });
      return 0;
    case 'create-admin':
      return createAdmin(config, logger);
    default:
      process.stderr.write(`${USAGE}\n`);
      return command === undefined || command === 'help' ? 0 : 2;
  }
}

run(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigValidationError ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
