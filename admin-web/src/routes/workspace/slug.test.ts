import { describe, expect, it } from 'vitest';
import { slugFrom, slugProblem } from './slug';

describe('slugFrom', () => {
  it.each([
    ['Acme Corp.', 'acme-corp'],
    ['  Zürich Ops  ', 'zurich-ops'],
    ['---', ''],
  ])('suggests %j → %j', (name, slug) => {
    expect(slugFrom(name)).toBe(slug);
  });

  it('never ends with a hyphen after cutting to 63 characters', () => {
    const slug = slugFrom(`${'a'.repeat(62)} b`);
    expect(slug.length).toBeLessThanOrEqual(63);
    expect(slugProblem(slug)).toBeNull();
  });
});

describe('slugProblem', () => {
  it('accepts what the server accepts', () => {
    expect(slugProblem('acme')).toBeNull();
    expect(slugProblem('a')).toBeNull();
    expect(slugProblem('team-42')).toBeNull();
  });

  it('rejects what the server rejects', () => {
    expect(slugProblem('')).toMatch(/Choose/);
    expect(slugProblem('-acme')).toMatch(/hyphen/);
    expect(slugProblem('Acme')).toMatch(/lowercase/);
    expect(slugProblem('a'.repeat(64))).toMatch(/1–63/);
  });
});
