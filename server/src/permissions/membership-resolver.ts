import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  ApiTokenService,
  LiveSessionRow,
  LiveTokenRow,
  Principal,
  SessionService,
  sha256,
  TokenPrincipal,
  UserPrincipal,
} from '../auth';
import { PermissionKey, permissionsOfRole } from './permission-catalogue';
import type { WorkspaceContext } from './workspace-context';

/** A role as the membership lookups read it, from `roles r`. */
interface RoleColumns {
  role_id: string | null;
  role_key: string | null;
  role_name: string | null;
  role_is_system: boolean | null;
  role_permissions: string[] | null;
}

const ROLE_OF_MEMBER = `r.id AS role_id, r.key AS role_key, r.name AS role_name, r.is_system AS role_is_system,
  r.permissions AS role_permissions`;

export interface Membership {
  role: WorkspaceContext['role'];
  permissions: Set<PermissionKey>;
}

/** A caller and, when a workspace was named, their membership there (null: not a member). */
export interface Caller<P extends Principal = Principal> {
  principal: P;
  membership: Membership | null;
}

function membershipOf(row: RoleColumns): Membership | null {
  if (!row.role_id) return null;
  const role = {
    key: row.role_key as string,
    isSystem: row.role_is_system as boolean,
    permissions: row.role_permissions as string[],
  };
  return {
    role: { id: row.role_id, key: role.key, name: row.role_name as string, isSystem: role.isSystem },
    permissions: permissionsOfRole(role),
  };
}

/**
 * Who is calling and what they may do in a workspace, read per request and never cached, so a logout,
 * a demotion or a removal acts on the very next request on every instance. A caller and their membership
 * come from one statement; a token's permissions are capped by its creator's current role.
 */
@Injectable()
export class MembershipResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly tokens: ApiTokenService,
  ) {}

  /** A session cookie's person, with their membership in `workspaceId` when one is named. */
  async bySessionToken(token: string, workspaceId: string | null): Promise<Caller<UserPrincipal> | null> {
    const rows: (LiveSessionRow & RoleColumns)[] = await this.dataSource.query(
      `SELECT s.id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, u.email, u.display_name,
         u.is_platform_admin, ${ROLE_OF_MEMBER}
       FROM sessions s JOIN users u ON u.id = s.user_id
       LEFT JOIN memberships m ON m.user_id = s.user_id AND m.workspace_id = $2::uuid
       LEFT JOIN roles r ON r.id = m.role_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
      [sha256(token), workspaceId],
    );
    const principal = rows[0] ? await this.sessions.accept(rows[0]) : null;
    return principal && { principal, membership: membershipOf(rows[0]) };
  }

  /** An API token's principal, with its creator's membership when it is for `workspaceId`. */
  async byApiToken(token: string, workspaceId: string | null): Promise<Caller<TokenPrincipal> | null> {
    const parsed = this.tokens.parse(token);
    if (!parsed) return null;
    const rows: (LiveTokenRow & RoleColumns)[] = await this.dataSource.query(
      `SELECT t.id, t.workspace_id, t.created_by, t.permissions, t.expires_at, t.last_used_at, ${ROLE_OF_MEMBER}
       FROM api_tokens t JOIN users u ON u.id = t.created_by
       LEFT JOIN memberships m ON m.user_id = t.created_by AND m.workspace_id = t.workspace_id
         AND t.workspace_id = $3::uuid
       LEFT JOIN roles r ON r.id = m.role_id
       WHERE t.prefix = $1 AND t.secret_hash = $2 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
      [parsed.prefix, parsed.secretHash, workspaceId],
    );
    const principal = rows[0] ? await this.tokens.accept(rows[0]) : null;
    return principal && { principal, membership: membershipOf(rows[0]) };
  }

  /** A person's role in a workspace and what it allows; null when they are not a member. */
  async roleOf(
    workspaceId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Membership | null> {
    const rows: RoleColumns[] = await manager.query(
      `SELECT ${ROLE_OF_MEMBER} FROM memberships m JOIN roles r ON r.id = m.role_id
       WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [workspaceId, userId],
    );
    return rows[0] ? membershipOf(rows[0]) : null;
  }

  /** What a caller may do with a membership: a token holds only what it was given and its creator has. */
  context(principal: Principal, workspaceId: string, membership: Membership | null): WorkspaceContext | null {
    if (!membership) return null;
    if (principal.kind === 'token' && principal.workspaceId !== workspaceId) return null;
    return {
      workspaceId,
      principal,
      actorUserId: principal.userId,
      role: membership.role,
      permissions: capped(principal, membership.permissions),
    };
  }

  /**
   * The caller's standing re-read inside a transaction (after the workspace row is locked), for rules
   * that must see concurrent changes: a request that passed the guard may have lost its role since.
   */
  async standing(
    manager: EntityManager,
    workspaceId: string,
    principal: Principal,
  ): Promise<{ roleKey: string; permissions: Set<PermissionKey> } | null> {
    const membership = await this.roleOf(workspaceId, principal.userId, manager);
    if (!membership) return null;
    return { roleKey: membership.role.key, permissions: capped(principal, membership.permissions) };
  }
}

function capped(principal: Principal, permissions: Set<PermissionKey>): Set<PermissionKey> {
  if (principal.kind !== 'token') return permissions;
  return new Set([...permissions].filter((p) => principal.permissions.includes(p)));
}
