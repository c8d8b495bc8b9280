import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { Clock } from '../core/clock';
import { AuthConfig } from '../core/config';
import type { RequestContext } from '../core/http';
import { AuthError, authProblem } from './auth.errors';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher';

interface CredentialRow {
  id: string;
  password_hash: string | null;
  disabled_at: Date | null;
  locked_until: Date | null;
}

export type FailureReason = 'unknown-email' | 'wrong-password' | 'disabled' | 'locked' | 'no-password';

/**
 * Checks credentials so that every failure (unknown email, wrong password, disabled or locked account)
 * looks the same from outside: same status, same body, and a password hash verified every time.
 */
@Injectable()
export class SignInService {
  private dummyHash?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AuthConfig,
    private readonly audit: AuditService,
  ) {}

  /** Returns the user id when the credentials are right; throws the one generic 401 otherwise. */
  async verifyCredentials(rawEmail: string, password: string, context: RequestContext): Promise<string> {
    const email = rawEmail.trim().toLowerCase();
    const rows: CredentialRow[] = await this.dataSource.query(
      `SELECT id, password_hash, disabled_at, locked_until FROM users WHERE email = $1`,
      [email],
    );
    const user = rows[0];
    const matches = await verifyPassword(user?.password_hash ?? (await this.equaliserHash()), password);
    const now = this.clock.now();

    let failure: FailureReason | null = null;
    if (!user) failure = 'unknown-email';
    else if (user.password_hash === null) failure = 'no-password';
    else if (user.disabled_at) failure = 'disabled';
    else if (user.locked_until && user.locked_until > now) failure = 'locked';
    else if (!matches) failure = 'wrong-password';

    if (failure) {
      await this.recordFailure(email, user?.id ?? null, failure, context, now);
      throw authProblem(AuthError.InvalidCredentials);
    }
    const userId = (user as CredentialRow).id;
    await this.dataSource.query(
      `UPDATE users SET failed_sign_in_count = 0, locked_until = NULL WHERE id = $1 AND (failed_sign_in_count <> 0 OR locked_until IS NOT NULL)`,
      [userId],
    );
    if (needsRehash((user as CredentialRow).password_hash as string)) {
      await this.dataSource.query(`UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1`, [
        userId,
        await hashPassword(password),
        now,
      ]);
    }
    return userId;
  }

  /** Kept only once made: a refusal by the busy hashing bulkhead must not be remembered as the hash. */
  private async equaliserHash(): Promise<string> {
    this.dummyHash ??= await hashPassword('bastion timing equaliser');
    return this.dummyHash;
  }

  private async recordFailure(
    email: string,
    userId: string | null,
    reason: FailureReason,
    context: RequestContext,
    now: Date,
  ): Promise<void> {
    if (userId && (reason === 'wrong-password' || reason === 'locked')) {
      // One atomic statement, so parallel attempts from many IPs all count; an expired lock starts over.
      const [rows] = await this.dataSource.query(
        `UPDATE users SET
           failed_sign_in_count = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1 ELSE failed_sign_in_count + 1 END,
           locked_until = CASE
             WHEN locked_until IS NOT NULL AND locked_until > $2 THEN locked_until
             WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1 ELSE failed_sign_in_count + 1 END) >= $3
               THEN $2::timestamptz + make_interval(mins => $4)
             ELSE NULL END
         WHERE id = $1
         RETURNING failed_sign_in_count, locked_until, (locked_until > $2 AND failed_sign_in_count = $3) AS just_locked`,
        [userId, now, this.config.lockoutThreshold, this.config.lockoutMinutes],
      );
      if (rows[0]?.just_locked) {
        await this.audit.record({
          action: 'auth.locked',
          actor: { id: userId, kind: 'user' },
          target: { type: 'user', id: userId },
          metadata: { failures: rows[0].failed_sign_in_count, lockedUntil: rows[0].locked_until },
          context,
        });
      }
    }
    await this.audit.record({
      action: 'auth.sign_in_failed',
      actor: { id: userId, kind: userId ? 'user' : 'anonymous' },
      target: userId ? { type: 'user', id: userId } : null,
      metadata: { email, reason },
      context,
    });
  }
}
