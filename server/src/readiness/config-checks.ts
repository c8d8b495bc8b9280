import { MIGRATIONS } from '@bastion/migrations';
import { DataSource } from 'typeorm';
import {
  ConfigValidationError,
  Configuration,
  DEFAULT_SEED_PASSWORD,
  EnvSource,
  loadConfig,
  loadEnvironment,
} from '../core/config';
import { dataSourceOptions, pendingMigrations } from '../core/db';
import { ENTITIES } from '../entities';
import type { CheckResult } from './check-result';

/** Passwords that ship in examples and tutorials; a deployment using one has kept a default. */
const DEFAULT_DATABASE_PASSWORDS = new Set([
  '',
  'postgres',
  'password',
  'change-me',
  'changeme',
  'bastion',
  'secret',
  'admin',
]);
const PLACEHOLDER = /change-?me|example|placeholder/i;

export interface ConfigCheckOutcome {
  results: CheckResult[];
  config?: Configuration;
}

function databasePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}

function secretsCheck(config: Configuration): CheckResult {
  const defaults: string[] = [];
  if (config.seed.onStart && config.seed.password === DEFAULT_SEED_PASSWORD) defaults.push('SEED_PASSWORD');
  if (config.database.url && DEFAULT_DATABASE_PASSWORDS.has(databasePassword(config.database.url))) {
    defaults.push('the DATABASE_URL password');
  }
  if (config.metrics.token && PLACEHOLDER.test(config.metrics.token)) defaults.push('METRICS_TOKEN');
  const check = 'secrets are not defaults';
  if (defaults.length === 0)
    return { area: 'config', check, status: 'pass', detail: 'no default secret in use' };
  if (config.app.isProduction) {
    return {
      area: 'config',
      check,
      status: 'fail',
      detail: `default or placeholder: ${defaults.join(', ')}`,
    };
  }
  return {
    area: 'config',
    check,
    status: 'warn',
    detail: `development defaults in use (${defaults.join(', ')}); refused in production`,
  };
}

function rateLimitCheck(config: Configuration): CheckResult {
  const check = 'rate limits on';
  if (config.rateLimit.enabled) {
    return {
      area: 'config',
      check,
      status: 'pass',
      detail: `${config.rateLimit.perMinute}/min per IP; sign-in ${config.rateLimit.signInPerIp}/min per IP, ${config.rateLimit.signInPerEmail}/min per email`,
    };
  }
  return {
    area: 'config',
    check,
    status: config.app.isProduction ? 'fail' : 'warn',
    detail: 'RATE_LIMIT_ENABLED=false (only benchmarks should turn them off)',
  };
}

function metricsCheck(config: Configuration): CheckResult {
  const check = '/metrics not public';
  if (config.metrics.token)
    return { area: 'config', check, status: 'pass', detail: 'METRICS_TOKEN required' };
  if (config.app.isProduction) {
    return { area: 'config', check, status: 'pass', detail: 'no METRICS_TOKEN: /metrics is not served' };
  }
  return { area: 'config', check, status: 'warn', detail: 'open without a token outside production' };
}

function apiDocsCheck(config: Configuration): CheckResult {
  const check = '/api/docs not public';
  if (!config.http.apiDocsEnabled)
    return { area: 'config', check, status: 'pass', detail: 'API_DOCS_ENABLED off' };
  return {
    area: 'config',
    check,
    status: config.app.isProduction ? 'fail' : 'warn',
    detail: 'API_DOCS_ENABLED on: the OpenAPI document is served to anyone',
  };
}

function productionCheck(config: Configuration): CheckResult {
  const check = 'production mode';
  if (config.app.isProduction)
    return { area: 'config', check, status: 'pass', detail: 'NODE_ENV=production' };
  return {
    area: 'config',
    check,
    status: 'warn',
    detail: `NODE_ENV=${config.app.nodeEnv}: production safeguards (Secure cookies, HSTS, hidden /metrics) are off`,
  };
}

async function databaseChecks(config: Configuration): Promise<CheckResult[]> {
  if (!config.database.url) {
    const detail = 'DATABASE_URL unset: the server starts an embedded PostgreSQL itself; /ready covers it';
    return [
      { area: 'database', check: 'database reachable', status: 'skip', detail },
      { area: 'database', check: 'migrations applied', status: 'skip', detail },
    ];
  }
  const dataSource = new DataSource(
    dataSourceOptions(config.database, config.database.url, ENTITIES, MIGRATIONS),
  );
  try {
    await dataSource.initialize();
  } catch (error) {
    return [
      {
        area: 'database',
        check: 'database reachable',
        status: 'fail',
        detail: `cannot connect: ${(error as Error).message}`,
      },
      { area: 'database', check: 'migrations applied', status: 'skip', detail: 'database unreachable' },
    ];
  }
  try {
    const [{ version }] = await dataSource.query('SELECT current_setting($1) AS version', ['server_version']);
    const pending = await pendingMigrations(dataSource);
    return [
      { area: 'database', check: 'database reachable', status: 'pass', detail: `PostgreSQL ${version}` },
      pending.length === 0
        ? {
            area: 'database',
            check: 'migrations applied',
            status: 'pass',
            detail: `${MIGRATIONS.length} of ${MIGRATIONS.length} applied`,
          }
        : {
            area: 'database',
            check: 'migrations applied',
            status: 'fail',
            detail: `pending: ${pending.join(', ')} (run npm run db:migrate)`,
          },
    ];
  } finally {
    await dataSource.destroy();
  }
}

/** The local configuration, as the server would read it from this environment and `.env`, and its database. */
export async function checkConfiguration(env?: EnvSource): Promise<ConfigCheckOutcome> {
  let config: Configuration;
  try {
    config = loadConfig(env ?? loadEnvironment().env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return {
      results: [
        {
          area: 'config',
          check: 'configuration valid',
          status: 'fail',
          detail: error.problems.map((p) => `${p.variable}: ${p.rule}`).join('; '),
        },
      ],
    };
  }
  return {
    config,
    results: [
      { area: 'config', check: 'configuration valid', status: 'pass', detail: 'every variable validated' },
      productionCheck(config),
      secretsCheck(config),
      rateLimitCheck(config),
      {
        area: 'config',
        check: 'CORS not wildcard',
        status: 'pass',
        detail:
          (config.http.corsOrigins.length === 0
            ? 'same origin only'
            : `allowed origins: ${config.http.corsOrigins.join(', ')}`) + ' (`*` is refused at boot)',
      },
      apiDocsCheck(config),
      metricsCheck(config),
      ...(await databaseChecks(config)),
    ],
  };
}
