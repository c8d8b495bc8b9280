import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../config';
import { dataSourceOptions, EntityClass, MigrationClass } from './data-source-options';

export interface DatabaseModuleOptions {
  url: string;
  entities: EntityClass[];
  migrations: MigrationClass[];
  /** Runs once after the first successful connection (migrations and the demo seed at development boot). */
  afterConnect?: (dataSource: DataSource) => Promise<void>;
}

const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 5000];

/**
 * Connects in the background and keeps retrying, so a server booted while the database is down stays up
 * (liveness 200, readiness 503) and becomes ready when the database returns, without a restart.
 */
@Injectable()
export class DatabaseConnector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private stopped = false;
  private ready = false;
  private connecting?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_OPTIONS) private readonly options: DatabaseModuleOptions,
  ) {}

  /** True once connected and the after-connect work (migrations, seed) has finished. */
  get isReady(): boolean {
    return this.ready;
  }

  onApplicationBootstrap(): void {
    this.connecting = this.connectWithRetry();
  }

  /** Resolves when the first connection and its after-connect work are done (for the CLI and tests). */
  async whenReady(): Promise<void> {
    await this.connecting;
  }

  private async connectWithRetry(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        if (!this.dataSource.isInitialized) await this.dataSource.initialize();
        if (this.options.afterConnect) await this.options.afterConnect(this.dataSource);
        this.ready = true;
        if (attempt > 0) this.logger.log('database connection established');
        return;
      } catch (error) {
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
        this.logger.warn(`database not available (${(error as Error).message}); retrying in ${delay} ms`);
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
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
