import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { RESPONSE_SCHEMAS } from './response-schemas';
import { routeMetadata } from './route-metadata';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[] };

const PROBLEM = { $ref: '#/components/schemas/Problem' };

function describe(route: { handler: string; controller: string }): string {
  const words = route.handler.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function accessNote(declaration: string | undefined): string {
  switch (declaration) {
    case 'public':
      return 'Public.';
    case 'authenticated':
      return 'Any signed-in person or API token.';
    case 'session':
      return 'A signed-in person (session cookie); API tokens are refused.';
    case 'platform-admin':
      return 'Platform administrators only.';
    default:
      return `Requires the \`${declaration}\` permission in the workspace.`;
  }
}

/**
 * The OpenAPI 3.1 document, built from the same metadata the server enforces: routes, validation DTOs
 * (request schemas, unknown fields refused), the declared success schema, and who may call each route
 * (`x-permission`). `npm run openapi -w server` writes it to server/openapi.json for the web client.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const base = new DocumentBuilder()
    .setTitle('Bastion API')
    .setDescription(
      'Errors are RFC 9457 application/problem+json. Unsafe cookie-authenticated requests need X-CSRF-Token.',
    )
    .setVersion('0.1.0')
    .addCookieAuth('bastion_session', { type: 'apiKey', in: 'cookie' }, 'session')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'API token: bst_<prefix>_<secret>' },
      'apiToken',
    )
    .build();
  const dtoSchemas = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' }) as Record<
    string,
    Schema
  >;
  const usedSchemas: Record<string, Schema> = {};
  const paths: Record<string, Record<string, unknown>> = {};

  for (const route of routeMetadata(app).sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  )) {
    const parameters: unknown[] = [];
    for (const [location, dto] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      const schema = dto ? dtoSchemas[dto.name] : undefined;
      for (const [name, property] of Object.entries(schema?.properties ?? {})) {
        parameters.push({
          name,
          in: location,
          required: location === 'path' || (schema?.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    for (const match of route.path.matchAll(/:(\w+)/g)) {
      if (!parameters.some((p) => (p as { name: string }).name === match[1])) {
        parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
      }
    }
    const operation: Record<string, unknown> = {
      operationId: `${route.controller.replace(/Controller$/, '')}_${route.handler}`,
      summary: describe(route),
      description: accessNote(route.declaration),
      tags: [route.controller.replace(/Controller$/, '')],
      'x-permission': route.declaration,
      security:
        route.declaration === 'public'
          ? []
          : route.declaration === 'session' || route.declaration === 'platform-admin'
            ? [{ session: [] }]
            : [{ session: [] }, { apiToken: [] }],
      parameters,
      responses: {
        [String(route.successStatus)]:
          route.successStatus === 204 || !route.responseSchema
            ? { description: 'Success, no content.' }
            : {
                description: 'Success.',
                content: {
                  'application/json': { schema: { $ref: `#/components/schemas/${route.responseSchema}` } },
                },
              },
        default: {
          description: 'An RFC 9457 problem.',
          content: { 'application/problem+json': { schema: PROBLEM } },
        },
      },
    };
    if (route.body) {
      usedSchemas[route.body.name] = { ...dtoSchemas[route.body.name], additionalProperties: false };
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.body.name}` } } },
      };
    }
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    paths[openApiPath] = { ...paths[openApiPath], [route.method.toLowerCase()]: operation };
  }

  return {
    ...base,
    openapi: '3.1.0',
    paths: paths as OpenAPIObject['paths'],
    components: {
      ...base.components,
      schemas: { ...RESPONSE_SCHEMAS, ...usedSchemas } as NonNullable<OpenAPIObject['components']>['schemas'],
    },
  };
}
