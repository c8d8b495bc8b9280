import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inputShapeProblem, inputShapeViolation, InputSource } from '../validation/input-shape';

/**
 * Holds every JSON body, query string and path parameter to INPUT_LIMITS, and refuses text the database
 * cannot store, before anything else reads them: Nest guards, passport strategies and the rate limiter
 * read the body ahead of the validation pipe, and class-transformer's cost is quadratic in the number of
 * keys it is handed.
 */
export function registerInputLimits(fastify: FastifyInstance): void {
  // Fastify's own parser, with its prototype-poisoning protection; the shape check runs on what it parsed.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error, parsed) => {
      if (error) return done(error, undefined);
      const violation = inputShapeViolation(parsed);
      if (violation) return done(inputShapeProblem('body', violation), undefined);
      done(null, parsed);
    });
  });

  const check = (source: InputSource, input: unknown): void => {
    const violation = inputShapeViolation(input);
    if (violation) throw inputShapeProblem(source, violation);
  };
  // onRequest: a bad query or path is refused before its body is read.
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    check('path', request.params);
    check('query', request.query);
  });
}
