/** A person signed in through a session cookie. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
  sessionId: string;
  csrfToken: string;
}

/** A script using an API token: scoped to one workspace and to a subset of its creator's permissions. */
export interface TokenPrincipal {
  kind: 'token';
  tokenId: string;
  userId: string;
  workspaceId: string;
  permissions: readonly string[];
}

export type Principal = UserPrincipal | TokenPrincipal;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication guard (passport's convention) on every non-public route. */
    user?: Principal;
  }
}
