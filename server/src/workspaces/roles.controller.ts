import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { Ctx, type RequestContext, RespondsWith } from '../core/http';
import { RequirePermission, Workspace, WorkspaceContext } from '../permissions';
import {
  CreateRoleDto,
  DeleteRoleQuery,
  RoleParams,
  UpdateRoleDto,
  WorkspaceParams,
} from './dto/workspace.dto';
import { RolesService, RoleView } from './roles.service';

@Controller('workspaces/:workspaceId/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  /** System roles first, then this workspace's custom roles, with member counts. */
  @Get()
  @RequirePermission('roles:read')
  @RespondsWith('RoleList')
  list(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
  ): Promise<{ items: RoleView[]; nextCursor: null }> {
    return this.roles.list(ws.workspaceId);
  }

  @Get(':roleId')
  @RequirePermission('roles:read')
  @RespondsWith('Role')
  get(@Param() params: RoleParams, @Workspace() ws: WorkspaceContext): Promise<RoleView> {
    return this.roles.get(ws.workspaceId, params.roleId);
  }

  /** A custom role; its key is derived from the name and unique in the workspace. */
  @Post()
  @RequirePermission('roles:manage')
  @RespondsWith('Role')
  create(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
    @Body() body: CreateRoleDto,
    @Ctx() context: RequestContext,
  ): Promise<RoleView> {
    return this.roles.create(ws, body, context);
  }

  @Patch(':roleId')
  @RequirePermission('roles:manage')
  @RespondsWith('Role')
  update(
    @Param() params: RoleParams,
    @Workspace() ws: WorkspaceContext,
    @Body() body: UpdateRoleDto,
    @Ctx() context: RequestContext,
  ): Promise<RoleView> {
    return this.roles.update(ws, params.roleId, body, context);
  }

  /** Deletes a custom role; when it is in use, `replacement` names the role its holders move to. */
  @Delete(':roleId')
  @RequirePermission('roles:manage')
  @HttpCode(204)
  delete(
    @Param() params: RoleParams,
    @Workspace() ws: WorkspaceContext,
    @Query() query: DeleteRoleQuery,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    return this.roles.delete(ws, params.roleId, query.replacement, context);
  }
}
