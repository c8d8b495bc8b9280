import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth';
import { PermissionKey, permissionsOfRole } from './permission-catalogue';
import type { WorkspaceContext } from './workspace-context';

interface MembershipRow {
  role_id: string;
  key: string;
  name: string;
  is_system: boolean;
  permissions: string[];
}

/**
 * Resolves a caller's role in a workspace in one query, per request (never cached), so demotions act at
 * once. A token's permissions are capped by its creator's current role: demoting the creator demotes it.
 */
@Injectable()
export class MembershipResolver {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(principal: Principal, workspaceId: string): Promise<WorkspaceContext | null> {
    if (principal.kind === 'token' && principal.workspaceId !== workspaceId) return null;
    const rows: MembershipRow[] = await this.dataSource.query(
      `SELECT m.role_id, r.key, r.name, r.is_system, r.permissions
       FROM memberships m JOIN roles r ON r.id = m.role_id
       WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [workspaceId, principal.userId],
    );
    const row = rows[0];
    if (!row) return null;
    const rolePermissions = permissionsOfRole({
      key: row.key,
      isSystem: row.is_system,
      permissions: row.permissions,
    });
    const permissions =
      principal.kind === 'token'
        ? new Set<PermissionKey>(
            principal.permissions.filter((p): p is PermissionKey => rolePermissions.has(p as PermissionKey)),
          )
        : rolePermissions;
    return {
      workspaceId,
      principal,
      actorUserId: principal.userId,
      role: { id: row.role_id, key: row.key, name: row.name, isSystem: row.is_system },
      permissions,
    };
  }
}
