import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldError } from '../core/errors';

export const PASSWORD_MAX_LENGTH = 1024;

let commonPasswords: Set<string> | undefined;

/** About 49,000 of the most common passwords from breach corpora, shipped offline with the package. */
function isCommon(password: string): boolean {
  commonPasswords ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

export interface PasswordPolicyOptions {
  minLength: number;
  email?: string;
  field?: string;
}

/**
 * NIST SP 800-63B-4: length (counted in characters after NFKC), any Unicode, no composition rules, no
 * truncation; refused when common or when it contains the account's email name. Returns every broken rule.
 */
export function passwordPolicyViolations(password: string, options: PasswordPolicyOptions): FieldError[] {
  const field = options.field ?? 'newPassword';
  const normalised = password.normalize('NFKC');
  const length = [...normalised].length;
  const violations: FieldError[] = [];
  if (length < options.minLength) {
    violations.push({ field, message: `Use at least ${options.minLength} characters (this has ${length}).` });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    violations.push({ field, message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });
  }
  if (isCommon(normalised)) {
    violations.push({ field, message: 'This password appears in lists of common or breached passwords.' });
  }
  const localPart = options.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 3 && normalised.toLowerCase().includes(localPart)) {
    violations.push({ field, message: 'The password must not contain your email name.' });
  }
  return violations;
}
