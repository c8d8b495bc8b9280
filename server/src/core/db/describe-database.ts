/** A database URL as a person may see it in a log or on a terminal: host, port and name, never the password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname || '/'}`;
  } catch {
    return 'an unparsable DATABASE_URL';
  }
}
