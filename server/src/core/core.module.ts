import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ConfigModule, Configuration } from './config';
import { DatabaseModule, DatabaseModuleOptions } from './db';
import { ProblemFilter } from './errors';
import { MethodTable } from './http';
import { ShutdownState } from './lifecycle/shutdown-state';
import { Clock } from './clock';
import { MetricsModule } from './metrics';
import { RateLimitModule } from './rate-limit';
import { RedisModule } from './redis/redis.module';
import { createValidationPipe } from './validation/validation.pipe';
import type { Logger } from 'pino';
import { APP_LOGGER } from './logging';

export interface CoreModuleOptions {
  config: Configuration;
  database: DatabaseModuleOptions;
  logger: Logger;
}

/** Cross-cutting infrastructure, registered once at the root: config, database, errors, validation. */
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [
        ConfigModule.forRoot(options.config),
        DatabaseModule.forRoot(options.database),
        RedisModule,
        RateLimitModule,
        MetricsModule,
      ],
      providers: [
        Clock,
        { provide: APP_LOGGER, useValue: options.logger },
        MethodTable,
        ShutdownState,
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [APP_LOGGER, Clock, MethodTable, ShutdownState, RateLimitModule],
    };
  }
}
