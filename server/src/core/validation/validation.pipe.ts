import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, MAX_FIELD_ERRORS, ProblemException } from '../errors/problem';

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

function invalidFieldsDetail(errors: FieldError[]): string {
  const fields = [...new Set(errors.map((e) => e.field))];
  const named = fields.slice(0, MAX_FIELD_ERRORS).join(', ');
  return fields.length > MAX_FIELD_ERRORS
    ? `Invalid ${named} and ${fields.length - MAX_FIELD_ERRORS} more fields.`
    : `Invalid ${named}.`;
}

/**
 * Global validation: unknown fields are refused (not silently dropped), values are converted to the
 * DTO's types, and a failure answers 400 problem+json naming the offending fields. A body must be a
 * JSON object; its size and shape were already bounded when it was parsed (see core/http/input-limits).
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        const detail = 'The body must be a JSON object.';
        throw new ProblemException(400, {
          code: 'validation-failed',
          title: 'Validation failed',
          detail,
          errors: [{ field: '', message: detail }],
        });
      }
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
        detail: invalidFieldsDetail(fieldErrors),
        errors: fieldErrors,
      });
    },
  });
}
