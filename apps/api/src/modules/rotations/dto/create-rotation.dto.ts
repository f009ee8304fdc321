import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  SHIFT_STATUSES,
  type Channel,
  type CreateRotationRequest,
  type RotationBreak,
  type RotationHandoff,
  type ShiftStatus,
} from '@shiftdesk/shared-api-contract';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsIanaTimeZone, IsPresentThenValid, OptionalChannelField, OptionalLabelField, Trim } from '../../../common/validators';
import { IsLocalDate } from '../../schedule/schedule-validators';

// Shapes only: times, the RRULE, handoff, breaks and date order are checked by the pure
// `validateRotation`, whose field paths the API returns as they are.

export class CreateRotationDto implements CreateRotationRequest {
  @ApiProperty({ example: 'Berlin day desk' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(1, 120, { message: 'must be 1 to 120 characters long' })
  name!: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  @IsIanaTimeZone()
  timeZone!: string;

  @ApiProperty({ example: '09:00' })
  @IsString({ message: 'must be a local time HH:mm' })
  localStartTime!: string;

  @ApiProperty({ example: '17:00', description: 'At or before the start = next day' })
  @IsString({ message: 'must be a local time HH:mm' })
  localEndTime!: string;

  @ApiProperty({ example: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' })
  @IsString({ message: 'must be an RRULE such as FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' })
  @MaxLength(500, { message: 'must be at most 500 characters long' })
  rrule!: string;

  @ApiPropertyOptional({ type: [String], example: ['2026-12-25'] })
  @IsPresentThenValid()
  @IsArray({ message: 'must be a list of dates YYYY-MM-DD' })
  @ArrayMaxSize(500, { message: 'may list at most 500 dates' })
  exdates?: string[];

  @ApiProperty({ type: [String], description: 'Agents of the team, in turn order' })
  @IsArray({ message: 'must be a list of agent ids in turn order' })
  @ArrayMaxSize(200, { message: 'may list at most 200 agents' })
  @IsString({ each: true, message: 'must contain agent ids' })
  agentIds!: string[];

  @ApiProperty({ example: { mode: 'turns', every: 1 } })
  @IsObject({ message: 'must be { "mode": "turns", "every": N } or { "mode": "all" }' })
  handoff!: RotationHandoff;

  @ApiProperty({ example: '2026-01-05' })
  @IsLocalDate()
  startDate!: string;

  @ApiPropertyOptional({ nullable: true, description: 'EXCLUSIVE end date' })
  @IsOptional()
  @IsLocalDate()
  endDate?: string | null;

  @ApiPropertyOptional({ enum: CHANNELS, nullable: true })
  @OptionalChannelField()
  channel?: Channel | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalLabelField()
  label?: string | null;

  @ApiPropertyOptional({ example: [{ startAfterMinutes: 240, durationMinutes: 30 }] })
  @IsPresentThenValid()
  @IsArray({ message: 'must be a list of breaks [{ "startAfterMinutes": …, "durationMinutes": … }]' })
  @ArrayMaxSize(10, { message: 'may list at most 10 breaks' })
  breaks?: RotationBreak[];

  @ApiPropertyOptional({ enum: SHIFT_STATUSES, default: 'published' })
  @IsPresentThenValid()
  @IsIn(SHIFT_STATUSES, { message: `must be one of ${SHIFT_STATUSES.join(', ')}` })
  status?: ShiftStatus;
}
