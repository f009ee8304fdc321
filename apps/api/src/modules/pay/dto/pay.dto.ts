import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PAY_LEVELS,
  PAY_PERIODS,
  WORK_MODES,
  type CostReportQuery,
  type CreateBandRequest,
  type CreateExchangeRateRequest,
  type CreateMinimumWageRequest,
  type CreateSalaryRequest,
  type PayLevel,
  type PayPeriod,
  type PublicHoliday,
  type SetAgentLevelRequest,
  type UpdateBandRequest,
  type UpdatePaySettingsRequest,
  type WhatIfQuery,
  type WorkMode,
} from '@shiftdesk/shared-api-contract';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { EachNested, IsPresentThenValid, QueryInt, Trim } from '../../../common/validators';
import { IsLocalDate } from '../../schedule/schedule-validators';

// Money arrives as whole minor units (kopecks, cents): never a float, never text with a comma.
const MAX_MINOR = 1_000_000_000_000;
const CURRENCY = /^[A-Z]{3}$/;
const CURRENCY_MESSAGE = 'must be an ISO 4217 code in capitals, such as RUB or EUR';

function IsMinorUnits(): PropertyDecorator {
  return (target, key) => {
    IsInt({ message: 'must be a whole number of minor units (kopecks, cents), e.g. 2500000 for 25 000.00' })(target, key);
    Min(1, { message: 'must be more than 0' })(target, key);
    Max(MAX_MINOR, { message: `must be at most ${MAX_MINOR}` })(target, key);
  };
}

export class CreateBandDto implements CreateBandRequest {
  @ApiProperty({ enum: PAY_LEVELS })
  @IsIn(PAY_LEVELS, { message: `must be one of ${PAY_LEVELS.join(', ')}` })
  level!: PayLevel;

  @ApiProperty({ nullable: true, type: String, description: 'null = any region' })
  @IsDefined({ message: 'is required: a region id, or null for any region' })
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'must be a region id or null for any region' })
  regionId!: string | null;

  @ApiProperty({ enum: WORK_MODES })
  @IsIn(WORK_MODES, { message: `must be one of ${WORK_MODES.join(', ')}` })
  workMode!: WorkMode;

  @ApiProperty({ example: 'RUB' })
  @IsString({ message: CURRENCY_MESSAGE })
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  currency!: string;

  @ApiProperty({ enum: PAY_PERIODS })
  @IsIn(PAY_PERIODS, { message: `must be one of ${PAY_PERIODS.join(', ')}` })
  period!: PayPeriod;

  @ApiProperty({ description: 'Minor units' })
  @IsMinorUnits()
  minMinor!: number;

  @ApiProperty({ description: 'Minor units' })
  @IsMinorUnits()
  midMinor!: number;

  @ApiProperty({ description: 'Minor units' })
  @IsMinorUnits()
  maxMinor!: number;

  @ApiPropertyOptional({ description: 'Local date in the team zone; default today; not before today' })
  @IsPresentThenValid()
  @IsLocalDate()
  effectiveFrom?: string;
}

export class UpdateBandDto implements UpdateBandRequest {
  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsMinorUnits()
  minMinor?: number;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsMinorUnits()
  midMinor?: number;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsMinorUnits()
  maxMinor?: number;

  @ApiPropertyOptional({ description: 'Local date the change takes effect (default today in the team zone); not before today' })
  @IsPresentThenValid()
  @IsLocalDate()
  effectiveFrom?: string;
}

export class CreateSalaryDto implements CreateSalaryRequest {
  @ApiProperty({ description: 'Full-time equivalent, minor units' })
  @IsMinorUnits()
  amountMinor!: number;

  @ApiProperty({ example: 'RUB' })
  @IsString({ message: CURRENCY_MESSAGE })
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  currency!: string;

  @ApiProperty({ enum: PAY_PERIODS })
  @IsIn(PAY_PERIODS, { message: `must be one of ${PAY_PERIODS.join(', ')}` })
  period!: PayPeriod;

  @ApiProperty({ description: 'Local date, inclusive' })
  @IsDefined({ message: 'is required: the local date YYYY-MM-DD the salary applies from' })
  @IsLocalDate()
  effectiveFrom!: string;

  /** Absent or null: no comment. */
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(500, { message: 'must be at most 500 characters long' })
  comment?: string | null;
}

export class SetAgentLevelDto implements SetAgentLevelRequest {
  @ApiProperty({ enum: PAY_LEVELS, nullable: true })
  @IsDefined({ message: `is required: one of ${PAY_LEVELS.join(', ')}, or null` })
  @ValidateIf((_, value) => value !== null)
  @IsIn(PAY_LEVELS, { message: `must be one of ${PAY_LEVELS.join(', ')}, or null` })
  level!: PayLevel | null;
}

export class CreateExchangeRateDto implements CreateExchangeRateRequest {
  @ApiProperty({ example: 'EUR' })
  @IsString({ message: CURRENCY_MESSAGE })
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  from!: string;

