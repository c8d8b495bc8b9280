/* global document -- callbacks passed to page.evaluate run in the browser */
// What the scenarios do through the browser, named the way a person would describe it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { repoRoot } from './stack.mjs';

export const PASSWORD = 'bastion-demo-password';
export const RESULTS_DIR = join(repoRoot, 'admin-web/test-results');
mkdirSync(RESULTS_DIR, { recursive: true });

export async function newPage({ browser, baseUrl }, { width = 1280, height = 800 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, baseURL: baseUrl });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.errors = errors;
  return page;
}

export async function signIn(page, email, password = PASSWORD) {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function signOut(page) {
  await page.getByRole('button', { name: /^Account menu for/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/);
}

export function sidebarLinks(page) {
  return page
    .getByRole('complementary', { name: 'Sidebar' })
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link');
}

export async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Picks an option of a design-system Select (a Radix listbox in a portal) or NativeSelect (a <select>). */
export async function choose(page, trigger, option) {
  if ((await trigger.evaluate((element) => element.tagName)) === 'SELECT') {
    await trigger.selectOption({ label: option });
    return;
  }
  await trigger.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Waits until nothing on screen says it is loading, as long as Playwright waits for anything else (30 s):
 * on a busy machine a screen's lazily loaded code and data may take longer than a shorter bound, and axe
 * would then check the loading state instead of the screen.
 */
export async function waitForIdle(page) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('[aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => {});
}

export async function setTheme(page, theme) {
  await page.evaluate((value) => {
    localStorage.setItem('bastion.theme', value);
    document.documentElement.dataset.theme = value;
  }, theme);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true });
}

/** Runs axe on what is on screen; returns the violations in a form that reads well in a failure. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(' | ')}`,
  );
}
