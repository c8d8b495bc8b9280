import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CurrentUser, PlatformAdminOnly, SessionRequired, UserPrincipal } from '../auth';
import { Ctx, type RequestContext, RespondsWith } from '../core/http';
import type { Page } from '../core/pagination';
import { RequirePermission, Workspace, WorkspaceContext } from '../permissions';
import {
  CreateWorkspaceDto,
  DeleteWorkspaceDto,
  ListQuery,
  SlugParams,
  TransferOwnershipDto,
  UpdateWorkspaceDto,
  WorkspaceParams,
} from './dto/workspace.dto';
import { AdminWorkspaceView, WorkspacesService, WorkspaceView } from './workspaces.service';

@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  /** Creates a workspace; the creator becomes its owner. */
  @Post()
  @SessionRequired()
  @RespondsWith('Workspace')
  create(
    @CurrentUser() user: UserPrincipal,
    @Body() body: CreateWorkspaceDto,
    @Ctx() context: RequestContext,
  ): Promise<WorkspaceView> {
    return this.workspaces.create(user, body, context);
  }

  /** The workspaces I belong to, with my role in each. */
  @Get()
  @SessionRequired()
  @RespondsWith('WorkspacePage')
  listMine(@CurrentUser() user: UserPrincipal): Promise<Page<WorkspaceView>> {
    return this.workspaces.listMine(user.userId);
  }

  @Get('by-slug/:slug')
  @SessionRequired()
  @RespondsWith('Workspace')
  bySlug(@CurrentUser() user: UserPrincipal, @Param() params: SlugParams): Promise<WorkspaceView> {
    return this.workspaces.findBySlug(user.userId, params.slug);
  }

  @Get(':workspaceId')
  @RequirePermission('workspace:read')
  @RespondsWith('Workspace')
  get(@Param() _params: WorkspaceParams, @Workspace() ws: WorkspaceContext): Promise<WorkspaceView> {
    return this.workspaces.get(ws);
  }

  @Patch(':workspaceId')
  @RequirePermission('workspace:update')
  @RespondsWith('Workspace')
  update(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
    @Body() body: UpdateWorkspaceDto,
    @Ctx() context: RequestContext,
  ): Promise<WorkspaceView> {
    return this.workspaces.update(ws, body, context);
  }

  /** Deletes the workspace; send its slug as `confirmSlug`. */
  @Delete(':workspaceId')
  @RequirePermission('workspace:delete')
  @HttpCode(204)
  delete(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
    @Body() body: DeleteWorkspaceDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    return this.workspaces.delete(ws, body.confirmSlug, context);
  }

  /** Owners only: makes another member owner, and the caller an admin. */
  @Post(':workspaceId/transfer-ownership')
  @RequirePermission('workspace:delete')
  @HttpCode(204)
  transfer(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
    @Body() body: TransferOwnershipDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    return this.workspaces.transferOwnership(ws, body.userId, context);
  }
}

@Controller('admin/workspaces')
@PlatformAdminOnly()
export class AdminWorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get()
  @RespondsWith('AdminWorkspacePage')
  list(@Query() query: ListQuery): Promise<Page<AdminWorkspaceView>> {
    return this.workspaces.adminList(query);
  }
}
