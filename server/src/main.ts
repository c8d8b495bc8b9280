// First of all: sizes libuv's thread pool (8 threads unless UV_THREADPOOL_SIZE is set) before anything
// starts it. Password hashing may hold at most half of it (PASSWORD_HASHING_CONCURRENCY), so static
// files, DNS lookups for database connections and other fs work always keep at least the 4 threads
// libuv would have had in total; with the default 4, a burst of sign-ins could hold all of them.
import './core/config/thread-pool-size';
import 'reflect-metadata';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { createApp } from './app.factory';
import { ConfigValidationError, Configuration, loadConfig } from './core/config';
import { EmbeddedPostgresError, RunningEmbeddedPostgres, startEmbeddedPostgres } from './core/db';
import { gracefulShutdown } from './core/lifecycle/graceful-shutdown';
import { createLogger } from './core/logging';
import { ADMIN_WEB_DIST, REPO_ROOT, STORYBOOK_DIST } from './core/paths';
import { SEED_USERS } from '@bastion/migrations';

function readConfig(): Configuration {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

function printWelcome(config: Configuration, logger: Logger, address: string): void {
  if (config.app.isProduction) {
    logger.info({ address }, 'server listening');
    return;
  }
  const base = `http://${config.app.host === '0.0.0.0' ? '127.0.0.1' : config.app.host}:${config.app.port}`;
  const lines = [
    '',
    `  Bastion is running at ${base}`,
    '',
    `  Admin web   ${base}/`,
    `  API         ${base}/api`,
    `  Storybook   ${base}/storybook/`,
    `  Probes      ${base}/health  ${base}/ready`,
    '',
  ];
  if (config.seed.onStart) {
    lines.push(
      `  Sign in as ${SEED_USERS.map((u) => u.email).join(', ')}`,
      `  with the password from SEED_PASSWORD (default: ${config.seed.password === 'bastion-demo-password' ? config.seed.password : 'as configured'}).`,
      '',
    );
  }
  lines.push('  Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.log);
  let embedded: RunningEmbeddedPostgres | undefined;
  let databaseUrl = config.database.url;
  if (databaseUrl === undefined) {
    try {
      embedded = await startEmbeddedPostgres({
        dataDir: resolve(REPO_ROOT, config.database.embeddedDataDir),
        port: config.database.embeddedPort,
        database: 'bastion',
        log: (message) => logger.info(message),
      });
    } catch (error) {
      if (error instanceof EmbeddedPostgresError) {
        logger.fatal(error.message);
        logger.flush();
        process.exitCode = 1;
        return;
      }
      throw error;
    }
    databaseUrl = embedded.url;
  }

  const app = await createApp({
    config,
    databaseUrl,
    logger,
    staticSites: { adminWebDir: ADMIN_WEB_DIST, storybookDir: STORYBOOK_DIST },
  });
  await app.listen(config.app.port, config.app.host);
  const address = await app.getUrl();
  printWelcome(config, logger, address);

  const shutdown = gracefulShutdown(app, {
    logger,
    drainDelayMs: config.health.shutdownDrainDelayMs,
    timeoutMs: config.health.shutdownTimeoutMs,
    afterClose: async () => embedded?.stop(),
    exit: (code) => {
      logger.flush();
      process.exit(code);
    },
  });
  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));
}

void main();
