import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { MetricsConfig } from '../config';
import { ProblemException, sendProblem } from '../errors';
import { AppMetrics } from './app-metrics';

declare module 'fastify' {
  interface FastifyRequest {
    /** Milliseconds this request spent waiting on PostgreSQL; maintained only while Server-Timing is on. */
    dbTimeMs: number;
  }
}

export const METRICS_PATH = '/metrics';

function isApi(url: string): boolean {
  return url.startsWith('/api/') || url === '/api' || url.startsWith('/api?');
}

/**
 * Routes anyone may call that look accounts up (sign-in, invitation links). Their database time would
 * tell a known email address or token from an unknown one, so they are never timed. Matched on the
 * route template when there is one, so an encoded spelling of the same address is not timed either.
 */
const UNTIMED_API = /^\/api\/(auth|invitations)(\/|\?|$)/;

function isTimed(request: FastifyRequest): boolean {
  return isApi(request.url) && !UNTIMED_API.test(request.routeOptions.url ?? request.url);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Compares digests, which have equal lengths, so the comparison time says nothing about the token. */
function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]), expected);
}

function registerMetricsRoute(
  fastify: FastifyInstance,
  metrics: AppMetrics,
  token: string | undefined,
): void {
  const expected = token === undefined ? undefined : digest(token);
  fastify.get(METRICS_PATH, async (request: FastifyRequest, reply: FastifyReply) => {
    if (expected && !bearerMatches(request.headers.authorization, expected)) {
      sendProblem(
        request,
        reply,
        new ProblemException(401, {
          code: 'metrics-token-required',
          title: 'Metrics token required',
          detail: 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.',
          headers: { 'www-authenticate': 'Bearer realm="metrics"' },
        }),
      );
      return reply;
    }
    const body = await metrics.registry.metrics();
    return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(body);
  });
}

/**
 * Server-Timing on API responses except the untimed ones: `total` is the time until the response is
 * handed to the socket, `db` the summed time of this request's SQL statements (found through the async
 * context of the request).
 */
function registerServerTiming(fastify: FastifyInstance, metrics: AppMetrics): void {
  const requestTime = metrics.requestDatabaseTime;
  fastify.decorateRequest('dbTimeMs', 0);
  // preHandler runs after the body is parsed: entering the context earlier would be lost across the
  // body's stream events. Guards, handlers and their queries all run inside it.
  fastify.addHook('preHandler', (request, _reply, done) => {
    if (requestTime && isTimed(request)) requestTime.run(request, done);
    else done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (isTimed(request)) {
      const total = reply.elapsedTime.toFixed(1);
      reply.header('server-timing', `db;dur=${request.dbTimeMs.toFixed(1)}, total;dur=${total}`);
    }
    done(null, payload);
  });
}

/**
 * Request metrics, /metrics and Server-Timing. Must run before routes are registered (from
 * configureHttp). Recording is one onResponse hook per request; probes and scrapes are counted like any
 * other request but never logged.
 */
export function registerMetrics(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(AppMetrics);
  if (metrics.collecting) {
    fastify.addHook('onResponse', (request, reply, done) => {
      metrics.observeRequest(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime);
      done();
    });
    registerMetricsRoute(fastify, metrics, app.get(MetricsConfig).token);
  }
  if (metrics.serverTiming) registerServerTiming(fastify, metrics);
}
