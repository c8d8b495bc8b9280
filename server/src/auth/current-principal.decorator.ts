import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthError, authProblem } from './auth.errors';
import type { Principal, UserPrincipal } from './principal';

/** The authenticated caller of a non-public route. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<FastifyRequest>().user;
    if (!principal) throw authProblem(AuthError.NotAuthenticated);
    return principal;
  },
);

/** The signed-in person of a session-only route. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UserPrincipal => {
    const principal = context.switchToHttp().getRequest<FastifyRequest>().user;
    if (principal?.kind !== 'user') throw authProblem(AuthError.SessionRequired);
    return principal;
  },
);
