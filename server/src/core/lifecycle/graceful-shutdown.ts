import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { ShutdownState } from './shutdown-state';

export interface GracefulShutdownOptions {
  logger: Logger;
  drainDelayMs: number;
  timeoutMs: number;
  /** Runs after the server and its database pool are closed (stops the embedded PostgreSQL). */
  afterClose?: () => Promise<void>;
  exit: (code: number) => void;
}

/**
 * SIGTERM/SIGINT: readiness flips to 503 at once; after the drain delay the listener closes, in-flight
 * requests finish, idle keep-alive sockets are dropped, the pool closes and the process exits 0. If that
 * takes longer than the timeout, it exits 1 anyway.
 */
export function gracefulShutdown(app: INestApplication, options: GracefulShutdownOptions) {
  let stopping: Promise<void> | undefined;
  return (signal: string): Promise<void> => {
    stopping ??= (async () => {
      app.get(ShutdownState).begin();
      options.logger.info(
        { signal, drainDelayMs: options.drainDelayMs },
        'shutting down: readiness is now 503',
      );
      const deadline = setTimeout(() => {
        options.logger.error({ timeoutMs: options.timeoutMs }, 'shutdown timed out; exiting');
        options.exit(1);
      }, options.timeoutMs);
      deadline.unref();
      try {
        await new Promise((resolve) => setTimeout(resolve, options.drainDelayMs));
        await app.close();
        await options.afterClose?.();
        options.logger.info('stopped');
        clearTimeout(deadline);
        options.exit(0);
      } catch (error) {
        options.logger.error({ err: error }, 'shutdown failed');
        clearTimeout(deadline);
        options.exit(1);
      }
    })();
    return stopping;
  };
}
