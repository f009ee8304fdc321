import { HttpStatus } from '@nestjs/common';
import type { ApiError, FieldError } from '@shiftdesk/shared-api-contract';

/** The reason phrase for a status code ("Bad Request"), as every ApiError carries it. */
export function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  if (typeof name !== 'string') return status >= 500 ? 'Internal Server Error' : 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** `message` repeats the first field's text so a client that ignores `fields` still says something useful. */
export function apiError(statusCode: number, message: string, fields?: FieldError[]): ApiError {
  const body: ApiError = { statusCode, error: reasonPhrase(statusCode), message };
  if (fields && fields.length > 0) body.fields = fields;
  return body;
}

/** snake_case column → camelCase contract field (`team_id` → `teamId`). */
export function columnToField(column: string): string {
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
