import { ArgumentsHost, Catch, ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MethodTable } from '../http/method-table';
import { ProblemException } from './problem';
import { sendProblem } from './problem-response';

/** Global filter: every exception leaves as RFC 9457 problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly methods: MethodTable) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(request, reply, this.refineNotFound(request, exception));
  }

  /** An unmatched route whose path exists under other methods is a 405, not a 404. */
  private refineNotFound(request: FastifyRequest, exception: unknown): unknown {
    if (!(exception instanceof NotFoundException) || request.routeOptions.url !== undefined) return exception;
    const allowed = this.methods.allowedMethods(request.url);
    if (allowed.length === 0) {
      return new ProblemException(404, { code: 'not-found', detail: 'No resource at this address.' });
    }
    return new ProblemException(405, {
      code: 'method-not-allowed',
      detail: `${request.method} is not supported here. Allowed: ${allowed.join(', ')}.`,
      headers: { allow: allowed.join(', ') },
    });
  }
}
