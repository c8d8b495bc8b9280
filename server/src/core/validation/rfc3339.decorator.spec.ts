import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { isCalendarDate, IsRfc3339Timestamp, isRfc3339Timestamp } from './rfc3339.decorator';

class Window {
  @IsOptional()
  @IsRfc3339Timestamp()
  from?: string;
}

describe(isRfc3339Timestamp.name, () => {
  it.each([
    '2026-01-01T00:00:00Z',
    '2026-01-01t00:00:00z',
    '2026-01-01T00:00:00.5+05:30',
    '2026-01-01T00:00:00.123456789-15:59',
    '2024-02-29T12:00:00Z',
    '2026-06-30T23:59:60Z',
    '0001-01-01T00:00:00+15:00',
    '9999-12-31T23:59:59-15:59',
  ])('accepts %s', (value) => {
    expect(isRfc3339Timestamp(value)).toBe(true);
  });

  it.each([
    ['an ISO week date', '2026-W01'],
    ['the ISO basic format with a comma fraction', '20260101T000000,5Z'],
    ['hours without minutes', '2026-01-01T00Z'],
    ['no offset', '2026-01-01T00:00:00'],
    ['a date alone', '2026-01-01'],
    ['a space for T', '2026-01-01 00:00:00Z'],
    ['30 February', '2026-02-30T00:00:00Z'],
    ['29 February of a common year', '2026-02-29T00:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['hour 24', '2026-01-01T24:00:00Z'],
    ['minute 60', '2026-01-01T00:60:00Z'],
    ['year 0', '0000-01-01T00:00:00Z'],
    ['a five-digit year', '+10000-01-01T00:00:00Z'],
    ['an offset PostgreSQL refuses', '2026-01-01T00:00:00+16:00'],
    ['a fraction PostgreSQL refuses', `2026-01-01T00:00:00.${'1'.repeat(200)}Z`],
    ['a NUL', '2026-01-01T00:00:00Z\u0000'],
    ['not a string', 1767225600000],
  ])('refuses %s', (_label, value) => {
    expect(isRfc3339Timestamp(value)).toBe(false);
  });
});

describe(isCalendarDate.name, () => {
  it('knows the Gregorian leap years, including the first centuries', () => {
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(4, 2, 29)).toBe(true);
    expect(isCalendarDate(100, 2, 29)).toBe(false);
  });
});

describe(IsRfc3339Timestamp.name, () => {
  it('names the field in its message', () => {
    const [error] = validateSync(plainToInstance(Window, { from: '2026-W01' }));
    expect(error.constraints).toEqual({
      isRfc3339Timestamp: 'from must be an RFC 3339 timestamp such as 2026-01-31T09:30:00Z',
    });
    expect(validateSync(plainToInstance(Window, { from: '2026-01-31T09:30:00Z' }))).toEqual([]);
  });
});
