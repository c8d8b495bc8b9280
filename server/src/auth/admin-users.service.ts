import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { Clock } from '../core/clock';
import { ProblemException } from '../core/errors';
import type { RequestContext } from '../core/http';
import { decodeCursor, DEFAULT_PAGE_SIZE, likePattern, Page, toPage } from '../core/pagination';
import { AuthError, authProblem } from './auth.errors';
import type { UserPrincipal } from './principal';
import { ApiTokenService } from './api-token.service';
import { SessionService } from './session.service';

export interface AdminUserView {
  id: string;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
  disabled: boolean;
  workspaceCount: number;
  createdAt: string;
}

interface AdminUserRow {
  id: string;
  email: string;
  display_name: string;
  is_platform_admin: boolean;
  disabled_at: Date | null;
  workspace_count: number;
  created_at: Date;
}

const toView = (row: AdminUserRow): AdminUserView => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  isPlatformAdmin: row.is_platform_admin,
  disabled: row.disabled_at !== null,
  workspaceCount: row.workspace_count,
  createdAt: row.created_at.toISOString(),
});

const SELECT_USER = `SELECT u.id, u.email, u.display_name, u.is_platform_admin, u.disabled_at, u.created_at,
  (SELECT count(*)::int FROM memberships m WHERE m.user_id = u.id) AS workspace_count FROM users u`;

@Injectable()
export class AdminUsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly tokens: ApiTokenService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: { search?: string; limit?: number; cursor?: string }): Promise<Page<AdminUserView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, { email: 'text', id: 'uuid' }) : null;
    const rows: AdminUserRow[] = await this.dataSource.query(
      `${SELECT_USER}
       WHERE ($1::text IS NULL OR u.email ILIKE $1 OR u.display_name ILIKE $1)
         AND ($2::text IS NULL OR (u.email, u.id) > ($2, $3::uuid))
       ORDER BY u.email, u.id LIMIT $4`,
      [query.search ? likePattern(query.search) : null, after?.email ?? null, after?.id ?? null, limit + 1],
    );
    return toPage(rows, limit, toView, (row) => ({ email: row.email, id: row.id }));
  }

  /**
   * Switches the account off or on. Either way an active sign-in lockout ends and the failure count
   * starts over: an operator who re-enables someone means them to be able to sign in.
   */
  async setDisabled(
    admin: UserPrincipal,
    userId: string,
    disabled: boolean,
    context: RequestContext,
  ): Promise<AdminUserView> {
    if (disabled && userId === admin.userId) {
      throw new ProblemException(400, {
        code: 'cannot-disable-self',
        detail: 'You cannot disable your own account.',
      });
    }
    const now = this.clock.now();
    const lock = await this.updateClearingLock(userId, now, disabled);
    let revokedTokens: string[] = [];
    if (disabled) {
      await this.sessions.revokeAll(userId);
      // Revoked, not merely refused while disabled: enabling the account must not bring them back.
      revokedTokens = await this.tokens.revokeCreatedBy(userId, this.dataSource.manager);
    }
    await this.audit.record({
      action: disabled ? 'admin.user_disabled' : 'admin.user_enabled',
      actor: { id: admin.userId, kind: 'user' },
      target: { type: 'user', id: userId },
      metadata: {
        lockCleared: lock.lockedUntil !== null && lock.lockedUntil > now,
        ...(disabled ? { revokedTokens } : {}),
      },
      context,
    });
    return this.view(userId);
  }

  /**
   * Ends a sign-in lockout at once and starts the failure count over, for someone kept locked out by
   * a few wrong passwords every lockout period. Audited even when there was no lock to end.
   */
  async unlock(admin: UserPrincipal, userId: string, context: RequestContext): Promise<AdminUserView> {
    const now = this.clock.now();
    const lock = await this.updateClearingLock(userId, now, null);
    await this.audit.record({
      action: 'admin.user_unlocked',
      actor: { id: admin.userId, kind: 'user' },
      target: { type: 'user', id: userId },
      metadata: {
        wasLocked: lock.lockedUntil !== null && lock.lockedUntil > now,
        lockedUntil: lock.lockedUntil,
        failedSignIns: lock.failedSignIns,
      },
      context,
    });
    return this.view(userId);
  }

  /**
   * Ends the user's lockout and starts the failure count over in one statement, switching the account
   * off or on as well unless `disabled` is null; returns the lock as it was, or 404 for no such user.
   */
  private async updateClearingLock(
    userId: string,
    now: Date,
    disabled: boolean | null,
  ): Promise<{ lockedUntil: Date | null; failedSignIns: number }> {
    const [rows] = await this.dataSource.query(
      `WITH previous AS (SELECT id, locked_until, failed_sign_in_count FROM users WHERE id = $1 FOR UPDATE)
       UPDATE users u SET failed_sign_in_count = 0, locked_until = NULL, updated_at = $2,
         disabled_at = CASE WHEN $3::boolean IS NULL THEN u.disabled_at
                            WHEN $3 THEN coalesce(u.disabled_at, $2) ELSE NULL END
       FROM previous p WHERE u.id = p.id
       RETURNING p.locked_until, p.failed_sign_in_count`,
      [userId, now, disabled],
    );
    if (rows.length === 0) throw authProblem(AuthError.UserNotFound);
    return { lockedUntil: rows[0].locked_until, failedSignIns: rows[0].failed_sign_in_count };
  }

  private async view(userId: string): Promise<AdminUserView> {
    const [row] = await this.dataSource.query(`${SELECT_USER} WHERE u.id = $1`, [userId]);
    return toView(row);
  }
}
