import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth';
import {
  MembershipResolver,
  PermissionKey,
  permissionsOfRole,
  SYSTEM_ROLE_PERMISSIONS,
} from '../permissions';
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

/** The columns of a RoleRow, read from `roles r`. */
export const ROLE_COLUMNS = 'r.id, r.key, r.name, r.description, r.is_system, r.permissions, r.workspace_id';

export const isOwnerRole = (role: RoleRow): boolean => role.is_system && role.key === OWNER;

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
  constructor(private readonly memberships: MembershipResolver) {}

  /** Serialises membership changes in one workspace for the rest of the transaction. */
  async lockWorkspace(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager.query(`SELECT id FROM workspaces WHERE id = $1 FOR UPDATE`, [workspaceId]);
  }

  async findRoleByKey(manager: EntityManager, workspaceId: string, key: string): Promise<RoleRow | null> {
    const rows: RoleRow[] = await manager.query(
      `SELECT ${ROLE_COLUMNS} FROM roles r
       WHERE r.key = $2 AND (r.workspace_id = $1 OR (r.workspace_id IS NULL AND r.is_system))`,
      [workspaceId, key],
    );
    return rows[0] ?? null;
  }

  async findRoleById(manager: EntityManager, workspaceId: string, id: string): Promise<RoleRow | null> {
    const rows: RoleRow[] = await manager.query(
      `SELECT ${ROLE_COLUMNS} FROM roles r
       WHERE r.id = $2 AND (r.workspace_id = $1 OR (r.workspace_id IS NULL AND r.is_system))`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /** A member's role as the rules read it; null when they are not a member. */
  async roleOfMember(manager: EntityManager, workspaceId: string, userId: string): Promise<RoleRow | null> {
    const membership = await this.memberships.roleOf(workspaceId, userId, manager);
    if (!membership) return null;
    const { role } = membership;
    return {
      id: role.id,
      key: role.key,
      name: role.name,
      description: '',
      is_system: role.isSystem,
      permissions: [...membership.permissions],
      workspace_id: role.isSystem ? null : workspaceId,
    };
  }

  /** The actor's standing re-read under the lock: a request that passed the guard may have lost it since. */
  async actorStanding(
    manager: EntityManager,
    workspaceId: string,
    principal: Principal,
  ): Promise<ActorStanding> {
    const standing = await this.memberships.standing(manager, workspaceId, principal);
    if (!standing)
      throw workspaceProblem(WorkspaceError.MemberNotFound, {
        detail: 'You are no longer a member of this workspace.',
      });
    return standing;
  }

  /**
   * Owner rank: the owner role with every owner permission. A person who is an owner has it; an API token
   * of an owner has it only while it holds every permission, so a narrow token never acts as an owner.
   */
  isOwner(actor: ActorStanding): boolean {
    return actor.roleKey === OWNER && SYSTEM_ROLE_PERMISSIONS.owner.every((p) => actor.permissions.has(p));
  }

  /**
   * Giving a role, on any path (invitation, resend, role change, a deleted role's replacement): the actor
   * holds every permission it carries, and only owners give the owner role.
   */
  mayGrantRole(actor: ActorStanding, role: RoleRow): boolean {
    if (isOwnerRole(role) && !this.isOwner(actor)) return false;
    return [...rolePermissions(role)].every((p) => actor.permissions.has(p));
  }

  assertCanGrantRole(actor: ActorStanding, role: RoleRow, field = 'role'): void {
    if (isOwnerRole(role) && !this.isOwner(actor)) throw workspaceProblem(WorkspaceError.OwnerOnly);
    this.assertCanGrant(actor, rolePermissions(role), field);
  }

  /**
   * Acting on someone else's standing (changing their role, removing them, revoking their invitation or
   * their API token): the actor must hold every permission of that role, so nobody acts on a rank above
   * their own. Owners act on anyone; only owners act on owners.
   */
  assertOutranks(actor: ActorStanding, role: RoleRow): void {
    if (this.isOwner(actor)) return;
    if (isOwnerRole(role)) throw workspaceProblem(WorkspaceError.OwnerOnly);
    const missing = [...rolePermissions(role)].filter((p) => !actor.permissions.has(p));
    if (missing.length > 0) {
      throw workspaceProblem(WorkspaceError.OutrankedByTarget, {
        detail: `Their role (${role.name}) holds permissions you do not: ${missing.join(', ')}.`,
        extensions: { missingPermissions: missing },
      });
    }
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
