// Finds and launches the Chromium the browser suite runs in.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Without these flags Chromium keeps calling home, which floods a closed network and slows every test. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH, else a browser Playwright installed, else Debian's package. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // playwright-core knows no managed browser for this platform.
  }
  candidates.push('/usr/bin/chromium');
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

/**
 * Launches Chromium. Playwright gives every launch a new temporary profile (its own --user-data-dir),
 * so no state survives from one run to the next.
 */
export function launchChromium(executablePath) {
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
}

export { CHROMIUM_FLAGS };
