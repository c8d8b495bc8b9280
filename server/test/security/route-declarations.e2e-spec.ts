import { Controller, Get, Module } from '@nestjs/common';
import request from 'supertest';
import { routeTable } from '../support/route-table';
import { signIn } from '../support/session-client';
import { createSeededDatabase } from '../support/seeded-database';
import { startTestApp, TestApp } from '../support/test-app';

/** A route that forgets to say who may use it: the guard must refuse it to everyone. */
@Controller('undeclared')
class UndeclaredController {
  @Get()
  secret(): { leaked: true } {
    return { leaked: true };
  }
}

@Module({ controllers: [UndeclaredController] })
class UndeclaredModule {}

describe('Deny by default', () => {
  let db: Awaited<ReturnType<typeof createSeededDatabase>>;
  let server: TestApp;

  beforeAll(async () => {
    db = await createSeededDatabase();
    server = await startTestApp({ databaseUrl: db.url, imports: [UndeclaredModule] });
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('every product route is @Public() or declares a permission or access rule', () => {
    const routes = routeTable(server.app).filter((r) => r.path !== '/api/undeclared');
    expect(routes.length).toBeGreaterThan(40);
    const undeclared = routes.filter((r) => r.declaration === undefined);
    expect(undeclared).toEqual([]);
  });

  it('the walk finds a route that declares nothing', () => {
    expect(routeTable(server.app)).toContainEqual({
      method: 'GET',
      path: '/api/undeclared',
      declaration: undefined,
    });
  });

  it('refuses an undeclared route even to a platform admin, and logs why', async () => {
    const ops = await signIn(server.url, 'ops@example.com');
    const res = await request(server.url).get('/api/undeclared').set('cookie', ops.cookie);
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('urn:problem-type:bastion:access-not-declared');
    expect(res.body.leaked).toBeUndefined();
    expect(server.logs.some((l) => l.msg === 'route declares no access rule; refusing')).toBe(true);
  });
});
