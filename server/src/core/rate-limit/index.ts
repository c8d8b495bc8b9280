export { RateLimitModule } from './rate-limit.module';
export { RateLimitGuard } from './rate-limit.guard';
export { SignInRateLimit } from './sign-in-rate-limit.decorator';
export { Bulkhead, BulkheadFullError } from './bulkhead';
export type { BulkheadLimits } from './bulkhead';
export { PASSWORD_HASHING } from './password-hashing';
