export { RateLimitModule } from './rate-limit.module';
export { SignInRateLimit } from './sign-in-rate-limit.decorator';
export { Bulkhead, BulkheadFullError } from './bulkhead';
export type { BulkheadLimits } from './bulkhead';
export { PASSWORD_HASHING } from './password-hashing';
