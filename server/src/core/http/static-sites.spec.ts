import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { registerStaticSites } from './static-sites';

@Module({})
class NoRoutesModule {}

const PAGE = '<!doctype html><html lang="en"><head><title>Bastion</title></head><body></body></html>';
const SCRIPT = `export const greeting = ${JSON.stringify('hello '.repeat(200))};`;

/** A built client as the admin-web build leaves it: each text file beside its .br and .gz. */
function writeBuiltClient(dir: string): void {
  mkdirSync(join(dir, 'assets'));
  for (const [path, content] of [
    ['index.html', PAGE],
    ['assets/app-1a2b.js', SCRIPT],
  ]) {
    writeFileSync(join(dir, path), content);
    writeFileSync(join(dir, `${path}.br`), brotliCompressSync(content));
    writeFileSync(join(dir, `${path}.gz`), gzipSync(content));
  }
  writeFileSync(join(dir, 'assets/only-plain.css'), 'body { margin: 0 }');
}

describe(registerStaticSites.name, () => {
  let root: string;
  let app: NestFastifyApplication;

  let port: number;

  interface RawResponse {
    statusCode: number;
    headers: IncomingHttpHeaders;
    rawPayload: Buffer;
    body: string;
  }

  /** A plain HTTP request that leaves the body as sent: clients such as fetch would decompress it. */
  const get = (path: string, acceptEncoding?: string) =>
    new Promise<RawResponse>((resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
      request({ host: '127.0.0.1', port, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const rawPayload = Buffer.concat(chunks);
          resolve({
            statusCode: response.statusCode ?? 0,
            headers: response.headers,
            rawPayload,
            body: rawPayload.toString(),
          });
        });
      })
        .on('error', reject)
        .end();
    });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'bastion-static-'));
    const adminWebDir = join(root, 'admin-web');
    mkdirSync(adminWebDir);
    writeBuiltClient(adminWebDir);
    app = await NestFactory.create<NestFastifyApplication>(NoRoutesModule, new FastifyAdapter(), {
      logger: false,
      abortOnError: false,
    });
    await registerStaticSites(app, { adminWebDir, storybookDir: join(root, 'no-storybook') });
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends the brotli file to a browser that accepts it, saying it varies on accept-encoding', async () => {
    const response = await get('/assets/app-1a2b.js', 'gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the gzip file when that is all the browser accepts', async () => {
    const response = await get('/assets/app-1a2b.js', 'gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(gunzipSync(response.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the file itself to a client that accepts no encoding, still varying on it', async () => {
    for (const acceptEncoding of [undefined, 'identity']) {
      const response = await get('/assets/app-1a2b.js', acceptEncoding);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers['vary']).toMatch(/accept-encoding/i);
      expect(response.body).toBe(SCRIPT);
    }
  });

  it('falls back to the file itself when the build wrote no compressed sibling', async () => {
    const response = await get('/assets/only-plain.css', 'br, gzip');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe('body { margin: 0 }');
  });

  it('serves the page for client-side routes compressed, and never lets it be cached as immutable', async () => {
    for (const url of [
      '/',
      '/w/acme/members',
      '/account/sessions',
      '/login?next=%2Fw%2Facme',
      '/index.html',
    ]) {
      const compressed = await get(url, 'br');
      expect(compressed.statusCode).toBe(200);
      expect(compressed.headers['content-encoding']).toBe('br');
      expect(compressed.headers['content-type']).toMatch(/^text\/html/);
      expect(compressed.headers['cache-control']).toBe('no-cache');
      expect(compressed.headers['vary']).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe(PAGE);

      const plain = await get(url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['cache-control']).toBe('no-cache');
      expect(plain.body).toBe(PAGE);
    }
  });

  it('gives the compressed siblings no address of their own', async () => {
    const response = await get('/assets/app-1a2b.js.br');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<html');
  });

  it('answers a missing file with a 404 problem, never with the page a script would choke on', async () => {
    for (const url of [
      '/assets/app-0ld0.js',
      '/assets/gone.css?v=1',
      '/assets/nested/chunk',
      '/robots.txt',
    ]) {
      const response = await get(url, 'br, gzip');
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(response.body)).toMatchObject({ status: 404, title: expect.any(String) });
    }
  });

  it('never answers API or probe addresses with the client', async () => {
    const response = await get('/api/nothing-here', 'br');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
