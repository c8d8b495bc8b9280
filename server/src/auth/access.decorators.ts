import { SetMetadata } from '@nestjs/common';

export const ACCESS = 'access:declaration';
export const AUTHENTICATE_IF_PRESENT = 'access:authenticate-if-present';

export type AccessDeclaration = 'authenticated' | 'session' | 'platform-admin';

/** Any signed-in person or API token may use the route. */
export const Authenticated = () => SetMetadata(ACCESS, 'authenticated' satisfies AccessDeclaration);

/** Only a signed-in person (session cookie): account and session management. */
export const SessionRequired = () => SetMetadata(ACCESS, 'session' satisfies AccessDeclaration);

/** Only platform administrators (operators of this installation). */
export const PlatformAdminOnly = () => SetMetadata(ACCESS, 'platform-admin' satisfies AccessDeclaration);

/**
 * On a @Public() route, still identify a caller who sends a session cookie (an invalid one counts as
 * anonymous); the CSRF defence applies to them as on any other route.
 */
export const AuthenticateIfPresent = () => SetMetadata(AUTHENTICATE_IF_PRESENT, true);
