import 'reflect-metadata';
import { validateSync, ValidationError } from 'class-validator';
import { envVariablesOf, EnvVariable } from './env.decorator';
import { CONFIG_NAMESPACES, Configuration, DEFAULT_SEED_PASSWORD } from './namespaces';

export type EnvSource = Readonly<Record<string, string | undefined>>;

export interface ConfigProblem {
  variable: string;
  value: string;
  rule: string;
  hint: string;
}

/** Thrown when the environment is invalid; `message` lists every problem so one boot attempt shows them all. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      [
        `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):`,
        ...problems.map((p) => `  - ${p.variable}=${p.value}: ${p.rule}\n      ${p.hint}`),
      ].join('\n'),
    );
    this.name = 'ConfigValidationError';
  }
}

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  false: false,
  '0': false,
  no: false,
};

/** Converts by the default's type (or the declared one), so a wrong value stays text and fails validation. */
function convert(raw: string, defaultValue: unknown, declared: EnvVariable['type']): unknown {
  if (typeof defaultValue === 'number') return /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof defaultValue === 'boolean' || declared === 'boolean')
    return BOOLEAN_WORDS[raw.trim().toLowerCase()] ?? raw;
  if (Array.isArray(defaultValue)) {
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }
  return raw;
}

function shown(variable: EnvVariable, raw: string | undefined): string {
  if (raw === undefined) return '(unset)';
  return variable.sensitive ? '***' : JSON.stringify(raw);
}

const TYPE_CONSTRAINTS = ['isInt', 'isBoolean', 'isString', 'isIn'];

/** A value of the wrong type only reports that, not the range rules it cannot meet either. */
function flattenErrors(error: ValidationError): string[] {
  const constraints = error.constraints ?? {};
  const typeFailure = TYPE_CONSTRAINTS.find((name) => name in constraints);
  return [
    ...(typeFailure ? [constraints[typeFailure]] : Object.values(constraints)),
    ...(error.children ?? []).flatMap((child) => flattenErrors(child)),
  ];
}

/**
 * Reads and validates the whole configuration once. Every namespace is a class whose property
 * initialisers are the defaults; an unset or empty variable keeps its default.
 */
export function loadConfig(env: EnvSource = process.env): Configuration {
  const problems: ConfigProblem[] = [];
  const config = {} as Record<string, object>;

  for (const [key, Namespace] of Object.entries(CONFIG_NAMESPACES)) {
    const instance = new Namespace() as unknown as Record<string, unknown>;
    const variables = envVariablesOf(Namespace);
    for (const variable of variables) {
      const raw = env[variable.name];
      if (raw === undefined || raw === '') continue;
      instance[variable.property] = convert(raw, instance[variable.property], variable.type);
    }
    for (const error of validateSync(instance, { forbidUnknownValues: false })) {
      const variable = variables.find((v) => v.property === error.property);
      if (!variable) continue;
      problems.push({
        variable: variable.name,
        value: shown(variable, env[variable.name]),
        rule: flattenErrors(error)
          .map((message) =>
            message.replace(new RegExp(`^(each value in )?${error.property}\\b`), variable.name),
          )
          .join('; '),
        hint: variable.description,
      });
    }
    config[key] = instance;
  }

  const configuration = config as Configuration;
  applyDerivedDefaults(configuration);
  problems.push(...productionProblems(configuration, env));
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return configuration;
}

/** Defaults that depend on another variable: the embedded database implies a local, demo-ready setup. */
function applyDerivedDefaults(config: Configuration): void {
  config.database.migrateOnStart ??= config.database.isEmbedded;
  config.seed.onStart ??= config.database.isEmbedded;
  config.log.format ??= config.app.nodeEnv === 'development' ? 'pretty' : 'json';
  config.http.apiDocsEnabled ??= !config.app.isProduction;
  config.metrics.serverTimingEnabled ??= !config.app.isProduction;
}

function productionProblems(config: Configuration, env: EnvSource): ConfigProblem[] {
  if (!config.app.isProduction) return [];
  const problems: ConfigProblem[] = [];
  if (config.database.isEmbedded) {
    problems.push({
      variable: 'DATABASE_URL',
      value: '(unset)',
      rule: 'is required when NODE_ENV=production',
      hint: 'The embedded PostgreSQL is for development; point production at a managed or dedicated server.',
    });
  }
  if (config.seed.onStart && config.seed.password === DEFAULT_SEED_PASSWORD) {
    problems.push({
      variable: 'SEED_PASSWORD',
      value: '***',
      rule: 'must not be the development default when NODE_ENV=production and SEED_ON_START is on',
      hint: 'Set a strong SEED_PASSWORD, or turn SEED_ON_START off.',
    });
  }
  if (config.log.format === 'pretty') {
    problems.push({
      variable: 'LOG_FORMAT',
      value: JSON.stringify(env.LOG_FORMAT ?? ''),
      rule: 'must be json when NODE_ENV=production',
      hint: 'Pretty logs are for a developer terminal; log collectors expect one JSON object per line.',
    });
  }
  return problems;
}
