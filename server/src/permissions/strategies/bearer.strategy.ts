import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-http-bearer';
import { AuthError, authProblem, TokenPrincipal } from '../../auth';
import { MembershipResolver } from '../membership-resolver';

/**
 * Authenticates scripts by `Authorization: Bearer <prefix>_<secret>`, reading its creator's membership in
 * the same statement; revocation takes effect at once.
 */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly memberships: MembershipResolver) {
    super({ passReqToCallback: true });
  }

  async validate(request: FastifyRequest, token: string): Promise<TokenPrincipal> {
    const lookup = request.accessLookup;
    const caller = await this.memberships.byApiToken(token, lookup?.workspaceId ?? null);
    if (!caller) throw authProblem(AuthError.NotAuthenticated);
    if (lookup) lookup.membership = caller.membership;
    return caller.principal;
  }
}
