/**
 * The authorization matrix: for each route (method × path), the status each kind of caller must get.
 * Written by hand from the product's rules, not derived from the code under test. Columns:
 *
 *   anon      no credentials
 *   viewer    viewer@example.com          (acme: viewer)
 *   member    member@example.com          (acme: member)
 *   admin     admin@example.com           (acme: admin)
 *   owner     owner@example.com           (acme: owner)
 *   auditor   alan.turing@example.com     (acme: custom role "auditor": workspace:read, members:read, audit:read)
 *   outsider  owner of another workspace, not in acme
 *   ops       platform admin, not in acme
 *   tokenAll  API token of acme's owner holding every permission
 *   tokenRead API token of acme's owner holding only workspace:read
 *
 * A number is the exact status. `H` is 404 workspace-not-found: the workspace is hidden from non-members.
 * `'404 <type>'` is a 404 of that problem type, proving the guard let the request through. `S` skips a
 * cell whose success would end the caller's own session or membership; those paths have their own tests.
 */
export const ACTORS = [
  'anon',
  'viewer',
  'member',
  'admin',
  'owner',
  'auditor',
  'outsider',
  'ops',
  'tokenAll',
  'tokenRead',
] as const;
export type Actor = (typeof ACTORS)[number];

export const H = 'hidden';
export const S = 'skip';
export type Expected = number | typeof H | typeof S | `404 ${string}`;

export interface Ids {
  workspace: string;
  ownerId: string;
  viewerId: string;
  auditorRoleId: string;
  ownerRoleId: string;
  random: string;
  randomToken: string;
}

export interface MatrixRow {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The route pattern as Nest declares it; the spec fails if a served route has no row. */
  route: string;
  url: (ids: Ids) => string;
  body?: (actor: Actor, ids: Ids) => object;
  expect: Record<Actor, Expected>;
}

function cells(...values: Expected[]): Record<Actor, Expected> {
  if (values.length !== ACTORS.length)
    throw new Error(`a row needs ${ACTORS.length} cells, got ${values.length}`);
  return Object.fromEntries(ACTORS.map((actor, i) => [actor, values[i]])) as Record<Actor, Expected>;
}

const W = '/api/workspaces/:workspaceId';
const w = (ids: Ids, rest = '') => `/api/workspaces/${ids.workspace}${rest}`;
const all = (value: Expected) => cells(...ACTORS.map(() => value));

