import type { FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import type { HttpConfig } from '../config';
import { RequestLogController } from '../logging/request-log-controller';
import { requestIdFor } from './request-id';

/** Maps TRUST_PROXY to Fastify: nothing trusted, the nearest N hops, or an explicit list of proxies. */
function trustProxyOption(value: string): FastifyServerOptions['trustProxy'] {
  if (value === '') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address: string, hop: number) => hop < hops;
  }
  return value.split(',');
}

export function fastifyOptions(config: HttpConfig, logger: Logger): FastifyServerOptions {
  return {
    loggerInstance: logger,
    logController: new RequestLogController(),
    genReqId: requestIdFor,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: trustProxyOption(config.trustProxy),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Idle keep-alive sockets must not hold a draining process open; busy ones finish their request.
    forceCloseConnections: 'idle',
    return503OnClosing: false,
  };
}
