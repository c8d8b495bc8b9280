import request from 'supertest';

export const DEMO_PASSWORD = 'bastion-demo-password';

/** A signed-in browser: its session cookie and CSRF token, sending same-origin headers like a real page. */
export interface SignedIn {
  cookie: string;
  token: string;
  csrfToken: string;
  body: Record<string, unknown>;
}

export function sessionTokenOf(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('\n') : (setCookie ?? '');
  const match = /bastion_session=([A-Za-z0-9_-]+)/.exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return match[1];
}

export async function signIn(
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
  ip?: string,
): Promise<SignedIn> {
  const req = request(baseUrl).post('/api/auth/login').set('sec-fetch-site', 'same-origin');
  if (ip) req.set('x-forwarded-for', ip);
  const res = await req.send({ email, password });
  if (res.status !== 200)
    throw new Error(`sign-in as ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const token = sessionTokenOf(res.headers['set-cookie']);
  return { cookie: `bastion_session=${token}`, token, csrfToken: res.body.csrfToken, body: res.body };
}

/** An unsafe request as the application's own page sends it: cookie, same-origin, CSRF header. */
export function asPage(session: SignedIn, req: request.Test): request.Test {
  return req
    .set('cookie', session.cookie)
    .set('sec-fetch-site', 'same-origin')
    .set('x-csrf-token', session.csrfToken);
}
