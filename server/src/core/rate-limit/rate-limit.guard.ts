import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '../errors/problem';

/** The throttler, answering 429 problem+json with a standard Retry-After header whichever limit was hit. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = String(Math.max(1, detail.timeToBlockExpire));
    context.switchToHttp().getResponse<FastifyReply>().header('retry-after', retryAfter);
    throw new ProblemException(429, {
      code: 'rate-limited',
      title: 'Too many requests',
      detail: `Too many requests. Retry in ${retryAfter} s.`,
    });
  }
}
