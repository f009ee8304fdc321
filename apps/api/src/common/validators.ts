import { applyDecorators } from '@nestjs/common';
import { CHANNELS, LANGUAGE_NAMES, SHIFT_LABEL_MAX_LENGTH } from '@shiftdesk/shared-api-contract';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateIf, ValidateNested, isEmail, registerDecorator, type ValidationArguments } from 'class-validator';
import { IANAZone } from 'luxon';
import { EMAIL_LENGTH } from '../database/columns';

/**
 * For PATCH bodies: validate the field when it is present. Unlike @IsOptional, `null` is NOT
 * skipped, so `{"displayName": null}` is refused instead of reaching a NOT NULL column.
 */
export function IsPresentThenValid(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/**
 * A list of objects, each validated as `type`. ValidateNested alone walks into a nested list and
 * finds nothing to check in `[[]]`, so that reached the services as an entry: each entry must be
 * an object first.
 */
export function EachNested(type: () => new () => object, message: string): PropertyDecorator {
  return applyDecorators(IsObject({ each: true, message }), ValidateNested({ each: true, message }), Type(type));
}

/** Trims strings; leaves other types for the type check to refuse. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

/** Trims and lower-cases (emails are compared case-insensitively everywhere). */
export function TrimLower(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));
}

/** The rule of `EmailField`, for an email that does not arrive in a DTO (e.g. from an import). */
export function isValidEmail(value: string): boolean {
  return value.length <= EMAIL_LENGTH && isEmail(value);
}

/** An email someone signs in with or is reached at: trimmed and lower-cased. */
export const EmailField = (): PropertyDecorator =>
  applyDecorators(
    TrimLower(),
    IsString({ message: 'must be an email address such as anna.smirnova@example.com' }),
    IsEmail({}, { message: 'must be an email address such as anna.smirnova@example.com' }),
    MaxLength(EMAIL_LENGTH, { message: `must be at most ${EMAIL_LENGTH} characters long` }),
  );

/** The channel a shift, rotation or coverage rule is for; absent or null: any channel. */
export const OptionalChannelField = (): PropertyDecorator =>
  applyDecorators(IsOptional(), IsIn(CHANNELS, { message: `must be one of ${CHANNELS.join(', ')}, or null` }));

/** A shift's or rotation's label, trimmed; absent or null: none. */
export const OptionalLabelField = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    Trim(),
    IsString({ message: 'must be text, or null' }),
    MaxLength(SHIFT_LABEL_MAX_LENGTH, { message: `must be at most ${SHIFT_LABEL_MAX_LENGTH} characters long` }),
  );

/** A value quoted in an error message, cut to a readable length. */
export function quoted(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

// ---- IANA time zones --------------------------------------------------------------------

let zoneNames: string[] | null = null;
function knownZones(): string[] {
  zoneNames ??= Intl.supportedValuesOf('timeZone');
  return zoneNames;
}

/** Canonical spelling of a valid zone (`europe/moscow` → `Europe/Moscow`), else the input. */
export function canonicalZone(value: string): string {
  if (!IANAZone.isValidZone(value)) return value;
  const exact = knownZones().find((zone) => zone.toLowerCase() === value.toLowerCase());
  return exact ?? value;
}

/** The known zone closest to a misspelling, for "use a name such as …". */
export function suggestZone(value: string): string {
  // The edit distance below costs length × zone-name length for each of ~600 zones: a long input
  // (a pasted paragraph, a hostile 100 kB string) would hold the event loop for seconds.
  if (value.length > 64) return 'Europe/Moscow';
  // A bare city ("Lisbon") is the last part of its zone name.
  const city = knownZones().find((zone) => zone.toLowerCase().endsWith(`/${value.toLowerCase().replace(/ /g, '_')}`));
  if (city) return city;
  let best = 'Europe/Moscow';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const zone of knownZones()) {
    const distance = editDistance(value.toLowerCase(), zone.toLowerCase());
    if (distance < bestDistance) {
      best = zone;
      bestDistance = distance;
    }
  }
  // A far-off guess would confuse more than help.
  return bestDistance <= Math.max(3, Math.floor(value.length / 3)) ? best : 'Europe/Moscow';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** An IANA zone name from the tz database (validated by luxon), stored in its canonical spelling. */
export function IsIanaTimeZone(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? canonicalZone(value.trim()) : value)),
    IsString({ message: 'must be an IANA time zone name such as Europe/Moscow' }),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isIanaTimeZone',
        target: target.constructor,
        propertyName: String(propertyName),
        validator: {
          validate: (value: unknown) => typeof value === 'string' && IANAZone.isValidZone(value),
          defaultMessage: (args?: ValidationArguments) =>
            `"${quoted(String(args?.value))}" is not an IANA time zone; use a name such as ${suggestZone(String(args?.value))}`,
        },
      }),
  );
}

// ---- ISO 639-1 language codes -----------------------------------------------------------

export function IsLanguageCode(): PropertyDecorator {
  return applyDecorators(IsString({ message: 'must be an ISO 639-1 code such as en, ru or fr' }), (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isLanguageCode',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^[a-z]{2}$/.test(value) && value in LANGUAGE_NAMES,
        defaultMessage: (args?: ValidationArguments) =>
          /^[a-z]{2}$/.test(String(args?.value))
            ? `"${quoted(String(args?.value))}" is not a supported ISO 639-1 language code; use one such as en, ru or fr`
            : `"${quoted(String(args?.value))}" is not an ISO 639-1 code; use two lower-case letters such as en, ru or fr`,
      },
    }),
  );
}

// ---- People's names ---------------------------------------------------------------------

/** A real name: 2–120 characters after trimming, with at least one letter (not "1234"). */
export function IsRealName(): PropertyDecorator {
  return applyDecorators(
    Trim(),
    IsString({ message: 'must be text: the person\'s name, e.g. "Anna Smirnova"' }),
    Length(2, 120, { message: 'must be 2 to 120 characters long' }),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isRealName',
        target: target.constructor,
        propertyName: String(propertyName),
        validator: {
          validate: (value: unknown) => typeof value === 'string' && /\p{L}/u.test(value),
          defaultMessage: () => 'must be a name with letters, e.g. "Anna Smirnova"',
        },
      }),
  );
}

// ---- Query strings ----------------------------------------------------------------------

/** `?active=true` arrives as a string; anything but true/false is left for @IsBoolean to refuse. */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
}

/** `?page=2` arrives as a string; non-numbers are left for @IsInt to refuse. */
export function QueryInt(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value));
}
