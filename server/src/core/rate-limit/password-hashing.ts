import { Injectable } from '@nestjs/common';
import { HashingConfig } from '../config';
import { Bulkhead, BulkheadLimits } from './bulkhead';

function limitsOf(config: HashingConfig): BulkheadLimits {
  return { maxConcurrent: config.concurrency, maxQueued: config.queueLimit };
}

/**
 * Every argon2 hash and verification in the process runs through this one bulkhead: hashing runs on
 * libuv's thread pool, which is one per process and also serves static files and DNS lookups, so the
 * bound is per process too. Until a server applies its configuration (the CLI never does), the
 * defaults hold.
 */
export const PASSWORD_HASHING = new Bulkhead('password hashing', limitsOf(new HashingConfig()));

/** Applies PASSWORD_HASHING_CONCURRENCY and PASSWORD_HASHING_QUEUE when the server boots. */
@Injectable()
export class PasswordHashingLimits {
  constructor(config: HashingConfig) {
    PASSWORD_HASHING.configure(limitsOf(config));
  }
}
