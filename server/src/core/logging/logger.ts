import pino, { Logger } from 'pino';

/** Injection token of the application's pino logger, for code that logs structured fields. */
export const APP_LOGGER = Symbol('APP_LOGGER');
import type { LogConfig } from '../config';

/** Paths whose values never reach a log line, wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'csrfToken',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
  '*.csrfToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'databaseUrl',
];

/** Loggers whose lines a worker thread formats for a terminal (LOG_FORMAT=pretty). */
const PRETTY_LOGGERS = new WeakSet<Logger>();

export function createLogger(config: LogConfig, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'bastion' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination);
  if (config.format === 'pretty') {
    const logger = pino({
      ...options,
      transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,service' } },
    });
    PRETTY_LOGGERS.add(logger);
    return logger;
  }
  return pino(options);
}

/**
 * Writes out every line logged so far; call it before `process.exit`. A pretty logger formats lines in a
 * worker thread that an exiting process does not wait for, so its last lines (the one saying why the
 * process stops, above all) were lost: its stream is ended and its worker awaited, within `timeoutMs`.
 */
export async function closeLogger(logger: Logger, timeoutMs = 3000): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const stream = (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] as
      { end(): void; once(event: 'close', listener: () => void): void; closed?: boolean } | undefined;
    if (PRETTY_LOGGERS.has(logger) && stream) {
      if (stream.closed) return done();
      stream.once('close', done);
      stream.end();
      return;
    }
    try {
      logger.flush(() => done());
    } catch {
      done();
    }
  });
}

/**
 * Reports why the process cannot go on, worded for whoever reads it: one line on standard error for a
 * person at a terminal (pretty logs), a fatal log line for a log collector (JSON). A defect's stack
 * follows the line. Everything is written out before this resolves.
 */
export async function reportFatal(logger: Logger, message: string, defect?: unknown): Promise<void> {
  if (PRETTY_LOGGERS.has(logger)) {
    const stack = defect instanceof Error && defect.stack ? `\n${defect.stack}` : '';
    process.stderr.write(`\n${message}${stack}\n\n`);
  } else if (defect === undefined) {
    logger.fatal(message);
  } else {
    logger.fatal({ err: defect }, message);
  }
  await closeLogger(logger);
}
