import { SetMetadata } from '@nestjs/common';

export const SIGN_IN_RATE_LIMIT = 'rate-limit:sign-in';

/** Applies the strict sign-in limits (per client IP and per email address) to a route. */
export const SignInRateLimit = (): MethodDecorator => SetMetadata(SIGN_IN_RATE_LIMIT, true);
