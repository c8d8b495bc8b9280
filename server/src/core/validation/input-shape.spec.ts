import { INPUT_LIMITS, inputShapeProblem, inputShapeViolation } from './input-shape';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function wide(keys: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, 0]));
}

describe(inputShapeViolation.name, () => {
  it('accepts what the largest DTOs accept', () => {
    expect(
      inputShapeViolation({
        name: 'Support',
        description: 'd'.repeat(300),
        permissions: Array.from({ length: 100 }, () => 'members:update-role'),
      }),
    ).toBeUndefined();
    expect(
      inputShapeViolation({ currentPassword: 'p'.repeat(4096), newPassword: '😀'.repeat(2048) }),
    ).toBeUndefined();
    expect(inputShapeViolation(nested(INPUT_LIMITS.depth - 1))).toBeUndefined();
    expect(inputShapeViolation(wide(INPUT_LIMITS.fieldsPerObject))).toBeUndefined();
  });

  it.each([
    [
      'too deep',
      nested(INPUT_LIMITS.depth + 1),
      Array(INPUT_LIMITS.depth).fill('a').join('.'),
      /nested deeper than 32 levels/,
    ],
    ['too wide', { nested: wide(INPUT_LIMITS.fieldsPerObject + 1) }, 'nested', /more than 50 fields/],
    [
      'a long array',
      { permissions: new Array(INPUT_LIMITS.itemsPerArray + 1).fill('x') },
      'permissions',
      /more than 200 items/,
    ],
    [
      'too many values in all',
      {
        a: new Array(200).fill(0),
        b: new Array(200).fill(0),
        c: new Array(200).fill(0),
        d: new Array(200).fill(0),
        e: new Array(200).fill(0),
      },
      '',
      /more than 1000 values/,
    ],
    [
      'a long string',
      { password: 'x'.repeat(INPUT_LIMITS.stringLength + 1) },
      'password',
      /longer than 8192 characters/,
    ],
    ['a long field name', { ['k'.repeat(10_000)]: 1 }, `${'k'.repeat(128)}…`, /field name longer than 128/],
    ['a NUL in a value', { roles: [{ name: 'a\u0000b' }] }, 'roles.0.name', /NUL character/],
    [
      'a NUL in a field name',
      { outer: { 'na\u0000me': 1 } },
      'outer.na\u0000me',
      /field name that contains a NUL/,
    ],
    ['a lone surrogate', { name: 'a\ud800b' }, 'name', /not well-formed Unicode/],
  ])('finds %s and names where', (_label, input, field, reason) => {
    const violation = inputShapeViolation(input);
    expect(violation?.field).toBe(field);
    expect(violation?.reason).toMatch(reason);
  });

  it('walks a deep value without recursion', () => {
    const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000));
    expect(inputShapeViolation(deep)?.reason).toMatch(/nested deeper/);
  });

  it('reports the first fault in document order', () => {
    expect(inputShapeViolation({ first: 'a\u0000', second: 'b\u0000' })?.field).toBe('first');
  });
});

describe(inputShapeProblem.name, () => {
  it('answers a 400 validation problem naming the field', () => {
    const problem = inputShapeProblem('query', { field: 'search', reason: 'contains a NUL character' });
    expect(problem.getStatus()).toBe(400);
    expect(problem.problem).toEqual({
      code: 'validation-failed',
      title: 'Validation failed',
      detail: 'Invalid search.',
      errors: [{ field: 'search', message: 'search contains a NUL character' }],
    });
  });

  it('describes a fault of the whole input in words', () => {
    const problem = inputShapeProblem('body', { field: '', reason: 'has more than 50 fields' });
    expect(problem.problem.detail).toBe('The request body has more than 50 fields.');
    expect(problem.problem.errors).toEqual([
      { field: '', message: 'the request body has more than 50 fields' },
    ]);
  });
});
