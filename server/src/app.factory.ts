import { RequestMethod, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { Configuration } from './core/config';
import { configureHttp, fastifyOptions, registerStaticSites, StaticSites } from './core/http';
import { NestPinoLogger } from './core/logging';
import { databaseOptions } from './database-setup';
import { buildOpenApiDocument } from './openapi/openapi-document';

export interface CreateAppOptions {
  config: Configuration;
  databaseUrl: string;
  logger: Logger;
  /** Where the built web client and Storybook are; omitted in tests that only exercise the API. */
  staticSites?: StaticSites;
  /** Extra modules mounted beside the product's (tests use it to reach core behaviour through real routes). */
  imports?: Type[];
}

/** Builds the whole server, ready to listen; main.ts and the e2e tests use the same path. */
export async function createApp({
  config,
  databaseUrl,
  logger,
  staticSites,
  imports = [],
}: CreateAppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, database: databaseOptions(config, databaseUrl, logger), logger }, imports),
    new FastifyAdapter(fastifyOptions(config.http, logger, config.app.isProduction)),
    { bodyParser: false, logger: new NestPinoLogger(logger), abortOnError: false },
  );
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'ready', method: RequestMethod.GET },
    ],
  });
  await configureHttp(app, config);
  if (config.http.apiDocsEnabled) {
    SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
      jsonDocumentUrl: 'api/docs/openapi.json',
    });
  }
  if (staticSites) await registerStaticSites(app, staticSites);
  await app.init();
  return app;
}
