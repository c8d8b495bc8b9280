import { Clock } from '../core/clock';
import { DENIAL_WINDOW_MS, DenialAuditBudget, DENIALS_AUDITED_PER_WINDOW } from './denial-audit-budget';

class MovableClock extends Clock {
  at = Date.UTC(2026, 0, 1);
  override now(): Date {
    return new Date(this.at);
  }
}

describe(DenialAuditBudget.name, () => {
  it('records a bounded number of denials per actor and window, then says how many it left out', () => {
    const clock = new MovableClock();
    const budget = new DenialAuditBudget(clock);
    const taken = Array.from({ length: DENIALS_AUDITED_PER_WINDOW + 7 }, () => budget.take('actor-a'));
    expect(taken.filter((t) => t.record)).toHaveLength(DENIALS_AUDITED_PER_WINDOW);
    expect(budget.take('actor-b').record).toBe(true);

    clock.at += DENIAL_WINDOW_MS;
    expect(budget.take('actor-a')).toEqual({ record: true, suppressedBefore: 7 });
    expect(budget.take('actor-a')).toEqual({ record: true, suppressedBefore: 0 });
  });
});
