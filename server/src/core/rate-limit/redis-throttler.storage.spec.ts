import { Redis } from 'ioredis';
import { AddressInfo, createServer, Server } from 'node:net';
import { redisOptions } from '../redis/redis.module';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const MINUTE = 60_000;

function recordingLogger() {
  const warnings: unknown[][] = [];
  return { warnings, warn: (...args: unknown[]) => void warnings.push(args) };
}

/** Counts `times` hits of one key and returns the last answer. */
async function hit(storage: RedisThrottlerStorage, times: number, limit: number) {
  let last;
  for (let i = 0; i < times; i++) last = await storage.increment('ip:1', MINUTE, limit, MINUTE, 'default');
  return last!;
}

describe('RedisThrottlerStorage when Redis is not there', () => {
  it('counts in memory while the connection is down, so limits still hold, and warns once', async () => {
    const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, retryStrategy: () => null });
    const logger = recordingLogger();
    const storage = new RedisThrottlerStorage(redis, logger);

    const allowed = await hit(storage, 3, 3);
    const refused = await hit(storage, 1, 3);

    expect(allowed).toMatchObject({ totalHits: 3, isBlocked: false });
    expect(refused).toMatchObject({ totalHits: 4, isBlocked: true });
    expect(refused.timeToBlockExpire).toBeGreaterThan(0);
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0][1]).toMatch(/counting per instance/);
    redis.disconnect();
  });

  describe.each([
    ['hangs up in the middle of a command', 'hang-up'],
    ['stops answering', 'silent'],
  ])('with a Redis that %s', (_label, behaviour) => {
    let server: Server;
    let redis: Redis;

    beforeAll(async () => {
      // Answers the client's handshake (CLIENT SETINFO) like Redis, then misbehaves on the first real command.
      server = createServer((socket) =>
        socket.on('data', (chunk) => {
          if (/client/i.test(chunk.toString())) socket.write('+OK\r\n');
          else if (behaviour === 'hang-up') socket.destroy();
        }),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      redis = new Redis({
        ...redisOptions({ keyPrefix: 'test:' }),
        host: '127.0.0.1',
        port,
        enableReadyCheck: false,
      });
      await new Promise((resolve) => redis.once('ready', resolve));
    });

    afterAll(async () => {
      redis.disconnect();
      await new Promise((resolve) => server.close(resolve));
    });

    it('falls back to counting in memory instead of failing or holding the request', async () => {
      const logger = recordingLogger();
      const storage = new RedisThrottlerStorage(redis, logger);

      const answer = await storage.increment('ip:2', MINUTE, 5, MINUTE, 'default');

      expect(answer).toMatchObject({ totalHits: 1, isBlocked: false });
      expect(logger.warnings).toHaveLength(1);
    });
  });
});
