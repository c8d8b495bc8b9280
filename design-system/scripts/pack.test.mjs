import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { withPage } from './browser.mjs';
import { findChromium, INSTALL_HINT } from './find-chromium.mjs';
import { serveStatic } from './static-server.mjs';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const noBrowser = !(await findChromium()) && process.env['CI'] !== 'true';
if (noBrowser) {
  console.warn(`\n!!! SKIPPING THE RENDER CHECK OF THE PACKED PACKAGE: no Chromium found. ${INSTALL_HINT}\n`);
}

/** @type {string} */
let workDir;
/** @type {string} */
let appDir;

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ds-pack-'));
  appDir = join(workDir, 'app');
  // Build first and pack without scripts: `prepack` would print the build log into the JSON answer.
  execFileSync(npm, ['run', 'build:lib'], { cwd: packageDir, stdio: 'pipe' });
  const [packed] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], {
      cwd: packageDir,
      encoding: 'utf8',
    }),
  );
  const tarball = join(workDir, packed.filename);

  await mkdir(join(appDir, 'src'), { recursive: true });
  const { devDependencies } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
  await writeFile(
    join(appDir, 'package.json'),
    JSON.stringify({
      name: 'packed-design-system-consumer',
      private: true,
      type: 'module',
      dependencies: {
        '@bastion/design-system': `file:${tarball}`,
        react: devDependencies.react,
        'react-dom': devDependencies['react-dom'],
      },
    }),
  );
  await writeFile(
    join(appDir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Consumer</title></head>' +
      '<body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>',
  );
  await writeFile(
    join(appDir, 'src', 'main.jsx'),
    [
      "import '@bastion/design-system/styles.css';",
      "import { Button } from '@bastion/design-system';",
      "import { createRoot } from 'react-dom/client';",
      'createRoot(document.getElementById(\'root\')).render(<Button variant="primary">Packed button</Button>);',
    ].join('\n'),
  );
  // A real install resolves the tarball's declared dependencies; the cache filled by the workspace install
  // makes it work without a network round trip when the registry is slow or absent.
  execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: appDir,
    stdio: 'pipe',
  });
  // The monorepo's Vite builds the app; the app only needs the packed package and React.
  await build({
    root: appDir,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: join(appDir, 'dist') },
  });
});

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

test('the packed package renders a Button in a fresh Vite app', { skip: noBrowser }, async () => {
  const server = await serveStatic(join(appDir, 'dist'), '/');
  try {
    const background = await withPage(async (page) => {
      await page.goto(server.url);
      const button = page.getByRole('button', { name: 'Packed button' });
      await button.waitFor({ timeout: 15_000 });
      return button.evaluate(
        (element) => element.ownerDocument.defaultView?.getComputedStyle(element).backgroundColor,
      );
    });
    assert.equal(background, 'rgb(10, 90, 212)', 'the primary button uses the accent token from styles.css');
  } finally {
    await server.close();
  }
});

test('an app importing only Button does not bundle the other components', async () => {
  const assets = join(appDir, 'dist', 'assets');
  const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  const code = (await Promise.all(scripts.map((name) => readFile(join(assets, name), 'utf8')))).join('\n');
  assert.ok(code.includes('ds-Button__root'), 'Button is in the bundle');
  for (const unused of ['ds-Table__', 'ds-AppShell__', 'ds-WorkspaceSwitcher__', 'Skip to content']) {
    assert.ok(!code.includes(unused), `${unused} was tree-shaken`);
  }
});

test('the tarball ships the entry, the types and one stylesheet', async () => {
  const installed = join(appDir, 'node_modules', '@bastion', 'design-system');
  const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.sideEffects, ['**/*.css']);
  const dist = await readdir(join(installed, 'dist'));
  assert.ok(dist.includes('index.js') && dist.includes('index.d.ts') && dist.includes('styles.css'));
  assert.deepEqual(
    dist.filter((name) => name.endsWith('.css')),
    ['styles.css'],
  );
  const types = await readFile(join(installed, 'dist', 'components', 'Button', 'Button.d.ts'), 'utf8');
  assert.match(types, /variant\?: ButtonVariant/);
});
