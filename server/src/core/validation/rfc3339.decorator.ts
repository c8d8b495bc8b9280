import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/**
 * RFC 3339 `date-time`, within what PostgreSQL's timestamptz parses: a four-digit year, an explicit
 * offset, at most nine fraction digits (PostgreSQL rounds to microseconds; a long enough fraction makes
 * it refuse the whole value). ISO 8601's other forms (week dates, basic format, comma fractions, hours
 * without minutes) are not RFC 3339, and PostgreSQL refuses them.
 */
const RFC_3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** Gregorian calendar validity, without Date (which maps years 0–99 onto 1900–1999). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

export function isRfc3339Timestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = RFC_3339.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const offsetHours = Number(match[7] ?? 0);
  const offsetMinutes = Number(match[8] ?? 0);
  return (
    // Year 0 does not exist for PostgreSQL; every year from 1 to 9999 fits timestamptz's range.
    year >= 1 &&
    isCalendarDate(year, month, day) &&
    hour <= 23 &&
    minute <= 59 &&
    // 60 is a leap second, which RFC 3339 allows and PostgreSQL reads as the next minute.
    second <= 60 &&
    // RFC 3339 allows offsets up to 23:59; PostgreSQL refuses any beyond 15:59.
    offsetHours <= 15 &&
    offsetMinutes <= 59
  );
}

/** A timestamp the API accepts: RFC 3339, a date that exists, and one PostgreSQL can store and compare. */
export function IsRfc3339Timestamp(options?: ValidationOptions): PropertyDecorator {
  const validate = ValidateBy(
    {
      name: 'isRfc3339Timestamp',
      validator: {
        validate: (value) => isRfc3339Timestamp(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an RFC 3339 timestamp such as 2026-01-31T09:30:00Z`,
          options,
        ),
      },
    },
    options,
  );
  const document = JSONSchema({ type: 'string', format: 'date-time' });
  return (target, property) => {
    validate(target, property);
    document(target, property as string);
  };
}
