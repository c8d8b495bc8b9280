import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AuthError, authProblem } from '../auth.errors';
import type { UserPrincipal } from '../principal';
import { SessionCookie } from '../session-cookie';
import { SessionService } from '../session.service';

/** Authenticates a browser by its session cookie; revoked, expired or tampered cookies get 401. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'session') {
  constructor(
    private readonly sessions: SessionService,
    private readonly cookie: SessionCookie,
  ) {
    super();
  }

  async validate(request: FastifyRequest): Promise<UserPrincipal> {
    const token = this.cookie.read(request);
    const principal = token ? await this.sessions.authenticate(token) : null;
    if (!principal) throw authProblem(AuthError.NotAuthenticated);
    return principal;
  }
}
