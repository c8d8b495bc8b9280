import { Injectable } from '@nestjs/common';
import { randomBytes, createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import {
  hashPassword,
  passwordPolicyViolations,
  SessionService,
  AuthError,
  authProblem,
  UserPrincipal,
} from '../auth';
import { Clock } from '../core/clock';
import { AuthConfig, InvitationConfig } from '../core/config';
import type { RequestContext } from '../core/http';
import type { WorkspaceContext } from '../permissions';
import { actorOf } from './actor';
import { ROLE_COLUMNS, RoleRow, rolePermissions, WorkspaceRules } from './workspace-rules';
import { WorkspaceError, workspaceProblem } from './workspaces.errors';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface InvitationView {
  id: string;
  email: string;
  role: { id: string; key: string; name: string };
  invitedBy: { id: string; email: string; displayName: string } | null;
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
}

export interface IssuedInvitation {
  invitation: InvitationView;
  /** The secret part of the invitation link; shown once, to the inviter. */
  token: string;
  /** Path of the page that accepts it: `/invite/<token>`. */
  acceptPath: string;
}

export interface InvitationPreview {
  workspace: { name: string; slug: string };
  email: string;
  role: { key: string; name: string };
  invitedBy: string | null;
  expiresAt: string;
}

interface InvitationRow {
  id: string;
  email: string;
  role_id: string;
  role_key: string;
  role_name: string;
  inviter_id: string | null;
  inviter_email: string | null;
  inviter_name: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

const SELECT_INVITATION = `SELECT i.id, i.email, i.role_id, r.key AS role_key, r.name AS role_name, i.expires_at, i.accepted_at,
  i.revoked_at, i.created_at, u.id AS inviter_id, u.email AS inviter_email, u.display_name AS inviter_name
  FROM invitations i JOIN roles r ON r.id = i.role_id LEFT JOIN users u ON u.id = i.invited_by`;

const newToken = () => randomBytes(32).toString('base64url');
const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: WorkspaceRules,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
    private readonly config: InvitationConfig,
    private readonly authConfig: AuthConfig,
  ) {}

  private status(row: InvitationRow, now: Date): InvitationStatus {
    if (row.accepted_at) return 'accepted';
    if (row.revoked_at) return 'revoked';
    return row.expires_at <= now ? 'expired' : 'pending';
  }

  private toView(row: InvitationRow, now = this.clock.now()): InvitationView {
    return {
      id: row.id,
      email: row.email,
      role: { id: row.role_id, key: row.role_key, name: row.role_name },
      invitedBy: row.inviter_id
        ? { id: row.inviter_id, email: row.inviter_email as string, displayName: row.inviter_name as string }
        : null,
      status: this.status(row, now),
      expiresAt: row.expires_at.toISOString(),
      createdAt: row.created_at.toISOString(),
    };
  }

  private async find(workspaceId: string, invitationId: string): Promise<InvitationRow> {
    const rows: InvitationRow[] = await this.dataSource.query(
      `${SELECT_INVITATION} WHERE i.workspace_id = $1 AND i.id = $2`,
      [workspaceId, invitationId],
    );
    if (!rows[0]) throw workspaceProblem(WorkspaceError.InvitationNotFound);
    return rows[0];
  }

  async list(workspaceId: string): Promise<{ items: InvitationView[]; nextCursor: null }> {
    const rows: InvitationRow[] = await this.dataSource.query(
      `${SELECT_INVITATION} WHERE i.workspace_id = $1 ORDER BY i.created_at DESC, i.id LIMIT 500`,
      [workspaceId],
    );
    const now = this.clock.now();
    return { items: rows.map((row) => this.toView(row, now)), nextCursor: null };
  }

  /** Invites an email with a role; limited per workspace and per email over the last hour. */
  async create(
    ws: WorkspaceContext,
    email: string,
    roleKey: string,
    context: RequestContext,
  ): Promise<IssuedInvitation> {
    const token = newToken();
    const now = this.clock.now();
    const id = await this.dataSource.transaction(async (manager) => {
      await this.rules.lockWorkspace(manager, ws.workspaceId);
      const actor = await this.rules.actorStanding(manager, ws.workspaceId, ws.principal);
      const role = await this.rules.findRoleByKey(manager, ws.workspaceId, roleKey);
      if (!role)
        throw workspaceProblem(WorkspaceError.UnknownRole, {
          errors: [{ field: 'role', message: `no role with key ${roleKey}` }],
        });
      this.rules.assertCanGrantRole(actor, role);
      const [counts] = await manager.query(
        `SELECT count(*) FILTER (WHERE workspace_id = $1)::int AS per_workspace, count(*) FILTER (WHERE email = $2)::int AS per_email
         FROM invitations WHERE created_at > $3::timestamptz - interval '1 hour'`,
        [ws.workspaceId, email, now],
      );
      if (
        counts.per_workspace >= this.config.perWorkspacePerHour ||
        counts.per_email >= this.config.perEmailPerHour
      ) {
        throw workspaceProblem(WorkspaceError.InvitationRateLimited, { headers: { 'retry-after': '3600' } });
      }
      const member = await manager.query(
        `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND u.email = $2`,
        [ws.workspaceId, email],
      );
      if (member.length > 0)
        throw workspaceProblem(WorkspaceError.AlreadyMember, {
          errors: [{ field: 'email', message: 'is already a member' }],
        });
      const pending = await manager.query(
        `SELECT 1 FROM invitations WHERE workspace_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3`,
        [ws.workspaceId, email, now],
      );
      if (pending.length > 0)
        throw workspaceProblem(WorkspaceError.AlreadyInvited, {
          errors: [{ field: 'email', message: 'already has a pending invitation' }],
        });
      const [row] = await manager.query(
        `INSERT INTO invitations (workspace_id, email, role_id, token_hash, invited_by, expires_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [ws.workspaceId, email, role.id, digest(token), ws.actorUserId, this.expiry(now), now],
      );
      await this.audit.record(
        {
          action: 'invitation.created',
          actor: actorOf(ws),
          workspaceId: ws.workspaceId,
          target: { type: 'invitation', id: row.id },
          metadata: { email, role: role.key },
          context,
        },
        manager,
      );
      return row.id as string;
    });
    return {
      invitation: this.toView(await this.find(ws.workspaceId, id)),
      token,
      acceptPath: `/invite/${token}`,
    };
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.config.expiryDays * 86_400_000);
  }

  /**
   * A pending invitation, locked for the rest of the transaction, once the actor has shown they could
   * grant its role: renewing or revoking an invitation is acting on that grant.
   */
  private async pendingGrant(
    manager: EntityManager,
    ws: WorkspaceContext,
    invitationId: string,
  ): Promise<RoleRow> {
    await this.rules.lockWorkspace(manager, ws.workspaceId);
    const rows: RoleRow[] = await manager.query(
      `SELECT ${ROLE_COLUMNS} FROM invitations i JOIN roles r ON r.id = i.role_id
       WHERE i.workspace_id = $1 AND i.id = $2 AND i.accepted_at IS NULL AND i.revoked_at IS NULL`,
      [ws.workspaceId, invitationId],
    );
    if (!rows[0]) throw workspaceProblem(WorkspaceError.InvitationNotFound);
    const actor = await this.rules.actorStanding(manager, ws.workspaceId, ws.principal);
    this.rules.assertCanGrantRole(actor, rows[0]);
    return rows[0];
  }

  async revoke(ws: WorkspaceContext, invitationId: string, context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const role = await this.pendingGrant(manager, ws, invitationId);
      await manager.query(`UPDATE invitations SET revoked_at = $3 WHERE workspace_id = $1 AND id = $2`, [
        ws.workspaceId,
        invitationId,
        this.clock.now(),
      ]);
      await this.audit.record(
        {
          action: 'invitation.revoked',
          actor: actorOf(ws),
          workspaceId: ws.workspaceId,
          target: { type: 'invitation', id: invitationId },
          metadata: { role: role.key },
          context,
        },
        manager,
      );
    });
  }

  /**
   * A new token and expiry; the previous link stops working at once. The one who resends becomes the
   * inviter, whose standing the acceptance checks again.
   */
  async resend(
    ws: WorkspaceContext,
    invitationId: string,
    context: RequestContext,
  ): Promise<IssuedInvitation> {
    const token = newToken();
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const role = await this.pendingGrant(manager, ws, invitationId);
      await manager.query(
        `UPDATE invitations SET token_hash = $3, expires_at = $4, invited_by = $5 WHERE workspace_id = $1 AND id = $2`,
        [ws.workspaceId, invitationId, digest(token), this.expiry(now), ws.actorUserId],
      );
      await this.audit.record(
        {
          action: 'invitation.resent',
          actor: actorOf(ws),
          workspaceId: ws.workspaceId,
          target: { type: 'invitation', id: invitationId },
          metadata: { role: role.key },
          context,
        },
        manager,
      );
    });
    return {
      invitation: this.toView(await this.find(ws.workspaceId, invitationId)),
      token,
      acceptPath: `/invite/${token}`,
    };
  }

  private async usable(
    token: string,
  ): Promise<InvitationRow & { workspace_id: string; workspace_name: string; workspace_slug: string }> {
    const rows = await this.dataSource.query(
      `SELECT i.workspace_id, w.name AS workspace_name, w.slug AS workspace_slug, sub.* FROM (${SELECT_INVITATION} WHERE i.token_hash = $1) sub
       JOIN invitations i ON i.id = sub.id JOIN workspaces w ON w.id = i.workspace_id`,
      [digest(token)],
    );
    const row = rows[0];
    if (!row || this.status(row, this.clock.now()) !== 'pending')
      throw workspaceProblem(WorkspaceError.InvitationInvalid);
    return row;
  }

  async preview(token: string): Promise<InvitationPreview> {
    const row = await this.usable(token);
    return {
      workspace: { name: row.workspace_name, slug: row.workspace_slug },
      email: row.email,
      role: { key: row.role_key, name: row.role_name },
      invitedBy: row.inviter_name,
      expiresAt: row.expires_at.toISOString(),
    };
  }

  /**
   * An invitation grants what its inviter could grant when it is used, not only when it was sent: an
   * inviter since demoted or removed leaves behind links that no longer work.
   */
  private async assertInviterMayStillGrant(
    manager: EntityManager,
    invitation: InvitationRow & { workspace_id: string },
  ): Promise<void> {
    await this.rules.lockWorkspace(manager, invitation.workspace_id);
    const inviterRole = invitation.inviter_id
      ? await this.rules.roleOfMember(manager, invitation.workspace_id, invitation.inviter_id)
      : null;
    const granted = await this.rules.findRoleById(manager, invitation.workspace_id, invitation.role_id);
    if (!inviterRole || !granted) throw workspaceProblem(WorkspaceError.InvitationInvalid);
    const standing = { roleKey: inviterRole.key, permissions: rolePermissions(inviterRole) };
    if (!this.rules.mayGrantRole(standing, granted)) throw workspaceProblem(WorkspaceError.InvitationInvalid);
  }

  /**
   * Accepts an invitation: a signed-in person whose email matches joins; someone without an account signs
   * up (password policy applies) and is signed in. The token works once.
   */
  async accept(
    input: { token: string; displayName?: string; password?: string },
    principal: UserPrincipal | undefined,
    context: RequestContext,
  ): Promise<{
    workspaceId: string;
    slug: string;
    userId: string;
    newSession?: { token: string; csrfToken: string };
  }> {
    const invitation = await this.usable(input.token);
    let passwordHash: string | null = null;
    if (principal) {
      if (principal.email !== invitation.email)
        throw workspaceProblem(WorkspaceError.InvitationEmailMismatch);
    } else {
      // Everything that does not depend on the account comes first and the hash is always paid, so the
      // answers before the sign-up itself are the same whether or not the address has an account.
      if (!input.displayName || !input.password) throw workspaceProblem(WorkspaceError.SignUpDetailsRequired);
      const violations = passwordPolicyViolations(input.password, {
        minLength: this.authConfig.passwordMinLength,
        email: invitation.email,
        field: 'password',
      });
      if (violations.length > 0) throw authProblem(AuthError.PasswordPolicy, violations);
      passwordHash = await hashPassword(input.password);
    }
    const created = principal === undefined;
    // Sign-up, claiming the token and joining happen together or not at all.
    const userId = await this.dataSource.transaction(async (manager) => {
      await this.assertInviterMayStillGrant(manager, invitation);
      let joiningUserId = principal?.userId;
      if (!joiningUserId) {
        const [row] = await manager.query(
          `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING RETURNING id`,
          [invitation.email, input.displayName, passwordHash],
        );
        if (!row) throw workspaceProblem(WorkspaceError.AccountExists);
        joiningUserId = row.id as string;
      }
      const [claimed] = await manager.query(
        `UPDATE invitations SET accepted_at = $2 WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2 RETURNING id`,
        [invitation.id, this.clock.now()],
      );
      if (claimed.length === 0) throw workspaceProblem(WorkspaceError.InvitationInvalid);
      const joined = await manager.query(
        `INSERT INTO memberships (workspace_id, user_id, role_id) VALUES ($1, $2, $3) ON CONFLICT (workspace_id, user_id) DO NOTHING RETURNING id`,
        [invitation.workspace_id, joiningUserId, invitation.role_id],
      );
      if (joined.length === 0) throw workspaceProblem(WorkspaceError.AlreadyMember);
      await this.audit.record(
        {
          action: 'invitation.accepted',
          actor: { id: joiningUserId, kind: 'user' },
          workspaceId: invitation.workspace_id,
          target: { type: 'invitation', id: invitation.id },
          metadata: { email: invitation.email, role: invitation.role_key, signedUp: created },
          context,
        },
        manager,
      );
      return joiningUserId;
    });
    const result = { workspaceId: invitation.workspace_id, slug: invitation.workspace_slug, userId };
    if (!created) return result;
    const session = await this.sessions.create(userId, context);
    return { ...result, newSession: { token: session.token, csrfToken: session.csrfToken } };
  }
}
