import { ExecutionContext, Injectable } from '@nestjs/common';
import { normalizeIp, ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { THROTTLER_SKIP } from '@nestjs/throttler/dist/throttler.constants';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { ProblemException } from '../errors/problem';
import { routeMetadata } from '../http/route-metadata';

/**
 * One IPv6 subscriber usually holds a whole /64 (and can pick any address in it), so an IPv6 client is
 * its /64; an IPv4-mapped IPv6 address counts as the IPv4 address it is.
 */
export const IPV6_CLIENT_PREFIX = 64;

export function clientOf(ip: string | undefined): string {
  return normalizeIp(ip ?? '', IPV6_CLIENT_PREFIX);
}

/**
 * The storage key of one limit for one client. Unlike the base guard's, it leaves the route out: each
 * limit counts a client's requests over every route it applies to, so spreading requests over many
 * routes buys nothing. The digest keeps keys short whatever the tracker (an email address) is.
 */
export function rateLimitKey(throttlerName: string, tracker: string): string {
  return createHash('sha256').update(`${throttlerName}\n${tracker}`).digest('base64url');
}

/** The 429 problem every limit answers with, and its standard Retry-After header. */
export function tooManyRequests(reply: FastifyReply, secondsToWait: number): ProblemException {
  const retryAfter = String(Math.max(1, secondsToWait));
  reply.header('retry-after', retryAfter);
  return new ProblemException(429, {
    code: 'rate-limited',
    title: 'Too many requests',
    detail: `Too many requests. Retry in ${retryAfter} s.`,
  });
}

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

  protected override async getTracker(request: { ip?: string }): Promise<string> {
    return clientOf(request.ip);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return rateLimitKey(throttlerName, tracker);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw tooManyRequests(context.switchToHttp().getResponse<FastifyReply>(), detail.timeToBlockExpire);
  }
}
