import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { requestContextOf } from '../../core/http';
import { SignInService } from '../sign-in.service';

/** Email and password sign-in; the body has already been validated by the login guard. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly signIn: SignInService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: FastifyRequest, email: string, password: string): Promise<{ userId: string }> {
    // Passport stores this as request.user for the sign-in route only; the session is created after it.
    return { userId: await this.signIn.verifyCredentials(email, password, requestContextOf(request)) };
  }
}
