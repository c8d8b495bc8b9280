export { APP_LOGGER, createLogger, REDACTED_PATHS } from './logger';
export { RequestLogController, PROBE_PATHS } from './request-log-controller';
export { NestPinoLogger } from './nest-logger';
