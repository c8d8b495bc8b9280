// The benchmark baseline: bare Fastify + pg doing the same work as the server's hot paths, with the same
// SQL statements, so the report's ratios show what the framework, guards and production middleware cost.
// It has no validation, no logging, no security headers, no error format and no metrics: that is the point.
// Keep its SQL in step with server/src/auth/session.service.ts (authenticate), sign-in.service.ts,
// account.service.ts (sessionInfo), audit/audit.service.ts, permissions/membership-resolver.ts and
// workspaces/members.service.ts (list).
import { verify } from '@node-rs/argon2';
import Fastify from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?bastion_session=([A-Za-z0-9_-]{20,200})/;
const IDLE_MS = 60 * 60_000;
const ABSOLUTE_HOURS = 12;
const LAST_SEEN_RESOLUTION_MS = 60_000;
const PAGE_SIZE = 20;
// System roles allowed to read the member list (server/src/permissions/permission-catalogue.ts).
const SYSTEM_ROLES_READING_MEMBERS = new Set(['owner', 'admin', 'member']);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const sha256 = (value) => createHash('sha256').update(value, 'utf8').digest();
const secret = () => randomBytes(32).toString('base64url');

async function authenticate(cookieHeader) {
  const match = SESSION_COOKIE.exec(cookieHeader ?? '');
  if (!match) return null;
  const { rows } = await pool.query(
    `SELECT s.id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, u.email, u.display_name, u.is_platform_admin
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [sha256(match[1])],
  );
  const session = rows[0];
  if (!session) return null;
  const now = Date.now();
  if (now >= session.expires_at.getTime()) return null;
  const idleFor = now - session.last_seen_at.getTime();
  if (idleFor >= IDLE_MS) return null;
  if (idleFor >= LAST_SEEN_RESOLUTION_MS) {
    await pool.query(`UPDATE sessions SET last_seen_at = $2 WHERE id = $1`, [session.id, new Date(now)]);
  }
  return session;
}

const app = Fastify({ logger: false });

app.get('/health', async () => ({ status: 'ok' }));

app.get('/api/workspaces/:workspaceId/members', async (request, reply) => {
  const session = await authenticate(request.headers.cookie);
  if (!session) return reply.code(401).send({ status: 401 });
  const { rows: memberships } = await pool.query(
    `SELECT m.role_id, r.key, r.name, r.is_system, r.permissions
     FROM memberships m JOIN roles r ON r.id = m.role_id
     WHERE m.workspace_id = $1 AND m.user_id = $2`,
    [request.params.workspaceId, session.user_id],
  );
  const role = memberships[0];
  if (!role) return reply.code(404).send({ status: 404 });
  const allowed = role.is_system
    ? SYSTEM_ROLES_READING_MEMBERS.has(role.key)
    : role.permissions.includes('members:read');
  if (!allowed) return reply.code(403).send({ status: 403 });
  const { rows } = await pool.query(
    `SELECT m.user_id, u.email, u.display_name, r.id AS role_id, r.key AS role_key, r.name AS role_name, m.created_at AS joined_at
     FROM memberships m JOIN users u ON u.id = m.user_id JOIN roles r ON r.id = m.role_id
     WHERE m.workspace_id = $1
       AND ($2::text IS NULL OR u.email ILIKE $2 OR u.display_name ILIKE $2)
       AND ($3::text IS NULL OR (u.email, u.id) > ($3, $4::uuid))
     ORDER BY u.email, u.id LIMIT $5`,
    [request.params.workspaceId, null, null, null, PAGE_SIZE + 1],
  );
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  reply.header('cache-control', 'no-store');
  return {
    items: page.map((row) => ({
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: { id: row.role_id, key: row.role_key, name: row.role_name },
      joinedAt: row.joined_at.toISOString(),
    })),
    nextCursor:
      rows.length > PAGE_SIZE
        ? Buffer.from(JSON.stringify({ email: last.email, id: last.user_id }), 'utf8').toString('base64url')
        : null,
  };
});

app.post('/api/auth/login', async (request, reply) => {
  const email = String(request.body?.email ?? '')
    .trim()
    .toLowerCase();
  const password = String(request.body?.password ?? '').normalize('NFKC');
  const { rows } = await pool.query(
    `SELECT id, password_hash, disabled_at, locked_until FROM users WHERE email = $1`,
    [email],
  );
  const user = rows[0];
  const matches = user?.password_hash ? await verify(user.password_hash, password).catch(() => false) : false;
  if (!user || !matches || user.disabled_at) return reply.code(401).send({ status: 401 });
  const token = secret();
  const csrfToken = secret();
  const now = new Date();
  const { rows: created } = await pool.query(
    `INSERT INTO sessions (user_id, token_hash, csrf_token, ip, user_agent, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id`,
    [
      user.id,
      sha256(token),
      csrfToken,
      request.ip,
      request.headers['user-agent'] ?? null,
      now,
      new Date(now.getTime() + ABSOLUTE_HOURS * 3_600_000),
    ],
  );
  await pool.query(
    `INSERT INTO audit_events (workspace_id, actor_id, actor_kind, action, target_type, target_id, ip, user_agent, request_id, metadata)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      null,
      user.id,
      'user',
      'auth.signed_in',
      'session',
      created[0].id,
      request.ip,
      null,
      String(request.id),
      '{}',
    ],
  );
  const [users, workspaces] = await Promise.all([
    pool.query(`SELECT id, email, display_name, is_platform_admin FROM users WHERE id = $1`, [user.id]),
    pool.query(
      `SELECT w.id, w.slug, w.name, r.key AS role FROM memberships m
       JOIN workspaces w ON w.id = m.workspace_id JOIN roles r ON r.id = m.role_id
       WHERE m.user_id = $1 ORDER BY w.name, w.id`,
      [user.id],
    ),
  ]);
  const me = users.rows[0];
  reply.header(
    'set-cookie',
    `bastion_session=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${ABSOLUTE_HOURS * 3600}`,
  );
  reply.header('cache-control', 'no-store');
  return {
    user: { id: me.id, email: me.email, displayName: me.display_name, isPlatformAdmin: me.is_platform_admin },
    csrfToken,
    workspaces: workspaces.rows,
  };
});

const shutdown = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3100) });
