import type { FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import type { HttpConfig } from '../config';
import { RequestLogController } from '../logging/request-log-controller';
import { sendProblem } from '../errors/problem-response';
import { clientErrorResponder } from './client-error';
import { baseSecurityHeaders } from './security-headers';
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

export function fastifyOptions(config: HttpConfig, logger: Logger, hsts: boolean): FastifyServerOptions {
  return {
    clientErrorHandler: clientErrorResponder(hsts),
    // Malformed or oversized URLs are refused before routing, so no hook has added the headers yet.
    frameworkErrors: (error, request, reply) => {
      reply.headers(baseSecurityHeaders(hsts)).header('x-request-id', request.id);
      sendProblem(request, reply, error);
    },
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
