import { describe, expect, it } from 'vitest';
import type { Flag } from '../../api/types';
import { flagSummary, reset, switched, withFlag } from './flags';

const flag = (overrides: Partial<Flag> = {}): Flag => ({
  key: 'audit-export',
  enabled: true,
  defaultEnabled: true,
  overridden: false,
  ...overrides,
});

describe('flagSummary', () => {
  it('names the default a flag follows', () => {
    expect(flagSummary(flag())).toBe('Follows the default (on).');
    expect(flagSummary(flag({ enabled: false, defaultEnabled: false }))).toBe('Follows the default (off).');
  });

  it('says when the workspace chose otherwise than the default', () => {
    expect(flagSummary(flag({ enabled: false, overridden: true }))).toBe('Set off here; the default is on.');
  });

  it('says when the workspace chose the same as the default, which a reset would not change', () => {
    expect(flagSummary(flag({ overridden: true }))).toBe('Set on here, the same as the default.');
  });
});

describe('switched and reset', () => {
  it('marks a switched flag as overridden with its new state', () => {
    expect(switched(flag(), false)).toEqual(flag({ enabled: false, overridden: true }));
  });

  it('brings a reset flag back to its default', () => {
    expect(reset(flag({ enabled: false, overridden: true }))).toEqual(flag());
  });
});

describe('withFlag', () => {
  it('replaces only the flag with the same key, keeping the order', () => {
    const page = {
      items: [flag({ key: 'a' }), flag({ key: 'b' }), flag({ key: 'c' })],
      nextCursor: null,
    };
    const updated = withFlag(page, flag({ key: 'b', enabled: false, overridden: true }));
    expect(updated.items.map((item) => [item.key, item.enabled])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
    expect(page.items[1]?.enabled).toBe(true);
  });
});
