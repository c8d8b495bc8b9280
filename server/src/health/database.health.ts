import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { HealthConfig } from '../core/config';
import { DatabaseConnector, pendingMigrations } from '../core/db';

class TimeoutError extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Readiness of the database: reachable within the timeout and every known migration applied. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly connector: DatabaseConnector,
    private readonly config: HealthConfig,
  ) {}

  async check() {
    const database = this.indicators.check('database');
    if (!this.dataSource.isInitialized) return database.down({ message: 'not connected' });
    try {
      const pending = await withTimeout(pendingMigrations(this.dataSource), this.config.readinessDbTimeoutMs);
      if (pending.length > 0)
        return database.down({ message: 'migrations pending', pending: pending.length });
      if (!this.connector.isReady) return database.down({ message: 'starting' });
      return database.up();
    } catch (error) {
      return database.down({
        message:
          error instanceof TimeoutError
            ? `no answer within ${this.config.readinessDbTimeoutMs} ms`
            : 'unreachable',
      });
    }
  }
}
