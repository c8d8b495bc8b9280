import { RespondsWith } from '../core/http';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { ProblemException } from '../core/errors';
import { MembershipResolver } from './membership-resolver';
import { isPermissionKey, PERMISSION_KEYS, PermissionKey } from './permission-catalogue';
import { RequirePermission } from './require-permission.decorator';
import { Workspace, WorkspaceContext } from './workspace-context';

class WorkspaceParams {
  @IsUUID('all')
  workspaceId: string;
}

class ExplainQuery {
  @IsUUID('all')
  userId: string;

  @IsString()
  @MaxLength(100)
  permission: string;
}

export interface MyAccessView {
  workspaceId: string;
  role: { id: string; key: string; name: string; isSystem: boolean };
  permissions: PermissionKey[];
  /** How the caller is authenticated: a person's session, or an API token. */
  via: 'user' | 'token';
}

export interface ExplanationStep {
  step: 'membership' | 'role' | 'permission';
  passed: boolean;
  detail: string;
}

export interface ExplanationView {
  allowed: boolean;
  userId: string;
  permission: PermissionKey;
  chain: ExplanationStep[];
}

@Controller('workspaces/:workspaceId')
export class WorkspaceAccessController {
  constructor(private readonly memberships: MembershipResolver) {}

  /** My role and effective permissions here; clients build their menus from it. */
  @Get('me')
  @RequirePermission('workspace:read')
  @RespondsWith('MyAccess')
  me(@Param() _params: WorkspaceParams, @Workspace() ws: WorkspaceContext): MyAccessView {
    return {
      workspaceId: ws.workspaceId,
      role: ws.role,
      permissions: PERMISSION_KEYS.filter((p) => ws.permissions.has(p)),
      via: ws.principal.kind,
    };
  }

  /** Whether a member may do something, and why: membership → role → permission. */
  @Get('permissions/explain')
  @RequirePermission('members:read')
  @RespondsWith('Explanation')
  async explain(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
    @Query() query: ExplainQuery,
  ): Promise<ExplanationView> {
    if (!isPermissionKey(query.permission)) {
      throw new ProblemException(400, {
        code: 'unknown-permission',
        detail: `${query.permission} is not a permission.`,
        errors: [{ field: 'permission', message: 'is not in the permission catalogue' }],
      });
    }
    const permission = query.permission;
    const membership = await this.memberships.roleOf(ws.workspaceId, query.userId);
    if (!membership) {
      return {
        allowed: false,
        userId: query.userId,
        permission,
        chain: [{ step: 'membership', passed: false, detail: 'Not a member of this workspace.' }],
      };
    }
    const { role } = membership;
    const allowed = membership.permissions.has(permission);
    return {
      allowed,
      userId: query.userId,
      permission,
      chain: [
        { step: 'membership', passed: true, detail: 'Member of this workspace.' },
        {
          step: 'role',
          passed: true,
          detail: `Has the ${role.name} role (${role.isSystem ? 'system' : 'custom'} role "${role.key}").`,
        },
        {
          step: 'permission',
          passed: allowed,
          detail: allowed
            ? `${role.name} includes ${permission}.`
            : `${role.name} does not include ${permission}.`,
        },
      ],
    };
  }
}
