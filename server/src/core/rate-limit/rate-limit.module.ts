import { ExecutionContext, Module } from '@nestjs/common';
import { ThrottlerModule, ThrottlerStorageService } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimitConfig } from '../config';
import { APP_LOGGER } from '../logging';
import { REDIS_CLIENT } from '../redis/redis.module';
import { PasswordHashingLimits } from './password-hashing';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { SIGN_IN_RATE_LIMIT } from './sign-in-rate-limit.decorator';
import { MINUTE_MS } from './signed-in-attempt.guard';

function isSignInRoute(context: ExecutionContext): boolean {
  return Reflect.getMetadata(SIGN_IN_RATE_LIMIT, context.getHandler()) === true;
}

function emailOf(request: { body?: unknown }): string {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/**
 * Named limits, each counted per client over every route it applies to: `default` on the whole API per
 * client address, and two strict ones on routes that check a password (per address, and per email
 * address whatever its case; a signed-in caller's account is limited by SignedInAttemptGuard).
 * Counters live in Redis when REDIS_URL is set. The module also applies the password-hashing bulkhead's
 * limits, the other bound on what untrusted callers can make the server do.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [RateLimitConfig, REDIS_CLIENT, APP_LOGGER],
      useFactory: (config: RateLimitConfig, redis: Redis | null, logger: Logger) => ({
        setHeaders: false,
        skipIf: () => !config.enabled,
        storage: redis ? new RedisThrottlerStorage(redis, logger) : new ThrottlerStorageService(),
        throttlers: [
          { name: 'default', ttl: MINUTE_MS, limit: config.perMinute },
          {
            name: 'sign-in-ip',
            ttl: MINUTE_MS,
            limit: config.signInPerIp,
            // A throttler's own skipIf replaces the global one, so it repeats the on/off switch.
            skipIf: (context) => !config.enabled || !isSignInRoute(context),
          },
          {
            name: 'sign-in-email',
            ttl: MINUTE_MS,
            limit: config.signInPerEmail,
            skipIf: (context) =>
              !config.enabled ||
              !isSignInRoute(context) ||
              emailOf(context.switchToHttp().getRequest()) === '',
            getTracker: (request) => emailOf(request),
          },
        ],
      }),
    }),
  ],
  providers: [RateLimitGuard, PasswordHashingLimits],
  exports: [RateLimitGuard],
})
export class RateLimitModule {}
