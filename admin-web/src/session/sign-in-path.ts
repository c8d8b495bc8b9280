/** The sign-in page, bringing the person back to `returnTo` once signed in. */
export function signInPath(returnTo: string): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}

/**
 * Where to go when the session ended while on `location`: sign in and come back here, or nowhere when
 * this already is the sign-in page (whose own probe of the session answers 401 by design).
 */
export function pathAfterSessionEnded(location: { pathname: string; search: string }): string | null {
  return location.pathname === '/login' ? null : signInPath(location.pathname + location.search);
}
