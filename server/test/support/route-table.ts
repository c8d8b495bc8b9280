import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { routeMetadata } from '../../src/openapi/route-metadata';

export interface RouteEntry {
  method: string;
  path: string;
  declaration: string | undefined;
}

/** Every route Nest serves, with what it declares about access. */
export function routeTable(app: NestFastifyApplication): RouteEntry[] {
  return routeMetadata(app).map(({ method, path, declaration }) => ({ method, path, declaration }));
}
