/**
 * A model-based search for privilege escalation: random sequences of grants, renewals, revocations and
 * acceptances by random actors (owners, admins, custom roles, API tokens, outsiders), sent to the real
 * server and checked after every step against invariants stated once, here:
 *
 *   granted-by-holder  nobody gains a permission unless whoever gave it held it when giving it (for an
 *                      invitation, whoever issued the link that was used), and only owners make owners;
 *   token-capped       no API token ever acts with a permission its creator does not hold right now;
 *   owner-kept         a workspace always has an owner;
 *   refusal-inert      a refused command changes no row (refusals may only add access.denied events);
 *   rank               acting on someone's standing (their role, their membership, their token, a pending
 *                      invitation) needs every permission of that standing; only owners act on owners;
 *   audited            every command that changed something wrote its audit event, naming its actor.
 *
 * The server's answers are never trusted: each check reads PostgreSQL before and after the command.
 */
import { systemRoleId } from '@bastion/migrations';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth';
import { PERMISSION_KEYS, PermissionKey, permissionsOfRole } from '../../src/permissions';
import { signIn, SignedIn } from '../support/session-client';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { RAISED_LIMITS, startTestApp, TestApp } from '../support/test-app';

const PASSWORD = 'model checking password';
const PEOPLE = 8;
const OWNER_PERMISSIONS = new Set<PermissionKey>(PERMISSION_KEYS);

type Perms = Set<PermissionKey>;

interface MemberState {
  roleId: string;
  roleKey: string;
  owner: boolean;
  perms: Perms;
}

interface Snapshot {
  members: Map<string, MemberState>;
  roles: { id: string; key: string; perms: string[] }[];
  invitations: Record<string, unknown>[];
  tokens: { id: string; created_by: string; permissions: string[]; revoked_at: Date | null }[];
  audit: { action: string; actor_id: string | null; target_id: string | null }[];
}

/** What a giver held when giving: the standard a grant is held to. */
interface Standing {
  perms: Perms;
  owner: boolean;
}

interface Principal {
  /** The id audit events name: a user id, or a token id. */
  id: string;
  userId: string;
  headers: Record<string, string>;
  token?: { permissions: string[] };
}

export interface ModelWorld {
  server: TestApp;
  db: TestDatabase;
  dataSource: DataSource;
  people: { id: string; email: string; session: SignedIn }[];
  close(): Promise<void>;
}

export interface Sequence {
  workspaceId: string;
  /** Each invitation's links, oldest first, and the person who issued (or whose token issued) the live one. */
  invitations: { id: string; email: string; tokens: string[]; issuerUserId: string }[];
  tokens: { id: string; secret: string; userId: string; permissions: string[] }[];
  /** Every command run, for the report of a failing sequence. */
  log: string[];
  /** Answers per audit action the commands aim at: how much of the search got past the checks. */
  tally: Tally;
}

export type Tally = Record<string, { succeeded: number; refused: number }>;

const sessionHeaders = (session: SignedIn) => ({
  cookie: session.cookie,
  'sec-fetch-site': 'same-origin',
  'x-csrf-token': session.csrfToken,
});

