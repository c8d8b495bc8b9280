/* global document, window -- callbacks passed to page.evaluate run in the browser */
// The browser suite: the built admin web client, served by the real server on a real, seeded
// PostgreSQL, driven in Chromium. Scenarios run in order and share the database, as people would.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  axeViolations,
  choose,
  heading,
  newPage,
  screenshot,
  setTheme,
  sidebarLinks,
  signIn,
  signOut,
  waitForIdle,
} from './support/app.mjs';
import { findChromium, launchChromium } from './support/browser.mjs';
import { startStack } from './support/stack.mjs';

const chromiumPath = findChromium();
if (!chromiumPath) {
  const message =
    "NO CHROMIUM FOUND: the admin-web browser suite needs one. Install Debian's (`apt-get install chromium`) or set CHROMIUM_PATH.";
  if (process.env.CI === 'true') {
    console.error(message);
    process.exit(1);
  }
  console.log(`#\n# ${message}\n# SKIPPING the browser suite (it fails instead when CI=true).\n#`);
  process.exit(0);
}

const env = { browser: null, baseUrl: '' };
let stack;

before(async () => {
  // ADMIN_WEB_E2E_URL points the suite at a server already running on freshly seeded data, to iterate
  // quickly on a scenario; without it the suite starts (and stops) everything itself.
  stack = process.env.ADMIN_WEB_E2E_URL ? null : await startStack();
  env.baseUrl = process.env.ADMIN_WEB_E2E_URL ?? stack.baseUrl;
  env.browser = await launchChromium(chromiumPath);
});

after(async () => {
  await env.browser?.close();
  await stack?.stop();
});

async function linkNames(page) {
  await sidebarLinks(page).first().waitFor();
  return sidebarLinks(page).allInnerTexts();
}

