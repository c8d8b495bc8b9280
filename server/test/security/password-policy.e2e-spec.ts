import { SEED_IDS } from '@bastion/migrations';
import request from 'supertest';
import { createSeededDatabase } from '../support/seeded-database';
import { asPage, DEMO_PASSWORD, signIn, SignedIn } from '../support/session-client';
import { startTestApp, TestApp } from '../support/test-app';

type SeededDatabase = Awaited<ReturnType<typeof createSeededDatabase>>;

const GUESSABLE: [string, string, RegExp][] = [
  ['15 spaces', ' '.repeat(15), /visible characters/],
  ['zero-width spaces', '\u200b'.repeat(16), /visible characters/],
  ['one letter', 'aaaaaaaaaaaaaaa', /repeated/],
  ['digits counting up', '123456789012345', /consecutive characters/],
  ['the alphabet', 'abcdefghijklmnop', /consecutive characters/],
];

describe('new passwords an attacker would guess first are refused wherever one is set', () => {
  let db: SeededDatabase;
  let server: TestApp;
  let member: SignedIn;
  let invitationToken: string;

  beforeAll(async () => {
    db = await createSeededDatabase();
    server = await startTestApp({
      databaseUrl: db.url,
      env: { SIGN_IN_LIMIT_PER_IP: '1000', SIGN_IN_LIMIT_PER_EMAIL: '1000' },
    });
    member = await signIn(server.url, 'member@example.com');
    const admin = await signIn(server.url, 'admin@example.com');
    const invited = await asPage(
      admin,
      request(server.url).post(`/api/workspaces/${SEED_IDS.workspaces.acme}/invitations`),
    ).send({ email: 'guessable@example.com', role: 'member' });
    expect(invited.status).toBe(201);
    invitationToken = invited.body.token;
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it.each(GUESSABLE)(
    'refuses %s as a new password, naming the rule, and keeps the old one',
    async (_l, password, rule) => {
      const res = await asPage(member, request(server.url).post('/api/me/password')).send({
        currentPassword: DEMO_PASSWORD,
        newPassword: password,
      });
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('urn:problem-type:bastion:password-policy');
      expect(res.body.errors).toContainEqual({ field: 'newPassword', message: expect.stringMatching(rule) });
      const changes = await db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'account.password_changed'`,
      );
      expect(changes[0].n).toBe(0);
    },
  );

  it.each(GUESSABLE)(
    'refuses %s when signing up through an invitation, and creates no account',
    async (_l, password, rule) => {
      const res = await request(server.url)
        .post('/api/invitations/accept')
        .send({ token: invitationToken, displayName: 'Guessable', password });
      expect(res.status).toBe(400);
      expect(res.body.errors).toContainEqual({ field: 'password', message: expect.stringMatching(rule) });
      const users = await db.query(
        `SELECT count(*)::int AS n FROM users WHERE email = 'guessable@example.com'`,
      );
      expect(users[0].n).toBe(0);
    },
  );

  it('still accepts a long passphrase', async () => {
    const res = await asPage(member, request(server.url).post('/api/me/password')).send({
      currentPassword: DEMO_PASSWORD,
      newPassword: 'seven lanterns drift over quiet harbours',
    });
    expect(res.status).toBe(204);
  });
});
