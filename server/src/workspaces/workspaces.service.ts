import { systemRoleId } from '@bastion/migrations';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import type { UserPrincipal } from '../auth';
import { Clock } from '../core/clock';
import type { RequestContext } from '../core/http';
import { decodeCursor, DEFAULT_PAGE_SIZE, likePattern, Page, toPage } from '../core/pagination';
import { workspaceNotFound, WorkspaceContext } from '../permissions';
import { actorOf } from './actor';
import { OWNER, WorkspaceRules } from './workspace-rules';
import { WorkspaceError, workspaceProblem } from './workspaces.errors';

export interface WorkspaceView {
  id: string;
  slug: string;
  name: string;
  /** The caller's role key in this workspace. */
  role: string;
  createdAt: string;
}

export interface AdminWorkspaceView {
  id: string;
  slug: string;
  name: string;
  memberCount: number;
  ownerEmails: string[];
  createdAt: string;
}

interface WorkspaceRow {
  id: string;
  slug: string;
  name: string;
  role: string;
  created_at: Date;
}

const toView = (row: WorkspaceRow): WorkspaceView => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  role: row.role,
  createdAt: row.created_at.toISOString(),
});

const UNIQUE_VIOLATION = '23505';

function isSlugConflict(error: unknown): boolean {
  const e = error as {
    code?: string;
    driverError?: { code?: string; constraint?: string };
    constraint?: string;
  };
  const code = e.code ?? e.driverError?.code;
  const constraint = e.constraint ?? e.driverError?.constraint;
  return code === UNIQUE_VIOLATION && constraint === 'workspaces_slug_key';
}

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: WorkspaceRules,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Creates a workspace whose creator is its first owner, in one transaction. */
  async create(
    user: UserPrincipal,
    input: { name: string; slug: string },
    context: RequestContext,
  ): Promise<WorkspaceView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const now = this.clock.now();
        const [row] = await manager.query(
          `INSERT INTO workspaces (slug, name, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id, slug, name, created_at`,
          [input.slug, input.name, now],
        );
        await manager.query(
          `INSERT INTO memberships (workspace_id, user_id, role_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`,
          [row.id, user.userId, systemRoleId('owner'), now],
        );
        await this.audit.record(
          {
            action: 'workspace.created',
            actor: { id: user.userId, kind: 'user' },
            workspaceId: row.id,
            target: { type: 'workspace', id: row.id },
            metadata: { slug: input.slug, name: input.name },
            context,
          },
          manager,
        );
        return toView({ ...row, role: OWNER });
      });
    } catch (error) {
      if (isSlugConflict(error))
        throw workspaceProblem(WorkspaceError.SlugTaken, {
          errors: [{ field: 'slug', message: 'slug is taken' }],
        });
      throw error;
    }
  }

  async listMine(userId: string): Promise<Page<WorkspaceView>> {
    const rows: WorkspaceRow[] = await this.dataSource.query(
      `SELECT w.id, w.slug, w.name, w.created_at, r.key AS role FROM memberships m
       JOIN workspaces w ON w.id = m.workspace_id JOIN roles r ON r.id = m.role_id
       WHERE m.user_id = $1 ORDER BY w.name, w.id`,
      [userId],
    );
    return { items: rows.map(toView), nextCursor: null };
  }

  /** A member's view of a workspace found by slug; 404 for non-members, as for unknown slugs. */
  async findBySlug(userId: string, slug: string): Promise<WorkspaceView> {
    const rows: WorkspaceRow[] = await this.dataSource.query(
      `SELECT w.id, w.slug, w.name, w.created_at, r.key AS role FROM workspaces w
       JOIN memberships m ON m.workspace_id = w.id AND m.user_id = $2 JOIN roles r ON r.id = m.role_id
       WHERE w.slug = $1`,
      [slug, userId],
    );
    if (!rows[0]) throw workspaceNotFound();
    return toView(rows[0]);
  }

  async get(ws: WorkspaceContext): Promise<WorkspaceView> {
    const [row] = await this.dataSource.query(
      `SELECT id, slug, name, created_at FROM workspaces WHERE id = $1`,
      [ws.workspaceId],
    );
    if (!row) throw workspaceNotFound();
    return toView({ ...row, role: ws.role.key });
  }

  async update(
    ws: WorkspaceContext,
    input: { name?: string; slug?: string },
    context: RequestContext,
  ): Promise<WorkspaceView> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const [before] = await manager.query(`SELECT slug, name FROM workspaces WHERE id = $1 FOR UPDATE`, [
          ws.workspaceId,
        ]);
        if (!before) throw workspaceNotFound();
        await manager.query(
          `UPDATE workspaces SET name = coalesce($2, name), slug = coalesce($3, slug), updated_at = $4 WHERE id = $1`,
          [ws.workspaceId, input.name ?? null, input.slug ?? null, this.clock.now()],
        );
        await this.audit.record(
          {
            action: 'workspace.updated',
            actor: actorOf(ws),
            workspaceId: ws.workspaceId,
            target: { type: 'workspace', id: ws.workspaceId },
            metadata: { before, after: { slug: input.slug ?? before.slug, name: input.name ?? before.name } },
            context,
          },
          manager,
        );
      });
    } catch (error) {
      if (isSlugConflict(error))
        throw workspaceProblem(WorkspaceError.SlugTaken, {
          errors: [{ field: 'slug', message: 'slug is taken' }],
        });
      throw error;
    }
    return this.get(ws);
  }

  /** Deletes the workspace and everything in it; the caller types the slug back to confirm. */
  async delete(ws: WorkspaceContext, confirmSlug: string, context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT slug FROM workspaces WHERE id = $1 FOR UPDATE`, [
        ws.workspaceId,
      ]);
      if (!row) throw workspaceNotFound();
      if (row.slug !== confirmSlug) {
        throw workspaceProblem(WorkspaceError.SlugConfirmationMismatch, {
          errors: [{ field: 'confirmSlug', message: 'does not match the workspace slug' }],
        });
      }
      await manager.query(`DELETE FROM workspaces WHERE id = $1`, [ws.workspaceId]);
      await this.audit.record(
        {
          action: 'workspace.deleted',
          actor: actorOf(ws),
          workspaceId: ws.workspaceId,
          target: { type: 'workspace', id: ws.workspaceId },
          metadata: { slug: row.slug },
          context,
        },
        manager,
      );
    });
  }

  /** Makes another member an owner and the current owner an admin, atomically. */
  async transferOwnership(ws: WorkspaceContext, userId: string, context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      await this.rules.lockWorkspace(manager, ws.workspaceId);
      const actor = await this.rules.actorStanding(manager, ws.workspaceId, ws.principal);
      if (!this.rules.isOwner(actor) || ws.principal.kind !== 'user')
        throw workspaceProblem(WorkspaceError.OwnerOnly);
      if (userId === ws.actorUserId) return;
      const target = await this.rules.roleOfMember(manager, ws.workspaceId, userId);
      if (!target) throw workspaceProblem(WorkspaceError.MemberNotFound);
      const now = this.clock.now();
      await manager.query(
        `UPDATE memberships SET role_id = $3, updated_at = $4 WHERE workspace_id = $1 AND user_id = $2`,
        [ws.workspaceId, userId, systemRoleId('owner'), now],
      );
      await manager.query(
        `UPDATE memberships SET role_id = $3, updated_at = $4 WHERE workspace_id = $1 AND user_id = $2`,
        [ws.workspaceId, ws.actorUserId, systemRoleId('admin'), now],
      );
      await this.audit.record(
        {
          action: 'workspace.ownership_transferred',
          actor: actorOf(ws),
          workspaceId: ws.workspaceId,
          target: { type: 'user', id: userId },
          metadata: { previousRole: target.key },
          context,
        },
        manager,
      );
    });
  }

  async adminList(query: {
    search?: string;
    limit?: number;
    cursor?: string;
  }): Promise<Page<AdminWorkspaceView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, { slug: 'text' }) : null;
    const rows = await this.dataSource.query(
      `SELECT w.id, w.slug, w.name, w.created_at,
         (SELECT count(*)::int FROM memberships m WHERE m.workspace_id = w.id) AS member_count,
         coalesce((SELECT array_agg(u.email ORDER BY u.email) FROM memberships m JOIN users u ON u.id = m.user_id
                   JOIN roles r ON r.id = m.role_id WHERE m.workspace_id = w.id AND r.key = 'owner' AND r.is_system), '{}') AS owner_emails
       FROM workspaces w
       WHERE ($1::text IS NULL OR w.slug ILIKE $1 OR w.name ILIKE $1) AND ($2::text IS NULL OR w.slug > $2)
       ORDER BY w.slug LIMIT $3`,
      [query.search ? likePattern(query.search) : null, after?.slug ?? null, limit + 1],
    );
    return toPage(
      rows,
      limit,
      (r: {
        id: string;
        slug: string;
        name: string;
        created_at: Date;
        member_count: number;
        owner_emails: string[];
      }) => ({
        id: r.id,
        slug: r.slug,
        name: r.name,
        memberCount: r.member_count,
        ownerEmails: r.owner_emails,
        createdAt: r.created_at.toISOString(),
      }),
      (r) => ({ slug: r.slug }),
    );
  }
}
