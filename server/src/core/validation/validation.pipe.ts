import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemException } from '../errors/problem';

const MAX_DEPTH = 32;

function collectFieldErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message:
        constraint === 'whitelistValidation'
          ? `${field} is not an accepted field`
          : message.replace(error.property, field),
    }));
    return [...own, ...collectFieldErrors(error.children ?? [], field)];
  });
}

/** Nesting depth without recursion, so a hostile body cannot exhaust the stack while it is measured. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

function badBody(detail: string): ProblemException {
  return new ProblemException(400, {
    code: 'validation-failed',
    title: 'Validation failed',
    detail,
    errors: [{ field: '', message: detail }],
  });
}

/**
 * Global validation: unknown fields are refused (not silently dropped), values are converted to the
 * DTO's types, and a failure answers 400 problem+json naming every offending field. A body must be a
 * JSON object of bounded depth before any of that runs.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw badBody('The body must be a JSON object.');
      if (depthExceeds(value, MAX_DEPTH))
        throw badBody(`The body is nested deeper than ${MAX_DEPTH} levels.`);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = collectFieldErrors(errors);
      return new ProblemException(400, {
        code: 'validation-failed',
        title: 'Validation failed',
        detail: `Invalid ${[...new Set(fieldErrors.map((e) => e.field))].join(', ')}.`,
        errors: fieldErrors,
      });
    },
  });
}
