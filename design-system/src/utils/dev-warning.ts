const warned = new Set<string>();

/**
 * Logs a console error once per message outside production builds: a missing accessible name is a bug
 * the author should see while developing, but must never break a user's page. The library build keeps
 * `process.env.NODE_ENV` as written so the application's bundler decides, as it does for React itself.
 */
export function warnInDevelopment(message: string): void {
  if (process.env.NODE_ENV === 'production' || warned.has(message)) {
    return;
  }
  warned.add(message);
  console.error(`[@bastion/design-system] ${message}`);
}
