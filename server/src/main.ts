// First of all: sizes libuv's thread pool (8 threads unless UV_THREADPOOL_SIZE is set) before anything
// starts it. Password hashing may hold at most half of it (PASSWORD_HASHING_CONCURRENCY), so static
// files, DNS lookups for database connections and other fs work always keep at least the 4 threads
// libuv would have had in total; with the default 4, a burst of sign-ins could hold all of them.
import './core/config/thread-pool-size';
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
// Only what the first steps need is loaded up front, file by file: stop signals are then handled
// within a fraction of a second, and a start that cannot succeed (a port in use, a server already
// running) fails before the application's modules, seconds of loading, are read at all.
import { loadEnvironment } from './core/config/environment';
import { ConfigValidationError, loadConfig } from './core/config/load-config';
import type { Configuration } from './core/config/namespaces';
import type { DatabaseStatus } from './core/db/database.module';
import { describeDatabase } from './core/db/describe-database';
import {
  EmbeddedPostgresError,
  RunningEmbeddedPostgres,
  startEmbeddedPostgres,
} from './core/db/embedded-postgres';
import { closeLogger, createLogger, reportFatal } from './core/logging/logger';
import { ADMIN_WEB_DIST, REPO_ROOT, STORYBOOK_DIST } from './core/paths';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A start-up failure whose message says what happened and what to do; no stack helps anyone. */
class StartupError extends Error {}

