export interface AuditFilters {
  action: string;
  actorId: string;
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function startOfDay(day: string): Date | null {
  if (!DAY.test(day)) return null;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(year, month - 1, date);
  // Date rolls 2025-02-30 over to March; a day that does not exist must be refused instead.
  return start.getFullYear() === year && start.getMonth() === month - 1 && start.getDate() === date
    ? start
    : null;
}

/**
 * Turns the day filters (in the viewer's time zone) into the ISO instants the API takes: `from` at the
 * start of its day, `to` at the end of its day, so a single day includes all of it.
 */
export function dayRange(
  from: string,
  to: string,
): { from?: string; to?: string; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const start = from ? startOfDay(from) : null;
  const end = to ? startOfDay(to) : null;
  if (from && !start) errors.from = 'Use a date such as 2025-01-31.';
  if (to && !end) errors.to = 'Use a date such as 2025-01-31.';
  if (start && end && end < start) errors.to = 'Pick a day on or after the start.';
  return {
    from: start?.toISOString(),
    to: end ? new Date(end.getTime() + 86_400_000 - 1).toISOString() : undefined,
    errors,
  };
}
