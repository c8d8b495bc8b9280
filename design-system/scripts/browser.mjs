import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './find-chromium.mjs';

/**
 * Opens a page in a fresh Chromium profile, runs `use(page)`, and always cleans up.
 * @template T
 * @param {(page: import('playwright-core').Page) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withPage(use) {
  const executablePath = await findChromium();
  if (!executablePath) {
    throw new Error(`No Chromium found. ${INSTALL_HINT}`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'ds-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await context.newPage();
    return await use(page);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
