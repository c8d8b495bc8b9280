import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis, RedisOptions } from 'ioredis';
import { RedisConfig } from '../config';

/** The shared Redis connection, or null when REDIS_URL is unset and state stays in memory. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * Bounded waits: a command fails after two reconnection attempts or a second without an answer, so a
 * Redis that is down or hanging slows no request for long (callers fall back; see the rate limiter).
 */
export function redisOptions(config: Pick<RedisConfig, 'keyPrefix'>): RedisOptions {
  return { maxRetriesPerRequest: 2, commandTimeout: 1_000, keyPrefix: config.keyPrefix };
}

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [RedisConfig],
      useFactory: (config: RedisConfig) => (config.url ? new Redis(config.url, redisOptions(config)) : null),
    },
    RedisLifecycle,
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule {}
