import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth';
import type { PermissionKey } from './permission-catalogue';

/** The caller's standing in the workspace a request addresses, resolved by the access guard. */
export interface WorkspaceContext {
  workspaceId: string;
  principal: Principal;
  /** The person acting: the signed-in user, or the creator of the API token. */
  actorUserId: string;
  role: { id: string; key: string; name: string; isSystem: boolean };
  permissions: ReadonlySet<PermissionKey>;
}

declare module 'fastify' {
  interface FastifyRequest {
    workspaceContext?: WorkspaceContext;
  }
}

export const Workspace = createParamDecorator(
  (_data: unknown, context: ExecutionContext): WorkspaceContext => {
    const workspace = context.switchToHttp().getRequest<FastifyRequest>().workspaceContext;
    if (!workspace) throw new Error('@Workspace() used on a route without @RequirePermission()');
    return workspace;
  },
);
