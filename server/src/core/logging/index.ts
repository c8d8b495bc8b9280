export { APP_LOGGER, closeLogger, createLogger, REDACTED_PATHS, reportFatal } from './logger';
export { RequestLogController, PROBE_PATHS } from './request-log-controller';
export { NestPinoLogger } from './nest-logger';
