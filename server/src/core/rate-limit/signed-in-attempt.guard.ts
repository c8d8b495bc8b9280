import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { RateLimitConfig } from '../config';
import { rateLimitKey, tooManyRequests } from './rate-limit.guard';

export const MINUTE_MS = 60_000;
export const SIGNED_IN_ATTEMPTS = 'sign-in-account';

interface AuthenticatedCaller {
  /** Present once the authentication guard has identified the caller (a person or an API token). */
  kind?: string;
  userId?: string;
}

/**
 * The per-account limit on password attempts for callers who are already signed in (changing the
 * password needs the current one). It runs as a route guard, after authentication, because the
 * account is known only then; sign-in itself is limited per email by the global rate-limit guard,
 * before any password is hashed. Counts live in the throttler's storage (Redis when configured).
 */
@Injectable()
export class SignedInAttemptGuard implements CanActivate {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly config: RateLimitConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const caller = context.switchToHttp().getRequest<{ user?: AuthenticatedCaller }>().user;
    if (!this.config.enabled || caller?.kind === undefined || caller.userId === undefined) return true;
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      rateLimitKey(SIGNED_IN_ATTEMPTS, caller.userId),
      MINUTE_MS,
      this.config.signInPerEmail,
      MINUTE_MS,
      SIGNED_IN_ATTEMPTS,
    );
    if (isBlocked) {
      throw tooManyRequests(context.switchToHttp().getResponse<FastifyReply>(), timeToBlockExpire);
    }
    return true;
  }
}