  @ApiProperty({ example: 'RUB' })
  @IsString({ message: CURRENCY_MESSAGE })
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  to!: string;

  @ApiProperty({ example: '92.5', description: '1 from = rate to, as decimal text' })
  @IsString({ message: 'must be a positive decimal as text, such as "92.5"' })
  @Matches(/^(?!0+(\.0+)?$)\d{1,12}(\.\d{1,12})?$/, { message: 'must be a positive decimal as text with a dot, such as "92.5"' })
  rate!: string;

  @ApiProperty()
  @IsDefined({ message: 'is required: the local date YYYY-MM-DD the rate is valid from' })
  @IsLocalDate()
  date!: string;
}

export class CreateMinimumWageDto implements CreateMinimumWageRequest {
  @ApiProperty({ example: 'RU' })
  @IsString({ message: 'must be an ISO 3166-1 alpha-2 code in capitals, such as RU' })
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code in capitals, such as RU' })
  countryCode!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString({ message: 'must be a region id, or null for the whole country' })
  regionId?: string | null;

  @ApiProperty({ example: 'RUB' })
  @IsString({ message: CURRENCY_MESSAGE })
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  currency!: string;

  @ApiProperty({ enum: PAY_PERIODS })
  @IsIn(PAY_PERIODS, { message: `must be one of ${PAY_PERIODS.join(', ')}` })
  period!: PayPeriod;

  @ApiProperty()
  @IsMinorUnits()
  amountMinor!: number;

  @ApiProperty()
  @IsDefined({ message: 'is required: the local date YYYY-MM-DD the minimum applies from' })
  @IsLocalDate()
  effectiveFrom!: string;

  @ApiProperty({ description: 'Where the figure comes from (law, decree, agreement)' })
  @Trim()
  @IsString({ message: 'must say where the figure comes from' })
  @MinLength(3, { message: 'must say where the figure comes from (at least 3 characters)' })
  @MaxLength(300, { message: 'must be at most 300 characters long' })
  source!: string;
}

export class PublicHolidayDto implements PublicHoliday {
  @ApiProperty()
  @IsLocalDate()
  date!: string;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((_, value) => value !== null)
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code in capitals, or null for every country' })
  countryCode!: string | null;

  @ApiProperty()
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120, { message: 'must be at most 120 characters long' })
  name!: string;
}

function IsPercent(max: number): PropertyDecorator {
  return (target, key) => {
    IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, { message: 'must be a percentage with at most 2 decimals, e.g. 30.2' })(target, key);
    Min(0, { message: 'must be 0 or more' })(target, key);
    Max(max, { message: `must be at most ${max}` })(target, key);
  };
}

export class UpdatePaySettingsDto implements UpdatePaySettingsRequest {
  @ApiPropertyOptional({ example: 'RUB' })
  @IsPresentThenValid()
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  reportingCurrency?: string;

  @ApiPropertyOptional() @IsPresentThenValid() @IsPercent(200) onCostPercent?: number;
  @ApiPropertyOptional() @IsPresentThenValid() @IsPercent(500) nightPremiumPercent?: number;
  @ApiPropertyOptional() @IsPresentThenValid() @IsPercent(500) weekendPremiumPercent?: number;
  @ApiPropertyOptional() @IsPresentThenValid() @IsPercent(500) holidayPremiumPercent?: number;
  @ApiPropertyOptional() @IsPresentThenValid() @IsPercent(500) overtimePremiumPercent?: number;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'must be hours per week with at most 2 decimals, e.g. 40' })
  @Min(1, { message: 'must be at least 1' })
  @Max(168, { message: 'must be at most 168' })
  fullTimeHoursPerWeek?: number;

  @ApiPropertyOptional({ type: [PublicHolidayDto] })
  @IsPresentThenValid()
  @IsArray({ message: 'must be a list of { date, countryCode, name }' })
  @ArrayMaxSize(500, { message: 'may list at most 500 holidays' })
  @EachNested(() => PublicHolidayDto, 'each entry must be an object { date, countryCode, name }')
  publicHolidays?: PublicHolidayDto[];
}

export class DateQueryDto {
  @ApiPropertyOptional({ description: 'Local date in the team zone; default today' })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

export class CostQueryDto implements CostReportQuery {
  @ApiProperty({ description: 'Local date in the team zone, inclusive' })
  @IsDefined({ message: 'is required: the first local date YYYY-MM-DD of the period' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ description: 'Local date in the team zone, inclusive' })
  @IsDefined({ message: 'is required: the last local date YYYY-MM-DD of the period' })
  @IsLocalDate()
  to!: string;
}

export class WhatIfQueryDto implements WhatIfQuery {
  @ApiPropertyOptional({ description: 'Local date in the team zone; default this week\'s Monday' })
  @IsOptional()
  @IsLocalDate()
  weekStart?: string;

  @ApiPropertyOptional({ description: 'Seats per preset, default 1' })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'must be a whole number of agents from 1 to 50' })
  @Min(1, { message: 'must be at least 1' })
  @Max(50, { message: 'must be at most 50' })
  minAgents?: number;
}
