import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthError, authProblem } from '../auth';
import { requestContextOf, RespondsWith } from '../core/http';
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
    @Req() request: FastifyRequest,
  ): Promise<MemberView> {
    return this.members.updateRole(ws, params.userId, body.role, requestContextOf(request));
  }

  @Delete('members/:userId')
  @RequirePermission('members:remove')
  @HttpCode(204)
  remove(
    @Param() params: MemberParams,
    @Workspace() ws: WorkspaceContext,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.members.remove(ws, params.userId, requestContextOf(request));
  }

  /** Leaves the workspace (the last owner cannot). */
  @Post('leave')
  @RequirePermission('workspace:read')
  @HttpCode(204)
  leave(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    if (ws.principal.kind !== 'user') throw authProblem(AuthError.SessionRequired);
    return this.members.remove(ws, ws.actorUserId, requestContextOf(request), 'member.left');
  }
}
