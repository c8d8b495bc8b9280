import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { createSeededDatabase } from './support/seeded-database';
import { startTestApp, TestApp } from './support/test-app';

const SCRIPT = resolve(__dirname, '../scripts/smoke.mjs');

describe('Deployment smoke test script', () => {
  let db: Awaited<ReturnType<typeof createSeededDatabase>>;
  let server: TestApp;

  beforeAll(async () => {
    db = await createSeededDatabase();
    server = await startTestApp({ databaseUrl: db.url });
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  // Asynchronous on purpose: the server under test runs in this process and must keep answering.
  const run = (password: string) =>
    new Promise<{ stdout: string; status: number | null }>((done) => {
      execFile(
        process.execPath,
        [SCRIPT, '--url', server.url, '--email', 'admin@example.com'],
        { env: { ...process.env, SMOKE_PASSWORD: password }, encoding: 'utf8' },
        (error, stdout) =>
          done({ stdout, status: error ? (typeof error.code === 'number' ? error.code : 1) : 0 }),
      );
    });

  it('passes against a healthy deployment: probes, sign-in, members', async () => {
    const result = await run('bastion-demo-password');
    expect(result.stdout).toMatch(/PASS {2}list members of acme/);
    expect(result.stdout).toContain('smoke test passed');
    expect(result.status).toBe(0);
  });

  it('fails, and says where, when sign-in does not work', async () => {
    const result = await run('not the password');
    expect(result.stdout).toMatch(/FAIL {2}sign in as admin@example.com/);
    expect(result.status).toBe(1);
  });
});
