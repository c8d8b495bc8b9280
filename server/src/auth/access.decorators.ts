import { SetMetadata } from '@nestjs/common';

export const ACCESS = 'access:declaration';

export type AccessDeclaration = 'authenticated' | 'session' | 'platform-admin';

/** Any signed-in person or API token may use the route. */
export const Authenticated = () => SetMetadata(ACCESS, 'authenticated' satisfies AccessDeclaration);

/** Only a signed-in person (session cookie): account and session management. */
export const SessionRequired = () => SetMetadata(ACCESS, 'session' satisfies AccessDeclaration);

/** Only platform administrators (operators of this installation). */
export const PlatformAdminOnly = () => SetMetadata(ACCESS, 'platform-admin' satisfies AccessDeclaration);