describe('admin web client', { concurrency: false }, () => {
  test('signs in, lands on the workspace, and signs out', async () => {
    const page = await newPage(env);
    await page.goto('/w/acme/members');
    await page.waitForURL(/\/login\?next=%2Fw%2Facme%2Fmembers/);
    await heading(page, 'Sign in to Bastion');
    await screenshot(page, 'login');
    await signIn(page, 'owner@example.com');
    await page.waitForURL(/\/w\/acme\/members$/);
    await heading(page, 'Members');
    assert.equal(await page.title(), 'Members · Acme Corp · Bastion');
    await signOut(page);
    await page.goto('/w/acme');
    await page.waitForURL(/\/login/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('says so when the password is wrong', async () => {
    const page = await newPage(env);
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email' }).fill('owner@example.com');
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }).waitFor();
    assert.match(page.url(), /\/login$/);
    await screenshot(page, 'login-wrong-password');
    await page.context().close();
  });

  test('switches workspace, keeping the screen when allowed, and remembers the choice', async () => {
    const page = await newPage(env);
    await page.goto('/login');
    await signIn(page, 'admin@example.com');
    await page.goto('/w/acme/members');
    await heading(page, 'Members');
    await page.getByRole('button', { name: /Switch workspace, current: Acme Corp/ }).click();
    await page.getByRole('searchbox', { name: 'Find a workspace' }).fill('glo');
    await page.getByRole('option', { name: /Globex/ }).click();
    await page.waitForURL(/\/w\/globex\/members$/);
    await heading(page, 'Members');

    await page.goto('/w/acme/roles');
    await heading(page, 'Roles');
    await page.getByRole('button', { name: /Switch workspace, current: Acme Corp/ }).click();
    await page.getByRole('option', { name: /Globex/ }).click();
    await page.waitForURL(/\/w\/globex$/);
    await heading(page, 'Globex');
    assert.deepEqual(await linkNames(page), ['Overview', 'Members', 'Feature flags']);

    await page.goto('/');
    await page.waitForURL(/\/w\/globex$/);
    await page.context().close();
  });

  test('shows a viewer only the overview, and the 403 page on a deep link, without loading the data', async () => {
    const page = await newPage(env);
    await page.goto('/login');
    await signIn(page, 'viewer@example.com');
    await page.waitForURL(/\/w\/acme$/);
    assert.deepEqual(await linkNames(page), ['Overview', 'Feature flags']);
    const roleRequests = [];
    page.on('request', (request) => {
      if (/\/api\/workspaces\/[^/]+\/roles/.test(request.url())) roleRequests.push(request.url());
    });
    await page.goto('/w/acme/roles');
    await heading(page, 'Access denied');
    assert.equal(await page.getByRole('table').count(), 0);
    assert.deepEqual(roleRequests, []);
    await screenshot(page, 'forbidden');
    await page.goto('/w/acme/no-such-screen');
    await heading(page, 'Page not found');
    await page.goto('/w/not-a-workspace');
    await heading(page, 'Page not found');
    await screenshot(page, 'not-found');
    await page.context().close();
  });

  test('an admin invites someone, who signs up from the link and lands in the workspace', async () => {
    const admin = await newPage(env);
    await signIn(admin, 'admin@example.com');
    await admin.goto('/w/acme/invitations');
    await heading(admin, 'Invitations');
    await admin.getByRole('textbox', { name: 'Email' }).fill('grace.new@example.com');
    await choose(admin, admin.getByRole('combobox', { name: 'Role' }), 'Member');
    await admin.getByRole('button', { name: 'Create invitation' }).click();
    const link = await admin.getByRole('group', { name: 'Invitation link' }).locator('code').textContent();
    assert.match(link ?? '', new RegExp(`^${env.baseUrl}/invite/[A-Za-z0-9_-]{43}$`));
    await admin.getByRole('cell', { name: 'grace.new@example.com' }).first().waitFor();
    await screenshot(admin, 'invitations');

    const invitee = await newPage(env);
    await invitee.goto(link);
    await heading(invitee, 'Join Acme Corp');
    await screenshot(invitee, 'invite-accept');
    await invitee.getByRole('textbox', { name: 'Your name' }).fill('Grace New');
    await invitee.getByRole('textbox', { name: 'Choose a password' }).fill('short');
    await invitee.getByRole('button', { name: 'Create account and join' }).click();
    await invitee
      .getByText(/Not yet: at least \d+ characters/)
      .first()
      .waitFor();
    await invitee
      .getByRole('textbox', { name: 'Choose a password' })
      .fill('a long and unusual passphrase 42');
    await invitee.getByRole('button', { name: 'Create account and join' }).click();
    await invitee.waitForURL(/\/w\/acme$/);
    await heading(invitee, 'Acme Corp');
    assert.deepEqual(await linkNames(invitee), ['Overview', 'Members', 'Feature flags']);
    await invitee.context().close();

    await admin.reload();
    await admin.getByRole('row', { name: /grace.new@example.com.*accepted/i }).waitFor();
    await admin.context().close();
  });

  test('changes a member’s role, then removes the member', async () => {
    const page = await newPage(env);
    await signIn(page, 'admin@example.com');
    await page.goto('/w/acme/members');
    await page.getByRole('searchbox', { name: 'Search members' }).fill('grace.new');
    await page.getByRole('row', { name: /Grace New/ }).waitFor();
    await choose(page, page.getByRole('combobox', { name: 'Role of Grace New' }), 'Viewer');
    await page.getByText('Grace New is now Viewer').first().waitFor();
    await page.reload();
    await page.getByRole('searchbox', { name: 'Search members' }).fill('grace.new');
    await page
      .getByRole('combobox', { name: 'Role of Grace New' })
      .locator('option:checked', { hasText: 'Viewer' })
      .waitFor({ state: 'attached' });

    await page.getByRole('button', { name: 'Remove Grace New' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove Grace New?' });
    await dialog.getByRole('button', { name: 'Remove member' }).click();
    await page.getByText('Grace New was removed').first().waitFor();
    await page.getByRole('heading', { name: 'No member matches' }).waitFor();
    await page.context().close();
  });

  test('a custom role is created and assigned, and the member’s navigation follows after a reload', async () => {
    const member = await newPage(env);
    await signIn(member, 'member@example.com');
    await member.goto('/w/acme');
    assert.deepEqual(await linkNames(member), ['Overview', 'Members', 'Feature flags']);

    const admin = await newPage(env);
    await signIn(admin, 'admin@example.com');
    await admin.goto('/w/acme/roles');
    await admin.getByRole('button', { name: 'Create role' }).click();
    await heading(admin, 'New role');
    await admin.getByRole('textbox', { name: 'Name' }).fill('Support');
    await admin.getByRole('textbox', { name: 'Description' }).fill('Helps customers; reads the audit log.');
    await admin.getByRole('checkbox', { name: /View members/ }).check();
    await admin.getByRole('checkbox', { name: /Read audit log/ }).check();
    const preview = admin.getByRole('region', { name: 'Who can do what' });
    await preview.getByText('Screens in the sidebar: Overview, Members, Audit log, Feature flags.').waitFor();
    await screenshot(admin, 'role-editor');
    await admin.getByRole('button', { name: 'Create role' }).click();
    await admin.getByText('Role Support created').first().waitFor();
    await heading(admin, 'Support');

    await admin.goto('/w/acme/members');
    await admin.getByRole('searchbox', { name: 'Search members' }).fill('member@example.com');
    await choose(admin, admin.getByRole('combobox', { name: 'Role of Maya Member' }), 'Support');
    await admin.getByText('Maya Member is now Support').first().waitFor();

    await member.reload();
    await heading(member, 'Acme Corp');
    assert.deepEqual(await linkNames(member), ['Overview', 'Members', 'Audit log', 'Feature flags']);
    await member.context().close();
    await admin.context().close();
  });

  test('an API token is shown once, then revoked', async () => {
    const page = await newPage(env);
    await signIn(page, 'admin@example.com');
    await page.goto('/w/acme/api-tokens');
    await heading(page, 'API tokens');
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create API token' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Deploy script');
    await dialog.getByRole('checkbox', { name: /View members/ }).check();
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const created = page.getByRole('dialog', { name: 'Token Deploy script created' });
    const secret =
      (await created.getByRole('group', { name: 'API token' }).locator('code').textContent()) ?? '';
    assert.ok(secret.length >= 32, `the token is shown in full (${secret.length} characters)`);
    await screenshot(page, 'api-token-created');
    await created.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('row', { name: /Deploy script/ });
    await row.waitFor();
    assert.equal(await page.getByText(secret).count(), 0, 'the secret is not shown again');

    const response = await page.request.get('/api/workspaces/by-slug/acme', {
      headers: { authorization: `Bearer ${secret}` },
    });
    assert.equal(response.status() < 500, true);

    await row.getByRole('button', { name: 'Revoke Deploy script' }).click();
    await page
      .getByRole('alertdialog', { name: 'Revoke Deploy script?' })
      .getByRole('button', { name: 'Revoke token' })
      .click();
    await page.getByRole('row', { name: /Deploy script.*Revoked/ }).waitFor();
    await screenshot(page, 'api-tokens');
    await page.context().close();
  });

  test('an admin turns a feature flag off, then resets it to its default; a viewer may only look', async () => {
    const admin = await newPage(env);
    await signIn(admin, 'admin@example.com');
    await admin.goto('/w/acme/flags');
    await heading(admin, 'Feature flags');
    const flag = admin.getByRole('switch', { name: 'audit-export' });
    assert.equal(await flag.getAttribute('aria-checked'), 'true');
    await flag.click();
    await admin.getByText('audit-export is off').first().waitFor();
    await admin.reload();
    const row = admin.getByRole('row', { name: /audit-export/ });
    await row.getByText('Set off here; the default is on.').waitFor();
    assert.equal(
      await admin.getByRole('switch', { name: 'audit-export' }).getAttribute('aria-checked'),
      'false',
    );
    await screenshot(admin, 'flags');

    await row.getByRole('button', { name: 'Reset audit-export to its default' }).click();
    await admin
      .getByRole('alertdialog', { name: 'Reset audit-export to its default?' })
      .getByRole('button', { name: 'Reset flag' })
      .click();
    await admin.getByText('audit-export follows its default again (on)').first().waitFor();
    await row.getByText('Follows the default (on).').waitFor();
    assert.equal(await row.getByRole('button', { name: /^Reset / }).count(), 0);
    await admin.context().close();

    const viewer = await newPage(env);
    await signIn(viewer, 'viewer@example.com');
    await viewer.getByRole('link', { name: 'Feature flags' }).click();
    await heading(viewer, 'Feature flags');
    await viewer.getByText(/Your role, Viewer, does not include “Manage feature flags”/).waitFor();
    assert.equal(await viewer.getByRole('switch', { name: 'audit-export' }).isDisabled(), true);
    assert.equal(await viewer.getByRole('button', { name: /^Reset / }).count(), 0);
    await screenshot(viewer, 'flags-read-only');
    await viewer.context().close();
  });

  test('explains why a member may or may not do something, step by step', async () => {
    const page = await newPage(env);
    await signIn(page, 'admin@example.com');
    await page.goto('/w/acme/members');
    await page.getByRole('searchbox', { name: 'Search members' }).fill('viewer@example.com');
    await page.getByRole('button', { name: 'Explain Victor Viewer’s access' }).click();
    const dialog = page.getByRole('dialog', { name: 'Explain Victor Viewer’s access' });
    await choose(page, dialog.getByRole('combobox', { name: 'Permission' }), 'Read audit log (audit:read)');
    const answer = dialog.getByRole('region', { name: 'Answer' });
    await answer.getByText('Not allowed').waitFor();
    await answer.getByText('Viewer does not include audit:read.').first().waitFor();
    await screenshot(page, 'explain-denied');

    await choose(
      page,
      dialog.getByRole('combobox', { name: 'Permission' }),
      'View workspace (workspace:read)',
    );
    await answer.getByText('Allowed', { exact: true }).waitFor();
    await answer.getByText('Viewer includes workspace:read.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.context().close();
  });

  test('the sessions page signs out another browser, which then lands on sign-in', async () => {
    const other = await newPage(env);
    await signIn(other, 'owner@example.com');
    await other.goto('/w/acme');
    await heading(other, 'Acme Corp');

    const page = await newPage(env);
    await signIn(page, 'owner@example.com');
    await page.goto('/account/sessions');
    await heading(page, 'Sessions');
    await page.getByText('This device').waitFor();
    await screenshot(page, 'sessions');
    const revokeButtons = page.getByRole('button', { name: /^Sign out .*, signed in/ });
    while ((await revokeButtons.count()) > 0) {
      await revokeButtons.first().click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out device' }).click();
      await page.getByRole('alertdialog').waitFor({ state: 'detached' });
      await waitForIdle(page);
    }
    await page.getByText('This device').waitFor();

    await other.getByRole('link', { name: 'Members' }).click();
    await other.waitForURL(/\/login\?next=/);
    await heading(other, 'Sign in to Bastion');
    await other.context().close();
    await page.context().close();
  });

  test('the audit log shows what happened, filters it, and opens an event', async () => {
    const page = await newPage(env);
    await signIn(page, 'admin@example.com');
    await page.goto('/w/acme/audit');
    await heading(page, 'Audit log');
    const table = page.getByRole('table', { name: 'Audit events' });
    for (const action of [
      'member.role_changed',
      'member.removed',
      'invitation.created',
      'invitation.accepted',
      'role.created',
      'api_token.created',
      'api_token.revoked',
    ]) {
      await table.getByText(action, { exact: true }).first().waitFor();
    }
    await choose(page, page.getByRole('combobox', { name: 'Action' }), 'api_token.created');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForFunction(() => {
      const codes = [...document.querySelectorAll('tbody code')].map((code) => code.textContent);
      return codes.length > 0 && codes.every((code) => code === 'api_token.created');
    });
    await page
      .getByRole('button', { name: /^Details of api_token.created/ })
      .first()
      .click();
    const details = page.getByRole('dialog', { name: 'created an API token' });
    await details.getByText('Deploy script').waitFor();
    await screenshot(page, 'audit-detail');
    await details.getByRole('button', { name: 'Close' }).click();
    await page.context().close();
  });

  test('the last owner cannot demote themself, and is told why', async () => {
    const page = await newPage(env);
    await signIn(page, 'owner@example.com');
    await page.goto('/w/acme/members');
    await page.getByRole('searchbox', { name: 'Search members' }).fill('owner@example.com');
    await choose(page, page.getByRole('combobox', { name: 'Role of Olivia Owner' }), 'Admin');
    const alert = page.getByRole('alert').filter({ hasText: 'That change was not made' });
    await alert.getByText(/at least one owner/i).waitFor();
    await page
      .getByRole('combobox', { name: 'Role of Olivia Owner' })
      .locator('option:checked', { hasText: 'Owner' })
      .waitFor({ state: 'attached' });
    await screenshot(page, 'last-owner');
    await page.context().close();
  });

  test('every main screen passes axe in the light and dark themes, and fits 360 px', async () => {
    const violations = [];
    const check = async (page, name) => {
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await waitForIdle(page);
      for (const theme of ['light', 'dark']) {
        await setTheme(page, theme);
        await screenshot(page, `${name}-${theme}`);
        for (const violation of await axeViolations(page))
          violations.push(`${name} (${theme}): ${violation}`);
      }
    };

    const visitor = await newPage(env);
    await visitor.goto('/login');
    await check(visitor, 'login');
    await visitor.goto('/invite/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await check(visitor, 'invite-invalid');
    await visitor.context().close();

    const admin = await newPage(env);
    await signIn(admin, 'admin@example.com');
    for (const [name, path] of [
      ['overview', '/w/acme'],
      ['members', '/w/acme/members'],
      ['invitations', '/w/acme/invitations'],
      ['roles', '/w/acme/roles'],
      ['api-tokens', '/w/acme/api-tokens'],
      ['audit', '/w/acme/audit'],
      ['settings', '/w/acme/settings'],
      ['flags', '/w/acme/flags'],
      ['account', '/account'],
      ['sessions', '/account/sessions'],
      ['forbidden', '/admin/users'],
      ['not-found', '/nowhere'],
    ]) {
      await admin.goto(path);
      await check(admin, name);
    }
    await admin.goto('/w/acme/members');
    await admin.getByRole('searchbox', { name: 'Search members' }).fill('viewer@example.com');
    await admin.getByRole('button', { name: 'Explain Victor Viewer’s access' }).click();
    const explain = admin.getByRole('dialog', { name: 'Explain Victor Viewer’s access' });
    await choose(
      admin,
      explain.getByRole('combobox', { name: 'Permission' }),
      'Manage feature flags (flags:manage)',
    );
    await explain.getByText('Viewer does not include flags:manage.').first().waitFor();
    // The open dialog hides the page's heading from assistive technology, so check() cannot wait on it.
    for (const theme of ['light', 'dark']) {
      await setTheme(admin, theme);
      await screenshot(admin, `explain-${theme}`);
      for (const violation of await axeViolations(admin)) violations.push(`explain (${theme}): ${violation}`);
    }
    await admin.keyboard.press('Escape');
    await admin.goto('/w/acme/roles');
    await admin.getByRole('button', { name: 'Edit Auditor' }).click();
    await heading(admin, 'Auditor');
    await check(admin, 'role-editor');
    await admin.goto('/w/acme/roles');
    await admin.getByRole('button', { name: 'View Owner' }).click();
    await heading(admin, 'Owner');
    await check(admin, 'role-system');
    await admin.context().close();

    const platform = await newPage(env);
    await signIn(platform, 'ops@example.com');
    await platform.waitForURL(/\/admin\/workspaces$/);
    await check(platform, 'admin-workspaces');
    await platform.goto('/admin/users');
    await check(platform, 'admin-users');
    await platform.context().close();

    const narrow = await newPage(env, { width: 360, height: 740 });
    await signIn(narrow, 'admin@example.com');
    for (const path of ['/w/acme', '/w/acme/members', '/w/acme/audit', '/account']) {
      await narrow.goto(path);
      await narrow.getByRole('heading', { level: 1 }).first().waitFor();
      await waitForIdle(narrow);
      const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than a 360px screen`);
    }
    await narrow.getByRole('button', { name: 'Open navigation' }).click();
    await narrow.getByRole('dialog', { name: 'Navigation' }).getByRole('link', { name: 'Members' }).click();
    await narrow.waitForURL(/\/w\/acme\/members$/);
    await screenshot(narrow, 'members-360');
    await narrow.context().close();

    assert.deepEqual(violations, []);
  });
});
