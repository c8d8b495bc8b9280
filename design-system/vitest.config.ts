import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './scripts/find-chromium.mjs';
import { developmentDefine, sharedConfig } from './vite.shared.ts';

const chromiumPath = await findChromium();

if (!chromiumPath) {
  if (process.env['CI'] === 'true') {
    throw new Error(`No Chromium found for the browser tests. ${INSTALL_HINT}`);
  }
  console.warn(
    `\n!!! SKIPPING ALL BROWSER TESTS (stories, components, visual): no Chromium found. ${INSTALL_HINT}\n`,
  );
}

/** A fresh object per project: vitest names each browser instance after the project that owns it. */
const browser = (executablePath: string) => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath, args: CHROMIUM_ARGS } }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
  // Wide enough for the desktop layout; the narrow-screen behaviour has its own tests.
  viewport: { width: 1280, height: 800 },
});

const nodeProject: TestProjectInlineConfiguration = {
  test: {
    name: 'unit',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
};

const browserProjects: TestProjectInlineConfiguration[] = chromiumPath
  ? [
      {
        extends: true,
        test: {
          name: 'components',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['./test/setup-browser.ts'],
          browser: browser(chromiumPath),
        },
      },
      {
        extends: true,
        test: {
          name: 'visual',
          include: ['test/visual.test.tsx'],
          setupFiles: ['./test/setup-visual.ts'],
          browser: browser(chromiumPath),
        },
      },
      ...(['light', 'dark'] as const).map((theme) => ({
        extends: true as const,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        // Every story runs, with its play function and axe, once per theme.
        define: { 'import.meta.env.VITE_DS_THEME': JSON.stringify(theme) },
        test: { name: `storybook-${theme}`, browser: browser(chromiumPath) },
      })),
    ]
  : [];

export default mergeConfig(
  sharedConfig,
  defineConfig({
    define: developmentDefine,
    test: {
      projects: [nodeProject, ...browserProjects],
    },
  }),
);
