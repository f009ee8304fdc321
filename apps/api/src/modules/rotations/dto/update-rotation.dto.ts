import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  SHIFT_STATUSES,
  type Channel,
  type RotationBreak,
  type RotationHandoff,
  type ShiftStatus,
  type UpdateRotationRequest,
} from '@shiftdesk/shared-api-contract';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsIanaTimeZone, IsPresentThenValid, OptionalChannelField, OptionalLabelField, Trim } from '../../../common/validators';
import { IsLocalDate } from '../../schedule/schedule-validators';

export class UpdateRotationDto implements UpdateRotationRequest {
  @ApiPropertyOptional({ description: 'Local date the change takes effect (default tomorrow in the rotation zone); not before today' })
  @IsPresentThenValid()
  @IsLocalDate()
  effectiveFrom?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(1, 120, { message: 'must be 1 to 120 characters long' })
  name?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsString({ message: 'must be a local time HH:mm' })
  localStartTime?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsString({ message: 'must be a local time HH:mm' })
  localEndTime?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsString({ message: 'must be an RRULE such as FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' })
  @MaxLength(500, { message: 'must be at most 500 characters long' })
  rrule?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsPresentThenValid()
  @IsArray({ message: 'must be a list of dates YYYY-MM-DD' })
  @ArrayMaxSize(500, { message: 'may list at most 500 dates' })
  exdates?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsPresentThenValid()
  @IsArray({ message: 'must be a list of agent ids in turn order' })
  @ArrayMaxSize(200, { message: 'may list at most 200 agents' })
  @IsString({ each: true, message: 'must contain agent ids' })
  agentIds?: string[];

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsObject({ message: 'must be { "mode": "turns", "every": N } or { "mode": "all" }' })
  handoff?: RotationHandoff;

  @ApiPropertyOptional({ description: 'Only for a rotation that has not started' })
  @IsPresentThenValid()
  @IsLocalDate()
  startDate?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsLocalDate()
  endDate?: string | null;

  @ApiPropertyOptional({ enum: CHANNELS, nullable: true })
  @OptionalChannelField()
  channel?: Channel | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalLabelField()
  label?: string | null;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsArray({ message: 'must be a list of breaks' })
  @ArrayMaxSize(10, { message: 'may list at most 10 breaks' })
  breaks?: RotationBreak[];

  @ApiPropertyOptional({ enum: SHIFT_STATUSES })
  @IsPresentThenValid()
  @IsIn(SHIFT_STATUSES, { message: `must be one of ${SHIFT_STATUSES.join(', ')}` })
  status?: ShiftStatus;
}
