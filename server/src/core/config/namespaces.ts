import { availableParallelism } from 'node:os';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidationArguments,
} from 'class-validator';
import { Env } from './env.decorator';

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

export class AppConfig {
  @Env('NODE_ENV', { description: 'Runtime mode. `production` turns on every production safeguard.' })
  @IsIn(NODE_ENVIRONMENTS)
  nodeEnv: NodeEnvironment = 'development';

  @Env('PORT', { description: 'TCP port the server listens on (API, web client, Storybook and probes).' })
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 3000;

  @Env('HOST', {
    description: 'Interface to bind. Keep 127.0.0.1 on a workstation; use 0.0.0.0 inside a container.',
  })
  @IsString()
  @MinLength(1)
  host = '127.0.0.1';

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}

export class HttpConfig {
  @Env('CORS_ORIGINS', {
    description:
      'Comma-separated origins allowed to call the API from a browser (e.g. https://admin.example.com). Empty: same origin only. `*` is refused.',
    example: 'https://admin.example.com',
  })
  @IsString({ each: true })
  @Matches(/^https?:\/\/[^/\s*]+$/, {
    each: true,
    message: 'each origin must be scheme://host[:port] without a path or wildcard',
  })
  corsOrigins: string[] = [];

  @Env('TRUST_PROXY', {
    description:
      'Which peers may set X-Forwarded-For: empty (none), a hop count (e.g. 1), or comma-separated addresses/CIDRs (e.g. 10.0.0.0/8).',
  })
  @IsString()
  @Matches(/^$|^\d{1,2}$|^[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*$/, {
    message: 'TRUST_PROXY must be empty, a hop count, or a comma-separated list of addresses/CIDRs',
  })
  trustProxy = '';

  // The largest body a DTO accepts is a password change: two 4096-character passwords, about 49 KB when
  // a client escapes every character as \uXXXX. Every other DTO fits in a few kilobytes.
  @Env('BODY_LIMIT_BYTES', {
    description:
      'Largest accepted request body; bigger bodies get 413. The default holds the largest body the API accepts (a password change, about 49 KB at worst) with headroom.',
  })
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  bodyLimitBytes = 64 * 1024;

  @Env('API_DOCS_ENABLED', {
    description: 'Serve the OpenAPI document and its viewer at /api/docs. Default: on, except in production.',
    type: 'boolean',
  })
  @IsOptional()
  @IsBoolean()
  apiDocsEnabled?: boolean;
}

export class LogConfig {
  @Env('LOG_LEVEL', {
    description: 'Lowest level written: fatal, error, warn, info, debug, trace or silent.',
  })
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  level = 'info';

  @Env('LOG_FORMAT', {
    description:
      'json (one JSON object per line) or pretty (development only). Default: pretty in development, json otherwise.',
  })
  @IsOptional()
  @IsIn(['json', 'pretty'])
  format?: 'json' | 'pretty';
}

export class DatabaseConfig {
  @Env('DATABASE_URL', {
    description:
      'PostgreSQL connection string. Unset: an embedded PostgreSQL is started with data under EMBEDDED_POSTGRES_DATA_DIR.',
    sensitive: true,
    example: 'postgres://bastion:change-me@127.0.0.1:5432/bastion',
  })
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  url?: string;

  @Env('DATABASE_POOL_SIZE', { description: 'Connections kept in the pool per server instance.' })
  @IsInt()
  @Min(1)
  @Max(200)
  poolSize = 10;

  @Env('DATABASE_STATEMENT_TIMEOUT_MS', { description: 'Statements running longer than this are cancelled.' })
  @IsInt()
  @Min(100)
  statementTimeoutMs = 5000;

  @Env('DATABASE_CONNECT_TIMEOUT_MS', { description: 'How long to wait for a new database connection.' })
  @IsInt()
  @Min(100)
  connectTimeoutMs = 3000;

  @Env('DATABASE_MIGRATE_ON_START', {
    description:
      'Apply pending migrations at boot. Default: true with the embedded database, false otherwise (run `npm run db:migrate` as a release step).',
    type: 'boolean',
  })
  @IsOptional()
  @IsBoolean()
  migrateOnStart?: boolean;

  @Env('EMBEDDED_POSTGRES_PORT', {
    description: 'Port of the embedded PostgreSQL (never 5432, so it cannot clash with a system one).',
  })
  @IsInt()
  @Min(1024)
  @Max(65535)
  embeddedPort = 54329;

