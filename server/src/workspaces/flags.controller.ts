import { Body, Controller, Delete, Get, HttpCode, Param, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit';
import { FlagsService, FlagView } from '../core/flags/flags.service';
import { requestContextOf, RespondsWith } from '../core/http';
import { RequirePermission, Workspace, WorkspaceContext } from '../permissions';
import { actorOf } from './actor';
import { FlagParams, SetFlagDto, WorkspaceParams } from './dto/workspace.dto';
import { WorkspaceError, workspaceProblem } from './workspaces.errors';

@Controller('workspaces/:workspaceId/flags')
export class FlagsController {
  constructor(
    private readonly flags: FlagsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @RequirePermission('workspace:read')
  @RespondsWith('FlagList')
  async list(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
  ): Promise<{ items: FlagView[]; nextCursor: null }> {
    return { items: await this.flags.list(ws.workspaceId), nextCursor: null };
  }

  /** Overrides a flag's default for this workspace. */
  @Put(':key')
  @RequirePermission('flags:manage')
  @RespondsWith('Flag')
  async set(
    @Param() params: FlagParams,
    @Workspace() ws: WorkspaceContext,
    @Body() body: SetFlagDto,
    @Req() request: FastifyRequest,
  ): Promise<FlagView> {
    return this.change(ws, params.key, body.enabled, request);
  }

  /** Returns the flag to its configured default. */
  @Delete(':key')
  @RequirePermission('flags:manage')
  @HttpCode(200)
  @RespondsWith('Flag')
  async reset(
    @Param() params: FlagParams,
    @Workspace() ws: WorkspaceContext,
    @Req() request: FastifyRequest,
  ): Promise<FlagView> {
    return this.change(ws, params.key, null, request);
  }

  private async change(
    ws: WorkspaceContext,
    key: string,
    enabled: boolean | null,
    request: FastifyRequest,
  ): Promise<FlagView> {
    if (!this.flags.isKnown(key)) throw workspaceProblem(WorkspaceError.FlagNotFound);
    if (enabled === null) await this.flags.reset(ws.workspaceId, key);
    else await this.flags.set(ws.workspaceId, key, enabled);
    await this.audit.record({
      action: enabled === null ? 'flag.reset' : 'flag.set',
      actor: actorOf(ws),
      workspaceId: ws.workspaceId,
      target: { type: 'flag', id: key },
      metadata: { enabled },
      context: requestContextOf(request),
    });
    return (await this.flags.list(ws.workspaceId)).find((flag) => flag.key === key) as FlagView;
  }
}
