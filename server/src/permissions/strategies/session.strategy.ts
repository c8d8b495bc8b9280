import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AuthError, authProblem, SessionCookie, UserPrincipal } from '../../auth';
import { MembershipResolver } from '../membership-resolver';

/**
 * Authenticates a browser by its session cookie, reading its membership in the addressed workspace in
 * the same statement; revoked, expired or tampered cookies get 401.
 */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'session') {
  constructor(
    private readonly memberships: MembershipResolver,
    private readonly cookie: SessionCookie,
  ) {
    super();
  }

  async validate(request: FastifyRequest): Promise<UserPrincipal> {
    const token = this.cookie.read(request);
    const lookup = request.accessLookup;
    const caller = token ? await this.memberships.bySessionToken(token, lookup?.workspaceId ?? null) : null;
    if (!caller) throw authProblem(AuthError.NotAuthenticated);
    if (lookup) lookup.membership = caller.membership;
    return caller.principal;
  }
}
