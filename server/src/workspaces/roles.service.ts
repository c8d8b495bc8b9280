import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { Clock } from '../core/clock';
import type { RequestContext } from '../core/http';
import { isPermissionKey, PERMISSION_KEYS, PermissionKey, WorkspaceContext } from '../permissions';
import { actorOf } from './actor';
import { RoleRow, rolePermissions, WorkspaceRules } from './workspace-rules';
import { WorkspaceError, workspaceProblem } from './workspaces.errors';

export interface RoleView {
  id: string;
  key: string;
  name: string;
  description: string;
  permissions: PermissionKey[];
  isSystem: boolean;
  memberCount: number;
}

const SELECT_ROLE = `SELECT r.id, r.key, r.name, r.description, r.is_system, r.permissions, r.workspace_id,
  (SELECT count(*)::int FROM memberships m WHERE m.role_id = r.id AND m.workspace_id = $1) AS member_count FROM roles r`;

function toView(row: RoleRow & { member_count: number }): RoleView {
  const granted = rolePermissions(row);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    permissions: PERMISSION_KEYS.filter((p) => granted.has(p)),
    isSystem: row.is_system,
    memberCount: row.member_count,
  };
}

/** Validates requested keys against the catalogue; every role may at least see its workspace. */
export function permissionSet(
  requested: string[],
  always: PermissionKey[] = ['workspace:read'],
): PermissionKey[] {
  const unknown = requested.filter((key) => !isPermissionKey(key));
  if (unknown.length > 0) {
    throw workspaceProblem(WorkspaceError.UnknownPermission, {
      detail: `Unknown permission keys: ${unknown.join(', ')}.`,
      errors: unknown.map((key) => ({ field: 'permissions', message: `${key} is not a permission` })),
    });
  }
  const set = new Set<PermissionKey>([...always, ...(requested as PermissionKey[])]);
  return PERMISSION_KEYS.filter((p) => set.has(p));
}

function keyFromName(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return base || 'role';
}

