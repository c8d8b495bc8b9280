import type { FastifyInstance } from 'fastify';

export const STORYBOOK_PREFIX = '/storybook';

/**
 * True for /storybook itself and addresses below it (/storybook/…, /storybook?…), never for a sibling
 * such as /storybookx, which belongs to the admin app and must keep its stricter policy.
 */
export function isUnderPrefix(url: string, prefix: string): boolean {
  if (!url.startsWith(prefix)) return false;
  const next = url.charAt(prefix.length);
  return next === '' || next === '/' || next === '?';
}

const COMMON_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'x-permitted-cross-domain-policies': 'none',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const APP_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
].join('; ');

// Storybook's static build boots from inline scripts and renders stories in a same-origin iframe.
const STORYBOOK_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "frame-ancestors 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "connect-src 'self'",
].join('; ');

/** The headers every API answer carries, also used for answers written before a request is parsed. */
export function baseSecurityHeaders(hsts: boolean): Record<string, string> {
  return {
    ...COMMON_HEADERS,
    ...(hsts ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'content-security-policy': APP_CSP,
  };
}

/**
 * Static security headers, computed once at boot and attached by one hook: the per-request cost is
 * copying a handful of strings, which keeps probes and hot API routes fast.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, options: { hsts: boolean }): void {
  const appHeaders = baseSecurityHeaders(options.hsts);
  const storybookHeaders = {
    ...appHeaders,
    'x-frame-options': 'SAMEORIGIN',
    'content-security-policy': STORYBOOK_CSP,
  };
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(isUnderPrefix(request.url, STORYBOOK_PREFIX) ? storybookHeaders : appHeaders);
    reply.header('x-request-id', request.id);
    done();
  });
}
