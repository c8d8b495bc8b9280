import { randomBytes } from 'node:crypto';
import type { CheckResult } from './check-result';

export interface HttpCheckOptions {
  /** Base URL of the running deployment, e.g. https://admin.example.com. */
  baseUrl: string;
  /** Why to judge the deployment as production even when its headers do not say so; unset: by headers. */
  productionBecause?: string;
  /** Sign-in attempts that must be enough to meet a 429 (the per-email sign-in limit, plus one). */
  signInAttempts: number;
  /** An account to sign in with, to inspect the real session cookie; signed out again at once. */
  signIn?: { email: string; password: string };
}

const TIMEOUT_MS = 5000;
const REQUIRED_HEADERS: Record<string, (value: string) => boolean> = {
  'x-content-type-options': (v) => v === 'nosniff',
  'x-frame-options': (v) => /^(deny|sameorigin)$/i.test(v),
  'content-security-policy': (v) => v.includes('frame-ancestors') && v.includes("object-src 'none'"),
  'referrer-policy': (v) => v.length > 0,
  'cross-origin-opener-policy': (v) => v === 'same-origin',
};
const PROBE_ORIGIN = 'https://readiness-probe.invalid';

interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

async function call(baseUrl: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(new URL(path, baseUrl), {
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
    ...init,
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

function http(check: string, status: CheckResult['status'], detail: string): CheckResult {
  return { area: 'http', check, status, detail };
}

async function guarded(check: string, work: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await work();
  } catch (error) {
    return http(check, 'fail', `no answer: ${(error as Error).message}`);
  }
}

function readinessDetail(body: string): string {
  try {
    const details = (JSON.parse(body) as { details?: Record<string, { status: string; message?: string }> })
      .details;
    return Object.entries(details ?? {})
      .map(([name, d]) => `${name} ${d.status}${d.message ? ` (${d.message})` : ''}`)
      .join(', ');
  } catch {
    return body.slice(0, 120);
  }
}

function cookieCheck(setCookie: string[], production: boolean): CheckResult {
  const check = 'session cookie flags';
  const session = setCookie.find((c) => /^(__Host-)?bastion_session=/.test(c));
  if (!session) return http(check, 'fail', 'sign-in set no session cookie');
  const attributes = session
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());
  const missing = [
    !attributes.includes('httponly') && 'HttpOnly',
    !attributes.some((a) => a.startsWith('samesite=')) && 'SameSite',
    production && !attributes.includes('secure') && 'Secure',
    production && !session.startsWith('__Host-') && '__Host- prefix',
  ].filter((m): m is string => typeof m === 'string');
  if (missing.length > 0) return http(check, 'fail', `missing ${missing.join(', ')}`);
  const secure = attributes.includes('secure');
  return http(
    check,
    production || secure ? 'pass' : 'warn',
    secure ? 'HttpOnly, SameSite, Secure' : 'HttpOnly, SameSite; not Secure (allowed outside production)',
  );
}

async function signInCookieCheck(options: HttpCheckOptions, production: boolean): Promise<CheckResult> {
  const check = 'session cookie flags';
  if (!options.signIn) {
    return http(
      check,
      'skip',
      'give --sign-in <email> (password on standard input) to inspect a real cookie',
    );
  }
  return guarded(check, async () => {
    const res = await fetch(new URL('/api/auth/login', options.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify(options.signIn),
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = (await res.json().catch(() => ({}))) as { csrfToken?: string };
    if (res.status !== 200) return http(check, 'fail', `sign-in answered ${res.status}`);
    const setCookie = res.headers.getSetCookie();
    const session = setCookie.find((c) => /^(__Host-)?bastion_session=/.test(c));
    if (session && body.csrfToken) {
      await call(options.baseUrl, '/api/auth/logout', {
        method: 'POST',
        headers: {
          cookie: session.split(';')[0],
          'sec-fetch-site': 'same-origin',
          'x-csrf-token': body.csrfToken,
        },
      });
    }
    return cookieCheck(setCookie, production);
  });
}

async function rateLimitCheck(options: HttpCheckOptions): Promise<CheckResult> {
  const check = 'sign-in rate limited';
  return guarded(check, async () => {
    // An address that cannot exist: no account is locked, only the per-email limit is exercised.
    const email = `readiness-${randomBytes(6).toString('hex')}@example.invalid`;
    for (let attempt = 1; attempt <= options.signInAttempts; attempt++) {
      const res = await call(options.baseUrl, '/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ email, password: 'not the password of anyone' }),
      });
      if (res.status === 429)
        return http(check, 'pass', `429 after ${attempt} failed sign-ins for one email`);
    }
    return http(check, 'fail', `no 429 after ${options.signInAttempts} failed sign-ins for one email`);
  });
}

function notPublic(
  check: string,
  res: Answer,
  production: boolean,
  hiddenStatuses: number[],
  openDetail: string,
): CheckResult {
  if (hiddenStatuses.includes(res.status))
    return http(check, 'pass', `answers ${res.status} without credentials`);
  if (production) return http(check, 'fail', `answers ${res.status} without credentials in production`);
  return http(check, res.status === 200 ? 'warn' : 'pass', `answers ${res.status}; ${openDetail}`);
}

export interface DeploymentCheckOutcome {
  results: CheckResult[];
  /** How the deployment was judged, and why: production rules are stricter. */
  judgedAs: string;
}

/** Checks a running deployment from outside, as a client would see it. */
export async function checkDeployment(options: HttpCheckOptions): Promise<DeploymentCheckOutcome> {
  const results: CheckResult[] = [];
  let headers: Headers | undefined;
  results.push(
    await guarded('/health answers', async () => {
      const res = await call(options.baseUrl, '/health');
      headers = res.headers;
      return http('/health answers', res.status === 200 ? 'pass' : 'fail', `status ${res.status}`);
    }),
  );
  results.push(
    await guarded('/ready answers', async () => {
      const res = await call(options.baseUrl, '/ready');
      return http(
        '/ready answers',
        res.status === 200 ? 'pass' : 'fail',
        `status ${res.status}: ${readinessDetail(res.body)}`,
      );
    }),
  );
  // The server sends HSTS only in production, so its presence tells how the deployment runs.
  const hsts = headers?.get('strict-transport-security') ?? null;
  const production = options.productionBecause !== undefined || hsts !== null;

  if (headers) {
    const missing = Object.entries(REQUIRED_HEADERS)
      .filter(([name, valid]) => !valid(headers?.get(name) ?? ''))
      .map(([name]) => name);
    if (production && !hsts) missing.push('strict-transport-security');
    if (headers.has('x-powered-by')) missing.push('x-powered-by must be absent');
    results.push(
      http(
        'security headers',
        missing.length === 0 ? 'pass' : 'fail',
        missing.length === 0
          ? `${Object.keys(REQUIRED_HEADERS).join(', ')}${hsts ? ', strict-transport-security' : ''}`
          : `missing or wrong: ${missing.join(', ')}`,
      ),
    );
  } else {
    results.push(http('security headers', 'skip', '/health did not answer'));
  }

  results.push(await signInCookieCheck(options, production));

  results.push(
    await guarded('CORS not wildcard', async () => {
      const preflight = await call(options.baseUrl, '/api/auth/session', {
        method: 'OPTIONS',
        headers: { origin: PROBE_ORIGIN, 'access-control-request-method': 'GET' },
      });
      const simple = await call(options.baseUrl, '/health', { headers: { origin: PROBE_ORIGIN } });
      const allowed = [preflight, simple]
        .map((r) => r.headers.get('access-control-allow-origin'))
        .filter((v): v is string => v !== null && (v === '*' || v === PROBE_ORIGIN));
      return allowed.length === 0
        ? http('CORS not wildcard', 'pass', 'an unknown origin is not allowed')
        : http('CORS not wildcard', 'fail', `an unknown origin is allowed (${allowed.join(', ')})`);
    }),
  );

  results.push(await rateLimitCheck(options));

  results.push(
    await guarded('/api/docs not public', async () =>
      notPublic(
        '/api/docs not public',
        await call(options.baseUrl, '/api/docs'),
        production,
        [401, 403, 404],
        'allowed outside production',
      ),
    ),
  );
  results.push(
    await guarded('/metrics not public', async () =>
      notPublic(
        '/metrics not public',
        await call(options.baseUrl, '/metrics'),
        production,
        [401, 404],
        'open outside production',
      ),
    ),
  );
  const judgedAs = production
    ? `production (${hsts !== null ? 'the server sends HSTS' : options.productionBecause})`
    : 'not production (no HSTS header; give --production to judge it as production)';
  return { results, judgedAs };
}
