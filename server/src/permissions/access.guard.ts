import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { ACCESS, AccessDeclaration, AuthError, authProblem, Principal } from '../auth';
import { AuditService } from '../audit';
import { ProblemException } from '../core/errors';
import { IS_PUBLIC, requestContextOf, routeMetadata } from '../core/http';
import { APP_LOGGER } from '../core/logging';
import { DenialAuditBudget } from './denial-audit-budget';
import { MembershipResolver } from './membership-resolver';
import type { PermissionKey } from './permission-catalogue';
import { REQUIRED_PERMISSION } from './require-permission.decorator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function workspaceNotFound(): ProblemException {
  return new ProblemException(404, { code: 'workspace-not-found', detail: 'No such workspace.' });
}

/**
 * Global authorisation, after authentication. Deny by default: a route must be @Public() or declare who
 * may use it. Workspace routes resolve the caller's membership; a non-member gets 404 (existence is not
 * revealed), a member without the permission 403 naming it. Denials are audited, within a budget per actor.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly memberships: MembershipResolver,
    private readonly audit: AuditService,
    private readonly denialBudget: DenialAuditBudget,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (routeMetadata<boolean>(context, IS_PUBLIC)) return true;
    const declaration = routeMetadata<AccessDeclaration>(context, ACCESS);
    const permission = routeMetadata<PermissionKey>(context, REQUIRED_PERMISSION);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = request.user;
    if (!principal) throw authProblem(AuthError.NotAuthenticated);

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

    const workspaceId = (request.params as { workspaceId?: string }).workspaceId;
    if (!workspaceId || !UUID.test(workspaceId)) throw workspaceNotFound();
    const workspace = await this.memberships.resolve(principal, workspaceId);
    if (!workspace) {
      // Not attached to the workspace: an outsider must not be able to write into its audit log.
      await this.deny(request, principal, null, 'not-a-member', undefined, workspaceId);
      throw workspaceNotFound();
    }
    if (!workspace.permissions.has(permission)) {
      await this.deny(request, principal, workspaceId, 'missing-permission', permission);
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
