import { FieldError, ProblemException } from '../errors/problem';

/**
 * Bounds on every parsed request input (JSON body, query string, path parameters), checked before any
 * transformation. class-transformer and class-validator do work that grows faster than the number of keys
 * they are given, so a body must be small in every dimension, not only in bytes, before they see it.
 * Each bound sits well above what the largest DTO accepts, so a legitimate request never meets it and a
 * DTO's own rule still names the field in the common case.
 */
export const INPUT_LIMITS = {
  /** Legitimate bodies are two levels deep (an object holding an array of strings). */
  depth: 32,
  /** The widest DTO, AuditQuery, has six fields. */
  fieldsPerObject: 50,
  /** Twice the largest `@ArrayMaxSize` (100 permission keys). */
  itemsPerArray: 200,
  /** Fields and array items in the whole input. */
  values: 1000,
  /** Twice the longest accepted text (a 4096-character password). */
  stringLength: 8192,
  /** Field names are DTO property names, none longer than 20 characters. */
  fieldNameLength: 128,
} as const;

export type InputSource = 'body' | 'query' | 'path';

/** Where an input breaks the rules: `field` is a dotted path, empty for the input as a whole. */
export interface InputShapeViolation {
  field: string;
  reason: string;
}

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | undefined;
  key: string;
}

// In Unicode mode a valid surrogate pair is one astral code point, so only lone halves are category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

/** Dotted path of a frame, built only when a violation is reported so the walk stays linear. */
function pathOf(frame: Frame | undefined, key?: string): string {
  const parts: string[] = key === undefined ? [] : [key];
  for (let at = frame; at?.parent !== undefined; at = at.parent) parts.push(at.key);
  return parts.reverse().join('.');
}

function shortened(key: string): string {
  return key.length > INPUT_LIMITS.fieldNameLength ? `${key.slice(0, INPUT_LIMITS.fieldNameLength)}…` : key;
}

/** Why a piece of text cannot be accepted: every accepted value must be storable as PostgreSQL text. */
function textFault(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'is not well-formed Unicode';
  return undefined;
}

/**
 * The first way `input` exceeds INPUT_LIMITS or holds text the database refuses, or undefined. One
 * iterative pass over the parsed value: linear in its size whatever its shape, and no recursion for a
 * deep value to exhaust the stack with.
 */
export function inputShapeViolation(input: unknown): InputShapeViolation | undefined {
  const stack: Frame[] = [{ value: input, depth: 0, parent: undefined, key: '' }];
  let values = 0;
  const fault = (frame: Frame | undefined, reason: string, key?: string): InputShapeViolation => ({
    field: pathOf(frame, key),
    reason,
  });
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { value, depth } = frame;
    if (typeof value === 'string') {
      if (value.length > INPUT_LIMITS.stringLength)
        return fault(frame, `is longer than ${INPUT_LIMITS.stringLength} characters`);
      const problem = textFault(value);
      if (problem) return fault(frame, problem);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= INPUT_LIMITS.depth)
      return fault(frame, `is nested deeper than ${INPUT_LIMITS.depth} levels`);
    if (Array.isArray(value)) {
      if (value.length > INPUT_LIMITS.itemsPerArray)
        return fault(frame, `has more than ${INPUT_LIMITS.itemsPerArray} items`);
      values += value.length;
      if (values > INPUT_LIMITS.values)
        return fault(undefined, `holds more than ${INPUT_LIMITS.values} values`);
      for (let index = value.length - 1; index >= 0; index--)
        stack.push({ value: value[index], depth: depth + 1, parent: frame, key: String(index) });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > INPUT_LIMITS.fieldsPerObject)
      return fault(frame, `has more than ${INPUT_LIMITS.fieldsPerObject} fields`);
    values += keys.length;
    if (values > INPUT_LIMITS.values)
      return fault(undefined, `holds more than ${INPUT_LIMITS.values} values`);
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index];
      if (key.length > INPUT_LIMITS.fieldNameLength)
        return fault(
          frame,
          `is a field name longer than ${INPUT_LIMITS.fieldNameLength} characters`,
          shortened(key),
        );
      const problem = textFault(key);
      if (problem) return fault(frame, `is a field name that ${problem}`, key);
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, parent: frame, key });
    }
  }
  return undefined;
}

const SOURCE_NAMES: Record<InputSource, string> = {
  body: 'request body',
  query: 'query string',
  path: 'path',
};

/** Refuses an input that inputShapeViolation found fault with, shaped like every other validation failure. */
export function inputShapeProblem(
  source: InputSource,
  { field, reason }: InputShapeViolation,
): ProblemException {
  const error: FieldError = { field, message: `${field || `the ${SOURCE_NAMES[source]}`} ${reason}` };
  return new ProblemException(400, {
    code: 'validation-failed',
    title: 'Validation failed',
    detail: field ? `Invalid ${field}.` : `The ${SOURCE_NAMES[source]} ${reason}.`,
    errors: [error],
  });
}
