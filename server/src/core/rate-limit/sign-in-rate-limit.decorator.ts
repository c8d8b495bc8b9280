import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { SignedInAttemptGuard } from './signed-in-attempt.guard';

export const SIGN_IN_RATE_LIMIT = 'rate-limit:sign-in';

/**
 * Marks a route that checks a password (sign-in, password change, anything else that verifies one):
 * the strict limits then apply on top of the default one, counted over all such routes together, per
 * client address and per account (the email address sent, or the signed-in person).
 */
export const SignInRateLimit = (): MethodDecorator =>
  applyDecorators(SetMetadata(SIGN_IN_RATE_LIMIT, true), UseGuards(SignedInAttemptGuard));
