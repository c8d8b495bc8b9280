import { ConfigValidationError, loadConfig } from './load-config';

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe(loadConfig.name, () => {
  it('applies documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.app).toMatchObject({ nodeEnv: 'development', port: 3000, host: '127.0.0.1' });
    expect(config.database.isEmbedded).toBe(true);
    expect(config.database.migrateOnStart).toBe(true);
    expect(config.seed.onStart).toBe(true);
    expect(config.log.format).toBe('pretty');
    expect(config.http.corsOrigins).toEqual([]);
  });

  it('converts numbers, booleans and lists from text', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/app',
      DATABASE_MIGRATE_ON_START: 'yes',
      CORS_ORIGINS: 'https://a.example, https://b.example:8443',
    });
    expect(config.app.port).toBe(8080);
    expect(config.database.migrateOnStart).toBe(true);
    expect(config.seed.onStart).toBe(false);
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example:8443']);
  });

  it('lists every bad variable at once, with its rule and a hint', () => {
    const error = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      BODY_LIMIT_BYTES: '10',
      SEED_ON_START: 'maybe',
    });
    expect(error.problems.map((p) => p.variable).sort()).toEqual([
      'BODY_LIMIT_BYTES',
      'LOG_LEVEL',
      'PORT',
      'SEED_ON_START',
    ]);
    expect(error.message).toContain('PORT="eighty": PORT must be an integer number');
    expect(error.message).toContain('Invalid configuration (4 problems)');
    for (const problem of error.problems) expect(problem.hint.length).toBeGreaterThan(10);
  });

  it('never prints a sensitive value', () => {
    const error = problemsOf({ DATABASE_URL: 'mysql://root:hunter2@db/app' });
    expect(error.message).not.toContain('hunter2');
    expect(error.problems[0]).toMatchObject({ variable: 'DATABASE_URL', value: '***' });
  });

  it('refuses a wildcard or path in CORS origins', () => {
    expect(problemsOf({ CORS_ORIGINS: '*' }).problems[0].variable).toBe('CORS_ORIGINS');
    expect(problemsOf({ CORS_ORIGINS: 'https://a.example/app' }).problems[0].variable).toBe('CORS_ORIGINS');
  });

  it('in production, refuses the embedded database, pretty logs and the default seed password', () => {
    const error = problemsOf({ NODE_ENV: 'production', LOG_FORMAT: 'pretty', SEED_ON_START: 'true' });
    expect(error.problems.map((p) => p.variable).sort()).toEqual([
      'DATABASE_URL',
      'LOG_FORMAT',
      'SEED_PASSWORD',
    ]);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://app:s3cret-long@db:5432/app',
    });
    expect(config.app.isProduction).toBe(true);
    expect(config.log.format).toBe('json');
    expect(config.database.migrateOnStart).toBe(false);
  });
});
