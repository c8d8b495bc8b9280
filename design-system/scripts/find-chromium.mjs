import { existsSync } from 'node:fs';

/** Flags this machine class needs: no sandbox as root, and no background traffic on a closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const INSTALL_HINT =
  'Install one with `apt-get install chromium` or `npx playwright install chromium`, or point CHROMIUM_PATH at a Chromium binary.';

async function playwrightManagedChromium() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds Chromium in order: $CHROMIUM_PATH, a Playwright-managed browser, Debian's /usr/bin/chromium.
 * @returns {Promise<string | undefined>}
 */
export async function findChromium() {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    }
    return fromEnv;
  }
  return (
    (await playwrightManagedChromium()) ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  );
}
