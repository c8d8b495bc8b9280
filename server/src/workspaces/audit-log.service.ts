import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '../core/pagination';

export interface AuditEventView {
  id: string;
  action: string;
  actor: { id: string | null; kind: string; email: string | null; displayName: string | null };
  target: { type: string; id: string } | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  metadata: Record<string, unknown>;
  createdAt: string;
}

interface AuditRow {
  id: string;
  action: string;
  actor_id: string | null;
  actor_kind: string;
  actor_email: string | null;
  actor_name: string | null;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  metadata: Record<string, unknown>;
  created_at: Date;
  created_at_exact: string;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** Reads a workspace's audit log, newest first, with keyset paging that stays stable as events arrive. */
@Injectable()
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  async list(workspaceId: string, filter: AuditFilter): Promise<Page<AuditEventView>> {
    const limit = filter.limit ?? DEFAULT_PAGE_SIZE;
    const before = filter.cursor ? decodeCursor(filter.cursor, { at: 'timestamp', id: 'uuid' }) : null;
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT e.id, e.action, e.actor_id, e.actor_kind, e.target_type, e.target_id, e.ip, e.user_agent, e.request_id,
              e.metadata, e.created_at, e.created_at::text AS created_at_exact, u.email AS actor_email, u.display_name AS actor_name
       FROM audit_events e
       LEFT JOIN users u ON e.actor_kind = 'user' AND u.id = e.actor_id
       WHERE e.workspace_id = $1
         AND ($2::text IS NULL OR e.action = $2)
         AND ($3::uuid IS NULL OR e.actor_id = $3)
         AND ($4::timestamptz IS NULL OR e.created_at >= $4)
         AND ($5::timestamptz IS NULL OR e.created_at < $5)
         AND ($6::timestamptz IS NULL OR (e.created_at, e.id) < ($6, $7::uuid))
       ORDER BY e.created_at DESC, e.id DESC LIMIT $8`,
      [
        workspaceId,
        filter.action ?? null,
        filter.actorId ?? null,
        filter.from ?? null,
        filter.to ?? null,
        before?.at ?? null,
        before?.id ?? null,
        limit + 1,
      ],
    );
    return toPage(
      rows,
      limit,
      (row) => ({
        id: row.id,
        action: row.action,
        actor: {
          id: row.actor_id,
          kind: row.actor_kind,
          email: row.actor_email,
          displayName: row.actor_name,
        },
        target: row.target_type && row.target_id ? { type: row.target_type, id: row.target_id } : null,
        ip: row.ip,
        userAgent: row.user_agent,
        requestId: row.request_id,
        metadata: row.metadata,
        createdAt: row.created_at.toISOString(),
      }),
      // Microsecond precision: a JavaScript Date would round and skip or repeat events at page edges.
      (row) => ({ at: row.created_at_exact, id: row.id }),
    );
  }
}
