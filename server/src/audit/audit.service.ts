import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../core/http';
import { APP_LOGGER } from '../core/logging';
import type { AuditAction } from './audit-actions';

export type ActorKind = 'user' | 'token' | 'system' | 'anonymous';

export interface AuditRecord {
  action: AuditAction;
  actor: { id: string | null; kind: ActorKind };
  workspaceId?: string | null;
  target?: { type: string; id: string } | null;
  metadata?: Record<string, unknown>;
  context?: RequestContext;
}

/**
 * Appends to the audit log (the table refuses updates and deletes) and writes the same event as one
 * structured log line. Pass the transaction's manager to record an event atomically with the change.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async record(event: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (workspace_id, actor_id, actor_kind, action, target_type, target_id, ip, user_agent, request_id, metadata)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        event.workspaceId ?? null,
        event.actor.id,
        event.actor.kind,
        event.action,
        event.target?.type ?? null,
        event.target?.id ?? null,
        event.context?.ip ?? null,
        event.context?.userAgent ?? null,
        event.context?.requestId ?? null,
        JSON.stringify(event.metadata ?? {}),
      ],
    );
    this.logger.info(
      {
        audit: {
          action: event.action,
          actorKind: event.actor.kind,
          actorId: event.actor.id,
          workspaceId: event.workspaceId ?? null,
          targetType: event.target?.type ?? null,
          targetId: event.target?.id ?? null,
        },
        requestId: event.context?.requestId ?? undefined,
      },
      'audit event',
    );
  }
}