function readConfig(): Configuration {
  try {
    return loadConfig(loadEnvironment().env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** `--admin-web <url>`: the web client is served elsewhere (`npm run dev` runs Vite's dev server). */
function readArguments(): { adminWebUrl?: string } {
  try {
    const { values } = parseArgs({ options: { 'admin-web': { type: 'string' } }, strict: true });
    return { adminWebUrl: values['admin-web'] };
  } catch (error) {
    process.stderr.write(
      `${(error as Error).message}\nUsage: node server/dist/main.js [--admin-web <url>]\n`,
    );
    process.exit(2);
  }
}

function listenProblem(error: unknown, config: Configuration): StartupError | undefined {
  const { host, port } = config.app;
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return new StartupError(
        `Port ${port} on ${host} is already in use (is the server already running?). ` +
          'Stop what holds it, or set PORT to a free port.',
      );
    case 'EACCES':
      return new StartupError(`This user may not listen on port ${port}. Set PORT to 1024 or above.`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new StartupError(
        `HOST=${host} is not an address of this machine. Use 127.0.0.1 (or 0.0.0.0 in a container).`,
      );
    default:
      return undefined;
  }
}

/** Fails before PostgreSQL is started for nothing when the HTTP port is taken (a second start, above all). */
async function ensurePortFree(config: Configuration): Promise<void> {
  if (config.app.port === 0) return;
  await new Promise<void>((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(listenProblem(error, config) ?? error));
    probe.listen(config.app.port, config.app.host, () => probe.close(() => resolvePort()));
  });
}

function baseUrl(config: Configuration): string {
  return `http://${config.app.host === '0.0.0.0' ? '127.0.0.1' : config.app.host}:${config.app.port}`;
}

function printBanner(
  config: Configuration,
  base: string,
  adminWebUrl: string | undefined,
  seedEmails: string[],
): void {
  const built = (dir: string) => existsSync(join(dir, 'index.html'));
  const adminWeb = adminWebUrl
    ? `${adminWebUrl}  (Vite dev server, reloads on change)`
    : built(ADMIN_WEB_DIST)
      ? `${base}/`
      : 'not built (`npm start` builds it; `npm run dev` serves it from source)';
  const lines = [
    '',
    `  Bastion is ready at ${base}`,
    '',
    `  Admin web   ${adminWeb}`,
    `  API         ${base}/api`,
    `  Storybook   ${built(STORYBOOK_DIST) ? `${base}/storybook/` : 'not built (`npm start` builds it)'}`,
    `  Probes      ${base}/health  ${base}/ready`,
    '',
  ];
  if (config.seed.onStart) {
    lines.push(
      `  Sign in as ${seedEmails.join(', ')}`,
      `  with the password from SEED_PASSWORD (default: ${config.seed.password === 'bastion-demo-password' ? config.seed.password : 'as configured'}).`,
      '',
    );
  }
  lines.push('  Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

/** Why the server is listening but not ready, and what to do about it. */
function notReadyText(status: DatabaseStatus, base: string, databaseUrl: string): string | undefined {
  const where = describeDatabase(databaseUrl);
  switch (status.state) {
    case 'migrations-pending':
      return (
        `  Bastion is listening at ${base} but is NOT READY: the database ${where} lacks ${status.pending.length} ` +
        `migration(s) (${status.pending.join(', ')}).\n` +
        '  Apply them with `npm run db:migrate` (or set DATABASE_MIGRATE_ON_START=true); it becomes ready without a restart.'
      );
    case 'connecting':
      return status.error === undefined
        ? undefined
        : `  Bastion is listening at ${base} but is NOT READY: cannot use the database ${where} (${status.error}).\n` +
            '  Check DATABASE_URL and that PostgreSQL runs; the server keeps retrying and becomes ready by itself.';
    case 'ready':
      return undefined;
  }
}

/**
 * The banner tells the truth: it is printed once the database is ready (what `/ready` checks), and until
 * then each reason it is not, with what to do.
 */
async function announceReadiness(
  app: NestFastifyApplication,
  config: Configuration,
  logger: Logger,
  databaseUrl: string,
  adminWebUrl: string | undefined,
): Promise<void> {
  const { DatabaseConnector } = await import('./core/db/database.module.js');
  const { SEED_USERS } = await import('@bastion/migrations');
  const connector = app.get(DatabaseConnector);
  if (config.app.isProduction) {
    if (!connector.isReady) connector.onStatusChange((s) => s.state === 'ready' && logger.info('ready'));
    return;
  }
  const base = baseUrl(config);
  let shown = '';
  const show = (status: DatabaseStatus) => {
    if (status.state === 'ready') {
      stop();
      // After the log lines of the start (migrations, seed), which a worker thread writes.
      logger.flush(() =>
        printBanner(
          config,
          base,
          adminWebUrl,
          SEED_USERS.map((user) => user.email),
        ),
      );
      return;
    }
    const text = notReadyText(status, base, databaseUrl);
    if (text && text !== shown) process.stdout.write(`\n${text}\n\n`);
    shown = text ?? shown;
  };
  const stop = connector.onStatusChange(show);
  show(connector.status);
}

async function main(): Promise<void> {
  // Handlers come first: a stop may be asked for at any moment, and whatever was started by then must
  // be stopped with it (a Ctrl-C during PostgreSQL's start used to leave it running, orphaned).
  const startup = new AbortController();
  let shutdown: ((signal: string) => Promise<void>) | undefined = undefined;
  let stopRequests = 0;
  const requestStop = (reason: string) => {
    stopRequests++;
    if (stopRequests > 1) {
      // Asked twice: stop at once; the exit handler stops the embedded PostgreSQL with it.
      process.stderr.write('Stopping at once.\n');
      process.exit(130);
    }
    if (shutdown) void shutdown(reason);
    else startup.abort(reason);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, () => requestStop(signal));
  // Started by `npm start` or `npm run dev` with a channel to it: when that script is gone (even killed
  // with SIGKILL), nobody can stop this server any more, so it stops itself.
  if (process.channel) {
    process.channel.unref();
    process.once('disconnect', () => requestStop('parent exited'));
  }

  const config = readConfig();
  const { adminWebUrl } = readArguments();
  const logger = createLogger(config.log);
  let embedded: RunningEmbeddedPostgres | undefined;
  let app: NestFastifyApplication | undefined;
  let databaseUrl = config.database.url;
  try {
    await ensurePortFree(config);
    startup.signal.throwIfAborted();
    if (databaseUrl === undefined) {
      embedded = await startEmbeddedPostgres({
        dataDir: resolve(REPO_ROOT, config.database.embeddedDataDir),
        port: config.database.embeddedPort,
        database: 'bastion',
        log: (message) => logger.info(message),
        signal: startup.signal,
        whenAlreadyRunning: 'refuse',
      });
      databaseUrl = embedded.url;
    }
    startup.signal.throwIfAborted();
    const { createApp } = await import('./app.factory.js');
    startup.signal.throwIfAborted();
    app = await createApp({
      config,
      databaseUrl,
      logger,
      staticSites: { adminWebDir: ADMIN_WEB_DIST, storybookDir: STORYBOOK_DIST },
    });
    startup.signal.throwIfAborted();
    await app.listen(config.app.port, config.app.host).catch((error: unknown) => {
      throw listenProblem(error, config) ?? error;
    });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    if (startup.signal.aborted) {
      logger.info({ signal: startup.signal.reason }, 'stopped during start-up');
      await closeLogger(logger);
      process.exit(0);
    }
    const expected = error instanceof StartupError || error instanceof EmbeddedPostgresError;
    await reportFatal(
      logger,
      `Bastion did not start: ${error instanceof Error ? error.message : String(error)}`,
      expected ? undefined : error,
    );
    process.exit(1);
  }

  const running = app;
  const { gracefulShutdown } = await import('./core/lifecycle/graceful-shutdown.js');
  shutdown = gracefulShutdown(running, {
    logger,
    drainDelayMs: config.health.shutdownDrainDelayMs,
    timeoutMs: config.health.shutdownTimeoutMs,
    afterClose: async () => embedded?.stop(),
    exit: (code) => {
      void closeLogger(logger).then(() => process.exit(code));
    },
  });
  if (startup.signal.aborted) {
    void shutdown(String(startup.signal.reason));
    return;
  }
  if (config.app.isProduction) logger.info({ address: await running.getUrl() }, 'server listening');
  await announceReadiness(running, config, logger, databaseUrl, adminWebUrl);
}

main().catch((error: unknown) => {
  // Only reached before anything was started (reading the configuration or `.env`).
  process.stderr.write(`Bastion did not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
