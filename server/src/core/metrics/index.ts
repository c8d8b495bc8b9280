export { MetricsModule } from './metrics.module';
export { AppMetrics, UNMATCHED_ROUTE } from './app-metrics';
export type { MetricsExposure } from './app-metrics';
export { registerMetrics, METRICS_PATH } from './register-metrics';
