import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { networkProblem, problemFromResponse, ProblemError } from './problem';
import type { paths } from './schema.generated';

interface ClientHooks {
  /** The session's CSRF token, sent on every unsafe request. */
  csrfToken: () => string | undefined;
  /** Called when a request that needed a session got 401: the session ended elsewhere. */
  onUnauthenticated: () => void;
}

let hooks: ClientHooks = { csrfToken: () => undefined, onUnauthenticated: () => undefined };

/** Wires the client to the session store and the router once, at start-up. */
export function configureApiClient(next: ClientHooks): void {
  hooks = next;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Endpoints where 401 is an answer to show, not a sign that the session ended. */
const ANSWERS_WITH_401 = new Set<string>(['/api/auth/login', '/api/auth/session']);

/** The server checks this header against the session on every request that changes something. */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method)) return undefined;
    const token = hooks.csrfToken();
    if (token) request.headers.set('x-csrf-token', token);
    return request;
  },
};

/** A 401 on anything but signing in or asking who is signed in means the session ended elsewhere. */
export const sessionEndedMiddleware: Middleware = {
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && !ANSWERS_WITH_401.has(schemaPath)) hooks.onUnauthenticated();
    return undefined;
  },
};

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Every failure leaves the client as a ProblemError, so screens handle one error type: problem+json
 * answers keep their code and field errors, anything else (a proxy's HTML page, an empty 502) still
 * gets a sentence, and a request that never reached the server becomes a network problem.
 */
export const problemMiddleware: Middleware = {
  async onResponse({ response }) {
    if (response.ok) return undefined;
    throw problemFromResponse(response.status, await readBody(response), response.headers.get('retry-after'));
  },
  onError({ error }) {
    if (error instanceof DOMException && error.name === 'AbortError') return undefined;
    return networkProblem();
  },
};

/** Drops empty values, so an unset filter is left out of the address rather than sent blank. */
function serializeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/** A client typed from the server's OpenAPI document (`npm run api:types`), with the app's middleware. */
export function createApiClient(options: { baseUrl?: string; fetch?: typeof fetch } = {}): Client<paths> {
  const client = createClient<paths>({
    ...options,
    credentials: 'same-origin',
    headers: { accept: 'application/json, application/problem+json' },
    querySerializer: serializeQuery,
  });
  // Responses pass through the middleware last to first: the session check sees a 401 before the
  // problem middleware turns it into an error.
  client.use(csrfMiddleware, problemMiddleware, sessionEndedMiddleware);
  return client;
}

/** The one way the app talks to the API. */
export const api = createApiClient();

/**
 * The body of an answer. Failures never get here (the middleware throws them as ProblemError), so
 * a call site reads the data without checking for an error first.
 */
export async function unwrap<Data>(pending: Promise<{ data?: Data; response: Response }>): Promise<Data> {
  const { data } = await pending;
  return data as Data;
}

export { ProblemError };
