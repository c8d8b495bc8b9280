import { LogController } from 'fastify';

/** Probes are polled every few seconds by orchestrators; logging each would drown real traffic and cost throughput. */
export const PROBE_PATHS = new Set(['/health', '/ready', '/metrics']);

type LoggedRequest = Parameters<LogController['requestCompleted']>[1];
type LoggedReply = Parameters<LogController['requestCompleted']>[2];

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * One structured line per finished request, probes excepted, with the request id as `requestId`.
 * Only method, path, route, client IP, status and duration are logged: never headers or bodies.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override isLogDisabled(request: { url?: string }): boolean {
    return request.url !== undefined && PROBE_PATHS.has(pathOf(request.url));
  }

  override incomingRequest(): void {
    // A single line per request, written on completion, carries everything the start line would.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: LoggedRequest,
    reply: LoggedReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const status = reply.statusCode;
    const line = {
      request: {
        method: request.method,
        path: pathOf(request.url),
        route: request.routeOptions.url,
        ip: request.ip,
      },
      response: { statusCode: status },
      responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    // A 503 is the server shedding load or waiting for its database, on purpose and said so: a flood of
    // them must not bury real faults in the error log.
    if (error || (status >= 500 && status !== 503))
      reply.log.error({ ...line, err: error ?? undefined }, 'request completed');
    else if (status >= 400) reply.log.warn(line, 'request completed');
    else reply.log.info(line, 'request completed');
  }
}
