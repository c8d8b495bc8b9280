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

export interface Membership {
  role: WorkspaceContext['role'];
  permissions: Set<PermissionKey>;
}

/**
 * Resolves a caller's role in a workspace in one query, per request (never cached), so demotions act at
 * once. A token's permissions are capped by its creator's current role: demoting the creator demotes it.
 */
@Injectable()
export class MembershipResolver {
  constructor(private readonly dataSource: DataSource) {}

  /** A person's role in a workspace and what it allows; null when they are not a member. */
  async roleOf(workspaceId: string, userId: string): Promise<Membership | null> {
    const rows: MembershipRow[] = await this.dataSource.query(
      `SELECT m.role_id, r.key, r.name, r.is_system, r.permissions
       FROM memberships m JOIN roles r ON r.id = m.role_id
       WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [workspaceId, userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      role: { id: row.role_id, key: row.key, name: row.name, isSystem: row.is_system },
      permissions: permissionsOfRole({ key: row.key, isSystem: row.is_system, permissions: row.permissions }),
    };
  }

  async resolve(principal: Principal, workspaceId: string): Promise<WorkspaceContext | null> {
    if (principal.kind === 'token' && principal.workspaceId !== workspaceId) return null;
    const membership = await this.roleOf(workspaceId, principal.userId);
    if (!membership) return null;
    const permissions =
      principal.kind === 'token'
        ? new Set<PermissionKey>([...membership.permissions].filter((p) => principal.permissions.includes(p)))
        : membership.permissions;
    return { workspaceId, principal, actorUserId: principal.userId, role: membership.role, permissions };
  }
}
