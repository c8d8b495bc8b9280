import { Injectable } from '@nestjs/common';
import { Clock } from '../core/clock';

/** Denials recorded per actor in one window; enough to see a probe, too few to flood the log. */
export const DENIALS_AUDITED_PER_WINDOW = 20;
export const DENIAL_WINDOW_MS = 60_000;
/** Actors remembered at once; a larger crowd starts the window over rather than growing memory. */
const MAX_TRACKED_ACTORS = 10_000;

interface Window {
  startedAt: number;
  recorded: number;
  suppressed: number;
}

/**
 * Bounds the audit rows one actor's refused requests can write. Past the budget a denial is counted, not
 * recorded; the next recorded denial of that actor carries how many were left out, so the log still tells
 * the whole story in a few rows. Kept per instance: a bound on growth, not an exact count.
 */
@Injectable()
export class DenialAuditBudget {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly clock: Clock) {}

  /** Whether to record this denial, and how many of the actor's denials were left out before it. */
  take(actorId: string): { record: boolean; suppressedBefore: number } {
    const now = this.clock.now().getTime();
    const window = this.windows.get(actorId);
    if (!window || now - window.startedAt >= DENIAL_WINDOW_MS) {
      if (!window && this.windows.size >= MAX_TRACKED_ACTORS) this.windows.clear();
      const suppressedBefore = window?.suppressed ?? 0;
      this.windows.set(actorId, { startedAt: now, recorded: 1, suppressed: 0 });
      return { record: true, suppressedBefore };
    }
    if (window.recorded >= DENIALS_AUDITED_PER_WINDOW) {
      window.suppressed += 1;
      return { record: false, suppressedBefore: 0 };
    }
    window.recorded += 1;
    return { record: true, suppressedBefore: 0 };
  }
}
