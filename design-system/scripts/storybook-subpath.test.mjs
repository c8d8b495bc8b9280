import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { withPage } from './browser.mjs';
import { serveStatic } from './static-server.mjs';

const staticDir = fileURLToPath(new URL('../storybook-static', import.meta.url));

test('the static Storybook works when served under /storybook/', async () => {
  assert.ok(existsSync(staticDir), 'Run `npm run build-storybook -w design-system` first.');
  const server = await serveStatic(staticDir, '/storybook/');
  try {
    await withPage(async (page) => {
      await page.goto(`${server.url}?path=/story/components-actions-button--playground`);
      const preview = page.frameLocator('#storybook-preview-iframe');
      await preview.getByRole('button', { name: 'Save changes' }).waitFor({ timeout: 30_000 });
      const background = await preview
        .getByRole('button', { name: 'Save changes' })
        .evaluate((element) => element.ownerDocument.defaultView?.getComputedStyle(element).backgroundColor);
      assert.equal(background, 'rgb(246, 248, 250)', 'token stylesheet applied inside the preview');
    });
    assert.deepEqual(server.missing, [], 'every asset resolves under the sub-path');
  } finally {
    await server.close();
  }
});
