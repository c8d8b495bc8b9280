import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig, HttpConfig } from '../config';
import { registerMetrics } from '../metrics';
import { registerInputLimits } from './input-limits';
import { MethodTable } from './method-table';
import { registerSecurityHeaders } from './security-headers';

/**
 * Fastify-level setup that must exist before routes are registered: the hooks every request passes,
 * the error handler for failures raised before Nest sees a request, and the content types accepted.
 */
export async function configureHttp(
  app: NestFastifyApplication,
  config: { app: AppConfig; http: HttpConfig },
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const methods = app.get(MethodTable);

  // JSON only: a text/plain or form body is a 415, so a cross-site form can never reach a handler.
  fastify.removeContentTypeParser('text/plain');

  registerSecurityHeaders(fastify, { hsts: config.app.isProduction });
  registerInputLimits(fastify);
  fastify.addHook('onRoute', (route) => {
    if (!route.config || !(route.config as { spaFallback?: boolean }).spaFallback)
      methods.add(route.method, route.url);
  });
  registerMetrics(app);

  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['content-type', 'x-csrf-token', 'x-request-id', 'authorization'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    });
  }
}
