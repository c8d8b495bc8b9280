import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthError, authProblem } from './auth.errors';
import { SameOriginPolicy } from './same-origin';
import { safeEqual } from './secret-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated unsafe requests must be same-origin (Sec-Fetch-Site / Origin) and carry the
 * session's X-CSRF-Token. Bearer requests cannot be forged by a browser and are exempt.
 */
@Injectable()
export class CsrfDefence {
  constructor(private readonly sameOrigin: SameOriginPolicy) {}

  check(request: FastifyRequest): void {
    const principal = request.user;
    if (principal?.kind !== 'user' || SAFE_METHODS.has(request.method)) return;
    if (!this.sameOrigin.allows(request)) throw authProblem(AuthError.CrossSiteRequest);
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, principal.csrfToken))
      throw authProblem(AuthError.CsrfTokenInvalid);
  }
}