/** A server and database of this suite's own, with PEOPLE accounts signed in once. */
export async function startModelWorld(): Promise<ModelWorld> {
  const db = await createTestDatabase();
  const dataSource = new DataSource({ type: 'postgres', url: db.url });
  await dataSource.initialize();
  const hash = await hashPassword(PASSWORD);
  const people: ModelWorld['people'] = [];
  const tag = randomBytes(3).toString('hex');
  for (let i = 0; i < PEOPLE; i++) {
    const email = `p${i}-${tag}@model.test`;
    const [row] = await dataSource.query(
      `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
      [email, `Person ${i}`, hash],
    );
    people.push({ id: row.id, email, session: undefined as unknown as SignedIn });
  }
  const server = await startTestApp({
    databaseUrl: db.url,
    env: { ...RAISED_LIMITS, LOG_LEVEL: 'warn' },
  });
  for (const person of people) person.session = await signIn(server.url, person.email, PASSWORD);
  return {
    server,
    db,
    dataSource,
    people,
    close: async () => {
      await server.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}

/**
 * A workspace of the sequence's own: an owner, an admin, a custom role that may only invite, one that may
 * only change roles and remove, a member, a viewer, and two outsiders.
 */
export async function newSequence(world: ModelWorld): Promise<Sequence> {
  const q = (sql: string, params: unknown[]) => world.dataSource.query(sql, params);
  const [ws] = await q(`INSERT INTO workspaces (slug, name) VALUES ($1, 'Model') RETURNING id`, [
    `model-${randomBytes(6).toString('hex')}`,
  ]);
  const custom = async (key: string, perms: PermissionKey[]) =>
    (
      await q(
        `INSERT INTO roles (workspace_id, key, name, description, permissions, is_system) VALUES ($1, $2, $2, '', $3, false) RETURNING id`,
        [ws.id, key, perms],
      )
    )[0].id as string;
  const inviter = await custom('inviter', ['workspace:read', 'members:read', 'members:invite']);
  const manager = await custom('manager', [
    'workspace:read',
    'members:read',
    'members:update-role',
    'members:remove',
    'roles:read',
  ]);
  const roles = [
    systemRoleId('owner'),
    systemRoleId('admin'),
    inviter,
    manager,
    systemRoleId('member'),
    systemRoleId('viewer'),
  ];
  for (const [i, roleId] of roles.entries()) {
    await q(`INSERT INTO memberships (workspace_id, user_id, role_id) VALUES ($1, $2, $3)`, [
      ws.id,
      world.people[i].id,
      roleId,
    ]);
  }
  return { workspaceId: ws.id, invitations: [], tokens: [], log: [], tally: {} };
}

async function snapshot(world: ModelWorld, workspaceId: string): Promise<Snapshot> {
  const q = (sql: string) => world.dataSource.query(sql, [workspaceId]);
  const [memberRows, roles, invitations, tokens, audit] = await Promise.all([
    q(`SELECT m.user_id, r.id AS role_id, r.key, r.is_system, r.permissions FROM memberships m
       JOIN roles r ON r.id = m.role_id WHERE m.workspace_id = $1`),
    q(`SELECT id, key, permissions FROM roles WHERE workspace_id = $1 ORDER BY created_at, id`),
    q(`SELECT id, email, role_id, token_hash, invited_by, expires_at, accepted_at, revoked_at
       FROM invitations WHERE workspace_id = $1 ORDER BY created_at, id`),
    q(
      `SELECT id, created_by, permissions, revoked_at FROM api_tokens WHERE workspace_id = $1 ORDER BY created_at, id`,
    ),
    q(`SELECT action, actor_id, target_id FROM audit_events
       WHERE workspace_id = $1 AND action <> 'access.denied' ORDER BY created_at, id`),
  ]);
  const members = new Map<string, MemberState>();
  for (const row of memberRows) {
    members.set(row.user_id, {
      roleId: row.role_id,
      roleKey: row.key,
      owner: row.is_system && row.key === 'owner',
      perms: permissionsOfRole({ key: row.key, isSystem: row.is_system, permissions: row.permissions }),
    });
  }
  return {
    members,
    roles: roles.map((r: { id: string; key: string; permissions: string[] }) => ({
      id: r.id,
      key: r.key,
      perms: r.permissions,
    })),
    invitations,
    tokens,
    audit,
  };
}

const NOBODY: Standing = { perms: new Set(), owner: false };

/** What a principal could do in the snapshot: a token is its permissions within its creator's role. */
function standingOf(state: Snapshot, principal: Principal): Standing {
  const member = state.members.get(principal.userId);
  if (!member) return NOBODY;
  if (!principal.token) return { perms: member.perms, owner: member.owner };
  const active = state.tokens.find((t) => t.id === principal.id && t.revoked_at === null);
  if (!active) return NOBODY;
  const perms = new Set([...member.perms].filter((p) => active.permissions.includes(p)));
  return { perms, owner: member.owner && [...OWNER_PERMISSIONS].every((p) => perms.has(p)) };
}

const holdsAll = (giver: Standing, perms: Iterable<string>) =>
  [...perms].every((p) => giver.perms.has(p as PermissionKey));

/** Whether `giver` may act on a standing of `perms` (owner when `owner`). */
const outranks = (giver: Standing, perms: Iterable<string>, owner: boolean) =>
  giver.owner || (!owner && holdsAll(giver, perms));

function changedRows(before: Snapshot, after: Snapshot): boolean {
  const rows = (s: Snapshot) =>
    JSON.stringify([
      [...s.members.entries()].map(([k, v]) => [k, v.roleId]),
      s.roles,
      s.invitations,
      s.tokens,
    ]);
  return rows(before) !== rows(after) || before.audit.length !== after.audit.length;
}

interface Outcome {
  status: number;
  body: Record<string, unknown>;
}

class InvariantBroken extends Error {}

function fail(invariant: string, sequence: Sequence, detail: string): never {
  throw new InvariantBroken(
    `invariant ${invariant} broken: ${detail}\nsequence:\n  ${sequence.log.join('\n  ')}`,
  );
}

/** One step: who acts, what they send, and what the checks need to know about it. */
interface Step {
  label: string;
  actor: Principal;
  method: string;
  path: string;
  body?: object;
  /** The audit action a change must have written. */
  action: string;
  /** Whose standing a success acted on, for the rank invariant. */
  actedOn?: (before: Snapshot) => { perms: Iterable<string>; owner: boolean } | null;
  /** Who gives what the step grants, judged on the state before it: by default the actor. */
  giver?: (before: Snapshot) => Standing;
  onSuccess?: (outcome: Outcome, before: Snapshot) => void;
}

async function send(world: ModelWorld, step: Step): Promise<Outcome> {
  const response = await fetch(`${world.server.url}${step.path}`, {
    method: step.method,
    headers: { ...step.actor.headers, ...(step.body ? { 'content-type': 'application/json' } : {}) },
    body: step.body ? JSON.stringify(step.body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

async function runStep(world: ModelWorld, sequence: Sequence, step: Step): Promise<void> {
  const before = await snapshot(world, sequence.workspaceId);
  const actorStanding = standingOf(before, step.actor);
  const outcome = await send(world, step);
  const sent = step.body ? ` ${JSON.stringify(step.body)}` : '';
  const refusal = outcome.status >= 400 ? ` ${String(outcome.body.type).split(':').pop()}` : '';
  sequence.log.push(`${step.label}${sent} -> ${outcome.status}${refusal}`);
  const counts = (sequence.tally[step.action] ??= { succeeded: 0, refused: 0 });
  counts[outcome.status >= 400 ? 'refused' : 'succeeded'] += 1;
  const after = await snapshot(world, sequence.workspaceId);

  if (outcome.status >= 500) fail('no-server-error', sequence, `${step.label} answered ${outcome.status}`);
  if (![...after.members.values()].some((m) => m.owner)) fail('owner-kept', sequence, 'no owner left');

  if (outcome.status >= 400) {
    if (changedRows(before, after))
      fail('refusal-inert', sequence, `${step.label} was refused but changed rows`);
    return;
  }
  step.onSuccess?.(outcome, before);
  if (!changedRows(before, after)) return;

  const giver = step.giver?.(before) ?? actorStanding;
  for (const [userId, member] of after.members) {
    const previous = before.members.get(userId);
    const gained = [...member.perms].filter((p) => !previous?.perms.has(p));
    if (!holdsAll(giver, gained))
      fail(
        'granted-by-holder',
        sequence,
        `${userId} gained ${gained} from a giver holding ${[...giver.perms]}`,
      );
    if (member.owner && !previous?.owner && !giver.owner)
      fail('granted-by-holder', sequence, `${userId} became owner through a giver who is not`);
  }
  for (const token of after.tokens) {
    if (before.tokens.some((t) => t.id === token.id)) continue;
    if (!holdsAll(actorStanding, token.permissions))
      fail('granted-by-holder', sequence, `a token holds ${token.permissions} beyond its creator`);
  }
  const target = step.actedOn?.(before);
  if (target && !outranks(actorStanding, target.perms, target.owner))
    fail('rank', sequence, `${step.label} acted on a standing above the actor's`);
  const fresh = after.audit.slice(before.audit.length);
  if (!fresh.some((row) => row.action === step.action && row.actor_id === step.actor.id))
    fail('audited', sequence, `${step.label} wrote no ${step.action} event by its actor`);
}

/** Checked after every step: each live token acts within its creator's current permissions. */
async function checkTokensCapped(world: ModelWorld, sequence: Sequence): Promise<void> {
  const now = await snapshot(world, sequence.workspaceId);
  for (const token of sequence.tokens) {
    const response = await fetch(`${world.server.url}/api/workspaces/${sequence.workspaceId}/me`, {
      headers: { authorization: `Bearer ${token.secret}` },
    });
    if (response.status !== 200) continue;
    const body = (await response.json()) as { permissions: string[] };
    const creator = now.members.get(token.userId);
    const extra = body.permissions.filter((p) => !creator?.perms.has(p as PermissionKey));
    if (extra.length > 0)
      fail('token-capped', sequence, `token ${token.id} acts with ${extra}, beyond its creator's role`);
  }
}

// The commands. Each holds raw choices and resolves them against the sequence when it runs, so any
// sequence is meaningful and shrinking keeps it so.

interface Choice {
  actor: number;
  /** Most actors hold the permission the command needs; some are anyone, outsiders included. */
  enabled: boolean;
}

type Run = (world: ModelWorld, sequence: Sequence) => Promise<void>;

function principals(
  world: ModelWorld,
  sequence: Sequence,
  state: Snapshot,
  enabledBy: PermissionKey | null,
): Principal[] {
  const people: Principal[] = world.people.map((p) => ({
    id: p.id,
    userId: p.id,
    headers: sessionHeaders(p.session),
  }));
  const tokens: Principal[] = sequence.tokens.map((t) => ({
    id: t.id,
    userId: t.userId,
    headers: { authorization: `Bearer ${t.secret}` },
    token: { permissions: t.permissions },
  }));
  const all = [...people, ...tokens];
  if (!enabledBy) return all;
  const enabled = all.filter((p) => standingOf(state, p).perms.has(enabledBy));
  return enabled.length > 0 ? enabled : all;
}

const pick = <T>(items: T[], n: number): T | undefined =>
  items.length ? items[n % items.length] : undefined;

function roleKeys(state: Snapshot): string[] {
  return ['owner', 'admin', 'member', 'viewer', ...state.roles.map((r) => r.key)];
}

function rolePerms(state: Snapshot, key: string): { perms: string[]; owner: boolean } {
  const custom = state.roles.find((r) => r.key === key);
  const perms = custom ? custom.perms : [...permissionsOfRole({ key, isSystem: true, permissions: [] })];
  return { perms, owner: !custom && key === 'owner' };
}

const choice = fc.record({ actor: fc.nat(), enabled: fc.nat({ max: 9 }).map((n) => n < 8) });
const permsArb = fc.subarray([...PERMISSION_KEYS]);

function command(
  label: string,
  run: Run,
): fc.AsyncCommand<object, { world: ModelWorld; sequence: Sequence }> {
  return {
    check: () => true,
    run: async (_model, real) => {
      await run(real.world, real.sequence);
      await checkTokensCapped(real.world, real.sequence);
    },
    toString: () => label,
  };
}

function stepWith(
  world: ModelWorld,
  sequence: Sequence,
  c: Choice,
  needs: PermissionKey,
  build: (actor: Principal, state: Snapshot) => Omit<Step, 'actor'> | null,
): Run {
  return async () => {
    const state = await snapshot(world, sequence.workspaceId);
    const actor = pick(principals(world, sequence, state, c.enabled ? needs : null), c.actor);
    if (!actor) return;
    const step = build(actor, state);
    if (step) await runStep(world, sequence, { ...step, actor });
  };
}

const describeActor = (world: ModelWorld, actor: Principal) =>
  actor.token
    ? `token(${world.people.findIndex((p) => p.id === actor.userId)})`
    : `p${world.people.findIndex((p) => p.id === actor.id)}`;

export function commandArbitraries(world: ModelWorld, getSequence: () => Sequence) {
  const ws = () => `/api/workspaces/${getSequence().workspaceId}`;
  const personAt = (n: number) => world.people[n % world.people.length];
  const mk = (
    name: string,
    c: Choice,
    args: string,
    needs: PermissionKey,
    build: (actor: Principal, state: Snapshot, sequence: Sequence) => Omit<Step, 'actor' | 'label'> | null,
  ) =>
    command(`${name}(${args})`, (w, sequence) =>
      stepWith(w, sequence, c, needs, (actor, state) => {
        const step = build(actor, state, sequence);
        return step && { ...step, label: `${describeActor(w, actor)} ${name}(${args})` };
      })(w, sequence),
    );

  return [
    fc.tuple(choice, fc.nat(), fc.nat({ max: 9 }), fc.nat()).map(([c, who, newcomer, role]) =>
      mk('invite', c, `person#${who}, role#${role}`, 'members:invite', (actor, state, sequence) => {
        const key = pick(roleKeys(state), role) as string;
        // Mostly people outside the workspace, whom an invitation can reach; sometimes anyone.
        const outside = world.people.filter((p) => !state.members.has(p.id));
        const invitee = (newcomer < 8 ? pick(outside, who) : undefined) ?? personAt(who);
        return {
          method: 'POST',
          path: `${ws()}/invitations`,
          body: { email: invitee.email, role: key },
          action: 'invitation.created',
          onSuccess: (outcome) => {
            const issued = outcome.body as { invitation: { id: string }; token: string };
            sequence.invitations.push({
              id: issued.invitation.id,
              email: invitee.email,
              tokens: [issued.token],
              issuerUserId: actor.userId,
            });
          },
        };
      }),
    ),
    fc.tuple(choice, fc.nat()).map(([c, i]) =>
      mk('resend', c, `invitation#${i}`, 'members:invite', (actor, _state, sequence) => {
        const invitation = pick(sequence.invitations, i);
        if (!invitation) return null;
        return {
          method: 'POST',
          path: `${ws()}/invitations/${invitation.id}/resend`,
          action: 'invitation.resent',
          actedOn: (before) => invitationRole(before, invitation.id),
          onSuccess: (outcome) => {
            invitation.tokens.push((outcome.body as { token: string }).token);
            invitation.issuerUserId = actor.userId;
          },
        };
      }),
    ),
    fc.tuple(choice, fc.nat()).map(([c, i]) =>
      mk('revokeInvitation', c, `invitation#${i}`, 'members:invite', (_actor, _state, sequence) => {
        const invitation = pick(sequence.invitations, i);
        if (!invitation) return null;
        return {
          method: 'DELETE',
          path: `${ws()}/invitations/${invitation.id}`,
          action: 'invitation.revoked',
          actedOn: (before) => invitationRole(before, invitation.id),
        };
      }),
    ),
    fc
      .tuple(
        fc.nat(),
        fc.nat({ max: 3 }).map((n) => n === 0),
      )
      .map(([i, stale]) =>
        command(`accept(invitation#${i}${stale ? ', stale link' : ''})`, async (w, sequence) => {
          const invitation = pick(sequence.invitations, i);
          if (!invitation) return;
          const person = w.people.find((p) => p.email === invitation.email) as ModelWorld['people'][number];
          const token = stale ? invitation.tokens[0] : invitation.tokens[invitation.tokens.length - 1];
          await runStep(w, sequence, {
            label: `p${w.people.indexOf(person)} accept(invitation#${i}${stale ? ', stale link' : ''})`,
            actor: { id: person.id, userId: person.id, headers: sessionHeaders(person.session) },
            method: 'POST',
            path: '/api/invitations/accept',
            body: { token },
            action: 'invitation.accepted',
            // A link grants what its issuer may grant when it is used.
            giver: (before) => {
              const issuer = before.members.get(invitation.issuerUserId);
              return issuer ? { perms: issuer.perms, owner: issuer.owner } : NOBODY;
            },
          });
        }),
      ),
    fc.tuple(choice, permsArb).map(([c, perms]) =>
      mk('createRole', c, perms.join(' '), 'roles:manage', () => ({
        method: 'POST',
        path: `${ws()}/roles`,
        body: { name: `Role ${randomBytes(2).toString('hex')}`, permissions: perms },
        action: 'role.created',
      })),
    ),
    fc.tuple(choice, fc.nat(), permsArb).map(([c, r, perms]) =>
      mk('editRole', c, `custom#${r}: ${perms.join(' ')}`, 'roles:manage', (_actor, state) => {
        const role = pick(state.roles, r);
        if (!role) return null;
        return {
          method: 'PATCH',
          path: `${ws()}/roles/${role.id}`,
          body: { permissions: perms },
          action: 'role.updated',
        };
      }),
    ),
    fc.tuple(choice, fc.nat(), fc.nat()).map(([c, r, replacement]) =>
      mk('deleteRole', c, `custom#${r}, replacement role#${replacement}`, 'roles:manage', (_actor, state) => {
        const role = pick(state.roles, r);
        if (!role) return null;
        const key = pick(roleKeys(state), replacement) as string;
        return {
          method: 'DELETE',
          path: `${ws()}/roles/${role.id}?replacement=${encodeURIComponent(key)}`,
          action: 'role.deleted',
        };
      }),
    ),
    fc.tuple(choice, fc.nat(), fc.nat()).map(([c, who, role]) =>
      mk('changeRole', c, `p${who % PEOPLE}, role#${role}`, 'members:update-role', (_actor, state) => {
        const target = personAt(who);
        return {
          method: 'PATCH',
          path: `${ws()}/members/${target.id}`,
          body: { role: pick(roleKeys(state), role) },
          action: 'member.role_changed',
          actedOn: (before) => memberStanding(before, target.id),
        };
      }),
    ),
    fc.tuple(choice, fc.nat()).map(([c, who]) =>
      mk('remove', c, `p${who % PEOPLE}`, 'members:remove', (actor) => {
        const target = personAt(who);
        return {
          method: 'DELETE',
          path: `${ws()}/members/${target.id}`,
          action: 'member.removed',
          actedOn: (before) => (target.id === actor.userId ? null : memberStanding(before, target.id)),
        };
      }),
    ),
    choice.map((c) =>
      mk('leave', c, '', 'workspace:read', () => ({
        method: 'POST',
        path: `${ws()}/leave`,
        action: 'member.left',
      })),
    ),
    fc.tuple(choice, permsArb).map(([c, perms]) =>
      mk('createToken', c, perms.join(' '), 'api-tokens:manage', (actor, _state, sequence) => ({
        method: 'POST',
        path: `${ws()}/api-tokens`,
        body: { name: 'model', permissions: perms },
        action: 'api_token.created',
        onSuccess: (outcome) => {
          const created = outcome.body as { token: string; apiToken: { id: string; permissions: string[] } };
          sequence.tokens.push({
            id: created.apiToken.id,
            secret: created.token,
            userId: actor.userId,
            permissions: created.apiToken.permissions,
          });
        },
      })),
    ),
    fc.tuple(choice, fc.nat()).map(([c, t]) =>
      mk('revokeToken', c, `token#${t}`, 'api-tokens:manage', (actor, _state, sequence) => {
        const token = pick(sequence.tokens, t);
        if (!token) return null;
        return {
          method: 'DELETE',
          path: `${ws()}/api-tokens/${token.id}`,
          action: 'api_token.revoked',
          actedOn: (before) =>
            token.userId === actor.userId
              ? null
              : (memberStanding(before, token.userId) ?? { perms: token.permissions, owner: false }),
        };
      }),
    ),
    fc.tuple(choice, fc.nat()).map(([c, who]) =>
      mk('transferOwnership', c, `p${who % PEOPLE}`, 'workspace:delete', () => ({
        method: 'POST',
        path: `${ws()}/transfer-ownership`,
        body: { userId: personAt(who).id },
        action: 'workspace.ownership_transferred',
      })),
    ),
  ];
}

function memberStanding(state: Snapshot, userId: string): { perms: Iterable<string>; owner: boolean } | null {
  const member = state.members.get(userId);
  return member ? { perms: member.perms, owner: member.owner } : null;
}

function invitationRole(state: Snapshot, invitationId: string): { perms: string[]; owner: boolean } | null {
  const invitation = state.invitations.find((i) => i.id === invitationId);
  if (!invitation) return null;
  const custom = state.roles.find((r) => r.id === invitation.role_id);
  if (custom) return { perms: custom.perms, owner: false };
  const key = (['owner', 'admin', 'member', 'viewer'] as const).find(
    (k) => systemRoleId(k) === invitation.role_id,
  ) as string;
  return rolePerms(state, key);
}

/** Runs `runs` random sequences of up to `maxCommands` commands; a failure is shrunk and printed. */
export async function searchForEscalation(
  world: ModelWorld,
  options: { runs: number; maxCommands: number; seed: number },
): Promise<{ sequences: number; commands: number; tally: Tally }> {
  let sequence: Sequence | undefined;
  let sequences = 0;
  let commands = 0;
  const tally: Tally = {};
  const [invite, resend, revokeInvitation, accept, ...rest] = commandArbitraries(
    world,
    () => sequence as Sequence,
  );
  // Invitations take three steps to do harm (issue, renew, accept), so they are drawn more often.
  const arbitraries = [invite, invite, resend, resend, accept, accept, revokeInvitation, ...rest];
  await fc.assert(
    fc.asyncProperty(
      fc.commands(arbitraries, { maxCommands: options.maxCommands, size: 'max' }),
      async (cmds) => {
        sequence = await newSequence(world);
        sequences += 1;
        await fc.asyncModelRun(() => ({ model: {}, real: { world, sequence: sequence as Sequence } }), cmds);
        commands += sequence.log.length;
        for (const [action, counts] of Object.entries(sequence.tally)) {
          const total = (tally[action] ??= { succeeded: 0, refused: 0 });
          total.succeeded += counts.succeeded;
          total.refused += counts.refused;
        }
      },
    ),
    { numRuns: options.runs, seed: options.seed, endOnFailure: false, verbose: 1 },
  );
  return { sequences, commands, tally };
}

/** The seed of this run: PERMISSION_MODEL_SEED to replay one, otherwise a new one each run. */
export function modelSeed(): number {
  const fromEnv = process.env.PERMISSION_MODEL_SEED;
  return fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
}
