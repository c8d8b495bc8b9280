import { ProblemException } from './errors/problem';

/** Lists answer `{ items, nextCursor }`; the cursor is opaque to clients (base64url JSON of the last key). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<K extends string>(cursor: string, fields: readonly K[]): Record<K, string> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      fields.every((f) => typeof (parsed as Record<string, unknown>)[f] === 'string')
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
