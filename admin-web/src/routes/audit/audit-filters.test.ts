import { describe, expect, it } from 'vitest';
import { dayRange } from './audit-filters';

describe('dayRange', () => {
  it('covers whole days in local time', () => {
    const range = dayRange('2025-03-01', '2025-03-01');
    expect(range.errors).toEqual({});
    expect(new Date(range.from ?? '').getTime()).toBe(new Date('2025-03-01T00:00:00').getTime());
    expect(new Date(range.to ?? '').getTime()).toBe(new Date('2025-03-01T23:59:59.999').getTime());
  });

  it('leaves out empty bounds', () => {
    expect(dayRange('', '')).toEqual({ from: undefined, to: undefined, errors: {} });
  });

  it('rejects malformed and reversed dates', () => {
    expect(dayRange('01/03/2025', '').errors.from).toMatch(/such as/);
    expect(dayRange('2025-13-45', '').errors.from).toMatch(/such as/);
    expect(dayRange('2025-02-30', '').errors.from).toMatch(/such as/);
    expect(dayRange('2025-03-02', '2025-03-01').errors.to).toMatch(/on or after/);
  });
});
