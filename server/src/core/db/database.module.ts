import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../config';
import { dataSourceOptions, EntityClass, MigrationClass } from './data-source-options';
import { DatabaseNotReadyError } from './database-errors';
import { pendingMigrations } from './migrate';

export interface DatabaseModuleOptions {
  url: string;
  entities: EntityClass[];
  migrations: MigrationClass[];
  /** Runs after every successful connection, before the schema is checked (migrations at development boot). */
  afterConnect?: (dataSource: DataSource) => Promise<void>;
  /** Runs once the schema matches the code, before the database counts as ready (the demo seed). */
  whenSchemaCurrent?: (dataSource: DataSource) => Promise<void>;
  /**
   * Requests whose path starts with this prefix answer 503 (problem+json) until the database is ready,
   * so nothing runs against a missing or outdated schema: a sign-in on a database that was never
   * migrated was a 500 (`relation "users" does not exist`).
   */
  refuseUntilReady?: string;
}

/** Where the database stands, as the start-up banner and the logs tell it. */
export type DatabaseStatus =
  | { state: 'connecting'; error?: string }
  | { state: 'migrations-pending'; pending: string[] }
  | { state: 'ready' };

const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 5000];
/** How often a database behind on migrations is checked again, so it is served as soon as they are applied. */
const PENDING_RECHECK_MS = 1000;

/**
 * Connects in the background and keeps retrying, so a server booted while the database is down stays up
 * (liveness 200, readiness 503) and becomes ready when the database returns, without a restart. A schema
 * behind the code (migrations pending and not applied at boot) is waited for the same way.
 */
@Injectable()
export class DatabaseConnector implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private stopped = false;
  private current: DatabaseStatus = { state: 'connecting' };
  private readonly listeners = new Set<(status: DatabaseStatus) => void>();
  private firstAttempt?: Promise<void>;
  private settleFirstAttempt: () => void = () => {};

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_OPTIONS) private readonly options: DatabaseModuleOptions,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** True once connected, migrations applied and the start-up work (the demo seed) finished. */
  get isReady(): boolean {
    return this.current.state === 'ready';
  }

  get status(): DatabaseStatus {
    return this.current;
  }

  /** Calls `listener` with every change of status from now on; answers a function that stops it. */
  onStatusChange(listener: (status: DatabaseStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onModuleInit(): void {
    const prefix = this.options.refuseUntilReady;
    const fastify = this.adapterHost?.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (prefix === undefined || !fastify?.addHook) return;
    const gated = (url: string) => url.startsWith(prefix) && /^($|[/?])/.test(url.slice(prefix.length));
    fastify.addHook('onRequest', async (request) => {
      if (!this.isReady && gated(request.url)) throw new DatabaseNotReadyError();
    });
  }

  onApplicationBootstrap(): void {
    this.firstAttempt = new Promise<void>((resolve) => (this.settleFirstAttempt = resolve));
    void this.connectWithRetry();
  }

  /**
   * Resolves when the first connection and its after-connect work are done (for the CLI and tests), also
   * when the schema then turns out to be behind: `status` tells which.
   */
  async whenReady(): Promise<void> {
    await this.firstAttempt;
  }

  private setStatus(status: DatabaseStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }

  private async connectWithRetry(): Promise<void> {
    let failures = 0;
    let reportedPending = '';
    while (!this.stopped) {
      try {
        if (!this.dataSource.isInitialized) await this.dataSource.initialize();
        if (this.options.afterConnect) await this.options.afterConnect(this.dataSource);
        const pending = await pendingMigrations(this.dataSource);
        if (pending.length > 0) {
          if (reportedPending !== pending.join()) {
            reportedPending = pending.join();
            this.logger.warn(
              `the database is behind this version: ${pending.length} migration(s) pending (${pending.join(', ')}); ` +
                'API requests answer 503 until `npm run db:migrate` applies them',
            );
          }
          if (this.current.state !== 'migrations-pending' || this.current.pending.join() !== reportedPending)
            this.setStatus({ state: 'migrations-pending', pending });
          this.settleFirstAttempt();
          await this.pause(PENDING_RECHECK_MS);
          continue;
        }
        if (this.options.whenSchemaCurrent) await this.options.whenSchemaCurrent(this.dataSource);
        if (failures > 0) this.logger.log('database connection established');
        if (reportedPending) this.logger.log('migrations applied: the database is ready');
        this.setStatus({ state: 'ready' });
        this.settleFirstAttempt();
        return;
      } catch (error) {
        if (this.stopped) break;
        const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];
        failures++;
        const message = (error as Error).message;
        this.logger.warn(`database not available (${message}); retrying in ${delay} ms`);
        this.setStatus({ state: 'connecting', error: message });
        await this.pause(delay);
      }
    }
    this.settleFirstAttempt();
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms).unref());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_OPTIONS, useValue: options },
        {
          provide: DataSource,
          inject: [DatabaseConfig],
          useFactory: (config: DatabaseConfig) =>
            new DataSource(dataSourceOptions(config, options.url, options.entities, options.migrations)),
        },
        DatabaseConnector,
      ],
      exports: [DataSource, DatabaseConnector],
    };
  }
}
