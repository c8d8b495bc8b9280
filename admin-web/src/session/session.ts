import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { isProblem } from '../api/problem';
import type { SessionInfo } from '../api/types';
import { queryClient } from '../app/query-client';

/** The signed-in person, or null when nobody is. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<SessionInfo | null> => {
    try {
      return await unwrap(api.GET('/api/auth/session'));
    } catch (error) {
      if (isProblem(error, 'not-authenticated')) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export const passwordPolicyQuery = queryOptions({
  queryKey: ['password-policy'],
  queryFn: () => unwrap(api.GET('/api/auth/password-policy')),
  staleTime: Infinity,
});

export async function signIn(email: string, password: string): Promise<SessionInfo> {
  const session = await unwrap(api.POST('/api/auth/login', { body: { email, password } }));
  queryClient.clear();
  queryClient.setQueryData(sessionQuery.queryKey, session);
  return session;
}

/** Forgets everything cached for the previous person, so nothing leaks to the next one. */
export function forgetSession(): void {
  queryClient.clear();
  queryClient.setQueryData(sessionQuery.queryKey, null);
}

export async function signOut(everywhere = false): Promise<void> {
  await unwrap(everywhere ? api.POST('/api/auth/logout-all') : api.POST('/api/auth/logout'));
  forgetSession();
}

/** The session inside the signed-in part of the app, where the route loader guarantees there is one. */
export function useSession(): SessionInfo {
  const { data } = useSuspenseQuery(sessionQuery);
  if (!data) throw new Error('useSession is only for signed-in routes');
  return data;
}
