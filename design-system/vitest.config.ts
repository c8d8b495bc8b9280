import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import type { Plugin } from 'vite';
import { defineConfig, mergeConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import packageJson from './package.json' with { type: 'json' };
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

/**
 * Every package a component imports, bundled before the first test rather than left to Vite's scan of the
 * test files: the workspace switcher reaches react-aria-components (thousands of modules) only through a
 * dynamic import, and a package found while a test runs is bundled then and reloads that test's page.
 */
const prebundled = [
  ...Object.keys(packageJson.dependencies),
  ...Object.keys(packageJson.peerDependencies),
  'react-dom/client',
  'react/jsx-dev-runtime',
];

/**
 * The Storybook plugin gives every project built from one .storybook folder the same dependency cache, so
 * the light and dark projects bundled into one directory at once, each replacing the other's files while
 * its browser read them. Each theme gets its own directory.
 */
const themeCacheDir = (theme: string): Plugin => ({
  name: 'bastion:storybook-theme-cache-dir',
  config: () => ({
    cacheDir: fileURLToPath(new URL(`./node_modules/.vite/storybook-${theme}`, import.meta.url)),
  }),
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
        plugins: [
          storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) }),
          themeCacheDir(theme),
        ],
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
    optimizeDeps: { include: prebundled },
    // Bounds for a busy machine, never measures of speed; every browser project inherits them. On two
    // loaded cores a fresh clone took over a minute to bundle the four projects' dependencies before a
    // browser could connect, and the first test of a file, which pays for loading its modules, over 15 s.
    test: {
      browser: { connectTimeout: 5 * 60_000 },
      testTimeout: 60_000,
      expect: { poll: { timeout: 10_000 } },
      projects: [nodeProject, ...browserProjects],
    },
  }),
);
