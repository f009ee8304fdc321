import { BadRequestException, ConflictException } from '@nestjs/common';
import type { FieldError } from '@shiftdesk/shared-api-contract';
import { apiError } from '../../common/api-error';

/** 400 naming one field: `<field>: <explanation>`, like the validation pipe writes it. */
export function badField(field: string, explanation: string): BadRequestException {
  const message = `${field}: ${explanation}`;
  return new BadRequestException(apiError(400, message, [{ field, message }]));
}

/** 400 listing every field a domain validation found (`{ field, message }` pairs from the pure lib). */
export function badFields(errors: readonly { field: string; message: string }[], prefix = ''): BadRequestException {
  const fields: FieldError[] = errors.map((error) => {
    const field = prefix ? `${prefix}.${error.field}` : error.field;
    return { field, message: `${field}: ${error.message}` };
  });
  return new BadRequestException(apiError(400, fields[0]?.message ?? 'The request is not valid', fields));
}

export function conflictField(field: string, explanation: string): ConflictException {
  const message = `${field}: ${explanation}`;
  return new ConflictException(apiError(409, message, [{ field, message }]));
}
