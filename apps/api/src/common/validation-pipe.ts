import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@shiftdesk/shared-api-contract';
import { apiError } from './api-error';

// Constraints that say "wrong type or missing": when a field breaks several rules, the type
// problem is the one worth reading first ("must be a number" before "must be at least 1").
const TYPE_CONSTRAINTS = ['whitelistValidation', 'isDefined', 'isNotEmpty', 'isString', 'isNumber', 'isInt', 'isBoolean', 'isArray', 'isObject', 'nestedValidation'];

/**
 * Flattens class-validator's tree into one entry per wrong field with a dotted path
 * (`languages.0.code`). Each message reads `<path>: <what is wrong and how to fix it>`.
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const keys = Object.keys(constraints);
    if (keys.length > 0) {
      const key = TYPE_CONSTRAINTS.find((name) => name in constraints) ?? keys[0];
      fields.push({ field: path, message: `${path}: ${explain(key, constraints[key], error.property)}` });
    }
    if (error.children && error.children.length > 0) fields.push(...toFieldErrors(error.children, path));
  }
  return fields;
}

function explain(key: string, message: string, property: string): string {
  if (key === 'whitelistValidation') return 'is not a field of this request; remove it';
  // class-validator's defaults start with the property name ("email must be an email").
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/** The one validation pipe: unknown fields are errors, payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Query strings only arrive as strings: DTOs convert explicitly with @Type/@Transform.
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = toFieldErrors(errors);
      const message = fields[0]?.message ?? 'The request is not valid';
      return new BadRequestException(apiError(400, message, fields));
    },
  });
}
