import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { DatabaseConnector } from '../db';
import { AppMetrics } from './app-metrics';

type QueryMethod = (this: PoolClient, config: unknown, values?: unknown, callback?: unknown) => unknown;

const TIMED = Symbol('bastion:timed-queries');

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | undefined)?.then === 'function';
}

/**
 * Times every statement the app's pg pool runs, for the query histogram and the `db` part of
 * Server-Timing. Each pooled client's own `query` is wrapped the first time the pool hands it out, so
 * nothing global is patched and other pg clients in the process are left alone.
 */
@Injectable()
export class DatabaseMetrics implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connector: DatabaseConnector,
    private readonly metrics: AppMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.metrics.collecting && !this.metrics.serverTiming) return;
    // The pool exists only once the connector's background connection succeeds, which may be much later.
    void this.connector.whenReady().then(() => {
      const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
      if (this.dataSource.isInitialized && pool) this.instrument(pool);
    });
  }

  private instrument(pool: Pool): void {
    this.metrics.watchPool(pool);
    pool.on('acquire', (client) => {
      if (!(TIMED in client)) this.timeQueries(client);
    });
  }

  private timeQueries(client: PoolClient): void {
    const metrics = this.metrics;
    const requestTime = metrics.requestDatabaseTime;
    const query = client.query as unknown as QueryMethod;
    const timed: QueryMethod = function (this: PoolClient, config, values, callback) {
      const started = performance.now();
      const holder = requestTime?.getStore();
      const result = query.call(this, config, values, callback);
      // Callback-style and streaming queries return no promise; the app issues neither.
      if (isPromise(result)) {
        const finished = () => {
          const elapsed = performance.now() - started;
          metrics.observeQuery(elapsed);
          if (holder) holder.dbTimeMs += elapsed;
        };
        result.then(finished, finished);
      }
      return result;
    };
    Object.defineProperty(client, TIMED, { value: true });
    client.query = timed as unknown as PoolClient['query'];
  }
}
