import fc from 'fast-check';
import { passwordPolicyViolations } from './password-policy';

const MIN_LENGTH = 15;
const check = (password: string) => passwordPolicyViolations(password, { minLength: MIN_LENGTH });
const messages = (password: string) => check(password).map((v) => v.message);

const BLANK = /visible characters/;
const REPEATED = /repeated/;
const SEQUENTIAL = /consecutive characters/;

// Written out from the Unicode tables rather than derived from the policy's own pattern: spaces, line
// and paragraph separators, C0 and C1 controls, zero-width and direction formatting, the byte-order
// mark, variation selectors, Hangul fillers, tag characters and the blank Braille pattern.
const INVISIBLE_CODE_POINTS = [
  ...Array.from({ length: 0x21 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x00ad,
  0x034f,
  0x061c,
  0x115f,
  0x1160,
  0x1680,
  0x180e,
  ...Array.from({ length: 0x10 }, (_, i) => 0x2000 + i),
  0x2028,
  0x2029,
  ...Array.from({ length: 0x06 }, (_, i) => 0x202a + i),
  0x205f,
  ...Array.from({ length: 0x10 }, (_, i) => 0x2060 + i),
  0x2800,
  0x3000,
  0x3164,
  ...Array.from({ length: 0x10 }, (_, i) => 0xfe00 + i),
  0xfeff,
  0xffa0,
  0xe0001,
  ...Array.from({ length: 0x60 }, (_, i) => 0xe0020 + i),
];

const anyCharacter = fc
  .integer({ min: 0, max: 0x10ffff })
  .filter((cp) => cp < 0xd800 || cp > 0xdfff)
  .map((cp) => String.fromCodePoint(cp));

/** Blocks of consecutive code points that are all visible and unchanged by NFKC. */
const VISIBLE_BLOCKS: [number, number][] = [
  [0x21, 0x7e], // printable ASCII
  [0x0410, 0x044f], // Cyrillic capitals and small letters
  [0x3041, 0x3096], // Hiragana
  [0x4e00, 0x9fff], // CJK unified ideographs
];

const monotoneRun = fc
  .record({
    block: fc.constantFrom(...VISIBLE_BLOCKS),
    length: fc.integer({ min: MIN_LENGTH, max: 60 }),
    offset: fc.nat(),
    descending: fc.boolean(),
  })
  .map(({ block: [first, last], length, offset, descending }) => {
    const size = Math.min(length, last - first + 1);
    const start = first + (offset % (last - first + 2 - size));
    const run = Array.from({ length: size }, (_, i) => String.fromCodePoint(start + i));
    return (descending ? run.reverse() : run).join('');
  });

/** A walk around the digits, the alphabet or a keyboard's letter rows, wrapping at the end. */
const ringWalk = fc
  .record({
    ring: fc.constantFrom('0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'),
    start: fc.nat(),
    length: fc.integer({ min: MIN_LENGTH, max: 60 }),
    descending: fc.boolean(),
    upper: fc.boolean(),
  })
  .map(({ ring, start, length, descending, upper }) => {
    const walk = Array.from({ length }, (_, i) => {
      const step = descending ? -i : i;
      return ring[(((start + step) % ring.length) + ring.length) % ring.length];
    }).join('');
    return upper ? walk.toUpperCase() : walk;
  });

describe('password policy: values an attacker tries first are refused (NIST SP 800-63B-4)', () => {
  it('refuses any password made only of spaces, invisible or control characters, naming the rule', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...INVISIBLE_CODE_POINTS), { minLength: 1, maxLength: 80 }),
        (codePoints) => {
          expect(messages(String.fromCodePoint(...codePoints))).toContainEqual(expect.stringMatching(BLANK));
        },
      ),
    );
  });

  it('refuses one character repeated, whatever the character', () => {
    fc.assert(
      fc.property(anyCharacter, fc.integer({ min: MIN_LENGTH, max: 200 }), (character, times) => {
        const found = messages(character.repeat(times));
        expect(found.some((m) => REPEATED.test(m) || BLANK.test(m))).toBe(true);
      }),
    );
  });

  it('refuses one short sequence repeated', () => {
    fc.assert(
      fc.property(
        fc.array(anyCharacter, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 4, max: 30 }),
        (unit, times) => {
          const found = messages(unit.join('').repeat(times));
          expect(found.some((m) => REPEATED.test(m) || BLANK.test(m))).toBe(true);
        },
      ),
    );
  });

  it('refuses a run of consecutive characters, in either direction', () => {
    fc.assert(
      fc.property(fc.oneof(monotoneRun, ringWalk), (run) => {
        expect(messages(run)).toContainEqual(expect.stringMatching(SEQUENTIAL));
      }),
    );
  });

  it('refuses a run even with spaces or invisible characters between its characters', () => {
    fc.assert(
      fc.property(ringWalk, fc.constantFrom(' ', '\u200b', '\u00a0', '\t'), (run, gap) => {
        expect(messages([...run].join(gap))).toContainEqual(expect.stringMatching(SEQUENTIAL));
      }),
    );
  });

  it.each([
    ['15 spaces', ' '.repeat(15), BLANK],
    ['zero-width spaces', '\u200b'.repeat(20), BLANK],
    ['tabs and line breaks', '\t\n\r'.repeat(6), BLANK],
    ['Hangul fillers', '\u3164'.repeat(16), BLANK],
    ['a byte-order mark run', '\ufeff'.repeat(16), BLANK],
    ['one letter', 'aaaaaaaaaaaaaaa', REPEATED],
    ['one letter in both cases', 'AaAaAaAaAaAaAaA', REPEATED],
    ['one letter among spaces', 'a              ', REPEATED],
    ['two characters', 'ababababababababab', REPEATED],
    ['a repeated word', 'abcabcabcabcabc', REPEATED],
    ['capital sigmas (a final sigma when lower-cased)', 'ΣΣΣΣΣΣΣΣΣΣΣΣΣΣΣ', REPEATED],
    ['digits counting up and wrapping', '123456789012345', SEQUENTIAL],
    ['the alphabet', 'abcdefghijklmnop', SEQUENTIAL],
    ['the alphabet backwards', 'ponmlkjihgfedcba', SEQUENTIAL],
    ['the alphabet in capitals', 'ABCDEFGHIJKLMNOP', SEQUENTIAL],
    ['a keyboard walk', 'qwertyuiopasdfgh', SEQUENTIAL],
    ['full-width digits (digits after NFKC)', '１２３４５６７８９０１２３４５', SEQUENTIAL],
    ['letters with spaces between', 'a b c d e f g h i j', SEQUENTIAL],
  ])('refuses %s', (_label, password, rule) => {
    const violations = check(password);
    expect(violations).toContainEqual({ field: 'newPassword', message: expect.stringMatching(rule) });
  });

  it.each([
    'correct horse battery staple',
    'blue-Lantern 47 quietly folds',
    'Жёлтый трамвай едет домой',
    '雨の日は図書館で静かに本を読むのが好き',
    'abcdefghijklmnop then more words',
  ])('accepts %s', (password) => {
    expect(check(password)).toEqual([]);
  });

  it('names the field it was asked to, in every refusal', () => {
    const violations = passwordPolicyViolations(' '.repeat(3), { minLength: MIN_LENGTH, field: 'password' });
    expect(violations.length).toBeGreaterThanOrEqual(2);
    expect(violations.every((v) => v.field === 'password')).toBe(true);
  });

  it('refuses a password far over the limit for its length alone', () => {
    const violations = check('x'.repeat(200_000));
    expect(violations.map((v) => v.message)).toEqual(['Use at most 1024 characters.']);
  });
});
