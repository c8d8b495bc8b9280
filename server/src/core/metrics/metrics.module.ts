import { Module } from '@nestjs/common';
import { AppMetrics } from './app-metrics';
import { DatabaseMetrics } from './database-metrics';

/**
 * Not global on purpose: its bootstrap hook then runs after the global database module's, so the
 * connector has started connecting by the time the pool is awaited.
 */
@Module({
  providers: [AppMetrics, DatabaseMetrics],
  exports: [AppMetrics],
})
export class MetricsModule {}
