import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REQUEST_KINDS, TIME_OFF_REASONS, type CreateShiftRequestBody, type RequestKind, type TimeOffInput, type TimeOffReason } from '@shiftdesk/shared-api-contract';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsPresentThenValid, Trim } from '../../../common/validators';
import { IsInstant, IsLocalDate } from '../../schedule/schedule-validators';

export class TimeOffInputDto implements TimeOffInput {
  @ApiPropertyOptional({ example: '2026-05-04', description: 'First whole day off, in the agent’s zone (with lastDate)' })
  @IsPresentThenValid()
  @IsLocalDate()
  firstDate?: string;

  @ApiPropertyOptional({ example: '2026-05-08', description: 'Last whole day off, INCLUSIVE' })
  @IsPresentThenValid()
  @IsLocalDate()
  lastDate?: string;

  @ApiPropertyOptional({ example: '2026-05-04T09:00:00Z', description: 'Start of an hours-only absence (with end)' })
  @IsPresentThenValid()
  @IsInstant()
  start?: string;

  @ApiPropertyOptional({ example: '2026-05-04T13:00:00Z' })
  @IsPresentThenValid()
  @IsInstant()
  end?: string;

  @ApiProperty({ enum: TIME_OFF_REASONS })
  @IsIn(TIME_OFF_REASONS, { message: `must be one of ${TIME_OFF_REASONS.join(', ')}` })
  reason!: TimeOffReason;
}

const ID_MESSAGE = (what: string) => `must be the id of ${what}`;

export class CreateShiftRequestDto implements CreateShiftRequestBody {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS, { message: `must be one of ${REQUEST_KINDS.join(', ')}` })
  kind!: RequestKind;

  @ApiPropertyOptional({ description: 'Managers: the agent the request is for. Agents leave it out.' })
  @IsPresentThenValid()
  @IsString({ message: ID_MESSAGE('an agent of a team you manage') })
  @IsNotEmpty({ message: ID_MESSAGE('an agent of a team you manage') })
  agentId?: string;

  @ApiPropertyOptional({ description: 'Swap, give-away: your shift, as the schedule names it' })
  @IsPresentThenValid()
  @IsString({ message: ID_MESSAGE('one of your upcoming shifts') })
  @IsNotEmpty({ message: ID_MESSAGE('one of your upcoming shifts') })
  @MaxLength(200, { message: ID_MESSAGE('one of your upcoming shifts') })
  shiftId?: string;

  @ApiPropertyOptional({ description: 'Swap: the colleague; give-away: who gets the shift (or offer: true)' })
  @IsPresentThenValid()
  @IsString({ message: ID_MESSAGE('a colleague in your team') })
  @IsNotEmpty({ message: ID_MESSAGE('a colleague in your team') })
  targetAgentId?: string;

  @ApiPropertyOptional({ description: 'Swap: the colleague’s shift you take in return' })
  @IsPresentThenValid()
  @IsString({ message: ID_MESSAGE('one of the colleague’s upcoming shifts') })
  @IsNotEmpty({ message: ID_MESSAGE('one of the colleague’s upcoming shifts') })
  @MaxLength(200, { message: ID_MESSAGE('one of the colleague’s upcoming shifts') })
  targetShiftId?: string;

  @ApiPropertyOptional({ description: 'Give-away: offer the shift to everyone eligible instead of naming someone' })
  @IsPresentThenValid()
  @IsBoolean({ message: 'must be true or false' })
  offer?: boolean;

  @ApiPropertyOptional({ type: TimeOffInputDto })
  @IsPresentThenValid()
  @IsObject({ message: 'must be an object: { "firstDate", "lastDate", "reason" } or { "start", "end", "reason" }' })
  @ValidateNested()
  @Type(() => TimeOffInputDto)
  timeOff?: TimeOffInputDto;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsPresentThenValid()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(500, { message: 'must be at most 500 characters long' })
  note?: string;
}
