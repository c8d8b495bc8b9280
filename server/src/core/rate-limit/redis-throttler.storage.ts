import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

// Counts a hit and blocks past the limit in one atomic step, so instances sharing Redis agree on the total.
const INCREMENT_SCRIPT = `
local hitsKey, blockKey = KEYS[1], KEYS[2]
local ttl, limit, block = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blockTtl = redis.call('PTTL', blockKey)
if blockTtl > 0 then
  return {tonumber(redis.call('GET', hitsKey) or '0'), redis.call('PTTL', hitsKey), 1, blockTtl}
end
local hits = redis.call('INCR', hitsKey)
if hits == 1 then redis.call('PEXPIRE', hitsKey, ttl) end
local hitsTtl = redis.call('PTTL', hitsKey)
if hits > limit then
  redis.call('SET', blockKey, '1', 'PX', block)
  return {hits, hitsTtl, 1, block}
end
return {hits, hitsTtl, 0, 0}`;

const toSeconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));
const WARN_EVERY_MS = 30_000;

/**
 * Rate-limit counters in Redis, shared by every instance behind a load balancer. While Redis is
 * unreachable, each instance counts in its own memory instead (limits then hold per instance rather than
 * in total) and says so in the log, rather than failing every request or dropping the limits.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly local = new ThrottlerStorageService();
  private lastWarnedAt = -Infinity;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly prefix = 'rl:',
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    // A command issued while disconnected would wait for reconnection attempts; count locally at once.
    if (this.redis.status !== 'ready') {
      this.warn(`Redis connection is ${this.redis.status}`);
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    try {
      return await this.incrementShared(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      this.warn(error instanceof Error ? error.message : String(error));
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  private warn(reason: string): void {
    const now = Date.now();
    if (now - this.lastWarnedAt < WARN_EVERY_MS) return;
    this.lastWarnedAt = now;
    this.logger.warn(
      { reason },
      'rate-limit counters unavailable in Redis; counting per instance until it returns',
    );
  }

  private async incrementShared(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ) {
    const base = `${this.prefix}${throttlerName}:${key}`;
    const [totalHits, hitsTtl, blocked, blockTtl] = (await this.redis.eval(
      INCREMENT_SCRIPT,
      2,
      `${base}:hits`,
      `${base}:block`,
      ttl,
      limit,
      blockDuration,
    )) as [number, number, number, number];
    return {
      totalHits,
      timeToExpire: toSeconds(hitsTtl),
      isBlocked: blocked === 1,
      timeToBlockExpire: toSeconds(blockTtl),
    };
  }
}
