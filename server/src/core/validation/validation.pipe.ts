import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemException } from '../errors/problem';

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

/**
 * Global validation: unknown fields are refused (not silently dropped), values are converted to the
 * DTO's types, and a failure answers 400 problem+json naming every offending field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
