import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IS_PUBLIC, routeMetadata } from '../core/http';
import { AUTHENTICATE_IF_PRESENT } from './access.decorators';
import { AuthError, authProblem } from './auth.errors';
import { SameOriginPolicy } from './same-origin';
import { safeEqual } from './secret-token';
import { SessionCookie } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const SessionAuthGuard = AuthGuard('session');
const BearerAuthGuard = AuthGuard('bearer');

/**
 * Global: every route not marked @Public() needs a caller. A bearer token or a session cookie decides
 * the strategy (both at once is refused). Cookie-authenticated unsafe requests must also pass the CSRF
 * defence: a same-origin request (Sec-Fetch-Site / Origin) carrying the session's X-CSRF-Token.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly sessionGuard = new SessionAuthGuard();
  private readonly bearerGuard = new BearerAuthGuard();

  constructor(
    private readonly cookie: SessionCookie,
    private readonly sameOrigin: SameOriginPolicy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const hasBearer = /^bearer\s/i.test(request.headers.authorization ?? '');
    const hasCookie = this.cookie.read(request) !== undefined;
    if (routeMetadata<boolean>(context, IS_PUBLIC)) {
      if (!hasCookie || !routeMetadata<boolean>(context, AUTHENTICATE_IF_PRESENT)) return true;
      const identified = await Promise.resolve(
        this.sessionGuard.canActivate(context) as Promise<boolean>,
      ).then(
        () => true,
        () => false,
      );
      if (identified) this.checkCsrf(request);
      return true;
    }
    if (hasBearer && hasCookie) throw authProblem(AuthError.AmbiguousCredentials);
    if (!hasBearer && !hasCookie) throw authProblem(AuthError.NotAuthenticated);

    await (hasBearer ? this.bearerGuard : this.sessionGuard).canActivate(context);
    this.checkCsrf(request);
    context.switchToHttp().getResponse<FastifyReply>().header('cache-control', 'no-store');
    return true;
  }

  private checkCsrf(request: FastifyRequest): void {
    const principal = request.user;
    if (principal?.kind !== 'user' || SAFE_METHODS.has(request.method)) return;
    if (!this.sameOrigin.allows(request)) throw authProblem(AuthError.CrossSiteRequest);
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, principal.csrfToken))
      throw authProblem(AuthError.CsrfTokenInvalid);
  }
}
