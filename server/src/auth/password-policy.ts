import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldError } from '../core/errors';

export const PASSWORD_MAX_LENGTH = 1024;

let commonPasswords: Set<string> | undefined;

/** About 49,000 of the most common passwords from breach corpora, shipped offline with the package. */
function isCommon(password: string): boolean {
  commonPasswords ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/**
 * Characters that show nothing: white space, control and format characters (zero-width spaces and
 * joiners, direction marks, the byte-order mark), default-ignorable ones (variation selectors, Hangul
 * fillers, tag characters), lone surrogates, unassigned code points and the blank Braille pattern.
 */
const INVISIBLE = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{Default_Ignorable_Code_Point}\u2800]$/u;

/** Runs a keyboard walk or a counting sequence follows; each is circular (…890 then 123…). */
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

function visibleCharacters(password: string): string[] {
  return [...password].filter((c) => !INVISIBLE.test(c));
}

/** Each character lower-cased on its own, so a final sigma or a mixed case changes nothing. */
function caseless(chars: string[]): string[] {
  return chars.map((c) => c.toLowerCase());
}

/** True when the characters are one shorter run repeated, found in linear time (KMP failure function). */
function isRepetition(chars: string[]): boolean {
  const border = new Array<number>(chars.length).fill(0);
  for (let i = 1, k = 0; i < chars.length; i++) {
    while (k > 0 && chars[i] !== chars[k]) k = border[k - 1];
    if (chars[i] === chars[k]) k++;
    border[i] = k;
  }
  const period = chars.length - (border[chars.length - 1] ?? 0);
  return period < chars.length && chars.length % period === 0;
}

/** One character or one run repeated, or nearly so: fewer than three different characters. */
function isRepetitive(chars: string[]): boolean {
  const folded = caseless(chars);
  return new Set(folded).size < 3 || isRepetition(folded);
}

function stepsEvenly(positions: number[], modulus: number): boolean {
  if (positions.some((p) => p < 0)) return false;
  const step = (((positions[1] - positions[0]) % modulus) + modulus) % modulus;
  if (step !== 1 && step !== modulus - 1) return false;
  return positions.every(
    (p, i) => i === 0 || (((p - positions[i - 1]) % modulus) + modulus) % modulus === step,
  );
}

function codePointsOf(chars: string[]): number[] {
  return chars.map((c) => ([...c].length === 1 ? (c.codePointAt(0) as number) : -1));
}

/**
 * Each character one after (or one before) the previous one: in Unicode as typed or lower-cased, or
 * around the digits, the alphabet or the keyboard's letter rows.
 */
function isSequential(chars: string[]): boolean {
  if (chars.length < 3) return false;
  const folded = caseless(chars);
  return (
    stepsEvenly(codePointsOf(chars), Number.MAX_SAFE_INTEGER) ||
    stepsEvenly(codePointsOf(folded), Number.MAX_SAFE_INTEGER) ||
    SEQUENCES.some((sequence) =>
      stepsEvenly(
        folded.map((c) => sequence.indexOf(c)),
        sequence.length,
      ),
    )
  );
}

export interface PasswordPolicyOptions {
  minLength: number;
  email?: string;
  field?: string;
}

/**
 * NIST SP 800-63B-4: length (counted in characters after NFKC), any Unicode, no composition rules, no
 * truncation; refused when it is common, contains the account's email name, or is one of the values
 * the guideline names as expected: nothing but invisible characters, a repetition, or a sequential run.
 * The last checks look at the password as typed and after NFKC, so neither spelling slips through.
 * Returns every broken rule, each naming it; all checks are linear in the length.
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
    return violations;
  }
  if (isCommon(normalised)) {
    violations.push({ field, message: 'This password appears in lists of common or breached passwords.' });
  }
  const localPart = options.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 3 && normalised.toLowerCase().includes(localPart)) {
    violations.push({ field, message: 'The password must not contain your email name.' });
  }
  const spellings = [visibleCharacters(password), visibleCharacters(normalised)];
  if (spellings.some((chars) => chars.length === 0)) {
    violations.push({
      field,
      message:
        'The password must contain visible characters, not only spaces, invisible or control characters.',
    });
    return violations;
  }
  if (spellings.some(isRepetitive)) {
    violations.push({
      field,
      message: 'The password must not be one character or one sequence repeated (such as aaaa… or abcabc…).',
    });
  }
  if (spellings.some(isSequential)) {
    violations.push({
      field,
      message:
        'The password must not be a run of consecutive characters (such as 12345… or abcde…) or a keyboard row.',
    });
  }
  return violations;
}
