import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction, AuditService } from '../audit';
import { ApiTokenService } from '../auth';
import { Clock } from '../core/clock';
import type { RequestContext } from '../core/http';
import { decodeCursor, DEFAULT_PAGE_SIZE, likePattern, Page, toPage } from '../core/pagination';
import type { WorkspaceContext } from '../permissions';
import { actorOf } from './actor';
import { isOwnerRole, WorkspaceRules } from './workspace-rules';
import { WorkspaceError, workspaceProblem } from './workspaces.errors';

export interface MemberView {
  userId: string;
  email: string;
  displayName: string;
  role: { id: string; key: string; name: string };
  joinedAt: string;
}

interface MemberRow {
  user_id: string;
  email: string;
  display_name: string;
  role_id: string;
  role_key: string;
  role_name: string;
  joined_at: Date;
}

const toView = (row: MemberRow): MemberView => ({
  userId: row.user_id,
  email: row.email,
  displayName: row.display_name,
  role: { id: row.role_id, key: row.role_key, name: row.role_name },
  joinedAt: row.joined_at.toISOString(),
});

const MEMBER_COLUMNS = `m.user_id, u.email, u.display_name, r.id AS role_id, r.key AS role_key, r.name AS role_name, m.created_at AS joined_at`;

@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: WorkspaceRules,
    private readonly audit: AuditService,
    private readonly tokens: ApiTokenService,
    private readonly clock: Clock,
  ) {}

  /** The hot path of every admin screen: one query, rows mapped straight to the response. */
  async list(
    workspaceId: string,
    query: { search?: string; limit?: number; cursor?: string },
  ): Promise<Page<MemberView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, { email: 'text', id: 'uuid' }) : null;
    const rows: MemberRow[] = await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS}
       FROM memberships m JOIN users u ON u.id = m.user_id JOIN roles r ON r.id = m.role_id
       WHERE m.workspace_id = $1
         AND ($2::text IS NULL OR u.email ILIKE $2 OR u.display_name ILIKE $2)
         AND ($3::text IS NULL OR (u.email, u.id) > ($3, $4::uuid))
       ORDER BY u.email, u.id LIMIT $5`,
      [
        workspaceId,
        query.search ? likePattern(query.search) : null,
        after?.email ?? null,
        after?.id ?? null,
        limit + 1,
      ],
    );
    return toPage(rows, limit, toView, (row) => ({ email: row.email, id: row.user_id }));
  }

  async get(workspaceId: string, userId: string): Promise<MemberView> {
    const rows: MemberRow[] = await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS}
       FROM memberships m JOIN users u ON u.id = m.user_id JOIN roles r ON r.id = m.role_id
       WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [workspaceId, userId],
    );
    if (!rows[0]) throw workspaceProblem(WorkspaceError.MemberNotFound);
    return toView(rows[0]);
  }

  /**
   * Changes a member's role. Only owners touch owners; nobody grants what they lack (which also means
   * nobody raises their own role); the last owner stays an owner.
   */
  async updateRole(
    ws: WorkspaceContext,
    userId: string,
    roleKey: string,
    context: RequestContext,
  ): Promise<MemberView> {
    await this.dataSource.transaction(async (manager) => {
      await this.rules.lockWorkspace(manager, ws.workspaceId);
      const actor = await this.rules.actorStanding(manager, ws.workspaceId, ws.principal);
      const current = await this.rules.roleOfMember(manager, ws.workspaceId, userId);
      if (!current) throw workspaceProblem(WorkspaceError.MemberNotFound);
      const next = await this.rules.findRoleByKey(manager, ws.workspaceId, roleKey);
      if (!next)
        throw workspaceProblem(WorkspaceError.UnknownRole, {
          errors: [{ field: 'role', message: `no role with key ${roleKey}` }],
        });
      if (next.id === current.id) return;
      this.rules.assertOutranks(actor, current);
      this.rules.assertCanGrantRole(actor, next);
      if (isOwnerRole(current) && (await this.rules.ownerCount(manager, ws.workspaceId)) <= 1) {
        throw workspaceProblem(WorkspaceError.LastOwner);
      }
      await manager.query(
        `UPDATE memberships SET role_id = $3, updated_at = $4 WHERE workspace_id = $1 AND user_id = $2`,
        [ws.workspaceId, userId, next.id, this.clock.now()],
      );
      await this.audit.record(
        {
          action: 'member.role_changed',
          actor: actorOf(ws),
          workspaceId: ws.workspaceId,
          target: { type: 'user', id: userId },
          metadata: { from: current.key, to: next.key },
          context,
        },
        manager,
      );
    });
    return this.get(ws.workspaceId, userId);
  }

  async remove(
    ws: WorkspaceContext,
    userId: string,
    context: RequestContext,
    action: AuditAction = 'member.removed',
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.rules.lockWorkspace(manager, ws.workspaceId);
      const actor = await this.rules.actorStanding(manager, ws.workspaceId, ws.principal);
      const current = await this.rules.roleOfMember(manager, ws.workspaceId, userId);
      if (!current) throw workspaceProblem(WorkspaceError.MemberNotFound);
      if (userId !== ws.actorUserId) this.rules.assertOutranks(actor, current);
      if (isOwnerRole(current) && (await this.rules.ownerCount(manager, ws.workspaceId)) <= 1) {
        throw workspaceProblem(WorkspaceError.LastOwner);
      }
      await manager.query(`DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2`, [
        ws.workspaceId,
        userId,
      ]);
      // A former member's tokens must not come back with a later invitation: revoked, not just hidden.
      const revokedTokens = await this.tokens.revokeCreatedBy(userId, manager, ws.workspaceId);
      await this.audit.record(
        {
          action,
          actor: actorOf(ws),
          workspaceId: ws.workspaceId,
          target: { type: 'user', id: userId },
          metadata: { role: current.key, revokedTokens },
          context,
        },
        manager,
      );
    });
  }
}