  @Env('EMBEDDED_POSTGRES_DATA_DIR', {
    description: 'Where the embedded PostgreSQL keeps its data, relative to the repository root.',
  })
  @IsString()
  @MinLength(1)
  embeddedDataDir = '.data/postgres';

  get isEmbedded(): boolean {
    return this.url === undefined;
  }
}

export class HealthConfig {
  @Env('READINESS_DB_TIMEOUT_MS', {
    description: '/ready answers 503 when the database does not answer within this time.',
  })
  @IsInt()
  @Min(50)
  readinessDbTimeoutMs = 1000;

  @Env('SHUTDOWN_DRAIN_DELAY_MS', {
    description:
      'After SIGTERM, keep accepting connections this long while /ready answers 503, so a load balancer can stop routing here. Use about 5000 behind one.',
  })
  @IsInt()
  @Min(0)
  @Max(120_000)
  shutdownDrainDelayMs = 0;

  @Env('SHUTDOWN_TIMEOUT_MS', {
    description: 'In-flight requests get this long to finish before the process exits anyway.',
  })
  @IsInt()
  @Min(100)
  @Max(600_000)
  shutdownTimeoutMs = 10_000;
}

export class AuthConfig {
  @Env('SESSION_IDLE_TIMEOUT_MINUTES', {
    description: 'A session unused for this long is over; the next request answers 401.',
  })
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  sessionIdleMinutes = 60;

  @Env('SESSION_ABSOLUTE_TIMEOUT_HOURS', {
    description: 'A session ends this long after sign-in, however active it is.',
  })
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  sessionAbsoluteHours = 12;

  @Env('PASSWORD_MIN_LENGTH', {
    description: 'Shortest accepted new password, in characters (NIST SP 800-63B: 15 for single-factor).',
  })
  @IsInt()
  @Min(8)
  @Max(64)
  passwordMinLength = 15;

  @Env('SIGN_IN_LOCKOUT_THRESHOLD', {
    description: 'Consecutive failed sign-ins that lock an account, whatever IPs they come from.',
  })
  @IsInt()
  @Min(3)
  @Max(100)
  lockoutThreshold = 10;

  @Env('SIGN_IN_LOCKOUT_MINUTES', { description: 'How long a locked account stays locked.' })
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  lockoutMinutes = 15;
}

export class RateLimitConfig {
  @Env('RATE_LIMIT_ENABLED', { description: 'Turn request rate limits on. Only benchmarks turn them off.' })
  @IsBoolean()
  enabled = true;

  @Env('RATE_LIMIT_PER_MINUTE', {
    description:
      'Requests per minute per client across the whole API (all routes count together). A client is one IPv4 address or one IPv6 /64.',
  })
  @IsInt()
  @Min(1)
  perMinute = 600;

  @Env('SIGN_IN_LIMIT_PER_IP', {
    description:
      'Password attempts per minute per client (IPv4 address or IPv6 /64), counted together over every route that checks a password (sign-in, password change).',
  })
  @IsInt()
  @Min(1)
  signInPerIp = 20;

