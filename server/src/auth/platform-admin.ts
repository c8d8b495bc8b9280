import { isEmail } from 'class-validator';
import type { DataSource } from 'typeorm';
import { AuditAction, AuditService } from '../audit';
import type { FieldError } from '../core/errors';
import { hashPassword } from './password-hasher';
import { passwordPolicyViolations } from './password-policy';

export interface PlatformAdminRequest {
  email: string;
  displayName?: string;
  /** Needed to create an account; ignored when promoting an existing one. */
  password?: string;
  /** Make an existing account a platform admin instead of refusing. */
  promote: boolean;
  passwordMinLength: number;
}

export type PlatformAdminOutcome =
  | { kind: 'created'; userId: string }
  | { kind: 'promoted'; userId: string }
  | { kind: 'already-admin'; userId: string }
  | { kind: 'exists' }
  | { kind: 'invalid'; errors: FieldError[] };

/**
 * The first platform admin of a fresh production database, or a later one, without seeding demo data:
 * creates the account (same email rules, password policy and hashing as the API) or, when asked,
 * promotes an existing account. Audited as a system action.
 */
export async function ensurePlatformAdmin(
  dataSource: DataSource,
  audit: AuditService,
  request: PlatformAdminRequest,
): Promise<PlatformAdminOutcome> {
  const email = request.email.trim().toLowerCase();
  if (!isEmail(email) || email.length > 320) {
    return { kind: 'invalid', errors: [{ field: 'email', message: 'email must be an email address' }] };
  }
  return dataSource.transaction(async (manager) => {
    const audited = (action: AuditAction, userId: string) =>
      audit.record(
        {
          action,
          actor: { id: null, kind: 'system' },
          target: { type: 'user', id: userId },
          metadata: { via: 'cli' },
        },
        manager,
      );
    const [existing] = (await manager.query(
      `SELECT id, is_platform_admin FROM users WHERE email = $1 FOR UPDATE`,
      [email],
    )) as { id: string; is_platform_admin: boolean }[];
    if (existing) {
      if (existing.is_platform_admin) return { kind: 'already-admin', userId: existing.id };
      if (!request.promote) return { kind: 'exists' };
      await manager.query(`UPDATE users SET is_platform_admin = true, updated_at = now() WHERE id = $1`, [
        existing.id,
      ]);
      await audited('admin.platform_admin_granted', existing.id);
      return { kind: 'promoted', userId: existing.id };
    }

    const displayName = (request.displayName ?? email.split('@')[0]).trim();
    const errors: FieldError[] = [];
    if (displayName.length < 1 || displayName.length > 100) {
      errors.push({ field: 'name', message: 'name must be 1 to 100 characters' });
    }
    if (request.password === undefined || request.password.length === 0) {
      errors.push({ field: 'password', message: 'a password is needed to create the account' });
    } else {
      errors.push(
        ...passwordPolicyViolations(request.password, {
          minLength: request.passwordMinLength,
          email,
          field: 'password',
        }),
      );
    }
    if (errors.length > 0) return { kind: 'invalid', errors };

    const [created] = (await manager.query(
      `INSERT INTO users (email, display_name, password_hash, is_platform_admin) VALUES ($1, $2, $3, true) RETURNING id`,
      [email, displayName, await hashPassword(request.password!)],
    )) as { id: string }[];
    await audited('admin.platform_admin_created', created.id);
    return { kind: 'created', userId: created.id };
  });
}
