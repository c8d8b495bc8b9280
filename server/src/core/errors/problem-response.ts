import type { FastifyReply, FastifyRequest } from 'fastify';
import { mapToProblem } from './problem-mapper';
import { MAX_FIELD_ERRORS, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem';

/**
 * The one place an error becomes a response: used by the Nest exception filter and by Fastify's own
 * error and not-found handlers, so errors raised before Nest sees the request look the same.
 */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): void {
  const mapped = mapToProblem(error);
  if (mapped.unexpected) {
    request.log.error({ err: error }, 'unhandled error');
  } else if (mapped.status >= 500) {
    request.log.warn({ problem: mapped.type }, mapped.detail);
  }
  const body: ProblemDetails = {
    type: mapped.type,
    title: mapped.title,
    status: mapped.status,
    detail: mapped.detail,
    instance: request.url.split('?')[0],
    requestId: String(request.id),
    ...mapped.extensions,
  };
  if (mapped.errors) {
    body.errors = mapped.errors.slice(0, MAX_FIELD_ERRORS);
    if (mapped.errors.length > MAX_FIELD_ERRORS) body.errorCount = mapped.errors.length;
  }
  if (reply.sent) return;
  if (mapped.headers) reply.headers(mapped.headers);
  reply.code(mapped.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
}