@Injectable()
export class RolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: WorkspaceRules,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(workspaceId: string): Promise<{ items: RoleView[]; nextCursor: null }> {
    const rows = await this.dataSource.query(
      `${SELECT_ROLE} WHERE r.workspace_id = $1 OR (r.workspace_id IS NULL AND r.is_system)
       ORDER BY r.is_system DESC, r.created_at, r.name`,
      [workspaceId],
    );
    return { items: rows.map(toView), nextCursor: null };
  }

  private async find(
    manager: EntityManager,
    workspaceId: string,
    roleId: string,
  ): Promise<RoleRow & { member_count: number }> {
    const rows = await manager.query(
      `${SELECT_ROLE} WHERE r.id = $2 AND (r.workspace_id = $1 OR (r.workspace_id IS NULL AND r.is_system))`,
      [workspaceId, roleId],
    );
    if (!rows[0]) throw workspaceProblem(WorkspaceError.RoleNotFound);
    return rows[0];
  }

  async get(workspaceId: string, roleId: string): Promise<RoleView> {
    return toView(await this.find(this.dataSource.manager, workspaceId, roleId));
  }

  async create(
    ws: WorkspaceContext,
    input: { name: string; description?: string; permissions: string[] },
    context: RequestContext,
  ): Promise<RoleView> {
    const permissions = permissionSet(input.permissions);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.rules.lockWorkspace(manager, ws.workspaceId);
      const actor = await this.rules.actorStanding(manager, ws.workspaceId, ws.principal);
      this.rules.assertCanGrant(actor, permissions, 'permissions');
      const taken = new Set<string>(
        (
          await manager.query(`SELECT key FROM roles WHERE workspace_id = $1 OR workspace_id IS NULL`, [
            ws.workspaceId,
          ])
        ).map((r: { key: string }) => r.key),
      );
      const base = keyFromName(input.name);
      let key = base;
      for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
      const now = this.clock.now();
      const [row] = await manager.query(
        `INSERT INTO roles (workspace_id, key, name, description, permissions, is_system, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, false, $6, $6) RETURNING id`,
        [ws.workspaceId, key, input.name, input.description ?? '', permissions, now],
      );
      await this.audit.record(
        {
          action: 'role.created',
          actor: actorOf(ws),
          workspaceId: ws.workspaceId,
          target: { type: 'role', id: row.id },
          metadata: { key, permissions },
          context,
        },
        manager,
      );
      return row.id as string;
    });
    return this.get(ws.workspaceId, id);
  }

  async update(
    ws: WorkspaceContext,
    roleId: string,
    input: { name?: string; description?: string; permissions?: string[] },
    context: RequestContext,
  ): Promise<RoleView> {
    const permissions = input.permissions ? permissionSet(input.permissions) : undefined;
    await this.dataSource.transaction(async (manager) => {
      await this.rules.lockWorkspace(manager, ws.workspaceId);
      const role = await this.find(manager, ws.workspaceId, roleId);
      if (role.is_system) throw workspaceProblem(WorkspaceError.SystemRoleReadOnly);
      const actor = await this.rules.actorStanding(manager, ws.workspaceId, ws.principal);
      // Editing a role is granting its permissions to everyone who holds it, before and after the change.
      this.rules.assertCanGrant(actor, [...rolePermissions(role), ...(permissions ?? [])], 'permissions');
      await manager.query(
        `UPDATE roles SET name = coalesce($2, name), description = coalesce($3, description),
           permissions = coalesce($4, permissions), updated_at = $5 WHERE id = $1`,
        [roleId, input.name ?? null, input.description ?? null, permissions ?? null, this.clock.now()],
      );
      await this.audit.record(
        {
          action: 'role.updated',
          actor: actorOf(ws),
          workspaceId: ws.workspaceId,
          target: { type: 'role', id: roleId },
          metadata: {
            before: { name: role.name, permissions: [...rolePermissions(role)] },
            after: { name: input.name, permissions },
          },
          context,
        },
        manager,
      );
    });
    return this.get(ws.workspaceId, roleId);
  }

  /** Deletes a custom role; members and pending invitations holding it move to the named replacement. */
  async delete(
    ws: WorkspaceContext,
    roleId: string,
    replacementKey: string | undefined,
    context: RequestContext,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.rules.lockWorkspace(manager, ws.workspaceId);
      const role = await this.find(manager, ws.workspaceId, roleId);
      if (role.is_system) throw workspaceProblem(WorkspaceError.SystemRoleReadOnly);
      const actor = await this.rules.actorStanding(manager, ws.workspaceId, ws.principal);
      this.rules.assertCanGrant(actor, rolePermissions(role), 'permissions');
      const [{ n: invitations }] = await manager.query(
        `SELECT count(*)::int AS n FROM invitations WHERE role_id = $1`,
        [roleId],
      );
      const inUse = role.member_count > 0 || invitations > 0;
      let replacement: RoleRow | null = null;
      if (inUse) {
        if (!replacementKey) {
          throw workspaceProblem(WorkspaceError.RoleInUse, {
            errors: [{ field: 'replacement', message: 'required while the role is in use' }],
            extensions: { memberCount: role.member_count, invitationCount: invitations },
          });
        }
        replacement = await this.rules.findRoleByKey(manager, ws.workspaceId, replacementKey);
        if (!replacement || replacement.id === roleId) {
          throw workspaceProblem(WorkspaceError.UnknownRole, {
            errors: [{ field: 'replacement', message: `no other role with key ${replacementKey}` }],
          });
        }
        this.rules.assertCanGrantRole(actor, replacement, 'replacement');
        await manager.query(`UPDATE memberships SET role_id = $2, updated_at = $3 WHERE role_id = $1`, [
          roleId,
          replacement.id,
          this.clock.now(),
        ]);
        await manager.query(`UPDATE invitations SET role_id = $2 WHERE role_id = $1`, [
          roleId,
          replacement.id,
        ]);
      }
      await manager.query(`DELETE FROM roles WHERE id = $1`, [roleId]);
      await this.audit.record(
        {
          action: 'role.deleted',
          actor: actorOf(ws),
          workspaceId: ws.workspaceId,
          target: { type: 'role', id: roleId },
          metadata: { key: role.key, replacement: replacement?.key ?? null, membersMoved: role.member_count },
          context,
        },
        manager,
      );
    });
  }
}
