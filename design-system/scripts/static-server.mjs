import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

/** @type {Record<string, string>} */
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/**
 * Serves `directory` under the URL prefix `basePath` on 127.0.0.1, the way the server mounts the static
 * Storybook under /storybook/. Requests outside the prefix get 404, so absolute URLs in the output show up.
 * @param {string} directory
 * @param {string} basePath for example '/storybook/'
 * @returns {Promise<{ url: string, missing: string[], close: () => Promise<void> }>}
 */
export async function serveStatic(directory, basePath = '/') {
  /** @type {string[]} */
  const missing = [];
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!pathname.startsWith(basePath)) {
      missing.push(pathname);
      response.writeHead(404).end();
      return;
    }
    const relative = normalize(pathname.slice(basePath.length)).replace(/^(\.\.[/\\])+/, '');
    let file = join(directory, relative);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
    } catch {
      missing.push(pathname);
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    missing,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
