import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../core/clock';
import type { TokenPrincipal } from './principal';
import { generateSecret, sha256 } from './secret-token';

const TOKEN_PATTERN = /^(bst_[a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/**
 * An active token and its creator, as `api_tokens t JOIN users u ON u.id = t.created_by` yields them for a
 * parsed token (`t.prefix AND t.secret_hash match, t.revoked_at IS NULL AND u.disabled_at IS NULL`).
 */
export interface LiveTokenRow {
  id: string;
  workspace_id: string;
  created_by: string;
  permissions: string[];
  expires_at: Date | null;
  last_used_at: Date | null;
}

interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  created_by: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toView = (row: ApiTokenRow): ApiTokenView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  permissions: row.permissions,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at?.toISOString() ?? null,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

function randomPrefix(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return 'bst_' + [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * API tokens are `bst_<prefix>_<secret>`: the prefix finds the row and is safe to show in lists; only the
 * secret's SHA-256 is stored. The full token is returned once, at creation.
 */
@Injectable()
export class ApiTokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The row a bearer token names, by its prefix and the digest of its secret; null when malformed. */
  parse(token: string): { prefix: string; secretHash: Buffer } | null {
    const match = TOKEN_PATTERN.exec(token);
    return match ? { prefix: match[1], secretHash: sha256(match[2]) } : null;
  }

  /**
   * Turns a token row read by the access path (joined there with its creator's membership, so one
   * statement serves both) into its principal; null once expired. Records use at most once a minute.
   */
  async accept(token: LiveTokenRow): Promise<TokenPrincipal | null> {
    const now = this.clock.now();
    if (token.expires_at && token.expires_at <= now) return null;
    if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.dataSource.query(`UPDATE api_tokens SET last_used_at = $2 WHERE id = $1`, [token.id, now]);
    }
    return {
      kind: 'token',
      tokenId: token.id,
      userId: token.created_by,
      workspaceId: token.workspace_id,
      permissions: token.permissions,
    };
  }

  async create(
    input: {
      workspaceId: string;
      createdBy: string;
      name: string;
      permissions: string[];
      expiresAt: Date | null;
    },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ token: string; view: ApiTokenView }> {
    const prefix = randomPrefix();
    const secret = generateSecret();
    const [row] = await manager.query(
      `INSERT INTO api_tokens (workspace_id, created_by, name, prefix, secret_hash, permissions, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING id, name, prefix, permissions, created_by, created_at, expires_at, last_used_at, revoked_at`,
      [
        input.workspaceId,
        input.createdBy,
        input.name,
        prefix,
        sha256(secret),
        input.permissions,
        input.expiresAt,
        this.clock.now(),
      ],
    );
    return { token: `${prefix}_${secret}`, view: toView(row) };
  }

  async list(workspaceId: string): Promise<ApiTokenView[]> {
    const rows: ApiTokenRow[] = await this.dataSource.query(
      `SELECT id, name, prefix, permissions, created_by, created_at, expires_at, last_used_at, revoked_at
       FROM api_tokens WHERE workspace_id = $1 ORDER BY created_at DESC, id`,
      [workspaceId],
    );
    return rows.map(toView);
  }

  /**
   * Revokes every active token a person created, in one workspace or (when none is named) everywhere, as
   * part of the caller's transaction; answers the ids revoked, for the audit record.
   */
  async revokeCreatedBy(userId: string, manager: EntityManager, workspaceId?: string): Promise<string[]> {
    const [rows] = await manager.query(
      `UPDATE api_tokens SET revoked_at = $3
       WHERE created_by = $1 AND ($2::uuid IS NULL OR workspace_id = $2) AND revoked_at IS NULL RETURNING id`,
      [userId, workspaceId ?? null, this.clock.now()],
    );
    return rows.map((row: { id: string }) => row.id);
  }

  /** The creator and permissions of an active token in a workspace, for checks before revoking it. */
  async findActive(
    workspaceId: string,
    tokenId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ createdBy: string; permissions: string[] } | null> {
    const rows = await manager.query(
      `SELECT created_by, permissions FROM api_tokens WHERE id = $1 AND workspace_id = $2 AND revoked_at IS NULL`,
      [tokenId, workspaceId],
    );
    return rows[0] ? { createdBy: rows[0].created_by, permissions: rows[0].permissions } : null;
  }

  /** Returns false when no active token with this id exists in the workspace. */
  async revoke(
    workspaceId: string,
    tokenId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const [rows] = await manager.query(
      `UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND workspace_id = $2 AND revoked_at IS NULL RETURNING id`,
      [tokenId, workspaceId, this.clock.now()],
    );
    return rows.length > 0;
  }
}
