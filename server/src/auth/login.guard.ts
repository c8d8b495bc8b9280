import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { createValidationPipe } from '../core/validation/validation.pipe';
import { AuthError, authProblem } from './auth.errors';
import { LoginDto } from './dto/login.dto';
import { SameOriginPolicy } from './same-origin';

const LocalAuthGuard = AuthGuard('local');

/**
 * Sign-in: the body is validated first (a malformed request is a 400 naming the field, not a failed
 * sign-in), a cross-site form cannot sign anyone in (login CSRF), then the local strategy checks it.
 */
@Injectable()
export class LoginGuard implements CanActivate {
  private readonly local = new LocalAuthGuard();
  private readonly validation = createValidationPipe();

  constructor(private readonly sameOrigin: SameOriginPolicy) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    request.body = await this.validation.transform(request.body, { type: 'body', metatype: LoginDto });
    if (!this.sameOrigin.allows(request)) throw authProblem(AuthError.CrossSiteRequest);
    return (await this.local.canActivate(context)) as boolean;
  }
}

/** The user id the local strategy verified, on the sign-in route only. */
export const VerifiedUserId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const verified = (context.switchToHttp().getRequest<{ user?: unknown }>().user ?? {}) as {
    userId?: unknown;
  };
  if (typeof verified.userId !== 'string') throw authProblem(AuthError.InvalidCredentials);
  return verified.userId;
});
