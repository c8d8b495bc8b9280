import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { HttpConfig } from '../core/config';

/**
 * Decides whether a state-changing browser request comes from this application's own pages. Modern
 * browsers send Sec-Fetch-Site (only `same-origin` passes: `same-site` would trust sibling subdomains);
 * otherwise Origin must be this server's origin or an explicitly allowed one. A request with neither
 * is refused.
 */
@Injectable()
export class SameOriginPolicy {
  private readonly allowedOrigins: Set<string>;

  constructor(http: HttpConfig) {
    this.allowedOrigins = new Set(http.corsOrigins);
  }

  allows(request: FastifyRequest): boolean {
    const fetchSite = request.headers['sec-fetch-site'];
    if (typeof fetchSite === 'string') return fetchSite === 'same-origin';
    const origin = request.headers.origin;
    if (typeof origin !== 'string') return false;
    return origin === `${request.protocol}://${request.host}` || this.allowedOrigins.has(origin);
  }
}
