export { RateLimitModule } from './rate-limit.module';
export { SignInRateLimit } from './sign-in-rate-limit.decorator';