  @Env('SIGN_IN_LIMIT_PER_EMAIL', {
    description:
      'Password attempts per minute per account: per email address (any case) at sign-in, per signed-in person where the current password is checked.',
  })
  @IsInt()
  @Min(1)
  signInPerEmail = 5;
}

/**
 * Threads in libuv's pool unless UV_THREADPOOL_SIZE says otherwise. The pool serves password hashing,
 * static files, DNS lookups for new database connections and other fs work; hashing may hold at most
 * half of it, so with 8 the rest keeps at least the 4 threads libuv gives by default.
 */
export const DEFAULT_THREAD_POOL_SIZE = 8;

/** Refuses a hashing concurrency above half the thread pool, so hashing never holds every thread. */
function AtMostHalfTheThreadPool(): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'at most half of UV_THREADPOOL_SIZE',
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          typeof value === 'number' && value <= (args.object as HashingConfig).threadPoolSize / 2,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be at most half of UV_THREADPOOL_SIZE (${(args.object as HashingConfig).threadPoolSize})`,
      },
    });
}

export class HashingConfig {
  @Env('UV_THREADPOOL_SIZE', {
    description:
      "Threads in Node's libuv pool (read by Node itself when the pool starts; the server sets it before that). Password hashing, static files and DNS lookups share them.",
  })
  @IsInt()
  @Min(2)
  @Max(1024)
  threadPoolSize = DEFAULT_THREAD_POOL_SIZE;

  @Env('PASSWORD_HASHING_CONCURRENCY', {
    description:
      'Password hashes (argon2id, 19 MiB each) computed at once. 0: one per CPU core but one, at least 1 and at most half the thread pool.',
  })
  @IsInt()
  @Min(0)
  @AtMostHalfTheThreadPool()
  concurrencySetting = 0;

  @Env('PASSWORD_HASHING_QUEUE', {
    description:
      'Password hashes allowed to wait for a free slot; beyond them a request that needs one answers 503 hashing-busy with Retry-After at once.',
  })
  @IsInt()
  @Min(0)
  @Max(100_000)
  queueLimit = 32;

  /** Hashes computed at once: the configured number, or one core left for the event loop. */
  get concurrency(): number {
    if (this.concurrencySetting > 0) return this.concurrencySetting;
    return Math.max(1, Math.min(availableParallelism() - 1, Math.floor(this.threadPoolSize / 2)));
  }
}

export class RedisConfig {
  @Env('REDIS_URL', {
    description:
      'Redis for rate-limit counters and caches shared by several instances. Unset: kept in memory (one instance).',
    sensitive: true,
    example: 'redis://127.0.0.1:6379',
  })
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  url?: string;

  @Env('REDIS_KEY_PREFIX', {
    description: 'Prefix of every key this installation writes, so several can share one Redis.',
  })
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, {
    message: 'REDIS_KEY_PREFIX must be 1-64 letters, digits, colons, hyphens or underscores',
  })
  keyPrefix = 'bastion:';
}

export class InvitationConfig {
  @Env('INVITATION_EXPIRY_DAYS', { description: 'Days an invitation link stays valid.' })
  @IsInt()
  @Min(1)
  @Max(90)
  expiryDays = 7;

  @Env('INVITATIONS_PER_WORKSPACE_PER_HOUR', { description: 'Invitations one workspace may send per hour.' })
  @IsInt()
  @Min(1)
  perWorkspacePerHour = 50;

  @Env('INVITATIONS_PER_EMAIL_PER_HOUR', {
    description: 'Invitations one email address may receive per hour, across workspaces.',
  })
  @IsInt()
  @Min(1)
  perEmailPerHour = 5;
}

export class FlagsConfig {
  @Env('FEATURE_FLAGS', {
    description:
      'Known feature flags and their defaults, as key=true|false pairs separated by commas; workspaces may override each.',
  })
  @IsString({ each: true })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}=(true|false)$/, {
    each: true,
    message: 'each flag must be key=true or key=false',
  })
  defaults: string[] = ['audit-export=true', 'custom-roles=true', 'beta-dashboard=false'];
}

export const DEFAULT_SEED_PASSWORD = 'bastion-demo-password';

export class SeedConfig {
  @Env('SEED_PASSWORD', {
    description: `Password of every demo user created by the seed. The development default (${DEFAULT_SEED_PASSWORD}) is refused in production.`,
    sensitive: true,
  })
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  password = DEFAULT_SEED_PASSWORD;

  @Env('SEED_ON_START', {
    description:
      'Seed the demo data at boot when the database has no users yet. Default: true with the embedded database, false otherwise.',
    type: 'boolean',
  })
  @IsOptional()
  @IsBoolean()
  onStart?: boolean;
}

export class MetricsConfig {
  @Env('METRICS_TOKEN', {
    description:
      'Token a Prometheus scraper must send as a bearer token (Authorization header) to read /metrics. Unset: /metrics is open outside production and absent (404) in production.',
    sensitive: true,
  })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(256)
  token?: string;

  @Env('SERVER_TIMING_ENABLED', {
    description:
      'Add a Server-Timing header (total and database time) to API responses. Default: true outside production, false in production.',
    type: 'boolean',
  })
  @IsOptional()
  @IsBoolean()
  serverTimingEnabled?: boolean;
}

export const CONFIG_NAMESPACES = {
  app: AppConfig,
  http: HttpConfig,
  log: LogConfig,
  database: DatabaseConfig,
  health: HealthConfig,
  auth: AuthConfig,
  rateLimit: RateLimitConfig,
  hashing: HashingConfig,
  redis: RedisConfig,
  invitations: InvitationConfig,
  flags: FlagsConfig,
  seed: SeedConfig,
  metrics: MetricsConfig,
} as const;

export type Configuration = {
  [K in keyof typeof CONFIG_NAMESPACES]: InstanceType<(typeof CONFIG_NAMESPACES)[K]>;
};
