import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { ApiTokenService, ApiTokenView } from '../auth';
import { Clock } from '../core/clock';
import { Ctx, type RequestContext, RespondsWith } from '../core/http';
import { isPermissionKey, RequirePermission, Workspace, WorkspaceContext } from '../permissions';
import { actorOf } from './actor';
import { CreateApiTokenDto, TokenParams, WorkspaceParams } from './dto/workspace.dto';
import { permissionSet } from './roles.service';
import { WorkspaceRules } from './workspace-rules';
import { WorkspaceError, workspaceProblem } from './workspaces.errors';

@Controller('workspaces/:workspaceId/api-tokens')
export class ApiTokensController {
  constructor(
    private readonly tokens: ApiTokenService,
    private readonly rules: WorkspaceRules,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RequirePermission('api-tokens:manage')
  @RespondsWith('ApiTokenList')
  async list(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
  ): Promise<{ items: ApiTokenView[]; nextCursor: null }> {
    return { items: await this.tokens.list(ws.workspaceId), nextCursor: null };
  }

  /**
   * Creates a token holding a subset of your own permissions (never more, now or later: its creator's
   * current role caps it on every request). The full token is in this answer only.
   */
  @Post()
  @RequirePermission('api-tokens:manage')
  @RespondsWith('CreatedApiToken')
  async create(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
    @Body() body: CreateApiTokenDto,
    @Ctx() context: RequestContext,
  ): Promise<{ token: string; apiToken: ApiTokenView }> {
    if (ws.principal.kind !== 'user') throw workspaceProblem(WorkspaceError.SessionRequiredForTokens);
    const permissions = permissionSet(body.permissions, []);
    const expiresAt = body.expiresInDays
      ? new Date(this.clock.now().getTime() + body.expiresInDays * 86_400_000)
      : null;
    return this.dataSource.transaction(async (manager) => {
      await this.rules.lockWorkspace(manager, ws.workspaceId);
      const actor = await this.rules.actorStanding(manager, ws.workspaceId, ws.principal);
      this.rules.assertCanGrant(actor, permissions, 'permissions');
      const created = await this.tokens.create(
        { workspaceId: ws.workspaceId, createdBy: ws.actorUserId, name: body.name, permissions, expiresAt },
        manager,
      );
      await this.audit.record(
        {
          action: 'api_token.created',
          actor: actorOf(ws),
          workspaceId: ws.workspaceId,
          target: { type: 'api_token', id: created.view.id },
          metadata: { name: body.name, prefix: created.view.prefix, permissions },
          context: context,
        },
        manager,
      );
      return { token: created.token, apiToken: created.view };
    });
  }

  /** Revokes a token; it stops working on its very next request. */
  @Delete(':tokenId')
  @RequirePermission('api-tokens:manage')
  @HttpCode(204)
  async revoke(
    @Param() params: TokenParams,
    @Workspace() ws: WorkspaceContext,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.rules.lockWorkspace(manager, ws.workspaceId);
      const token = await this.tokens.findActive(ws.workspaceId, params.tokenId, manager);
      if (!token) throw workspaceProblem(WorkspaceError.TokenNotFound);
      if (token.createdBy !== ws.actorUserId) {
        // Someone else's token is their grant: revoking it is acting on their rank.
        const actor = await this.rules.actorStanding(manager, ws.workspaceId, ws.principal);
        const creatorRole = await this.rules.roleOfMember(manager, ws.workspaceId, token.createdBy);
        if (creatorRole) this.rules.assertOutranks(actor, creatorRole);
        else this.rules.assertCanGrant(actor, token.permissions.filter(isPermissionKey), 'tokenId');
      }
      await this.tokens.revoke(ws.workspaceId, params.tokenId, manager);
      await this.audit.record(
        {
          action: 'api_token.revoked',
          actor: actorOf(ws),
          workspaceId: ws.workspaceId,
          target: { type: 'api_token', id: params.tokenId },
          context: context,
        },
        manager,
      );
    });
  }
}
