import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PREFERENCE_KINDS,
  PREFERENCE_STRENGTHS,
  type CreateShiftPreferenceRequest,
  type ListShiftPreferencesQuery,
  type PreferenceKind,
  type PreferenceStrength,
  type UpdateShiftPreferenceRequest,
} from '@shiftdesk/shared-api-contract';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsPresentThenValid, Trim } from '../../../common/validators';
import { IsLocalDate } from '../../schedule/schedule-validators';

const START_MESSAGE = 'must be a local time HH:mm (00:00–23:59) on the agent’s clock, e.g. 18:00, or null for the whole day';
const END_MESSAGE = 'must be a local time HH:mm (00:01–24:00) on the agent’s clock, e.g. 22:00, or null for the whole day';
const WEEKDAY_MESSAGE = 'must list ISO weekdays 1 (Monday) to 7 (Sunday), each once, e.g. [6, 7]';

/** The fields a create and an update share; what belongs together is checked in the service. */
class PreferenceFieldsDto implements UpdateShiftPreferenceRequest {
  @ApiPropertyOptional({ example: '2026-12-31', nullable: true, description: 'One date in the agent’s zone; or leave out and give weekdays' })
  @IsOptional()
  @IsLocalDate()
  date?: string | null;

  @ApiPropertyOptional({ example: [6, 7], description: 'ISO weekdays for a weekly preference (1 = Monday); or leave out and give a date' })
  @IsPresentThenValid()
  @IsArray({ message: WEEKDAY_MESSAGE })
  @ArrayMaxSize(7, { message: WEEKDAY_MESSAGE })
  @ArrayUnique({ message: WEEKDAY_MESSAGE })
  @IsInt({ each: true, message: WEEKDAY_MESSAGE })
  @Min(1, { each: true, message: WEEKDAY_MESSAGE })
  @Max(7, { each: true, message: WEEKDAY_MESSAGE })
  weekdays?: number[];

  @ApiPropertyOptional({ example: '18:00', nullable: true, description: 'Window start on the agent’s clock; null with endTime for the whole day' })
  @IsOptional()
  @IsString({ message: START_MESSAGE })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: START_MESSAGE })
  startTime?: string | null;

  @ApiPropertyOptional({ example: '22:00', nullable: true, description: 'Window end; at or before the start runs into the next day' })
  @IsOptional()
  @IsString({ message: END_MESSAGE })
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: END_MESSAGE })
  endTime?: string | null;

  @ApiPropertyOptional({ enum: PREFERENCE_STRENGTHS, default: 'normal' })
  @IsPresentThenValid()
  @IsIn(PREFERENCE_STRENGTHS, { message: `must be one of ${PREFERENCE_STRENGTHS.join(', ')}` })
  strength?: PreferenceStrength;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  note?: string | null;
}

export class CreateShiftPreferenceDto extends PreferenceFieldsDto implements CreateShiftPreferenceRequest {
  @ApiProperty({ description: 'Agents: their own agent id; managers: an agent of a team they manage' })
  @IsString({ message: 'must be the id of an agent' })
  @IsNotEmpty({ message: 'must be the id of an agent' })
  @MaxLength(36, { message: 'must be the id of an agent' })
  agentId!: string;

  @ApiProperty({ enum: PREFERENCE_KINDS })
  @IsIn(PREFERENCE_KINDS, { message: `must be one of ${PREFERENCE_KINDS.join(', ')}: work (give me a shift then) or off (keep me free then)` })
  kind!: PreferenceKind;
}

export class UpdateShiftPreferenceDto extends PreferenceFieldsDto {
  @ApiPropertyOptional({ enum: PREFERENCE_KINDS })
  @IsPresentThenValid()
  @IsIn(PREFERENCE_KINDS, { message: `must be one of ${PREFERENCE_KINDS.join(', ')}: work (give me a shift then) or off (keep me free then)` })
  kind?: PreferenceKind;
}

export class ListShiftPreferencesDto implements ListShiftPreferencesQuery {
  @ApiProperty()
  @IsString({ message: 'must be the id of an agent' })
  @IsNotEmpty({ message: 'must be the id of an agent' })
  agentId!: string;
}
