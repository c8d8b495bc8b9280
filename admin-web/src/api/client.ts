import { networkProblem, problemFromResponse, ProblemError } from './problem';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

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

/** Endpoints where 401 is an answer to show, not a sign that the session ended. */
const ANSWERS_WITH_401 = new Set(['/auth/login', '/auth/session']);

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The one way the app talks to the API: JSON in, JSON out, failures as ProblemError. */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = hooks.csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkProblem();
  }
  const body = await readBody(response);
  if (response.ok) return body as T;
  const problem = problemFromResponse(response.status, body, response.headers.get('retry-after'));
  if (response.status === 401 && !ANSWERS_WITH_401.has(path)) hooks.onUnauthenticated();
  throw problem;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T = void>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T = void>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};

export { ProblemError };
