import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth';
import { PermissionKey, permissionsOfRole } from '../permissions';
import { WorkspaceError, workspaceProblem } from './workspaces.errors';

export interface RoleRow {
  id: string;
  key: string;
  name: string;
  description: string;
  is_system: boolean;
  permissions: string[];
  workspace_id: string | null;
}

export interface ActorStanding {
  roleKey: string;
  permissions: Set<PermissionKey>;
}

export const OWNER = 'owner';

export function rolePermissions(role: RoleRow): Set<PermissionKey> {
  return permissionsOfRole({ key: role.key, isSystem: role.is_system, permissions: role.permissions });
}

/**
 * The rules every membership change obeys, evaluated inside the change's transaction after the workspace
 * row is locked, so concurrent requests see each other's effects (two owners demoting each other at once
 * still leave one owner).
 */
@Injectable()
export class WorkspaceRules {
  /** Serialises membership changes in one workspace for the rest of the transaction. */
  async lockWorkspace(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager.query(`SELECT id FROM workspaces WHERE id = $1 FOR UPDATE`, [workspaceId]);
  }

  async findRoleByKey(manager: EntityManager, workspaceId: string, key: string): Promise<RoleRow | null> {
    const rows: RoleRow[] = await manager.query(
      `SELECT id, key, name, description, is_system, permissions, workspace_id FROM roles
       WHERE key = $2 AND (workspace_id = $1 OR (workspace_id IS NULL AND is_system))`,
      [workspaceId, key],
    );
    return rows[0] ?? null;
  }

  async roleOfMember(manager: EntityManager, workspaceId: string, userId: string): Promise<RoleRow | null> {
    const rows: RoleRow[] = await manager.query(
      `SELECT r.id, r.key, r.name, r.description, r.is_system, r.permissions, r.workspace_id
       FROM memberships m JOIN roles r ON r.id = m.role_id WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [workspaceId, userId],
    );
    return rows[0] ?? null;
  }

  /** The actor's standing re-read under the lock: a request that passed the guard may have lost it since. */
  async actorStanding(
    manager: EntityManager,
    workspaceId: string,
    principal: Principal,
  ): Promise<ActorStanding> {
    const role = await this.roleOfMember(manager, workspaceId, principal.userId);
    if (!role)
      throw workspaceProblem(WorkspaceError.MemberNotFound, {
        detail: 'You are no longer a member of this workspace.',
      });
    const permissions = rolePermissions(role);
    if (principal.kind === 'token') {
      return {
        roleKey: role.key,
        permissions: new Set([...permissions].filter((p) => principal.permissions.includes(p))),
      };
    }
    return { roleKey: role.key, permissions };
  }

  /** Nobody can grant a permission they do not hold, through a role, an invitation or a token. */
  assertCanGrant(actor: ActorStanding, granted: Iterable<PermissionKey>, field = 'role'): void {
    const missing = [...granted].filter((p) => !actor.permissions.has(p));
    if (missing.length > 0) {
      throw workspaceProblem(WorkspaceError.CannotGrant, {
        detail: `You cannot grant permissions you do not hold: ${missing.join(', ')}.`,
        errors: [{ field, message: `grants ${missing.join(', ')}, which you do not hold` }],
        extensions: { missingPermissions: missing },
      });
    }
  }

  async ownerCount(manager: EntityManager, workspaceId: string): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS n FROM memberships m JOIN roles r ON r.id = m.role_id
       WHERE m.workspace_id = $1 AND r.key = 'owner' AND r.is_system`,
      [workspaceId],
    );
    return row.n;
  }
}
