import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { AuthError, authProblem } from '../auth';
import { Ctx, type RequestContext, RespondsWith } from '../core/http';
import type { Page } from '../core/pagination';
import { RequirePermission, Workspace, WorkspaceContext } from '../permissions';
import { ListQuery, MemberParams, UpdateMemberRoleDto, WorkspaceParams } from './dto/workspace.dto';
import { MembersService, MemberView } from './members.service';

@Controller('workspaces/:workspaceId')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  /** Members, ordered by email; `search` matches email or name. */
  @Get('members')
  @RequirePermission('members:read')
  @RespondsWith('MemberPage')
  list(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
    @Query() query: ListQuery,
  ): Promise<Page<MemberView>> {
    return this.members.list(ws.workspaceId, query);
  }

  @Get('members/:userId')
  @RequirePermission('members:read')
  @RespondsWith('Member')
  get(@Param() params: MemberParams, @Workspace() ws: WorkspaceContext): Promise<MemberView> {
    return this.members.get(ws.workspaceId, params.userId);
  }

  @Patch('members/:userId')
  @RequirePermission('members:update-role')
  @RespondsWith('Member')
  updateRole(
    @Param() params: MemberParams,
    @Workspace() ws: WorkspaceContext,
    @Body() body: UpdateMemberRoleDto,
    @Ctx() context: RequestContext,
  ): Promise<MemberView> {
    return this.members.updateRole(ws, params.userId, body.role, context);
  }

  @Delete('members/:userId')
  @RequirePermission('members:remove')
  @HttpCode(204)
  remove(
    @Param() params: MemberParams,
    @Workspace() ws: WorkspaceContext,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    return this.members.remove(ws, params.userId, context);
  }

  /** Leaves the workspace (the last owner cannot). */
  @Post('leave')
  @RequirePermission('workspace:read')
  @HttpCode(204)
  leave(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    if (ws.principal.kind !== 'user') throw authProblem(AuthError.SessionRequired);
    return this.members.remove(ws, ws.actorUserId, context, 'member.left');
  }
}
