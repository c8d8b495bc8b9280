import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { MIGRATIONS } from '@bastion/migrations';
import { AppModule } from '../app.module';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logging';
import { ENTITIES } from '../entities';
import { buildOpenApiDocument } from './openapi-document';

/**
 * The document as written to server/openapi.json: the app's modules are instantiated (no database is
 * touched, nothing listens) so the document comes from exactly the routes the server would serve.
 */
export async function renderOpenApi(): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
  });
  const logger = createLogger(config.log);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      logger,
      database: { url: config.database.url as string, entities: ENTITIES, migrations: MIGRATIONS },
    }),
    new FastifyAdapter(),
    { logger: false, abortOnError: false },
  );
  try {
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
