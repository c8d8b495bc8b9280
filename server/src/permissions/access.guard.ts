import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import passport from 'passport';
import type { Logger } from 'pino';
import {
  ACCESS,
  AccessDeclaration,
  AUTHENTICATE_IF_PRESENT,
  AuthError,
  authProblem,
  CsrfDefence,
  Principal,
  SessionCookie,
} from '../auth';
import { AuditService } from '../audit';
import { ProblemException } from '../core/errors';
import { IS_PUBLIC, requestContextOf, routeMetadata } from '../core/http';
import { APP_LOGGER } from '../core/logging';
import { DenialAuditBudget } from './denial-audit-budget';
import type { Membership } from './membership-resolver';
import { MembershipResolver } from './membership-resolver';
import type { PermissionKey } from './permission-catalogue';
import { REQUIRED_PERMISSION } from './require-permission.decorator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

declare module 'fastify' {
  interface FastifyRequest {
    /** The workspace whose membership the authentication step reads with the caller, and what it found. */
    accessLookup?: { workspaceId: string | null; membership?: Membership | null };
  }
}

export function workspaceNotFound(): ProblemException {
  return new ProblemException(404, { code: 'workspace-not-found', detail: 'No such workspace.' });
}

/** Runs one passport strategy on the request; its principal, or the strategy's own refusal. */
function authenticateWith(
  strategy: 'session' | 'bearer',
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Principal> {
  return new Promise((resolve, reject) => {
    passport.authenticate(strategy, { session: false }, (error: unknown, principal: Principal | false) => {
      if (error) reject(error);
      else if (!principal) reject(authProblem(AuthError.NotAuthenticated));
      else resolve(principal);
    })(request, reply, (error: unknown) => reject(error ?? authProblem(AuthError.NotAuthenticated)));
  });
}

/**
 * The one access path, deny by default. A route is @Public() or declares who may use it. The caller is
 * authenticated by a passport strategy (session cookie or bearer token; both at once is refused), which
 * reads their membership in the addressed workspace in the same statement; cookie requests then pass
 * the CSRF defence. A non-member gets 404 (existence is not revealed), a member without the permission
 * 403 naming it. Denials are audited, within a budget per actor.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly memberships: MembershipResolver,
    private readonly cookie: SessionCookie,
    private readonly csrf: CsrfDefence,
    private readonly audit: AuditService,
    private readonly denialBudget: DenialAuditBudget,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const hasBearer = /^bearer\s/i.test(request.headers.authorization ?? '');
    const hasCookie = this.cookie.read(request) !== undefined;

    if (routeMetadata<boolean>(context, IS_PUBLIC)) {
      // A public route may still want to know a signed-in caller; an invalid cookie counts as anonymous.
      if (hasCookie && routeMetadata<boolean>(context, AUTHENTICATE_IF_PRESENT)) {
        const principal = await authenticateWith('session', request, reply).catch(() => undefined);
        if (principal) {
          request.user = principal;
          this.csrf.check(request);
        }
      }
      return true;
    }

    const declaration = routeMetadata<AccessDeclaration>(context, ACCESS);
    const permission = routeMetadata<PermissionKey>(context, REQUIRED_PERMISSION);
    const workspaceId = permission ? (request.params as { workspaceId?: string }).workspaceId : undefined;
    const addressed = workspaceId && UUID.test(workspaceId) ? workspaceId : null;

    if (hasBearer && hasCookie) throw authProblem(AuthError.AmbiguousCredentials);
    if (!hasBearer && !hasCookie) throw authProblem(AuthError.NotAuthenticated);
    request.accessLookup = { workspaceId: addressed };
    const principal = await authenticateWith(hasBearer ? 'bearer' : 'session', request, reply);
    request.user = principal;
    this.csrf.check(request);
    reply.header('cache-control', 'no-store');

    if (!declaration && !permission) {
      this.logger.error({ route: request.routeOptions.url }, 'route declares no access rule; refusing');
      throw authProblem(AuthError.AccessNotDeclared);
    }
    if (declaration === 'session' && principal.kind !== 'user') {
      await this.deny(request, principal, null, 'session-required');
      throw authProblem(AuthError.SessionRequired);
    }
    if (declaration === 'platform-admin' && !(principal.kind === 'user' && principal.isPlatformAdmin)) {
      await this.deny(request, principal, null, 'platform-admin-required');
      throw authProblem(AuthError.PlatformAdminRequired);
    }
    if (!permission) return true;

    if (!addressed) throw workspaceNotFound();
    const workspace = this.memberships.context(principal, addressed, request.accessLookup.membership ?? null);
    if (!workspace) {
      // Not attached to the workspace: an outsider must not be able to write into its audit log.
      await this.deny(request, principal, null, 'not-a-member', undefined, addressed);
      throw workspaceNotFound();
    }
    if (!workspace.permissions.has(permission)) {
      await this.deny(request, principal, addressed, 'missing-permission', permission);
      throw new ProblemException(403, {
        code: 'permission-denied',
        title: 'Permission denied',
        detail: `Your role (${workspace.role.name}) does not include the ${permission} permission.`,
        extensions: { missingPermission: permission },
      });
    }
    request.workspaceContext = workspace;
    return true;
  }

  private async deny(
    request: FastifyRequest,
    principal: Principal,
    workspaceId: string | null,
    reason: string,
    permission?: PermissionKey,
    requestedWorkspaceId?: string,
  ): Promise<void> {
    const actorId = principal.kind === 'token' ? principal.tokenId : principal.userId;
    const { record, suppressedBefore } = this.denialBudget.take(actorId);
    if (!record) return;
    await this.audit.record({
      action: 'access.denied',
      actor: { id: actorId, kind: principal.kind },
      workspaceId,
      metadata: {
        reason,
        route: request.routeOptions.url,
        method: request.method,
        ...(permission ? { permission } : {}),
        ...(requestedWorkspaceId ? { requestedWorkspaceId } : {}),
        ...(suppressedBefore > 0 ? { suppressedBefore } : {}),
      },
      context: requestContextOf(request),
    });
  }
}
