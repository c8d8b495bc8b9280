import { RespondsWith } from '../core/http';
import { Controller, Get, Param, Query } from '@nestjs/common';
import type { Page } from '../core/pagination';
import { RequirePermission, Workspace, WorkspaceContext } from '../permissions';
import { AuditEventView, AuditLogService } from './audit-log.service';
import { AuditQuery, WorkspaceParams } from './dto/workspace.dto';

@Controller('workspaces/:workspaceId/audit-events')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  /** Newest first; filter by action, actor and a [from, to) time range; page with `cursor`. */
  @Get()
  @RequirePermission('audit:read')
  @RespondsWith('AuditEventPage')
  list(
    @Param() _params: WorkspaceParams,
    @Workspace() ws: WorkspaceContext,
    @Query() query: AuditQuery,
  ): Promise<Page<AuditEventView>> {
    return this.auditLog.list(ws.workspaceId, query);
  }
}
