import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../core/clock';
import { AuthConfig } from '../core/config';
import type { RequestContext } from '../core/http';
import type { UserPrincipal } from './principal';
import { generateSecret, sha256 } from './secret-token';

const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * A live session and its person, as `sessions s JOIN users u` yields them for a cookie's token hash
 * (`s.token_hash = sha256(token) AND s.revoked_at IS NULL AND u.disabled_at IS NULL`).
 */
export interface LiveSessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  email: string;
  display_name: string;
  is_platform_admin: boolean;
}

export interface SessionView {
  id: string;
  device: string;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** A short, human label for a user agent: enough to recognise a device in the sessions list. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : /curl\//i.test(userAgent)
            ? 'curl'
            : 'Browser';
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return os ? `${browser} on ${os}` : browser;
}

/**
 * Server-side sessions: the cookie carries a 256-bit random token, the database only its SHA-256.
 * A session ends when revoked, idle longer than the idle timeout, or past its absolute lifetime.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AuthConfig,
  ) {}

  async create(
    userId: string,
    context: RequestContext,
  ): Promise<{ token: string; sessionId: string; csrfToken: string }> {
    const token = generateSecret();
    const csrfToken = generateSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000);
    const [row] = await this.dataSource.query(
      `INSERT INTO sessions (user_id, token_hash, csrf_token, ip, user_agent, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id`,
      [userId, sha256(token), csrfToken, context.ip, context.userAgent, now, expiresAt],
    );
    return { token, sessionId: row.id, csrfToken };
  }

  /**
   * Turns a session row read by the access path (joined there with the caller's membership, so one
   * statement serves both) into its person; null once it is past its absolute or idle expiry. Marks
   * the session as seen at most once a minute.
   */
  async accept(session: LiveSessionRow): Promise<UserPrincipal | null> {
    const now = this.clock.now().getTime();
    if (now >= session.expires_at.getTime()) return null;
    const idleFor = now - session.last_seen_at.getTime();
    if (idleFor >= this.config.sessionIdleMinutes * 60_000) return null;
    if (idleFor >= LAST_SEEN_RESOLUTION_MS) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = $2 WHERE id = $1`, [
        session.id,
        new Date(now),
      ]);
    }
    return {
      kind: 'user',
      userId: session.user_id,
      email: session.email,
      displayName: session.display_name,
      isPlatformAdmin: session.is_platform_admin,
      sessionId: session.id,
      csrfToken: session.csrf_token,
    };
  }

  /** Revokes the session a token belongs to, if any (used to refuse a pre-sign-in cookie: no fixation). */
  async revokeByToken(token: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL`,
      [sha256(token), this.clock.now()],
    );
  }

  async revoke(userId: string, sessionId: string): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE sessions SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [sessionId, userId, this.clock.now()],
    );
    return result[0].length > 0;
  }

  /** Ends every session of a person, optionally keeping one (the one changing the password). */
  async revokeAll(userId: string, exceptSessionId: string | null = null): Promise<number> {
    const result = await this.dataSource.query(
      `UPDATE sessions SET revoked_at = $3 WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2) RETURNING id`,
      [userId, exceptSessionId, this.clock.now()],
    );
    return result[0].length;
  }

  async list(userId: string, currentSessionId: string): Promise<SessionView[]> {
    const now = this.clock.now();
    const rows = await this.dataSource.query(
      `SELECT id, ip, user_agent, created_at, last_seen_at FROM sessions
       WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 AND last_seen_at > $3
       ORDER BY last_seen_at DESC, id`,
      [userId, now, new Date(now.getTime() - this.config.sessionIdleMinutes * 60_000)],
    );
    return rows.map(
      (r: {
        id: string;
        ip: string | null;
        user_agent: string | null;
        created_at: Date;
        last_seen_at: Date;
      }) => ({
        id: r.id,
        device: describeDevice(r.user_agent),
        ip: r.ip,
        createdAt: r.created_at.toISOString(),
        lastSeenAt: r.last_seen_at.toISOString(),
        current: r.id === currentSessionId,
      }),
    );
  }
}
