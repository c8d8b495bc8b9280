import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sendProblem } from '../errors/problem-response';
import { ProblemException } from '../errors/problem';
import { isUnderPrefix, STORYBOOK_PREFIX } from './security-headers';

export interface StaticSites {
  adminWebDir: string;
  storybookDir: string;
}

const NOT_STATIC = /^\/(api|health|ready|metrics)(\/|$)/;
const HTML_FILE = /\.html(?:\.br|\.gz)?$/;
// Client-side routes never end in a file extension (slugs and tokens have no dots) and never live
// under /assets, so such an address that matched no built file is a missing file, not a page.
const FILE_ADDRESS = /^\/assets\/|\.[A-Za-z0-9]+$/;

function placeholderPage(storybookBuilt: boolean): string {
  const storybook = storybookBuilt
    ? '<li><a href="/storybook/">Design system Storybook</a></li>'
    : '<li>The design system Storybook is not built yet (<code>npm run build</code>).</li>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bastion</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Bastion is running</h1>
<p>The admin web client is not built yet, so this page lists what this server offers.</p>
<ul>
<li>API under <code>/api</code></li>
<li><a href="/health">/health</a> (liveness) and <a href="/ready">/ready</a> (readiness)</li>
${storybook}
</ul>
</body></html>`;
}

/**
 * Serves the built admin web client at / (with a fallback to index.html for client-side routes) and the
 * static Storybook at /storybook. Anything under /api or the probes, and any address of a file the build
 * does not have, never falls through to the client.
 */
export async function registerStaticSites(app: NestFastifyApplication, sites: StaticSites): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const storybookBuilt = existsSync(join(sites.storybookDir, 'index.html'));
  const adminWebBuilt = existsSync(join(sites.adminWebDir, 'index.html'));

  if (storybookBuilt) {
    await app.register(fastifyStatic, {
      root: sites.storybookDir,
      prefix: `${STORYBOOK_PREFIX}/`,
      decorateReply: false,
      redirect: true,
    });
  }

  if (!adminWebBuilt) {
    const page = placeholderPage(storybookBuilt);
    fastify.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
    return;
  }

  await app.register(fastifyStatic, {
    root: sites.adminWebDir,
    prefix: '/',
    wildcard: false,
    index: false,
    maxAge: '1y',
    immutable: true,
    // The build writes .br and .gz siblings; the one the browser accepts is sent (with
    // `vary: accept-encoding`), the file itself otherwise. The siblings get no routes of their own.
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders: (reply, path) => {
      // `path` is the file actually sent, so a compressed page ends in .html.br or .html.gz.
      if (HTML_FILE.test(path)) reply.header('cache-control', 'no-cache');
    },
  });
  fastify.get('/*', { config: { spaFallback: true } }, (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    // A stale page asking for a chunk an older build had must get an error it can see as one, rather
    // than index.html, which a browser would try to run as a script.
    if (NOT_STATIC.test(path) || isUnderPrefix(path, STORYBOOK_PREFIX) || FILE_ADDRESS.test(path)) {
      sendProblem(
        request,
        reply,
        new ProblemException(404, { code: 'not-found', detail: 'No resource at this address.' }),
      );
      return;
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', sites.adminWebDir);
  });
}
