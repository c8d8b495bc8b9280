import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { Redis } from 'ioredis';
import { RequiredTool } from './required-tool';

/** What `requireTool` says when a suite finds no Redis. */
export const REDIS_TOOL: Omit<RequiredTool, 'neededFor'> = {
  name: 'Redis',
  install: 'apt-get install redis-server (the suite then starts its own), or set REDIS_URL to a running one',
};

/** A Redis that already answers, or the redis-server executable to start one with. */
export type RedisSource = { url: string } | { executable: string };

export interface TestRedis {
  url: string;
  /** Deletes the suite's keys from a Redis it shares, or stops the one started for it. */
  release(): Promise<void>;
}

const DEFAULT_URL = 'redis://127.0.0.1:6379';
const CONNECT_TIMEOUT_MS = 1_000;
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

// Run in a child process so that `findRedis` stays synchronous: a test file decides while it loads
// whether its suite can run, and Jest only skips suites declared that way.
const PING_SCRIPT = `
const { Redis } = require(process.argv[1]);
const redis = new Redis(process.argv[2], {
  lazyConnect: true, connectTimeout: ${CONNECT_TIMEOUT_MS}, maxRetriesPerRequest: 0, retryStrategy: () => null,
});
redis.on('error', () => {});
redis.connect().then(() => redis.ping()).then((pong) => process.exit(pong === 'PONG' ? 0 : 1), () => process.exit(1));
`;

function answersNow(url: string): boolean {
  const probe = spawnSync(process.execPath, ['-e', PING_SCRIPT, require.resolve('ioredis'), url], {
    stdio: 'ignore',
    timeout: CONNECT_TIMEOUT_MS * 3,
  });
  return probe.status === 0;
}

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * The Redis a suite can use: the one at REDIS_URL (127.0.0.1:6379 when unset) if it answers, else
 * redis-server from PATH to start one, else null (pass `source !== null` to `requireTool`).
 */
export function findRedis(): RedisSource | null {
  const url = process.env.REDIS_URL || DEFAULT_URL;
  if (answersNow(url)) return { url };
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? { executable: found.stdout.trim() } : null;
}

/** Gets the Redis `findRedis` chose ready for a suite whose keys all start with `keyPrefix`. */
export async function useRedis(source: RedisSource | null, keyPrefix: string): Promise<TestRedis> {
  if (source === null) throw new Error('No Redis: declare the suite with requireTool(REDIS_TOOL, ...).');
  if ('url' in source) return { url: source.url, release: () => deleteKeys(source.url, keyPrefix) };
  return startRedisServer(source.executable);
}

async function deleteKeys(url: string, keyPrefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A throwaway redis-server on a free local port, keeping nothing on disk. */
async function startRedisServer(executable: string): Promise<TestRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const child = spawn(
    executable,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await answers(url))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await stop(child);
      throw new Error(`${executable} did not answer on ${url} within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Should the test process end without reaching `release` (a crash, a forced exit), the server goes too.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    url,
    release: async () => {
      process.removeListener('exit', killOnExit);
      await stop(child);
    },
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killLater = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(killLater);
}
