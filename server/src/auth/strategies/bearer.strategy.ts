import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { ApiTokenService } from '../api-token.service';
import { AuthError, authProblem } from '../auth.errors';
import type { TokenPrincipal } from '../principal';

/** Authenticates scripts by `Authorization: Bearer <prefix>_<secret>`; revocation takes effect at once. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly tokens: ApiTokenService) {
    super();
  }

  async validate(token: string): Promise<TokenPrincipal> {
    const principal = await this.tokens.authenticate(token);
    if (!principal) throw authProblem(AuthError.NotAuthenticated);
    return principal;
  }
}
