import { applyDecorators } from '@nestjs/common';
import { CHANNELS, WORK_MODES } from '@shiftdesk/shared-api-contract';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  Max,
  Min,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { EachNested } from '../../../common/validators';
import { LanguageSkillDto } from './language-skill.dto';

// Field rules shared by the create and update DTOs, so both always validate alike.

export const MIN_CONTRACT_HOURS = 1;
export const MAX_CONTRACT_HOURS = 60;

export const WorkModeField = (): PropertyDecorator => IsIn(WORK_MODES, { message: `must be one of ${WORK_MODES.join(', ')}` });

export const ContractHoursField = (): PropertyDecorator =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'must be a number of hours per week, e.g. 40' }),
    Min(MIN_CONTRACT_HOURS, { message: `must be between ${MIN_CONTRACT_HOURS} and ${MAX_CONTRACT_HOURS} hours per week` }),
    Max(MAX_CONTRACT_HOURS, { message: `must be between ${MIN_CONTRACT_HOURS} and ${MAX_CONTRACT_HOURS} hours per week` }),
  );

export const LanguagesField = (): PropertyDecorator =>
  applyDecorators(
    IsArray({ message: 'must be a list such as [{ "code": "en", "level": "fluent" }]' }),
    ArrayMinSize(1, { message: 'must list at least one language the agent speaks' }),
    ArrayMaxSize(20, { message: 'must list at most 20 languages' }),
    EachNested(() => LanguageSkillDto, 'each entry must be an object such as { "code": "en", "level": "fluent" }'),
    DistinctLanguageCodes(),
  );

export const ChannelsField = (): PropertyDecorator =>
  applyDecorators(
    IsArray({ message: `must be a list of channels from ${CHANNELS.join(', ')}` }),
    ArrayMinSize(1, { message: 'must list at least one channel the agent works' }),
    IsIn(CHANNELS, { each: true, message: `may only contain ${CHANNELS.join(', ')}` }),
    ArrayUnique({ message: 'lists a channel twice; give each channel once' }),
  );

/**
 * Availability: null (any time) or an object; the windows inside are checked by the pure
 * `validateAvailability` in the service, which names each field (`availability.1.0.start`).
 */
export const AvailabilityField = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    IsObject({ message: 'must be null (available any time) or map ISO weekdays to windows, e.g. { "1": [{ "start": "08:00", "end": "20:00" }] }' }),
  );

/** One entry per language: `[en fluent, en basic]` is a contradiction, not two skills. */
function DistinctLanguageCodes(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'distinctLanguageCodes',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => !Array.isArray(value) || duplicateCode(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          `lists "${duplicateCode(args?.value as unknown[])}" twice; give each language once with its level`,
      },
    });
}

function duplicateCode(items: unknown[]): string | null {
  const seen = new Set<string>();
  for (const item of items) {
    const code = (item as { code?: unknown } | null)?.code;
    if (typeof code !== 'string') continue;
    if (seen.has(code)) return code;
    seen.add(code);
  }
  return null;
}
