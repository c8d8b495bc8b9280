import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { AppConfig, MetricsConfig } from '../config';
import { PASSWORD_HASHING } from '../rate-limit/password-hashing';

/**
 * Who may read /metrics: anyone (development and test without a token), holders of METRICS_TOKEN, or
 * nobody (production without a token: the route does not exist and nothing is collected).
 */
export type MetricsExposure = 'open' | 'token' | 'hidden';

/** Accumulates the database time of one request; the request object itself plays this role. */
export interface DatabaseTimeHolder {
  dbTimeMs: number;
}

/** The pool figures /metrics reports, read at scrape time from the live pg pool. */
export interface PoolSnapshot {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

/** Label of requests that matched no route, so scanners probing random paths cannot explode cardinality. */
export const UNMATCHED_ROUTE = 'unmatched';

const HTTP_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const QUERY_BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

interface RouteSeries {
  requests: Counter.Internal;
  duration: Histogram.Internal<string>;
}

/**
 * The process's Prometheus registry and the few series the hot path writes to. One instance per app (not
 * prom-client's global registry), so several servers in one process, as in the tests, never collide.
 */
@Injectable()
export class AppMetrics {
  readonly registry = new Registry();
  readonly exposure: MetricsExposure;
  readonly serverTiming: boolean;
  /** Present only while Server-Timing is on: async context tracking has a cost on every promise. */
  readonly requestDatabaseTime?: AsyncLocalStorage<DatabaseTimeHolder>;

  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly queryDuration: Histogram;
  // route → method → status: label children are looked up without building a key string per request.
  private readonly series = new Map<string, Map<string, Map<number, RouteSeries>>>();
  private pool?: PoolSnapshot;

  constructor(app: AppConfig, config: MetricsConfig) {
    this.exposure = config.token ? 'token' : app.isProduction ? 'hidden' : 'open';
    this.serverTiming = config.serverTimingEnabled === true;
    if (this.serverTiming) this.requestDatabaseTime = new AsyncLocalStorage();

    const registers = [this.registry];
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route template and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to finishing its response, by method, route template and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS_SECONDS,
      registers,
    });
    this.queryDuration = new Histogram({
      name: 'db_query_duration_seconds',
      help: 'Time from sending a SQL statement to PostgreSQL to receiving its result.',
      buckets: QUERY_BUCKETS_SECONDS,
      registers,
    });
    const pool = () => this.pool;
    new Gauge({
      name: 'db_pool_connections',
      help: 'Connections the database pool holds open (busy and idle).',
      registers,
      collect() {
        this.set(pool()?.totalCount ?? 0);
      },
    });
    new Gauge({
      name: 'db_pool_idle_connections',
      help: 'Open pool connections waiting for work.',
      registers,
      collect() {
        this.set(pool()?.idleCount ?? 0);
      },
    });
    new Gauge({
      name: 'db_pool_waiting_requests',
      help: 'Queries waiting for a free pool connection; above zero the pool is the bottleneck.',
      registers,
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
    new Gauge({
      name: 'db_pool_max_connections',
      help: 'Largest number of connections the pool may open (DATABASE_POOL_SIZE).',
      registers,
      collect() {
        this.set(pool()?.options.max ?? 0);
      },
    });
    new Gauge({
      name: 'password_hashing_running',
      help: 'Password hashes being computed now (at most PASSWORD_HASHING_CONCURRENCY).',
      registers,
      collect() {
        this.set(PASSWORD_HASHING.running);
      },
    });
    new Gauge({
      name: 'password_hashing_queued',
      help: 'Password hashes waiting for a free slot (at most PASSWORD_HASHING_QUEUE).',
      registers,
      collect() {
        this.set(PASSWORD_HASHING.queued);
      },
    });
    let rejectionsCounted = 0;
    new Counter({
      name: 'password_hashing_rejected_total',
      help: 'Requests answered 503 hashing-busy because every hashing slot and queue place was taken.',
      registers,
      collect() {
        this.inc(PASSWORD_HASHING.rejected - rejectionsCounted);
        rejectionsCounted = PASSWORD_HASHING.rejected;
      },
    });
    if (this.exposure !== 'hidden') collectDefaultMetrics({ register: this.registry });
  }

  /** True when request and query series are worth recording: someone can read them. */
  get collecting(): boolean {
    return this.exposure !== 'hidden';
  }

  observeRequest(method: string, route: string | undefined, status: number, elapsedMs: number): void {
    const series = this.seriesOf(method, route ?? UNMATCHED_ROUTE, status);
    series.requests.inc();
    series.duration.observe(elapsedMs / 1000);
  }

  observeQuery(elapsedMs: number): void {
    this.queryDuration.observe(elapsedMs / 1000);
  }

  watchPool(pool: PoolSnapshot): void {
    this.pool = pool;
  }

  private seriesOf(method: string, route: string, status: number): RouteSeries {
    let byMethod = this.series.get(route);
    if (!byMethod) this.series.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map()));
    let series = byStatus.get(status);
    if (!series) {
      const labels = { method, route, status };
      series = { requests: this.requests.labels(labels), duration: this.duration.labels(labels) };
      byStatus.set(status, series);
    }
    return series;
  }
}
