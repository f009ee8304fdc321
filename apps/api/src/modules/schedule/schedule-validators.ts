import { applyDecorators } from '@nestjs/common';
import { IsString, registerDecorator } from 'class-validator';

// An instant must carry its zone (`Z` or `±hh:mm`): without one, JavaScript would read it in
// the server's zone and the same request would mean different times on different machines.
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/;
const LOCAL_DATE = /^(\d{4})-(\d\d)-(\d\d)$/;

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && Number.isFinite(Date.parse(value));
}

export function isLocalDate(value: unknown): value is string {
  const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function custom(name: string, validate: (value: unknown) => boolean, message: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({ name, target: target.constructor, propertyName: String(propertyName), validator: { validate, defaultMessage: () => message } });
}

const INSTANT_MESSAGE = 'must be an ISO 8601 instant with a zone, e.g. 2026-01-05T08:00:00Z';

/** An ISO 8601 instant with `Z` or an offset. */
export function IsInstant(): PropertyDecorator {
  return applyDecorators(IsString({ message: INSTANT_MESSAGE }), custom('isInstant', isInstant, INSTANT_MESSAGE));
}

/** A calendar date `YYYY-MM-DD`. */
export function IsLocalDate(): PropertyDecorator {
  const message = 'must be a calendar date YYYY-MM-DD, e.g. 2026-01-05';
  return applyDecorators(IsString({ message }), custom('isLocalDate', isLocalDate, message));
}
