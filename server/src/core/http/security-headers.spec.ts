import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUnderPrefix, registerSecurityHeaders, STORYBOOK_PREFIX } from './security-headers';
import { registerStaticSites } from './static-sites';

@Module({})
class NoRoutesModule {}

const ADMIN_PAGE = '<!doctype html><title>Bastion admin</title>';
const STORYBOOK_PAGE = '<!doctype html><title>Bastion Storybook</title>';

/** Storybook's policy is the one that lets inline scripts run. */
const isStorybookPolicy = (headers: IncomingHttpHeaders) =>
  String(headers['content-security-policy']).includes("'unsafe-inline' 'unsafe-eval'");

async function serve(root: string, storybookBuilt: boolean) {
  const adminWebDir = join(root, 'admin-web');
  const storybookDir = join(root, storybookBuilt ? 'storybook' : 'no-storybook');
  mkdirSync(adminWebDir, { recursive: true });
  writeFileSync(join(adminWebDir, 'index.html'), ADMIN_PAGE);
  if (storybookBuilt) {
    mkdirSync(storybookDir, { recursive: true });
    writeFileSync(join(storybookDir, 'index.html'), STORYBOOK_PAGE);
  }
  const app = await NestFactory.create<NestFastifyApplication>(NoRoutesModule, new FastifyAdapter(), {
    logger: false,
    abortOnError: false,
  });
  registerSecurityHeaders(app.getHttpAdapter().getInstance(), { hsts: false });
  await registerStaticSites(app, { adminWebDir, storybookDir });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const get = (path: string) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      })
        .on('error', reject)
        .end();
    });
  return { app, get };
}

describe('Storybook’s looser policy covers /storybook and below it, nothing else', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'bastion-headers-'));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['/storybook', true],
    ['/storybook/', true],
    ['/storybook/index.html', true],
    ['/storybook?path=/story/button', true],
    ['/storybookx', false],
    ['/storybook-foo', false],
    ['/storybookx/index.html', false],
    ['/storybook.html', false],
    ['/', false],
  ])('%s is under the Storybook prefix: %s', (url, expected) => {
    expect(isUnderPrefix(url, STORYBOOK_PREFIX)).toBe(expected);
  });

  describe('with Storybook built', () => {
    let served: Awaited<ReturnType<typeof serve>>;

    beforeAll(async () => {
      served = await serve(join(root, 'built'), true);
    });

    afterAll(() => served.app.close());

    it('serves Storybook under its own policy at /storybook/', async () => {
      const page = await served.get('/storybook/');
      expect(page.status).toBe(200);
      expect(page.body).toBe(STORYBOOK_PAGE);
      expect(isStorybookPolicy(page.headers)).toBe(true);
      expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    });

    it.each(['/storybookx', '/storybook-foo', '/storybookx/index.html', '/storybook-foo/deep/link'])(
      'serves %s as the admin app, under the admin app’s policy',
      async (url) => {
        const page = await served.get(url);
        expect([200, 404]).toContain(page.status);
        if (page.status === 200) expect(page.body).toBe(ADMIN_PAGE);
        expect(isStorybookPolicy(page.headers)).toBe(false);
        expect(page.headers['content-security-policy']).toContain("script-src 'self';");
        expect(page.headers['x-frame-options']).toBe('DENY');
      },
    );

    it('treats look-alikes of the other prefixes as the admin app, and the real ones as theirs', async () => {
      for (const url of ['/apix', '/healthz', '/readyish', '/metricsx', '/assetsx']) {
        const page = await served.get(url);
        expect(page.status).toBe(200);
        expect(page.body).toBe(ADMIN_PAGE);
      }
      for (const url of ['/api', '/api/nothing', '/health/x', '/assets/missing.js']) {
        const answer = await served.get(url);
        expect(answer.status).toBe(404);
        expect(answer.body).not.toBe(ADMIN_PAGE);
      }
    });
  });

  describe('without a Storybook build', () => {
    let served: Awaited<ReturnType<typeof serve>>;

    beforeAll(async () => {
      served = await serve(join(root, 'unbuilt'), false);
    });

    afterAll(() => served.app.close());

    it('never serves the admin app under Storybook’s policy', async () => {
      for (const url of ['/storybook', '/storybook/', '/storybook?x=1']) {
        const answer = await served.get(url);
        expect(answer.status).toBe(404);
        expect(answer.body).not.toBe(ADMIN_PAGE);
      }
      const lookAlike = await served.get('/storybookx');
      expect(lookAlike.body).toBe(ADMIN_PAGE);
      expect(isStorybookPolicy(lookAlike.headers)).toBe(false);
    });
  });
});
