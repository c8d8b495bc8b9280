import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EnvSource } from '../core/config';
import { countByStatus, ReadinessReport, renderMarkdown } from './readiness-report';
import { checkConfiguration } from './config-checks';
import { checkDeployment } from './http-checks';

export interface DoctorOptions {
  /** Environment the configuration is read from (default: this process's, completed by `.env`, as the server reads it). */
  env?: EnvSource;
  /** A running deployment to check from outside; null checks the configuration only. */
  url: string | null;
  production?: boolean;
  signIn?: { email: string; password: string };
  /** Where the Markdown report goes; null writes none. */
  reportPath: string | null;
}

export interface DoctorOutcome {
  report: ReadinessReport;
  exitCode: 0 | 1;
}

/** The final readiness review: local configuration and database, then the deployment at `url`. */
export async function runDoctor(options: DoctorOptions): Promise<DoctorOutcome> {
  const local = await checkConfiguration(options.env);
  const deployment = options.url
    ? await checkDeployment({
        baseUrl: options.url,
        productionBecause: options.production
          ? 'as asked'
          : local.config?.app.isProduction
            ? 'the local configuration has NODE_ENV=production'
            : undefined,
        signInAttempts: Math.min(100, (local.config?.rateLimit.signInPerEmail ?? 5) + 1),
        signIn: options.signIn,
      })
    : null;
  const report: ReadinessReport = {
    checkedAt: new Date().toISOString(),
    target: options.url,
    nodeEnv: local.config?.app.nodeEnv ?? '(invalid configuration)',
    judgedAs: deployment?.judgedAs ?? null,
    results: [...local.results, ...(deployment?.results ?? [])],
  };
  if (options.reportPath) {
    await mkdir(dirname(options.reportPath), { recursive: true });
    await writeFile(options.reportPath, renderMarkdown(report));
  }
  return { report, exitCode: countByStatus(report.results).fail > 0 ? 1 : 0 };
}
