import { MIGRATIONS } from '@bastion/migrations';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/core/config';
import { dataSourceOptions } from '../src/core/db';
import { mapToProblem } from '../src/core/errors/problem-mapper';
import { ENTITIES } from '../src/entities';
import { createTestDatabase, TestDatabase } from './support/test-database';

// Errors raised by a real PostgreSQL through the server's own pool settings, mapped as the API would.
describe('Database errors as problems', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '100' });
    dataSource = new DataSource(dataSourceOptions(config.database, db.url, ENTITIES, MIGRATIONS));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('answers a statement cancelled by DATABASE_STATEMENT_TIMEOUT_MS with 503 and Retry-After, not a 500', async () => {
    const error = await dataSource.query('SELECT pg_sleep(2)').catch((e: unknown) => e);

    expect(error).toMatchObject({ driverError: { code: '57014' } });
    expect(mapToProblem(error)).toMatchObject({
      status: 503,
      type: 'urn:problem-type:bastion:database-unavailable',
      headers: { 'retry-after': '5' },
      unexpected: false,
    });
  });

  it('answers 503 when a transaction goes on after its connection died, not a 500', async () => {
    const error = await dataSource
      .transaction(async (manager) => {
        const [{ pid }] = (await manager.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
        // Ended from another connection, as a failover or a restart would; the pool sees the socket close.
        await dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await manager.query('SELECT 1');
      })
      .catch((e: unknown) => e);

    // TypeORM names it after whichever layer noticed: the entity manager's provider or the runner.
    expect(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']).toContain(
      (error as Error).name,
    );
    expect(mapToProblem(error)).toMatchObject({ status: 503, unexpected: false });
  });

  it('still answers a bad statement with an unexpected 500', async () => {
    const error = await dataSource.query('SELECT * FROM no_such_table').catch((e: unknown) => e);

    expect(mapToProblem(error)).toMatchObject({ status: 500, unexpected: true });
  });
});
