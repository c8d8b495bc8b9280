import { SEED_IDS } from '@bastion/migrations';
import request from 'supertest';
import { createSeededDatabase } from '../support/seeded-database';
import { asPage, signIn, SignedIn } from '../support/session-client';
import { RAISED_LIMITS, startTestApp, TestApp } from '../support/test-app';

const ACME = SEED_IDS.workspaces.acme;
const { admin: ADMIN_ID, member: MEMBER_ID, viewer: VIEWER_ID } = SEED_IDS.users;
const PROBLEM = 'urn:problem-type:bastion:';

/**
 * The cases behind the rule "every operation that creates, renews, revokes or changes a grant checks it
 * against the caller's current permissions and rank, on every path"; the model-based search in
 * permission-model.e2e-spec.ts looks for the sequences these tables do not list.
 */
describe('grants are checked against the caller on every path', () => {
  let db: Awaited<ReturnType<typeof createSeededDatabase>>;
  let server: TestApp;
  let owner: SignedIn;
  let admin: SignedIn;
  /** member@ with a custom role that may only invite. */
  let inviter: SignedIn;
  /** viewer@ with a custom role that may change roles and remove people, nothing else. */
  let manager: SignedIn;
  const http = () => request(server.url);
  const ws = (rest = '') => `/api/workspaces/${ACME}${rest}`;
  const rowsOf = async (table: string) =>
    JSON.stringify(await db.query(`SELECT * FROM ${table} WHERE workspace_id = $1 ORDER BY id`, [ACME]));
  const everything = async () =>
    [
      await rowsOf('memberships'),
      await rowsOf('invitations'),
      await rowsOf('roles'),
      JSON.stringify(
        await db.query(
          `SELECT id, created_by, permissions, revoked_at, expires_at FROM api_tokens WHERE workspace_id = $1 ORDER BY id`,
          [ACME],
        ),
      ),
    ].join('\n');
  const auditRows = (action: string, targetId: string) =>
    db.query(`SELECT * FROM audit_events WHERE action = $1 AND target_id = $2 ORDER BY created_at`, [
      action,
      targetId,
    ]);
  const giveCustomRole = async (userId: string, key: string, permissions: string[]) => {
    const [role] = await db.query(
      `INSERT INTO roles (workspace_id, key, name, description, permissions, is_system) VALUES ($1, $2, $2, '', $3, false) RETURNING id`,
      [ACME, key, permissions],
    );
    await db.query(`UPDATE memberships SET role_id = $3 WHERE workspace_id = $1 AND user_id = $2`, [
      ACME,
      userId,
      role.id,
    ]);
  };
  const invite = async (as: SignedIn, email: string, role: string) => {
    const res = await asPage(as, http().post(ws('/invitations'))).send({ email, role });
    expect(res.status).toBe(201);
    return res.body as { invitation: { id: string }; token: string };
  };
  const token = async (as: SignedIn, permissions: string[]) => {
    const res = await asPage(as, http().post(ws('/api-tokens'))).send({ name: 'script', permissions });
    expect(res.status).toBe(201);
    return res.body as { token: string; apiToken: { id: string } };
  };

  beforeAll(async () => {
    db = await createSeededDatabase();
    server = await startTestApp({
      databaseUrl: db.url,
      env: RAISED_LIMITS,
    });
    await giveCustomRole(MEMBER_ID, 'inviter', ['workspace:read', 'members:read', 'members:invite']);
    await giveCustomRole(VIEWER_ID, 'people-manager', [
      'workspace:read',
      'members:read',
      'members:update-role',
      'members:remove',
    ]);
    owner = await signIn(server.url, 'owner@example.com');
    admin = await signIn(server.url, 'admin@example.com');
    inviter = await signIn(server.url, 'member@example.com');
    manager = await signIn(server.url, 'viewer@example.com');
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  describe('renewing or revoking an invitation is granting its role', () => {
    it('refuses an admin who resends or revokes an owner invitation, and changes nothing', async () => {
      const ownerInvitation = await invite(owner, 'future.owner@example.com', 'owner');
      const before = await everything();
      const resend = await asPage(
        admin,
        http().post(ws(`/invitations/${ownerInvitation.invitation.id}/resend`)),
      );
      expect(resend.status).toBe(403);
      expect(resend.body.type).toBe(`${PROBLEM}owner-only`);
      expect(resend.body.token).toBeUndefined();
      const revoke = await asPage(admin, http().delete(ws(`/invitations/${ownerInvitation.invitation.id}`)));
      expect(revoke.status).toBe(403);
      expect(await everything()).toBe(before);
      expect(await auditRows('invitation.resent', ownerInvitation.invitation.id)).toEqual([]);
    });

    it('refuses a custom role or a token holding only members:invite on an admin invitation', async () => {
      const adminInvitation = await invite(owner, 'future.admin@example.com', 'admin');
      const narrowToken = await token(owner, ['workspace:read', 'members:read', 'members:invite']);
      const before = await everything();
      for (const send of [
        () => asPage(inviter, http().post(ws(`/invitations/${adminInvitation.invitation.id}/resend`))),
        () => asPage(inviter, http().delete(ws(`/invitations/${adminInvitation.invitation.id}`))),
        () =>
          http()
            .post(ws(`/invitations/${adminInvitation.invitation.id}/resend`))
            .set('authorization', `Bearer ${narrowToken.token}`),
        () =>
          http()
            .delete(ws(`/invitations/${adminInvitation.invitation.id}`))
            .set('authorization', `Bearer ${narrowToken.token}`),
      ]) {
        const res = await send();
        expect(res.status).toBe(403);
        expect(res.body.type).toBe(`${PROBLEM}cannot-grant`);
      }
      expect(await everything()).toBe(before);
    });

    it('lets whoever could grant the role resend it, becoming its inviter, and audits it', async () => {
      const viewerInvitation = await invite(owner, 'future.viewer@example.com', 'viewer');
      const resend = await asPage(
        inviter,
        http().post(ws(`/invitations/${viewerInvitation.invitation.id}/resend`)),
      );
      expect(resend.status).toBe(200);
      const [row] = await db.query(`SELECT invited_by FROM invitations WHERE id = $1`, [
        viewerInvitation.invitation.id,
      ]);
      expect(row.invited_by).toBe(MEMBER_ID);
      const [event] = await auditRows('invitation.resent', viewerInvitation.invitation.id);
      expect(event).toMatchObject({ actor_id: MEMBER_ID, workspace_id: ACME, metadata: { role: 'viewer' } });

      const revoke = await asPage(
        inviter,
        http().delete(ws(`/invitations/${viewerInvitation.invitation.id}`)),
      );
      expect(revoke.status).toBe(204);
      const [revoked] = await auditRows('invitation.revoked', viewerInvitation.invitation.id);
      expect(revoked).toMatchObject({ actor_id: MEMBER_ID, metadata: { role: 'viewer' } });
    });

    it('voids a link whose inviter can no longer grant its role when it is used', async () => {
      const issued = await invite(admin, 'demoted.inviter@example.com', 'admin');
      await db.query(
        `UPDATE memberships SET role_id = (SELECT id FROM roles WHERE key = 'member' AND workspace_id IS NULL) WHERE workspace_id = $1 AND user_id = $2`,
        [ACME, ADMIN_ID],
      );
      try {
        const before = await everything();
        const accepted = await http().post('/api/invitations/accept').send({
          token: issued.token,
          displayName: 'Accomplice',
          password: 'a sufficiently long passphrase',
        });
        expect(accepted.status).toBe(410);
        expect(accepted.body.type).toBe(`${PROBLEM}invitation-invalid`);
        expect(await everything()).toBe(before);
        expect(await db.query(`SELECT 1 FROM users WHERE email = 'demoted.inviter@example.com'`)).toEqual([]);
      } finally {
        await db.query(
          `UPDATE memberships SET role_id = (SELECT id FROM roles WHERE key = 'admin' AND workspace_id IS NULL) WHERE workspace_id = $1 AND user_id = $2`,
          [ACME, ADMIN_ID],
        );
      }
    });
  });

  describe('acting on a member needs every permission of their role', () => {
    it('refuses a people manager who demotes or removes an admin, and changes nothing', async () => {
      const before = await everything();
      const demote = await asPage(manager, http().patch(ws(`/members/${ADMIN_ID}`))).send({ role: 'viewer' });
      expect(demote.status).toBe(403);
      expect(demote.body.type).toBe(`${PROBLEM}outranked-by-target`);
      expect(demote.body.missingPermissions).toEqual(expect.arrayContaining(['roles:manage']));
      const remove = await asPage(manager, http().delete(ws(`/members/${ADMIN_ID}`)));
      expect(remove.status).toBe(403);
      expect(remove.body.type).toBe(`${PROBLEM}outranked-by-target`);
      expect(await everything()).toBe(before);
    });

    it('lets them act on someone whose role they cover, and audits it', async () => {
      const teammate = (
        await db.query(
          `SELECT m.user_id FROM memberships m JOIN roles r ON r.id = m.role_id WHERE m.workspace_id = $1 AND r.key = 'viewer' LIMIT 1`,
          [ACME],
        )
      )[0].user_id;
      const promote = await asPage(manager, http().patch(ws(`/members/${teammate}`))).send({
        role: 'member',
      });
      expect(promote.status).toBe(200);
      const [event] = await auditRows('member.role_changed', teammate);
      expect(event).toMatchObject({ actor_id: VIEWER_ID, metadata: { from: 'viewer', to: 'member' } });
    });
  });

  describe("API tokens: someone else's token is their grant", () => {
    it("refuses an admin who revokes the owner's token, lets the owner revoke the admin's, and audits it", async () => {
      const ownersToken = await token(owner, ['workspace:read']);
      const adminsToken = await token(admin, ['workspace:read']);
      const refused = await asPage(admin, http().delete(ws(`/api-tokens/${ownersToken.apiToken.id}`)));
      expect(refused.status).toBe(403);
      expect(refused.body.type).toBe(`${PROBLEM}owner-only`);
      expect((await http().get(ws('/me')).set('authorization', `Bearer ${ownersToken.token}`)).status).toBe(
        200,
      );

      const revoked = await asPage(owner, http().delete(ws(`/api-tokens/${adminsToken.apiToken.id}`)));
      expect(revoked.status).toBe(204);
      const [event] = await auditRows('api_token.revoked', adminsToken.apiToken.id);
      expect(event).toMatchObject({ actor_kind: 'user', workspace_id: ACME });
    });
  });

  describe("a removed member's tokens are revoked, not hidden", () => {
    it('keeps them revoked after a new invitation is accepted', async () => {
      const [{ id: userId }] = await db.query(
        `SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id JOIN roles r ON r.id = m.role_id
         WHERE m.workspace_id = $1 AND r.key = 'member' AND u.email <> 'member@example.com' LIMIT 1`,
        [ACME],
      );
      const [{ email }] = await db.query(`SELECT email FROM users WHERE id = $1`, [userId]);
      await db.query(
        `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'owner@example.com') WHERE id = $1`,
        [userId],
      );
      await db.query(
        `UPDATE memberships SET role_id = (SELECT id FROM roles WHERE key = 'admin' AND workspace_id IS NULL) WHERE workspace_id = $1 AND user_id = $2`,
        [ACME, userId],
      );
      const leaver = await signIn(server.url, email);
      const leaversToken = await token(leaver, ['workspace:read']);
      expect((await http().get(ws('/me')).set('authorization', `Bearer ${leaversToken.token}`)).status).toBe(
        200,
      );

      expect((await asPage(owner, http().delete(ws(`/members/${userId}`)))).status).toBe(204);
      const [stored] = await db.query(`SELECT revoked_at FROM api_tokens WHERE id = $1`, [
        leaversToken.apiToken.id,
      ]);
      expect(stored.revoked_at).not.toBeNull();
      const [removal] = await auditRows('member.removed', userId);
      expect(removal.metadata.revokedTokens).toEqual([leaversToken.apiToken.id]);

      const again = await invite(owner, email, 'member');
      expect(
        (await asPage(leaver, http().post('/api/invitations/accept')).send({ token: again.token })).status,
      ).toBe(200);
      expect((await http().get(ws('/me')).set('authorization', `Bearer ${leaversToken.token}`)).status).toBe(
        401,
      );
    });
  });

  describe("a disabled person's tokens are revoked, not only refused", () => {
    it('keeps them revoked after the account is enabled again, and audits which', async () => {
      const [{ id: userId, email }] = await db.query(
        `SELECT u.id, u.email FROM users u JOIN memberships m ON m.user_id = u.id JOIN roles r ON r.id = m.role_id
         WHERE m.workspace_id = $1 AND r.key = 'member' AND u.email <> 'member@example.com' ORDER BY u.email DESC LIMIT 1`,
        [ACME],
      );
      await db.query(
        `UPDATE memberships SET role_id = (SELECT id FROM roles WHERE key = 'admin' AND workspace_id IS NULL) WHERE workspace_id = $1 AND user_id = $2`,
        [ACME, userId],
      );
      await db.query(
        `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'owner@example.com') WHERE id = $1`,
        [userId],
      );
      const person = await signIn(server.url, email);
      const personsToken = await token(person, ['workspace:read']);
      const ops = await signIn(server.url, 'ops@example.com');

      expect((await asPage(ops, http().post(`/api/admin/users/${userId}/disable`))).status).toBe(200);
      const [disabled] = await auditRows('admin.user_disabled', userId);
      expect(disabled.metadata.revokedTokens).toEqual([personsToken.apiToken.id]);
      expect((await asPage(ops, http().post(`/api/admin/users/${userId}/enable`))).status).toBe(200);
      expect((await http().get(ws('/me')).set('authorization', `Bearer ${personsToken.token}`)).status).toBe(
        401,
      );
    });
  });

  describe("outsiders cannot write into a workspace's audit log", () => {
    it('records their refusals outside the workspace, within a budget per actor', async () => {
      const outsider = await signIn(server.url, 'ops@example.com');
      const [{ n: before }] = await db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE workspace_id = $1`,
        [ACME],
      );
      for (let i = 0; i < 30; i++) {
        const res = await http().get(ws('/members')).set('cookie', outsider.cookie);
        expect(res.status).toBe(404);
      }
      const [{ n: after }] = await db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE workspace_id = $1`,
        [ACME],
      );
      expect(after).toBe(before);
      const denials = await db.query(
        `SELECT workspace_id, metadata FROM audit_events WHERE action = 'access.denied' AND actor_id = $1`,
        [SEED_IDS.users.ops],
      );
      expect(denials.length).toBe(20);
      for (const denial of denials) {
        expect(denial.workspace_id).toBeNull();
        expect(denial.metadata).toMatchObject({ reason: 'not-a-member', requestedWorkspaceId: ACME });
      }
    });
  });

  describe('invitation links are secrets', () => {
    it('are never cached, and anonymous acceptance answers alike whether or not the address has an account', async () => {
      const forExisting = await invite(owner, 'newcomer@example.com', 'viewer');
      const forNobody = await invite(owner, 'nobody.yet@example.com', 'viewer');
      for (const issued of [forExisting, forNobody]) {
        const preview = await http().get(`/api/invitations/${issued.token}`);
        expect(preview.status).toBe(200);
        expect(preview.headers['cache-control']).toBe('no-store');
      }
      const bare = await Promise.all(
        [forExisting, forNobody].map((issued) =>
          http().post('/api/invitations/accept').send({ token: issued.token }),
        ),
      );
      expect(bare.map((res) => [res.status, res.body.type])).toEqual([
        [400, `${PROBLEM}sign-up-details-required`],
        [400, `${PROBLEM}sign-up-details-required`],
      ]);
      const weak = await Promise.all(
        [forExisting, forNobody].map((issued) =>
          http()
            .post('/api/invitations/accept')
            .send({ token: issued.token, displayName: 'X', password: 'short' }),
        ),
      );
      expect(weak.map((res) => [res.status, res.body.type])).toEqual([
        [400, `${PROBLEM}password-policy`],
        [400, `${PROBLEM}password-policy`],
      ]);
    });
  });
});
