import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pathAfterSessionEnded } from '../session/sign-in-path';
import { configureApiClient, createApiClient, unwrap } from './client';
import { ProblemError } from './problem';

const BASE_URL = 'http://bastion.test';
const WORKSPACE = '00000000-0000-4000-8000-000000000001';

function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}

/** A client whose requests go to `answer` instead of the network, remembering what it was sent. */
function clientAnswering(answer: (request: Request) => Response | Promise<Response>) {
  const sent: Request[] = [];
  const client = createApiClient({
    baseUrl: BASE_URL,
    fetch: async (input: RequestInfo | URL) => {
      const request = input as Request;
      sent.push(request);
      return answer(request);
    },
  });
  return { client, sent };
}

describe('the API client', () => {
  const onUnauthenticated = vi.fn();

  beforeEach(() => {
    configureApiClient({ csrfToken: () => 'csrf-123', onUnauthenticated });
  });

  afterEach(() => {
    onUnauthenticated.mockReset();
  });

  it('returns the data of a successful answer, with empty query values left out', async () => {
    const { client, sent } = clientAnswering(() => json(200, { items: [], nextCursor: null }));
    const page = await unwrap(
      client.GET('/api/workspaces/{workspaceId}/members', {
        params: { path: { workspaceId: WORKSPACE }, query: { search: '', limit: 20, cursor: undefined } },
      }),
    );
    expect(page).toEqual({ items: [], nextCursor: null });
    expect(sent[0]?.url).toBe(`${BASE_URL}/api/workspaces/${WORKSPACE}/members?limit=20`);
    expect(sent[0]?.headers.get('accept')).toBe('application/json, application/problem+json');
  });

  it('turns a problem+json answer into a ProblemError with its code and field errors', async () => {
    const { client } = clientAnswering(() =>
      json(
        400,
        {
          type: 'urn:problem-type:bastion:validation-failed',
          title: 'Bad request',
          status: 400,
          detail: 'Some fields are invalid.',
          requestId: 'req-7',
          errors: [
            { field: 'email', message: 'email must be an email' },
            { field: 'email', message: 'email is required' },
            { field: 'role', message: 'role is unknown' },
          ],
        },
        'application/problem+json',
      ),
    );
    const failure = await unwrap(
      client.POST('/api/workspaces/{workspaceId}/invitations', {
        params: { path: { workspaceId: WORKSPACE } },
        body: { email: 'nope', role: 'wizard' },
      }),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProblemError);
    const problem = failure as ProblemError;
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('validation-failed');
    expect(problem.requestId).toBe('req-7');
    expect(problem.fieldMessages()).toEqual({ email: 'email must be an email', role: 'role is unknown' });
  });

  it('still gives a ProblemError for an answer that is not a problem document, with Retry-After', async () => {
    const { client } = clientAnswering(
      () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'retry-after': '3' } }),
    );
    const failure = (await unwrap(client.GET('/api/permissions')).catch(
      (error: unknown) => error,
    )) as ProblemError;
    expect(failure).toBeInstanceOf(ProblemError);
    expect(failure.code).toBe('unexpected-response');
    expect(failure.status).toBe(502);
    expect(failure.retryAfterSeconds).toBe(3);
  });

  it('reports a request that never reached the server as a network problem', async () => {
    const { client } = clientAnswering(() => {
      throw new TypeError('fetch failed');
    });
    const failure = (await unwrap(client.GET('/api/permissions')).catch(
      (error: unknown) => error,
    )) as ProblemError;
    expect(failure).toBeInstanceOf(ProblemError);
    expect(failure.code).toBe('network-error');
  });

  it('lets a cancelled request stay a cancellation', async () => {
    const { client } = clientAnswering(() => {
      throw new DOMException('The operation was aborted.', 'AbortError');
    });
    const failure = await unwrap(client.GET('/api/permissions')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DOMException);
    expect((failure as DOMException).name).toBe('AbortError');
  });

  it('sends the CSRF token on unsafe methods only', async () => {
    const { client, sent } = clientAnswering((request) =>
      request.method === 'GET'
        ? json(200, { items: [], nextCursor: null })
        : new Response(null, { status: 204 }),
    );
    const member = { params: { path: { workspaceId: WORKSPACE, userId: 'u-1' } } };
    await unwrap(client.GET('/api/me/sessions'));
    await unwrap(
      client.PATCH('/api/workspaces/{workspaceId}/members/{userId}', { ...member, body: { role: 'admin' } }),
    );
    await unwrap(client.DELETE('/api/workspaces/{workspaceId}/members/{userId}', member));
    await unwrap(client.POST('/api/auth/logout'));
    await unwrap(
      client.PUT('/api/workspaces/{workspaceId}/flags/{key}', {
        params: { path: { workspaceId: WORKSPACE, key: 'beta' } },
        body: { enabled: true },
      }),
    );
    expect(sent.map((request) => [request.method, request.headers.get('x-csrf-token')])).toEqual([
      ['GET', null],
      ['PATCH', 'csrf-123'],
      ['DELETE', 'csrf-123'],
      ['POST', 'csrf-123'],
      ['PUT', 'csrf-123'],
    ]);
  });

  it('reports a 401 on a signed-in request as the session having ended', async () => {
    const { client } = clientAnswering(() =>
      json(401, { type: 'urn:problem-type:bastion:not-authenticated', title: 'Unauthorized', status: 401 }),
    );
    const failure = await unwrap(
      client.GET('/api/workspaces/{workspaceId}/members', { params: { path: { workspaceId: WORKSPACE } } }),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProblemError);
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  it('treats a 401 from the session probe or from signing in as an answer, not an ended session', async () => {
    const { client } = clientAnswering(() =>
      json(401, { type: 'urn:problem-type:bastion:not-authenticated', title: 'Unauthorized', status: 401 }),
    );
    await expect(unwrap(client.GET('/api/auth/session'))).rejects.toMatchObject({
      code: 'not-authenticated',
    });
    await expect(
      unwrap(client.POST('/api/auth/login', { body: { email: 'a@example.com', password: 'wrong' } })),
    ).rejects.toBeInstanceOf(ProblemError);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});

describe(pathAfterSessionEnded.name, () => {
  it('sends the person to sign in, then back to the screen and query they were on', () => {
    expect(pathAfterSessionEnded({ pathname: '/w/acme/audit', search: '?action=role.updated' })).toBe(
      '/login?next=%2Fw%2Facme%2Faudit%3Faction%3Drole.updated',
    );
  });

  it('stays put on the sign-in page itself', () => {
    expect(pathAfterSessionEnded({ pathname: '/login', search: '?next=%2Fw%2Facme' })).toBeNull();
  });
});
