import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { renderOpenApi } from '../src/openapi/render-openapi';
import { startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

describe('OpenAPI document', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('server/openapi.json is up to date (regenerate with `npm run build && npm run openapi`)', async () => {
    expect(readFileSync(resolve(__dirname, '../openapi.json'), 'utf8')).toBe(await renderOpenApi());
  });

  it('documents every operation with who may call it and the shape of its success body', async () => {
    const document = JSON.parse(await renderOpenApi());
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods as object));
    expect(operations.length).toBeGreaterThan(40);
    for (const operation of operations) {
      expect(operation['x-permission']).toEqual(expect.any(String));
      const [status, response] = Object.entries(operation.responses).find(([code]) => code !== 'default') as [
        string,
        { content?: unknown },
      ];
      if (status !== '204') expect(response.content).toBeDefined();
      expect(operation.responses.default.content['application/problem+json']).toBeDefined();
    }
    expect(document.components.schemas.CreateInvitationDto).toMatchObject({
      additionalProperties: false,
      required: expect.arrayContaining(['email', 'role']),
    });
  });

  describe('served at /api/docs', () => {
    let server: TestApp;

    afterEach(async () => {
      await server?.close();
    });

    it('outside production', async () => {
      server = await startTestApp({ databaseUrl: db.url });
      const json = await request(server.url).get('/api/docs/openapi.json');
      expect(json.status).toBe(200);
      expect(json.body.info.title).toBe('Bastion API');
      expect((await request(server.url).get('/api/docs')).status).toBe(200);
    });

    it('not in production unless enabled', async () => {
      server = await startTestApp({ databaseUrl: db.url, env: { NODE_ENV: 'production' } });
      expect((await request(server.url).get('/api/docs/openapi.json')).status).toBe(404);
      expect((await request(server.url).get('/api/docs')).status).toBe(404);
    });
  });
});
