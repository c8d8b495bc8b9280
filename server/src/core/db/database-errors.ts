/**
 * SQLSTATE classes and socket errors meaning "the database cannot serve this right now", as opposed to a
 * bad query: connection failures, shutdown, too many connections, and a statement cancelled by
 * DATABASE_STATEMENT_TIMEOUT_MS (an overloaded database; worth a retry, not a 500 with a stack trace).
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57014',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// TypeORM's answer to a query on a transaction whose connection has already died (it releases the query
// runner on the connection's error event, so the next statement fails with this instead of a socket error).
const UNAVAILABLE_ERROR_NAMES = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Cannot use a pool after calling end/i,
  /Database is not connected yet/i,
  /connection is not yet established/i,
  /database is not established/i,
  /Driver not Connected/i,
];

/** Thrown by the database module while no connection has been established yet. */
export class DatabaseNotReadyError extends Error {
  constructor() {
    super('Database is not connected yet');
    this.name = 'DatabaseNotReadyError';
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseNotReadyError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof candidate.name === 'string' && UNAVAILABLE_ERROR_NAMES.has(candidate.name)) return true;
  if (typeof candidate.code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(candidate.code) || UNAVAILABLE_SOCKET_CODES.has(candidate.code))
      return true;
  }
  if (
    typeof candidate.message === 'string' &&
    UNAVAILABLE_MESSAGES.some((re) => re.test(candidate.message as string))
  ) {
    return true;
  }
  return isDatabaseUnavailable(candidate.driverError) || isDatabaseUnavailable(candidate.cause);
}
