import { hash, verify } from '@node-rs/argon2';
import { BulkheadFullError, PASSWORD_HASHING } from '../core/rate-limit';
import { AuthError, authProblem } from './auth.errors';

/** argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane); `Algorithm.Argon2id` is a const enum, hence the literal. */
export const ARGON2ID_PARAMETERS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const CURRENT_PARAMETERS = `m=${ARGON2ID_PARAMETERS.memoryCost},t=${ARGON2ID_PARAMETERS.timeCost},p=${ARGON2ID_PARAMETERS.parallelism}`;

/** NFKC, as NIST SP 800-63B advises, so the same password typed on two keyboards verifies. */
function normalise(password: string): string {
  return password.normalize('NFKC');
}

/**
 * Hashing runs on libuv's thread pool, so it never blocks the event loop that serves probes; the
 * bulkhead keeps it from holding every thread of the pool, and refuses work beyond its queue with
 * 503 hashing-busy (Retry-After) rather than letting a flood delay everything else.
 */
function bounded<T>(work: () => Promise<T>): Promise<T> {
  return PASSWORD_HASHING.run(work).catch((error: unknown) => {
    throw error instanceof BulkheadFullError ? authProblem(AuthError.HashingBusy) : error;
  });
}

export function hashPassword(password: string): Promise<string> {
  return bounded(() => hash(normalise(password), ARGON2ID_PARAMETERS));
}

/** False for a wrong password or a malformed hash; a 503 problem when hashing is saturated. */
export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return bounded(() => verify(passwordHash, normalise(password)).catch(() => false));
}

/** True when a stored hash was made with other parameters (or another algorithm) and should be redone. */
export function needsRehash(passwordHash: string): boolean {
  return !passwordHash.startsWith('$argon2id$') || !passwordHash.includes(`$${CURRENT_PARAMETERS}$`);
}
