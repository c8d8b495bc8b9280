import { ProblemException } from './errors/problem';
import { isCalendarDate } from './validation/rfc3339.decorator';

/** Lists answer `{ items, nextCursor }`; the cursor is opaque to clients (base64url JSON of the last key). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** What a cursor field must hold before it reaches SQL, where a value that does not cast is a 500. */
export type CursorField = 'text' | 'uuid' | 'timestamp';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// PostgreSQL's text form of a timestamptz (DateStyle ISO), as `created_at::text` writes it.
const PG_TIMESTAMPTZ =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-](\d{2})(?::(\d{2}))?$/;
const MAX_TEXT_LENGTH = 1024;

function isTimestamp(value: string): boolean {
  const match = PG_TIMESTAMPTZ.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const offsetHours = Number(match[8]);
  const offsetMinutes = Number(match[9] ?? 0);
  return (
    year >= 1 &&
    isCalendarDate(year, month, day) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 15 &&
    offsetMinutes < 60
  );
}

function fits(kind: CursorField, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  switch (kind) {
    case 'uuid':
      return UUID.test(value);
    case 'timestamp':
      return isTimestamp(value);
    case 'text':
      return value.length <= MAX_TEXT_LENGTH && !value.includes('\u0000');
  }
}

/**
 * The key a cursor carries, each field checked against what its SQL expects, so a forged or damaged
 * cursor is the client's 400 rather than a failed cast.
 */
export function decodeCursor<K extends string>(
  cursor: string,
  fields: Record<K, CursorField>,
): Record<K, string> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      (Object.entries(fields) as [K, CursorField][]).every(([field, kind]) =>
        fits(kind, (parsed as Record<string, unknown>)[field]),
      )
    ) {
      return parsed as Record<K, string>;
    }
  } catch {
    // Falls through to the problem below: a cursor that does not parse is the client's mistake.
  }
  throw new ProblemException(400, {
    code: 'invalid-cursor',
    detail: 'The cursor is not one this server issued.',
    errors: [{ field: 'cursor', message: 'cursor is invalid' }],
  });
}

/** Escapes LIKE wildcards so a search for "50%" matches literally. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Splits a result fetched with one extra row into a page and its next cursor. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  keyOf: (row: R) => Record<string, string>,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null,
  };
}
