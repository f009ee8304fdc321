import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** Deeper than any request the API defines (a coverage rule's exceptions are 4 levels). */
export const MAX_BODY_DEPTH = 32;
/** Keys that reach Object.prototype or a constructor when copied naively; never fields of a request. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * Text nobody types: C0 control characters other than tab, line feed and carriage return (an
 * uploaded .ics has CRLF), DEL, and UTF-16 surrogates without their pair (not encodable as UTF-8:
 * PostgreSQL refuses NUL and such text outright, SQLite would store it).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What a body must be before class-transformer walks it: a JSON object (an array or a bare
 * value is not a request), at most MAX_BODY_DEPTH levels deep (the transformer recurses once per
 * level: a body nested thousands deep overflowed the stack, a 500), and free of prototype keys
 * (the transformer drops `__proto__` silently, so `{"__proto__": …}` read as an empty request),
 * and its text printable (UNPRINTABLE). Walked without recursion.
 */
export function checkBodyShape(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'The request body must be a JSON object with the fields of this request';
  }
  const stack: { value: object; depth: number; path: string }[] = [{ value: body, depth: 1, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as { value: object; depth: number; path: string };
    if (depth > MAX_BODY_DEPTH) return `The request body is nested more than ${MAX_BODY_DEPTH} levels deep${path ? ` at ${path.slice(0, 80)}` : ''}; no request of this API is`;
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return `${field.slice(0, 120)}: is not a field of this request; remove it`;
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1, path: field });
      else if (typeof child === 'string' && UNPRINTABLE.test(child)) {
        const code = UNPRINTABLE.exec(child)?.[0].charCodeAt(0) ?? 0;
        return `${field.slice(0, 120)}: contains a control character or broken text (U+${code.toString(16).toUpperCase().padStart(4, '0')}); remove it`;
      }
    }
  }
  return null;
}

/** Messages echo what was sent; a 100 kB value must not come back as a 100 kB message. */
const MAX_MESSAGE_LENGTH = 300;
/** A body with thousands of unknown fields gets the first ones, not a list as long as the body. */
const MAX_FIELD_ERRORS = 50;

class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && typeof metadata.metatype === 'function' && metadata.metatype !== Object) {
      const problem = checkBodyShape(value);
      if (problem) throw new BadRequestException(apiError(400, problem));
    }
    return super.transform(value, metadata);
  }
}

/** The one validation pipe: unknown fields are errors, payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Query strings only arrive as strings: DTOs convert explicitly with @Type/@Transform.
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = toFieldErrors(errors)
        .slice(0, MAX_FIELD_ERRORS)
        .map((field) => ({ field: field.field.slice(0, 120), message: field.message.length > MAX_MESSAGE_LENGTH ? `${field.message.slice(0, MAX_MESSAGE_LENGTH)}…` : field.message }));
      const message = fields[0]?.message ?? 'The request is not valid';
      return new BadRequestException(apiError(400, message, fields));
    },
  });
}
