import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  COVERAGE_PRESET_NAMES,
  COVERAGE_RULE_KINDS,
  type Channel,
  type CoverageException,
  type CoverageLanguageRequirement,
  type CoveragePresetName,
  type CoverageRuleKind,
  type CoverageWindowsByWeekday,
  type CreateCoverageRuleRequest,
  type Weekday,
} from '@shiftdesk/shared-api-contract';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsIanaTimeZone, IsPresentThenValid, OptionalChannelField, Trim } from '../../../common/validators';
import { IsLocalDate } from '../../schedule/schedule-validators';

// Shapes only: windows, exceptions and the language requirement are checked by the pure
// `validateCoverageRule`, whose field paths (`windows.1[0].end`) the API returns as they are.

export class CreateCoverageRuleDto implements CreateCoverageRuleRequest {
  @ApiPropertyOptional({ enum: COVERAGE_PRESET_NAMES, description: 'Start from a preset instead of giving kind and windows' })
  @IsOptional()
  @IsIn(COVERAGE_PRESET_NAMES, { message: `must be one of ${COVERAGE_PRESET_NAMES.join(', ')}` })
  preset?: CoveragePresetName;

  @ApiPropertyOptional({ example: [1, 2, 3, 4, 5], description: 'Open ISO weekdays of a window preset (default all)' })
  @IsOptional()
  @IsArray({ message: 'must be a list of ISO weekdays 1 (Monday) … 7 (Sunday)' })
  @IsInt({ each: true, message: 'must contain ISO weekdays 1 (Monday) … 7 (Sunday)' })
  @Min(1, { each: true, message: 'must contain ISO weekdays 1 (Monday) … 7 (Sunday)' })
  @Max(7, { each: true, message: 'must contain ISO weekdays 1 (Monday) … 7 (Sunday)' })
  weekdays?: Weekday[];

  @ApiPropertyOptional({ example: 'Weekday desk' })
  @IsPresentThenValid()
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(1, 120, { message: 'must be 1 to 120 characters long' })
  name?: string;

  @ApiPropertyOptional({ enum: COVERAGE_RULE_KINDS })
  @IsPresentThenValid()
  @IsIn(COVERAGE_RULE_KINDS, { message: `must be one of ${COVERAGE_RULE_KINDS.join(', ')}` })
  kind?: CoverageRuleKind;

  @ApiPropertyOptional({ example: 'Europe/Moscow', description: "Default: the team's zone" })
  @IsPresentThenValid()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ example: { 1: [{ start: '08:00', end: '22:00' }] } })
  @IsPresentThenValid()
  @IsObject({ message: 'must map ISO weekdays to windows, e.g. { "1": [{ "start": "08:00", "end": "22:00" }] }' })
  windows?: CoverageWindowsByWeekday;

  @ApiPropertyOptional({ minimum: 1, example: 2 })
  @IsPresentThenValid()
  @IsInt({ message: 'must be a whole number of agents, at least 1' })
  @Min(1, { message: 'must be a whole number of agents, at least 1' })
  @Max(500, { message: 'must be at most 500' })
  minAgents?: number;

  @ApiPropertyOptional({ nullable: true, example: { code: 'fr', minLevel: 'native' } })
  @IsOptional()
  @IsObject({ message: 'must be { "code": "fr", "minLevel": "native" }, or null' })
  language?: CoverageLanguageRequirement | null;

  @ApiPropertyOptional({ enum: CHANNELS, nullable: true })
  @OptionalChannelField()
  channel?: Channel | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsLocalDate()
  validFrom?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsLocalDate()
  validTo?: string | null;

  @ApiPropertyOptional({ example: [{ date: '2026-12-31', windows: [{ start: '10:00', end: '16:00' }] }] })
  @IsPresentThenValid()
  @IsArray({ message: 'must be a list of dated exceptions' })
  @ArrayMaxSize(366, { message: 'may list at most 366 exceptions' })
  exceptions?: CoverageException[];
}