export const MATRIX: MatrixRow[] = [
  // Probes and public auth routes
  { method: 'GET', route: '/health', url: () => '/health', expect: all(200) },
  { method: 'GET', route: '/ready', url: () => '/ready', expect: all(200) },
  {
    method: 'POST',
    route: '/api/auth/login',
    url: () => '/api/auth/login',
    body: () => ({ email: 'owner@example.com', password: 'wrong password!' }),
    expect: all(401),
  },
  {
    method: 'GET',
    route: '/api/auth/password-policy',
    url: () => '/api/auth/password-policy',
    expect: all(200),
  },
  {
    method: 'GET',
    route: '/api/invitations/:token',
    url: (ids) => `/api/invitations/${ids.randomToken}`,
    expect: all(410),
  },
  {
    method: 'POST',
    route: '/api/invitations/accept',
    url: () => '/api/invitations/accept',
    body: (_a, ids) => ({ token: ids.randomToken }),
    expect: all(410),
  },

  // Session-only account routes
  //                                                                         anon viewer member admin owner auditor outsider ops tokenAll tokenRead
  {
    method: 'GET',
    route: '/api/auth/session',
    url: () => '/api/auth/session',
    expect: cells(401, 200, 200, 200, 200, 200, 200, 200, 403, 403),
  },
  {
    method: 'POST',
    route: '/api/auth/logout',
    url: () => '/api/auth/logout',
    expect: cells(401, S, S, S, S, S, S, S, 403, 403),
  },
  {
    method: 'POST',
    route: '/api/auth/logout-all',
    url: () => '/api/auth/logout-all',
    expect: cells(401, S, S, S, S, S, S, S, 403, 403),
  },
  {
    method: 'PATCH',
    route: '/api/me',
    url: () => '/api/me',
    body: (actor) => ({ displayName: `Matrix ${actor}` }),
    expect: cells(401, 200, 200, 200, 200, 200, 200, 200, 403, 403),
  },
  {
    method: 'POST',
    route: '/api/me/password',
    url: () => '/api/me/password',
    body: () => ({ currentPassword: 'not it', newPassword: 'a long enough new passphrase' }),
    expect: cells(401, 400, 400, 400, 400, 400, 400, 400, 403, 403),
  },
  {
    method: 'GET',
    route: '/api/me/sessions',
    url: () => '/api/me/sessions',
    expect: cells(401, 200, 200, 200, 200, 200, 200, 200, 403, 403),
  },
  {
    method: 'DELETE',
    route: '/api/me/sessions/:id',
    url: (ids) => `/api/me/sessions/${ids.random}`,
    expect: cells(401, 404, 404, 404, 404, 404, 404, 404, 403, 403),
  },
  {
    method: 'GET',
    route: '/api/permissions',
    url: () => '/api/permissions',
    expect: cells(401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  },

  // Platform administration
  {
    method: 'GET',
    route: '/api/admin/users',
    url: () => '/api/admin/users',
    expect: cells(401, 403, 403, 403, 403, 403, 403, 200, 403, 403),
  },
  {
    method: 'POST',
    route: '/api/admin/users/:userId/disable',
    url: (ids) => `/api/admin/users/${ids.random}/disable`,
    expect: cells(401, 403, 403, 403, 403, 403, 403, '404 user-not-found', 403, 403),
  },
  {
    method: 'POST',
    route: '/api/admin/users/:userId/enable',
    url: (ids) => `/api/admin/users/${ids.random}/enable`,
    expect: cells(401, 403, 403, 403, 403, 403, 403, '404 user-not-found', 403, 403),
  },
  {
    method: 'POST',
    route: '/api/admin/users/:userId/unlock',
    url: (ids) => `/api/admin/users/${ids.random}/unlock`,
    expect: cells(401, 403, 403, 403, 403, 403, 403, '404 user-not-found', 403, 403),
  },
  {
    method: 'GET',
    route: '/api/admin/workspaces',
    url: () => '/api/admin/workspaces',
    expect: cells(401, 403, 403, 403, 403, 403, 403, 200, 403, 403),
  },

  // Workspaces
  {
    method: 'POST',
    route: '/api/workspaces',
    url: () => '/api/workspaces',
    body: (actor) => ({ name: `Matrix ${actor}`, slug: `matrix-${actor.toLowerCase()}` }),
    expect: cells(401, 201, 201, 201, 201, 201, 201, 201, 403, 403),
  },
  {
    method: 'GET',
    route: '/api/workspaces',
    url: () => '/api/workspaces',
    expect: cells(401, 200, 200, 200, 200, 200, 200, 200, 403, 403),
  },
  {
    method: 'GET',
    route: '/api/workspaces/by-slug/:slug',
    url: () => '/api/workspaces/by-slug/acme',
    expect: cells(401, 200, 200, 200, 200, 200, H, H, 403, 403),
  },
  {
    method: 'GET',
    route: W,
    url: (ids) => w(ids),
    expect: cells(401, 200, 200, 200, 200, 200, H, H, 200, 200),
  },
  {
    method: 'PATCH',
    route: W,
    url: (ids) => w(ids),
    body: () => ({ name: 'Acme Corp' }),
    expect: cells(401, 403, 403, 200, 200, 403, H, H, 200, 403),
  },
  {
    method: 'DELETE',
    route: W,
    url: (ids) => w(ids),
    body: () => ({ confirmSlug: 'not-acme' }),
    expect: cells(401, 403, 403, 403, 400, 403, H, H, 400, 403),
  },
  {
    method: 'POST',
    route: `${W}/transfer-ownership`,
    url: (ids) => w(ids, '/transfer-ownership'),
    body: (_a, ids) => ({ userId: ids.ownerId }),
    expect: cells(401, 403, 403, 403, 204, 403, H, H, 403, 403),
  },
  {
    method: 'GET',
    route: `${W}/me`,
    url: (ids) => w(ids, '/me'),
    expect: cells(401, 200, 200, 200, 200, 200, H, H, 200, 200),
  },
  {
    method: 'GET',
    route: `${W}/permissions/explain`,
    url: (ids) => w(ids, `/permissions/explain?userId=${ids.viewerId}&permission=members:read`),
    expect: cells(401, 403, 200, 200, 200, 200, H, H, 200, 403),
  },
  {
    method: 'GET',
    route: `${W}/flags`,
    url: (ids) => w(ids, '/flags'),
    expect: cells(401, 200, 200, 200, 200, 200, H, H, 200, 200),
  },
  {
    method: 'PUT',
    route: `${W}/flags/:key`,
    url: (ids) => w(ids, '/flags/audit-export'),
    body: () => ({ enabled: true }),
    expect: cells(401, 403, 403, 200, 200, 403, H, H, 200, 403),
  },
  {
    method: 'DELETE',
    route: `${W}/flags/:key`,
    url: (ids) => w(ids, '/flags/beta-dashboard'),
    expect: cells(401, 403, 403, 200, 200, 403, H, H, 200, 403),
  },

  // Members
  {
    method: 'GET',
    route: `${W}/members`,
    url: (ids) => w(ids, '/members'),
    expect: cells(401, 403, 200, 200, 200, 200, H, H, 200, 403),
  },
  {
    method: 'GET',
    route: `${W}/members/:userId`,
    url: (ids) => w(ids, `/members/${ids.ownerId}`),
    expect: cells(401, 403, 200, 200, 200, 200, H, H, 200, 403),
  },
  {
    method: 'PATCH',
    route: `${W}/members/:userId`,
    url: (ids) => w(ids, `/members/${ids.viewerId}`),
    body: () => ({ role: 'viewer' }),
    expect: cells(401, 403, 403, 200, 200, 403, H, H, 200, 403),
  },
  {
    method: 'DELETE',
    route: `${W}/members/:userId`,
    url: (ids) => w(ids, `/members/${ids.random}`),
    expect: cells(
      401,
      403,
      403,
      '404 member-not-found',
      '404 member-not-found',
      403,
      H,
      H,
      '404 member-not-found',
      403,
    ),
  },
  {
    method: 'POST',
    route: `${W}/leave`,
    url: (ids) => w(ids, '/leave'),
    expect: cells(401, S, S, S, S, S, H, H, 403, 403),
  },

  // Invitations
  {
    method: 'GET',
    route: `${W}/invitations`,
    url: (ids) => w(ids, '/invitations'),
    expect: cells(401, 403, 403, 200, 200, 403, H, H, 200, 403),
  },
  {
    method: 'POST',
    route: `${W}/invitations`,
    url: (ids) => w(ids, '/invitations'),
    body: (actor) => ({ email: `matrix.${actor.toLowerCase()}@example.com`, role: 'viewer' }),
    expect: cells(401, 403, 403, 201, 201, 403, H, H, 201, 403),
  },
  {
    method: 'DELETE',
    route: `${W}/invitations/:invitationId`,
    url: (ids) => w(ids, `/invitations/${ids.random}`),
    expect: cells(
      401,
      403,
      403,
      '404 invitation-not-found',
      '404 invitation-not-found',
      403,
      H,
      H,
      '404 invitation-not-found',
      403,
    ),
  },
  {
    method: 'POST',
    route: `${W}/invitations/:invitationId/resend`,
    url: (ids) => w(ids, `/invitations/${ids.random}/resend`),
    expect: cells(
      401,
      403,
      403,
      '404 invitation-not-found',
      '404 invitation-not-found',
      403,
      H,
      H,
      '404 invitation-not-found',
      403,
    ),
  },

  // Roles
  {
    method: 'GET',
    route: `${W}/roles`,
    url: (ids) => w(ids, '/roles'),
    expect: cells(401, 403, 403, 200, 200, 403, H, H, 200, 403),
  },
  {
    method: 'GET',
    route: `${W}/roles/:roleId`,
    url: (ids) => w(ids, `/roles/${ids.ownerRoleId}`),
    expect: cells(401, 403, 403, 200, 200, 403, H, H, 200, 403),
  },
  {
    method: 'POST',
    route: `${W}/roles`,
    url: (ids) => w(ids, '/roles'),
    body: (actor) => ({ name: `Matrix ${actor}`, permissions: ['workspace:read'] }),
    expect: cells(401, 403, 403, 201, 201, 403, H, H, 201, 403),
  },
  {
    method: 'PATCH',
    route: `${W}/roles/:roleId`,
    url: (ids) => w(ids, `/roles/${ids.auditorRoleId}`),
    body: () => ({ description: 'Reads members and the audit log.' }),
    expect: cells(401, 403, 403, 200, 200, 403, H, H, 200, 403),
  },
  {
    method: 'DELETE',
    route: `${W}/roles/:roleId`,
    url: (ids) => w(ids, `/roles/${ids.random}`),
    expect: cells(
      401,
      403,
      403,
      '404 role-not-found',
      '404 role-not-found',
      403,
      H,
      H,
      '404 role-not-found',
      403,
    ),
  },

  // API tokens: a token may use them but never mint another token
  {
    method: 'GET',
    route: `${W}/api-tokens`,
    url: (ids) => w(ids, '/api-tokens'),
    expect: cells(401, 403, 403, 200, 200, 403, H, H, 200, 403),
  },
  {
    method: 'POST',
    route: `${W}/api-tokens`,
    url: (ids) => w(ids, '/api-tokens'),
    body: (actor) => ({ name: `matrix ${actor}`, permissions: ['workspace:read'] }),
    expect: cells(401, 403, 403, 201, 201, 403, H, H, 403, 403),
  },
  {
    method: 'DELETE',
    route: `${W}/api-tokens/:tokenId`,
    url: (ids) => w(ids, `/api-tokens/${ids.random}`),
    expect: cells(
      401,
      403,
      403,
      '404 token-not-found',
      '404 token-not-found',
      403,
      H,
      H,
      '404 token-not-found',
      403,
    ),
  },

  // Audit log
  {
    method: 'GET',
    route: `${W}/audit-events`,
    url: (ids) => w(ids, '/audit-events'),
    expect: cells(401, 403, 403, 200, 200, 200, H, H, 200, 403),
  },
];
