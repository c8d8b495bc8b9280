import { decodeCursor, encodeCursor } from './pagination';
import { ProblemException } from './errors/problem';

const AUDIT = { at: 'timestamp', id: 'uuid' } as const;
const ID = '3f0c2a4e-8d1b-4c5e-9f6a-7b8c9d0e1f2a';

function refusal(cursor: string, fields: Parameters<typeof decodeCursor>[1]): unknown {
  try {
    decodeCursor(cursor, fields);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe(decodeCursor.name, () => {
  it('returns the key of a cursor the server issued', () => {
    const at = '2026-11-24 03:03:17.428123+00';
    expect(decodeCursor(encodeCursor({ at, id: ID }), AUDIT)).toMatchObject({ at, id: ID });
    expect(
      decodeCursor(encodeCursor({ email: 'a@example.com', id: ID }), { email: 'text', id: 'uuid' }),
    ).toEqual({
      email: 'a@example.com',
      id: ID,
    });
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['a missing field', encodeCursor({ at: '2026-11-24 03:03:17+00' })],
    ['an id that is not a UUID', encodeCursor({ at: '2026-11-24 03:03:17+00', id: "1' OR '1'='1" })],
    ['a time that is not a timestamp', encodeCursor({ at: "1' OR '1'='1", id: ID })],
    ['an impossible date', encodeCursor({ at: '2026-02-30 10:00:00+00', id: ID })],
    ['an impossible hour', encodeCursor({ at: '2026-11-24 25:00:00+00', id: ID })],
    ['an ISO time in another format', encodeCursor({ at: '2026-11-24T03:03:17Z', id: ID })],
  ])('refuses %s with a 400 problem naming the cursor', (_label, cursor) => {
    const error = refusal(cursor, AUDIT);
    expect(error).toBeInstanceOf(ProblemException);
    expect(error).toMatchObject({ status: 400, problem: { errors: [{ field: 'cursor' }] } });
  });

  it('refuses text fields holding a NUL byte or more than 1,024 characters', () => {
    const fields = { email: 'text', id: 'uuid' } as const;
    expect(refusal(encodeCursor({ email: 'a\u0000b', id: ID }), fields)).toBeInstanceOf(ProblemException);
    expect(refusal(encodeCursor({ email: 'a'.repeat(1025), id: ID }), fields)).toBeInstanceOf(
      ProblemException,
    );
  });
});
