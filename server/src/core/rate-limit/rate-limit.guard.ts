import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { THROTTLER_SKIP } from '@nestjs/throttler/dist/throttler.constants';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '../errors/problem';
import { routeMetadata } from '../http/route-metadata';

/** The throttler, answering 429 problem+json with a standard Retry-After header whichever limit was hit. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /**
   * Decides in one cached look-up what the base guard would find after reading five kinds of metadata
   * per named limit: a route that opts out of every limit (the probes) is never counted.
   */
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return this.throttlers.every(
      ({ name }) => routeMetadata<boolean>(context, `${THROTTLER_SKIP}${name}`) === true,
    );
  }

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
