import { describe, expect, it } from 'vitest';
import { initialsOf } from './Avatar';

describe(initialsOf.name, () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['  grace   brewster murray hopper ', 'GH'],
    ['Ozymandias', 'O'],
    ['Émile Zola', 'ÉZ'],
    ['', ''],
  ])('turns %j into %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
