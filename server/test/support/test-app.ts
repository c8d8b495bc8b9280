import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { Writable } from 'node:stream';
import { createApp } from '../../src/app.factory';
import { EnvSource, loadConfig } from '../../src/core/config';
import { DatabaseConnector } from '../../src/core/db';
import { createLogger } from '../../src/core/logging';

export interface TestApp {
  app: NestFastifyApplication;
  /** Base URL of the real server listening on 127.0.0.1. */
  url: string;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  logger: Logger;
  close(): Promise<void>;
}

export interface TestAppOptions {
  databaseUrl: string;
  env?: EnvSource;
  /** Extra modules mounted next to the product's, for exercising core behaviour through real routes. */
  imports?: Type[];
  /** Wait for the database connection and migrations before returning (default true). */
  waitForDatabase?: boolean;
}

/**
 * Every request limit raised far above what a functional suite sends, for suites that test something
 * else; the suites that test the limits set their own.
 */
export const RAISED_LIMITS: EnvSource = {
  RATE_LIMIT_PER_MINUTE: '1000000',
  SIGN_IN_LIMIT_PER_IP: '1000000',
  SIGN_IN_LIMIT_PER_EMAIL: '1000000',
  INVITATIONS_PER_WORKSPACE_PER_HOUR: '1000000',
  INVITATIONS_PER_EMAIL_PER_HOUR: '1000000',
};

/** Boots the real server (same factory as production) on a random local port, capturing its logs. */
export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: options.databaseUrl,
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger(config.log, sink);
  const app = await createApp({ config, databaseUrl: options.databaseUrl, logger, imports: options.imports });
  await app.listen(0, '127.0.0.1');
  if (options.waitForDatabase !== false) await app.get(DatabaseConnector).whenReady();
  return {
    app,
    url: await app.getUrl(),
    logs,
    logger,
    close: () => app.close(),
  };
}
