import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { Clock } from '../core/clock';
import { AuthConfig } from '../core/config';
import type { RequestContext } from '../core/http';
import { AuthError, authProblem } from './auth.errors';
import { hashPassword, verifyPassword } from './password-hasher';
import { passwordPolicyViolations } from './password-policy';
import type { UserPrincipal } from './principal';
import { SessionService } from './session.service';

export interface SessionUserView {
  id: string;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
}

export interface MyWorkspaceView {
  id: string;
  slug: string;
  name: string;
  role: string;
}

export interface SessionInfo {
  user: SessionUserView;
  csrfToken: string;
  workspaces: MyWorkspaceView[];
}

/** The signed-in person's own account: who they are, their workspaces, profile and password. */
@Injectable()
export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AuthConfig,
  ) {}

  async sessionInfo(userId: string, csrfToken: string): Promise<SessionInfo> {
    const [users, workspaces] = await Promise.all([
      this.dataSource.query(`SELECT id, email, display_name, is_platform_admin FROM users WHERE id = $1`, [
        userId,
      ]),
      this.dataSource.query(
        `SELECT w.id, w.slug, w.name, r.key AS role FROM memberships m
         JOIN workspaces w ON w.id = m.workspace_id JOIN roles r ON r.id = m.role_id
         WHERE m.user_id = $1 ORDER BY w.name, w.id`,
        [userId],
      ),
    ]);
    const user = users[0];
    if (!user) throw authProblem(AuthError.NotAuthenticated);
    return {
      user: {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        isPlatformAdmin: user.is_platform_admin,
      },
      csrfToken,
      workspaces,
    };
  }

  async updateProfile(
    principal: UserPrincipal,
    displayName: string,
    context: RequestContext,
  ): Promise<SessionUserView> {
    const [rows] = await this.dataSource.query(
      `UPDATE users SET display_name = $2, updated_at = $3 WHERE id = $1
       RETURNING id, email, display_name, is_platform_admin`,
      [principal.userId, displayName, this.clock.now()],
    );
    await this.audit.record({
      action: 'account.profile_updated',
      actor: { id: principal.userId, kind: 'user' },
      target: { type: 'user', id: principal.userId },
      context,
    });
    const user = rows[0];
    return {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      isPlatformAdmin: user.is_platform_admin,
    };
  }

  /** Requires the current password; on success every other session of the person ends. */
  async changePassword(
    principal: UserPrincipal,
    currentPassword: string,
    newPassword: string,
    context: RequestContext,
  ): Promise<void> {
    const [user] = await this.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [
      principal.userId,
    ]);
    if (!user?.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) {
      throw authProblem(AuthError.WrongCurrentPassword);
    }
    const violations = passwordPolicyViolations(newPassword, {
      minLength: this.config.passwordMinLength,
      email: principal.email,
    });
    if (violations.length > 0) throw authProblem(AuthError.PasswordPolicy, violations);
    await this.dataSource.query(`UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1`, [
      principal.userId,
      await hashPassword(newPassword),
      this.clock.now(),
    ]);
    const revoked = await this.sessions.revokeAll(principal.userId, principal.sessionId);
    await this.audit.record({
      action: 'account.password_changed',
      actor: { id: principal.userId, kind: 'user' },
      target: { type: 'user', id: principal.userId },
      metadata: { otherSessionsRevoked: revoked },
      context,
    });
  }
}
