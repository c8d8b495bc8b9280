import { useState } from 'react';

/**
 * Previous/next over a cursor-paginated list. The API only gives the next cursor, so the cursors of
 * the pages already seen are kept to go back.
 */
export interface CursorPages {
  cursor: string | undefined;
  /** Zero-based index of the page shown. */
  page: number;
  hasPrevious: boolean;
  next: (nextCursor: string) => void;
  previous: () => void;
  reset: () => void;
}

export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  return {
    cursor: cursors[page],
    page,
    hasPrevious: page > 0,
    next: (nextCursor: string) => setCursors((seen) => [...seen, nextCursor]),
    previous: () => setCursors((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen)),
    reset: () => setCursors([undefined]),
  };
}

export function pageSummary(page: number, pageSize: number, shown: number): string {
  if (shown === 0) return '';
  const first = page * pageSize + 1;
  return `Showing ${first}–${first + shown - 1}`;
}
