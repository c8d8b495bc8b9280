import { SEED_IDS, systemRoleId } from '@bastion/migrations';
import request from 'supertest';
import { Clock } from '../src/core/clock';
import { createSeededDatabase } from './support/seeded-database';
import { asPage, sessionTokenOf, signIn, SignedIn } from './support/session-client';
import { startTestApp, TestApp } from './support/test-app';

const ACME = SEED_IDS.workspaces.acme;
const GLOBEX = SEED_IDS.workspaces.globex;
const { owner: OWNER_ID, admin: ADMIN_ID, member: MEMBER_ID, viewer: VIEWER_ID } = SEED_IDS.users;

describe('Workspaces, members, invitations, roles and tokens (real server)', () => {
  let db: Awaited<ReturnType<typeof createSeededDatabase>>;
  let server: TestApp;
  let owner: SignedIn;
  let admin: SignedIn;
  let member: SignedIn;
  let viewer: SignedIn;
  const http = () => request(server.url);
  const ws = (rest = '', id = ACME) => `/api/workspaces/${id}${rest}`;
  const roleKeyOf = async (userId: string, workspaceId = ACME) =>
    (
      await db.query(
        `SELECT r.key FROM memberships m JOIN roles r ON r.id = m.role_id WHERE m.workspace_id = $1 AND m.user_id = $2`,
        [workspaceId, userId],
      )
    )[0]?.key;
  const setRole = (userId: string, key: string, workspaceId = ACME) =>
    db.query(
      `UPDATE memberships SET role_id = (SELECT id FROM roles WHERE key = $3 AND (workspace_id IS NULL OR workspace_id = $1)) WHERE workspace_id = $1 AND user_id = $2`,
      [workspaceId, userId, key],
    );

  beforeAll(async () => {
    db = await createSeededDatabase();
    server = await startTestApp({
      databaseUrl: db.url,
      env: {
        RATE_LIMIT_PER_MINUTE: '100000',
        SIGN_IN_LIMIT_PER_IP: '100000',
        SIGN_IN_LIMIT_PER_EMAIL: '100000',
      },
    });
    owner = await signIn(server.url, 'owner@example.com');
    admin = await signIn(server.url, 'admin@example.com');
    member = await signIn(server.url, 'member@example.com');
    viewer = await signIn(server.url, 'viewer@example.com');
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  describe('workspaces', () => {
    it('creates a workspace whose creator is owner, refuses a taken or malformed slug', async () => {
      const created = await asPage(member, http().post('/api/workspaces')).send({
        name: 'Hooli',
        slug: 'hooli',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ slug: 'hooli', name: 'Hooli', role: 'owner' });
      const taken = await asPage(owner, http().post('/api/workspaces')).send({
        name: 'Hooli 2',
        slug: 'hooli',
      });
      expect(taken.status).toBe(409);
      expect(taken.body.errors).toEqual([{ field: 'slug', message: 'slug is taken' }]);
      const bad = await asPage(owner, http().post('/api/workspaces')).send({ name: 'X', slug: '-Bad Slug-' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('slug');
      const mine = await http().get('/api/workspaces').set('cookie', member.cookie);
      expect(mine.body.items.map((w: { slug: string }) => w.slug)).toEqual(
        expect.arrayContaining(['acme', 'globex', 'hooli']),
      );
      const bySlug = await http().get('/api/workspaces/by-slug/hooli').set('cookie', member.cookie);
      expect(bySlug.body).toMatchObject({ id: created.body.id, role: 'owner' });
      expect((await http().get('/api/workspaces/by-slug/hooli').set('cookie', viewer.cookie)).status).toBe(
        404,
      );
    });

    it('deletes only when the slug is typed back', async () => {
      const created = await asPage(viewer, http().post('/api/workspaces')).send({
        name: 'Doomed',
        slug: 'doomed',
      });
      const id = created.body.id;
      const wrong = await asPage(viewer, http().delete(ws('', id))).send({ confirmSlug: 'Doomed' });
      expect(wrong.status).toBe(400);
      expect((await db.query(`SELECT count(*)::int AS n FROM workspaces WHERE id = $1`, [id]))[0].n).toBe(1);
      expect((await asPage(viewer, http().delete(ws('', id))).send({ confirmSlug: 'doomed' })).status).toBe(
        204,
      );
      expect((await db.query(`SELECT count(*)::int AS n FROM workspaces WHERE id = $1`, [id]))[0].n).toBe(0);
      const events = await db.query(
        `SELECT action FROM audit_events WHERE workspace_id = $1 ORDER BY created_at`,
        [id],
      );
      expect(events.map((e) => e.action)).toEqual(['workspace.created', 'workspace.deleted']);
    });

    it('transfers ownership: the new owner is owner, the old one admin', async () => {
      const created = await asPage(viewer, http().post('/api/workspaces')).send({
        name: 'Relay',
        slug: 'relay',
      });
      const id = created.body.id;
      await db.query(`INSERT INTO memberships (workspace_id, user_id, role_id) VALUES ($1, $2, $3)`, [
        id,
        MEMBER_ID,
        systemRoleId('viewer'),
      ]);
      const res = await asPage(viewer, http().post(ws('/transfer-ownership', id))).send({
        userId: MEMBER_ID,
      });
      expect(res.status).toBe(204);
      expect(await roleKeyOf(MEMBER_ID, id)).toBe('owner');
      expect(await roleKeyOf(VIEWER_ID, id)).toBe('admin');
    });
  });

  describe('members', () => {
    it('lists members with the contract shape, cursor paging and search', async () => {
      const first = await http().get(ws('/members?limit=10')).set('cookie', member.cookie);
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(10);
      expect(first.body.items[0]).toEqual({
        userId: expect.any(String),
        email: expect.any(String),
        displayName: expect.any(String),
        role: { id: expect.any(String), key: expect.any(String), name: expect.any(String) },
        joinedAt: expect.any(String),
      });
      const seen = new Set(first.body.items.map((m: { userId: string }) => m.userId));
      let cursor = first.body.nextCursor;
      while (cursor) {
        const page = await http()
          .get(ws(`/members?limit=10&cursor=${cursor}`))
          .set('cookie', member.cookie);
        for (const m of page.body.items) {
          expect(seen.has(m.userId)).toBe(false);
          seen.add(m.userId);
        }
        cursor = page.body.nextCursor;
      }
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM memberships WHERE workspace_id = $1`, [
        ACME,
      ]);
      expect(seen.size).toBe(n);
      const search = await http().get(ws('/members?search=hopper')).set('cookie', member.cookie);
      expect(search.body.items.map((m: { email: string }) => m.email)).toEqual(['grace.hopper@example.com']);
      const wildcard = await http().get(ws('/members?search=%25')).set('cookie', member.cookie);
      expect(wildcard.body.items).toEqual([]);
    });

    it('applies a demotion or removal on the very next request', async () => {
      expect((await http().get(ws('/members')).set('cookie', member.cookie)).status).toBe(200);
      expect(
        (await asPage(owner, http().patch(ws(`/members/${MEMBER_ID}`))).send({ role: 'viewer' })).status,
      ).toBe(200);
      const demoted = await http().get(ws('/members')).set('cookie', member.cookie);
      expect(demoted.status).toBe(403);
      expect(demoted.body).toMatchObject({
        type: 'urn:problem-type:bastion:permission-denied',
        missingPermission: 'members:read',
      });
      await setRole(MEMBER_ID, 'member');
    });

    it('lets only owners change owners, and nobody grant what they lack or raise themselves', async () => {
      const toOwner = await asPage(admin, http().patch(ws(`/members/${VIEWER_ID}`))).send({ role: 'owner' });
      expect(toOwner.status).toBe(403);
      expect(toOwner.body.type).toBe('urn:problem-type:bastion:owner-only');
      const demoteOwner = await asPage(admin, http().patch(ws(`/members/${OWNER_ID}`))).send({
        role: 'viewer',
      });
      expect(demoteOwner.status).toBe(403);
      const removeOwner = await asPage(admin, http().delete(ws(`/members/${OWNER_ID}`)));
      expect(removeOwner.status).toBe(403);

      const manager = await asPage(owner, http().post(ws('/roles'))).send({
        name: 'People manager',
        permissions: ['members:read', 'members:update-role'],
      });
      expect(manager.status).toBe(201);
      await setRole(VIEWER_ID, manager.body.key);
      const raiseSelf = await asPage(viewer, http().patch(ws(`/members/${VIEWER_ID}`))).send({
        role: 'admin',
      });
      expect(raiseSelf.status).toBe(403);
      expect(raiseSelf.body.type).toBe('urn:problem-type:bastion:cannot-grant');
      const grantMore = await asPage(viewer, http().patch(ws(`/members/${MEMBER_ID}`))).send({
        role: 'admin',
      });
      expect(grantMore.status).toBe(403);
      expect(await roleKeyOf(VIEWER_ID)).toBe(manager.body.key);
      expect(await roleKeyOf(MEMBER_ID)).toBe('member');
      const unknown = await asPage(owner, http().patch(ws(`/members/${MEMBER_ID}`))).send({
        role: 'emperor',
      });
      expect(unknown.status).toBe(400);
      await setRole(VIEWER_ID, 'viewer');
    });

    it('keeps the last owner: no self-demotion, removal or leaving', async () => {
      const created = await asPage(viewer, http().post('/api/workspaces')).send({
        name: 'Solo',
        slug: 'solo',
      });
      const id = created.body.id;
      for (const attempt of [
        asPage(viewer, http().patch(ws(`/members/${VIEWER_ID}`, id))).send({ role: 'admin' }),
        asPage(viewer, http().delete(ws(`/members/${VIEWER_ID}`, id))),
        asPage(viewer, http().post(ws('/leave', id))),
      ]) {
        const res = await attempt;
        expect(res.status).toBe(409);
        expect(res.body.detail).toMatch(/at least one owner/);
      }
      expect(await roleKeyOf(VIEWER_ID, id)).toBe('owner');
    });

    it('leaves at least one owner when two owners demote each other concurrently (50 attempts)', async () => {
      const created = await asPage(owner, http().post('/api/workspaces')).send({
        name: 'Duel',
        slug: 'duel',
      });
      const id = created.body.id;
      await db.query(`INSERT INTO memberships (workspace_id, user_id, role_id) VALUES ($1, $2, $3)`, [
        id,
        ADMIN_ID,
        systemRoleId('owner'),
      ]);
      for (let round = 0; round < 5; round++) {
        await setRole(OWNER_ID, 'owner', id);
        await setRole(ADMIN_ID, 'owner', id);
        const attempts = Array.from({ length: 10 }, (_, i) =>
          i % 2 === 0
            ? asPage(owner, http().patch(ws(`/members/${ADMIN_ID}`, id))).send({ role: 'member' })
            : asPage(admin, http().patch(ws(`/members/${OWNER_ID}`, id))).send({ role: 'member' }),
        );
        const statuses = (await Promise.all(attempts)).map((r) => r.status);
        expect(statuses.every((s) => [200, 403, 409].includes(s))).toBe(true);
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM memberships m JOIN roles r ON r.id = m.role_id WHERE m.workspace_id = $1 AND r.key = 'owner'`,
          [id],
        );
        expect(n).toBeGreaterThanOrEqual(1);
      }
    });
  });

  describe('cross-workspace access (IDOR)', () => {
    it("answers 404 for another workspace's members, roles, invitations and tokens by id, and changes nothing", async () => {
      // member@ administers globex; they try acme's objects through globex's routes.
      const [invitation] = await db.query(`SELECT id FROM invitations WHERE workspace_id = $1 LIMIT 1`, [
        ACME,
      ]);
      const token = await asPage(owner, http().post(ws('/api-tokens'))).send({
        name: 'acme script',
        permissions: ['workspace:read'],
      });
      const attempts = [
        asPage(member, http().patch(ws(`/members/${VIEWER_ID}`, GLOBEX))).send({ role: 'admin' }),
        asPage(member, http().delete(ws(`/members/${VIEWER_ID}`, GLOBEX))),
        asPage(member, http().get(ws(`/members/${VIEWER_ID}`, GLOBEX))),
        asPage(member, http().patch(ws(`/roles/${SEED_IDS.roles.acmeAuditor}`, GLOBEX))).send({
          name: 'Hijacked',
        }),
        asPage(member, http().delete(ws(`/roles/${SEED_IDS.roles.acmeAuditor}`, GLOBEX))),
        asPage(member, http().get(ws(`/roles/${SEED_IDS.roles.acmeAuditor}`, GLOBEX))),
        asPage(member, http().delete(ws(`/invitations/${invitation.id}`, GLOBEX))),
        asPage(member, http().post(ws(`/invitations/${invitation.id}/resend`, GLOBEX))),
        asPage(member, http().delete(ws(`/api-tokens/${token.body.apiToken.id}`, GLOBEX))),
      ];
      for (const attempt of attempts) expect((await attempt).status).toBe(404);
      expect(await roleKeyOf(VIEWER_ID)).toBe('viewer');
      expect(
        (await db.query(`SELECT name FROM roles WHERE id = $1`, [SEED_IDS.roles.acmeAuditor]))[0].name,
      ).toBe('Auditor');
      expect(
        (await db.query(`SELECT revoked_at FROM invitations WHERE id = $1`, [invitation.id]))[0].revoked_at,
      ).toBeNull();
      expect(
        (await db.query(`SELECT revoked_at FROM api_tokens WHERE id = $1`, [token.body.apiToken.id]))[0]
          .revoked_at,
      ).toBeNull();
    });

    it("never lists another workspace's ids", async () => {
      const acmeIds = new Set(
        (
          await db.query(
            `SELECT id FROM invitations WHERE workspace_id = $1 UNION SELECT id FROM roles WHERE workspace_id = $1 UNION SELECT id FROM api_tokens WHERE workspace_id = $1 UNION SELECT id FROM audit_events WHERE workspace_id = $1`,
            [ACME],
          )
        ).map((r) => r.id),
      );
      const acmeOnlyMembers = new Set(
        (
          await db.query(
            `SELECT user_id AS id FROM memberships WHERE workspace_id = $1 EXCEPT SELECT user_id FROM memberships WHERE workspace_id = $2`,
            [ACME, GLOBEX],
          )
        ).map((r) => r.id),
      );
      for (const path of ['/members', '/roles', '/invitations', '/api-tokens', '/audit-events']) {
        const res = await http().get(ws(path, GLOBEX)).set('cookie', member.cookie);
        expect(res.status).toBe(200);
        const text = JSON.stringify(res.body);
        for (const id of [...acmeIds, ...acmeOnlyMembers]) expect(text).not.toContain(id);
      }
    });

    it('refuses mass assignment (role, workspaceId, isPlatformAdmin in bodies) with 400 and changes nothing', async () => {
      const cases = [
        asPage(member, http().post('/api/workspaces')).send({ name: 'Mass', slug: 'mass', role: 'owner' }),
        asPage(owner, http().patch(ws(`/members/${VIEWER_ID}`))).send({
          role: 'viewer',
          workspaceId: GLOBEX,
        }),
        asPage(viewer, http().patch('/api/me')).send({ displayName: 'Vic', isPlatformAdmin: true }),
        asPage(owner, http().post(ws('/invitations'))).send({
          email: 'mass@example.com',
          role: 'viewer',
          workspaceId: GLOBEX,
        }),
        asPage(owner, http().patch(ws())).send({ name: 'Acme', id: GLOBEX }),
      ];
      for (const attempt of cases) {
        const res = await attempt;
        expect(res.status).toBe(400);
        expect(res.body.type).toBe('urn:problem-type:bastion:validation-failed');
      }
      expect((await db.query(`SELECT count(*)::int AS n FROM workspaces WHERE slug = 'mass'`))[0].n).toBe(0);
      expect(
        (await db.query(`SELECT is_platform_admin, display_name FROM users WHERE id = $1`, [VIEWER_ID]))[0],
      ).toEqual({
        is_platform_admin: false,
        display_name: 'Victor Viewer',
      });
      expect(
        (await db.query(`SELECT count(*)::int AS n FROM invitations WHERE email = 'mass@example.com'`))[0].n,
      ).toBe(0);
    });
  });

  describe('invitations', () => {
    it('runs the whole lifecycle: invite, preview, resend kills the old link, sign up and accept once', async () => {
      const created = await asPage(admin, http().post(ws('/invitations'))).send({
        email: 'New.Hire2@Example.com',
        role: 'member',
      });
      expect(created.status).toBe(201);
      expect(created.body.invitation).toMatchObject({
        email: 'new.hire2@example.com',
        status: 'pending',
        role: { key: 'member' },
      });
      const firstToken = created.body.token;
      expect(created.body.acceptPath).toBe(`/invite/${firstToken}`);
      expect(
        JSON.stringify(await db.query(`SELECT * FROM invitations WHERE email = 'new.hire2@example.com'`)),
      ).not.toContain(firstToken);

      const preview = await http().get(`/api/invitations/${firstToken}`);
      expect(preview.body).toMatchObject({
        workspace: { name: 'Acme Corp', slug: 'acme' },
        email: 'new.hire2@example.com',
        role: { key: 'member' },
      });

      const again = await asPage(admin, http().post(ws('/invitations'))).send({
        email: 'new.hire2@example.com',
        role: 'member',
      });
      expect(again.status).toBe(409);

      const resent = await asPage(
        admin,
        http().post(ws(`/invitations/${created.body.invitation.id}/resend`)),
      );
      expect(resent.status).toBe(200);
      expect((await http().get(`/api/invitations/${firstToken}`)).status).toBe(410);

      const weak = await http()
        .post('/api/invitations/accept')
        .send({ token: resent.body.token, displayName: 'New Hire', password: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0].field).toBe('password');
      expect(
        (await db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'new.hire2@example.com'`))[0].n,
      ).toBe(0);

      const accepted = await http().post('/api/invitations/accept').send({
        token: resent.body.token,
        displayName: 'New Hire',
        password: 'a sufficiently long passphrase',
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ workspaceId: ACME, slug: 'acme', csrfToken: expect.any(String) });
      const cookie = `bastion_session=${sessionTokenOf(accepted.headers['set-cookie'])}`;
      const session = await http().get('/api/auth/session').set('cookie', cookie);
      expect(session.body.workspaces).toEqual([expect.objectContaining({ slug: 'acme', role: 'member' })]);

      const replay = await http()
        .post('/api/invitations/accept')
        .send({ token: resent.body.token, displayName: 'X', password: 'another long passphrase' });
      expect(replay.status).toBe(410);
      expect(replay.body.type).toBe('urn:problem-type:bastion:invitation-invalid');
    });

    it('accepts as the signed-in invitee, refuses someone else, and gives one problem type for expired, revoked or unknown links', async () => {
      const forNewcomer = await asPage(admin, http().post(ws('/invitations'))).send({
        email: 'newcomer@example.com',
        role: 'viewer',
      });
      const newcomer = await signIn(server.url, 'newcomer@example.com');
      const wrongPerson = await asPage(viewer, http().post('/api/invitations/accept')).send({
        token: forNewcomer.body.token,
      });
      expect(wrongPerson.status).toBe(403);
      const noCsrf = await http()
        .post('/api/invitations/accept')
        .set('cookie', newcomer.cookie)
        .set('sec-fetch-site', 'same-origin')
        .send({ token: forNewcomer.body.token });
      expect(noCsrf.status).toBe(403);
      const ok = await asPage(newcomer, http().post('/api/invitations/accept')).send({
        token: forNewcomer.body.token,
      });
      expect(ok.status).toBe(200);
      expect(ok.headers['set-cookie']).toBeUndefined();

      const toRevoke = await asPage(admin, http().post(ws('/invitations'))).send({
        email: 'revoked@example.com',
        role: 'viewer',
      });
      expect(
        (await asPage(admin, http().delete(ws(`/invitations/${toRevoke.body.invitation.id}`)))).status,
      ).toBe(204);
      const toExpire = await asPage(admin, http().post(ws('/invitations'))).send({
        email: 'expired@example.com',
        role: 'viewer',
      });
      jest.spyOn(server.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 8 * 86_400_000));
      for (const token of [toRevoke.body.token, toExpire.body.token, 'B'.repeat(43)]) {
        const res = await http()
          .post('/api/invitations/accept')
          .send({ token, displayName: 'Someone', password: 'a sufficiently long passphrase' });
        expect(res.status).toBe(410);
        expect(res.body.type).toBe('urn:problem-type:bastion:invitation-invalid');
      }
    });

    it('refuses inviting with a role the inviter could not grant, or an existing member', async () => {
      const asOwner = await asPage(admin, http().post(ws('/invitations'))).send({
        email: 'boss@example.com',
        role: 'owner',
      });
      expect(asOwner.status).toBe(403);
      const existing = await asPage(admin, http().post(ws('/invitations'))).send({
        email: 'viewer@example.com',
        role: 'viewer',
      });
      expect(existing.status).toBe(409);
    });

    it('limits invitations per email', async () => {
      const statuses = [];
      for (const workspace of [ACME, GLOBEX]) {
        for (let i = 0; i < 3; i++) {
          const who = workspace === ACME ? owner : member;
          const res = await asPage(who, http().post(ws('/invitations', workspace))).send({
            email: `spam${i}@example.com`,
            role: 'viewer',
          });
          statuses.push(res.status);
        }
      }
      expect(statuses.every((s) => s === 201)).toBe(true);
      const burst = [];
      for (let i = 0; i < 6; i++) {
        const res = await asPage(owner, http().post(ws('/invitations'))).send({
          email: 'target@example.com',
          role: 'viewer',
        });
        burst.push(res.status);
        if (res.status === 201)
          await asPage(owner, http().delete(ws(`/invitations/${res.body.invitation.id}`)));
        else {
          expect(res.status).toBe(429);
          expect(res.headers['retry-after']).toBe('3600');
        }
      }
      expect(burst).toEqual([201, 201, 201, 201, 201, 429]);
    });
  });

  describe('custom roles', () => {
    it('creates, edits and deletes a custom role; unknown keys and escalation are refused', async () => {
      const unknown = await asPage(admin, http().post(ws('/roles'))).send({
        name: 'Bad',
        permissions: ['members:read', 'nuke:all'],
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.type).toBe('urn:problem-type:bastion:unknown-permission');
      const escalate = await asPage(admin, http().post(ws('/roles'))).send({
        name: 'Deleter',
        permissions: ['workspace:delete'],
      });
      expect(escalate.status).toBe(403);

      const support = await asPage(admin, http().post(ws('/roles'))).send({
        name: 'Support',
        description: 'Helps people in',
        permissions: ['members:read', 'members:invite'],
      });
      expect(support.status).toBe(201);
      expect(support.body).toMatchObject({
        key: 'support',
        isSystem: false,
        permissions: ['workspace:read', 'members:read', 'members:invite'],
      });
      const twin = await asPage(admin, http().post(ws('/roles'))).send({ name: 'Support', permissions: [] });
      expect(twin.body.key).toBe('support-2');

      expect(
        (await asPage(owner, http().patch(ws(`/members/${VIEWER_ID}`))).send({ role: 'support' })).status,
      ).toBe(200);
      const me = await http().get(ws('/me')).set('cookie', viewer.cookie);
      expect(me.body).toMatchObject({
        role: { key: 'support' },
        permissions: ['workspace:read', 'members:read', 'members:invite'],
      });

      const edited = await asPage(admin, http().patch(ws(`/roles/${support.body.id}`))).send({
        permissions: ['members:read'],
      });
      expect(edited.body.permissions).toEqual(['workspace:read', 'members:read']);
      expect((await http().get(ws('/me')).set('cookie', viewer.cookie)).body.permissions).toEqual([
        'workspace:read',
        'members:read',
      ]);

      const system = await asPage(owner, http().patch(ws(`/roles/${systemRoleId('viewer')}`))).send({
        name: 'Watcher',
      });
      expect(system.status).toBe(403);

      const inUse = await asPage(admin, http().delete(ws(`/roles/${support.body.id}`)));
      expect(inUse.status).toBe(409);
      expect(inUse.body.memberCount).toBe(1);
      const replaced = await asPage(admin, http().delete(ws(`/roles/${support.body.id}?replacement=viewer`)));
      expect(replaced.status).toBe(204);
      expect(await roleKeyOf(VIEWER_ID)).toBe('viewer');
    });

    it('explains a decision through membership, role and permission', async () => {
      const allowed = await http()
        .get(ws(`/permissions/explain?userId=${SEED_IDS.users.admin}&permission=members:invite`))
        .set('cookie', member.cookie);
      expect(allowed.body).toMatchObject({
        allowed: true,
        chain: [
          { step: 'membership', passed: true },
          { step: 'role', passed: true },
          { step: 'permission', passed: true },
        ],
      });
      const denied = await http()
        .get(ws(`/permissions/explain?userId=${VIEWER_ID}&permission=audit:read`))
        .set('cookie', member.cookie);
      expect(denied.body.allowed).toBe(false);
      expect(denied.body.chain[2]).toEqual({
        step: 'permission',
        passed: false,
        detail: 'Viewer does not include audit:read.',
      });
      const outsider = await http()
        .get(ws(`/permissions/explain?userId=${SEED_IDS.users.ops}&permission=workspace:read`))
        .set('cookie', member.cookie);
      expect(outsider.body).toMatchObject({ allowed: false, chain: [{ step: 'membership', passed: false }] });
      const bogus = await http()
        .get(ws(`/permissions/explain?userId=${VIEWER_ID}&permission=root`))
        .set('cookie', member.cookie);
      expect(bogus.status).toBe(400);
    });
  });

  describe('API tokens', () => {
    it('acts within its scope, capped by its creator, and stops at once when revoked or expired', async () => {
      const created = await asPage(admin, http().post(ws('/api-tokens'))).send({
        name: 'ci',
        permissions: ['members:read'],
        expiresInDays: 30,
      });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^bst_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
      expect(created.body.apiToken.prefix).toBe(created.body.token.slice(0, 14));
      const list = await http().get(ws('/api-tokens')).set('cookie', admin.cookie);
      expect(JSON.stringify(list.body)).not.toContain(created.body.token.slice(15));
      const bearer = { authorization: `Bearer ${created.body.token}` };

      expect((await http().get(ws('/members')).set(bearer)).status).toBe(200);
      expect((await http().get(ws('/audit-events')).set(bearer)).status).toBe(403);
      expect((await http().get(ws('/members', GLOBEX)).set(bearer)).status).toBe(404);
      const tooMuch = await asPage(viewer, http().post(ws('/api-tokens'))).send({
        name: 'x',
        permissions: ['members:read'],
      });
      expect(tooMuch.status).toBe(403);
      const beyondCreator = await asPage(admin, http().post(ws('/api-tokens'))).send({
        name: 'x',
        permissions: ['workspace:delete'],
      });
      expect(beyondCreator.status).toBe(403);

      await setRole(ADMIN_ID, 'viewer');
      expect((await http().get(ws('/members')).set(bearer)).status).toBe(403);
      await setRole(ADMIN_ID, 'admin');
      expect((await http().get(ws('/members')).set(bearer)).status).toBe(200);

      jest.spyOn(server.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 31 * 86_400_000));
      expect((await http().get(ws('/members')).set(bearer)).status).toBe(401);
      jest.restoreAllMocks();

      expect((await asPage(admin, http().delete(ws(`/api-tokens/${created.body.apiToken.id}`)))).status).toBe(
        204,
      );
      expect((await http().get(ws('/members')).set(bearer)).status).toBe(401);
      const tampered = created.body.token.slice(0, -2) + 'zz';
      expect(
        (
          await http()
            .get(ws('/members'))
            .set({ authorization: `Bearer ${tampered}` })
        ).status,
      ).toBe(401);
    });
  });

  describe('audit log', () => {
    it('records membership, role, invitation, token and workspace changes, filters and pages them', async () => {
      const all = await http().get(ws('/audit-events?limit=100')).set('cookie', owner.cookie);
      const actions = new Set(all.body.items.map((e: { action: string }) => e.action));
      for (const action of [
        'member.role_changed',
        'role.created',
        'role.deleted',
        'invitation.created',
        'invitation.revoked',
        'api_token.created',
        'api_token.revoked',
        'access.denied',
      ]) {
        expect(actions).toContain(action);
      }
      const roleChanges = await http()
        .get(ws('/audit-events?action=member.role_changed'))
        .set('cookie', owner.cookie);
      expect(
        roleChanges.body.items.every((e: { action: string }) => e.action === 'member.role_changed'),
      ).toBe(true);
      const byAdmin = await http()
        .get(ws(`/audit-events?actorId=${ADMIN_ID}`))
        .set('cookie', owner.cookie);
      expect(byAdmin.body.items.length).toBeGreaterThan(0);
      expect(
        byAdmin.body.items.every(
          (e: { actor: { id: string; email: string } }) =>
            e.actor.id === ADMIN_ID && e.actor.email === 'admin@example.com',
        ),
      ).toBe(true);
      const seeded = await http()
        .get(ws('/audit-events?from=2026-01-01T00:00:00Z&to=2026-01-06T00:00:00Z'))
        .set('cookie', owner.cookie);
      expect(seeded.body.items.map((e: { action: string }) => e.action)).toEqual([
        'role.created',
        'invitation.created',
        'member.role_changed',
        'workspace.created',
      ]);

      const collected: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await http()
          .get(ws(`/audit-events?limit=7${cursor ? `&cursor=${cursor}` : ''}`))
          .set('cookie', owner.cookie);
        collected.push(...page.body.items.map((e: { id: string }) => e.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE workspace_id = $1`, [
        ACME,
      ]);
      expect(new Set(collected).size).toBe(collected.length);
      expect(collected.length).toBe(n);
      expect((await http().get(ws('/audit-events?from=yesterday')).set('cookie', owner.cookie)).status).toBe(
        400,
      );
    });
  });

  describe('feature flags', () => {
    it('overrides a configured default per workspace and resets it', async () => {
      const list = await http().get(ws('/flags')).set('cookie', viewer.cookie);
      expect(list.body.items).toEqual(
        expect.arrayContaining([
          { key: 'beta-dashboard', enabled: false, defaultEnabled: false, overridden: false },
        ]),
      );
      const on = await asPage(admin, http().put(ws('/flags/beta-dashboard'))).send({ enabled: true });
      expect(on.body).toEqual({
        key: 'beta-dashboard',
        enabled: true,
        defaultEnabled: false,
        overridden: true,
      });
      const otherWorkspace = await http().get(ws('/flags', GLOBEX)).set('cookie', member.cookie);
      expect(otherWorkspace.body.items.find((f: { key: string }) => f.key === 'beta-dashboard').enabled).toBe(
        false,
      );
      const reset = await asPage(admin, http().delete(ws('/flags/beta-dashboard')));
      expect(reset.body.overridden).toBe(false);
      expect(
        (await asPage(admin, http().put(ws('/flags/no-such-flag'))).send({ enabled: true })).status,
      ).toBe(404);
    });
  });
});
