import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where suites leave their measured figures for `server/scripts/resilience-report.mjs` (gitignored). */
export const FIGURES_DIR = resolve(__dirname, '..', '.figures');

/** The suites whose figures the resilience report shows; the renderer reads the same names. */
export type FigureSuite =
  | 'load'
  | 'sqlmap'
  | 'fuzz'
  | 'drain'
  | 'outage'
  | 'several-instances'
  | 'permission-model'
  | 'permission-model-deep';

/**
 * Writes what a suite measured, as JSON, for the generated resilience report. Call it before the
 * assertions, so a failing run still leaves its numbers behind for diagnosis.
 */
export function recordFigures(suite: FigureSuite, figures: Record<string, unknown>): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const path = join(FIGURES_DIR, `${suite}.json`);
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(
    partial,
    `${JSON.stringify({ suite, recordedAt: new Date().toISOString(), figures }, null, 2)}\n`,
  );
  renameSync(partial, path);
}

/** Nearest-rank percentile of unsorted samples, rounded to 0.1 ms; null when there are none. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index] * 10) / 10;
}
