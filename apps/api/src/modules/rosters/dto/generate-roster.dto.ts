import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  ROSTER_DEFAULT_TIME_LIMIT_SECONDS,
  ROSTER_MAX_PERIOD_DAYS,
  ROSTER_MAX_TIME_LIMIT_SECONDS,
  ROSTER_SHAPE_NAME_MAX_LENGTH,
  type Channel,
  type GenerateRosterRequest,
  type RosterFairnessRequest,
  type RosterShiftShapeRequest,
} from '@shiftdesk/shared-api-contract';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsNumber, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { EachNested, OptionalChannelField, Trim } from '../../../common/validators';
import { IsLocalDate } from '../../schedule/schedule-validators';

const START_MESSAGE = 'must be a local time HH:mm (00:00–23:59) in the team zone, e.g. 07:00';

const CAP_MESSAGE = `must be a whole number of shifts from 0 to ${ROSTER_MAX_PERIOD_DAYS}, or null for no cap`;

export class RosterShiftShapeDto implements RosterShiftShapeRequest {
  @ApiProperty({ example: 'Early', description: 'Unique within the request; the draft shifts carry it as their label' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(1, ROSTER_SHAPE_NAME_MAX_LENGTH, { message: `must be 1 to ${ROSTER_SHAPE_NAME_MAX_LENGTH} characters long` })
  name!: string;

  @ApiProperty({ example: '07:00', description: 'Local start, team zone' })
  @IsString({ message: START_MESSAGE })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: START_MESSAGE })
  start!: string;

  @ApiProperty({ example: 480, minimum: 60, maximum: 1440, description: 'Wall-clock length, minutes' })
  @IsInt({ message: 'must be a whole number of minutes from 60 to 1440' })
  @Min(60, { message: 'must be a whole number of minutes from 60 to 1440' })
  @Max(1440, { message: 'must be a whole number of minutes from 60 to 1440' })
  lengthMinutes!: number;

  @ApiPropertyOptional({ enum: CHANNELS, nullable: true })
  @OptionalChannelField()
  channel?: Channel | null;

  @ApiPropertyOptional({ example: 'fr', nullable: true, description: 'ISO 639-1 code' })
  @IsOptional()
  @IsString({ message: 'must be an ISO 639-1 language code in lower case, e.g. fr' })
  @Matches(/^[a-z]{2}$/, { message: 'must be an ISO 639-1 language code in lower case, e.g. fr' })
  language?: string | null;

  @ApiPropertyOptional({ example: 5, minimum: 0, maximum: ROSTER_MAX_PERIOD_DAYS, nullable: true, description: 'At most this many of this shape per agent over the period (nights, say); null or absent: no cap' })
  @IsOptional()
  @IsInt({ message: CAP_MESSAGE })
  @Min(0, { message: CAP_MESSAGE })
  @Max(ROSTER_MAX_PERIOD_DAYS, { message: CAP_MESSAGE })
  maxPerAgent?: number | null;
}

const WEIGHT_MESSAGE = 'must be a number from 0 (off) to 1 (the default)';

/** An optional fairness weight, 0 to 1. */
function IsFairnessWeight(): PropertyDecorator {
  return applyDecorators(IsOptional(), IsNumber({ allowNaN: false, allowInfinity: false }, { message: WEIGHT_MESSAGE }), Min(0, { message: WEIGHT_MESSAGE }), Max(1, { message: WEIGHT_MESSAGE }));
}

export class RosterFairnessDto implements RosterFairnessRequest {
  @ApiPropertyOptional({ minimum: 0, maximum: 1, default: 1, description: 'Spread nights evenly' })
  @IsFairnessWeight()
  nights?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, default: 1, description: 'Spread weekend days evenly' })
  @IsFairnessWeight()
  weekends?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, default: 1, description: 'Spread public holidays evenly' })
  @IsFairnessWeight()
  holidays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, default: 1, description: 'Avoid a working day between two days off' })
  @IsFairnessWeight()
  isolatedDays?: number;
}

export class GenerateRosterDto implements GenerateRosterRequest {
  @ApiProperty({ example: '2026-03-02', description: 'First local date (team zone), inclusive' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2026-03-08', description: 'Last local date (team zone), inclusive' })
  @IsLocalDate()
  to!: string;

  @ApiProperty({ type: [RosterShiftShapeDto] })
  @IsArray({ message: 'must be a list of shift shapes, e.g. [{ "name": "Early", "start": "07:00", "lengthMinutes": 480 }]' })
  @ArrayMinSize(1, { message: 'must list at least one shift shape' })
  @ArrayMaxSize(20, { message: 'may list at most 20 shift shapes' })
  @EachNested(() => RosterShiftShapeDto, 'each shift shape must be an object such as { "name": "Early", "start": "07:00", "lengthMinutes": 480 }')
  shapes!: RosterShiftShapeDto[];

  @ApiPropertyOptional({ default: ROSTER_DEFAULT_TIME_LIMIT_SECONDS, minimum: 1, maximum: ROSTER_MAX_TIME_LIMIT_SECONDS })
  @IsOptional()
  @IsInt({ message: `must be a whole number of seconds from 1 to ${ROSTER_MAX_TIME_LIMIT_SECONDS}` })
  @Min(1, { message: `must be a whole number of seconds from 1 to ${ROSTER_MAX_TIME_LIMIT_SECONDS}` })
  @Max(ROSTER_MAX_TIME_LIMIT_SECONDS, { message: `must be a whole number of seconds from 1 to ${ROSTER_MAX_TIME_LIMIT_SECONDS}` })
  timeLimitSeconds?: number;

  @ApiPropertyOptional({ default: 1, description: 'Same seed and input, same search' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 0 to 2147483647' })
  @Min(0, { message: 'must be a whole number from 0 to 2147483647' })
  @Max(2147483647, { message: 'must be a whole number from 0 to 2147483647' })
  seed?: number;

  @ApiPropertyOptional({ type: RosterFairnessDto })
  @IsOptional()
  @IsObject({ message: 'must be an object such as { "nights": 1, "weekends": 1, "holidays": 1, "isolatedDays": 0 }' })
  @ValidateNested()
  @Type(() => RosterFairnessDto)
  fairness?: RosterFairnessDto;

  @ApiPropertyOptional({ default: true, description: 'Weigh the agents’ shift preferences' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  preferences?: boolean;
}
