import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../api/types';
import { explanationVerdict } from './explain';

const base = { userId: '00000000-0000-4000-8000-000000000001', permission: 'audit:read' as const };

describe('explanationVerdict', () => {
  it('says yes in one sentence', () => {
    const explanation: Explanation = {
      ...base,
      allowed: true,
      chain: [
        { step: 'membership', passed: true, detail: 'Member of this workspace.' },
        { step: 'role', passed: true, detail: 'Has the Admin role.' },
        { step: 'permission', passed: true, detail: 'Admin includes audit:read.' },
      ],
    };
    expect(explanationVerdict(explanation, 'Maya', 'Read audit log')).toBe('Maya may read audit log.');
  });

  it('says no and gives the reason from the step that failed', () => {
    const explanation: Explanation = {
      ...base,
      allowed: false,
      chain: [
        { step: 'membership', passed: true, detail: 'Member of this workspace.' },
        { step: 'role', passed: true, detail: 'Has the Viewer role.' },
        { step: 'permission', passed: false, detail: 'Viewer does not include audit:read.' },
      ],
    };
    expect(explanationVerdict(explanation, 'Vic', 'Read audit log')).toBe(
      'Vic may not read audit log. Viewer does not include audit:read.',
    );
  });

  it('explains a refusal for someone who is not a member', () => {
    const explanation: Explanation = {
      ...base,
      allowed: false,
      chain: [{ step: 'membership', passed: false, detail: 'Not a member of this workspace.' }],
    };
    expect(explanationVerdict(explanation, 'Eve', 'Read audit log')).toBe(
      'Eve may not read audit log. Not a member of this workspace.',
    );
  });
});
