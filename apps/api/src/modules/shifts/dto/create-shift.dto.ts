import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, SHIFT_STATUSES, type Channel, type CreateShiftRequest, type ShiftStatus } from '@shiftdesk/shared-api-contract';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsString } from 'class-validator';
import { EachNested, IsIanaTimeZone, IsPresentThenValid, OptionalChannelField, OptionalLabelField } from '../../../common/validators';
import { IsInstant } from '../../schedule/schedule-validators';
import { ShiftBreakDto } from './shift-fields';

export class CreateShiftDto implements CreateShiftRequest {
  @ApiProperty({ description: 'An active agent of the team' })
  @IsString({ message: 'must be the id of an agent of this team' })
  @IsNotEmpty({ message: 'must be the id of an agent of this team' })
  agentId!: string;

  @ApiProperty({ example: '2026-01-05T08:00:00Z', description: 'Inclusive start, ISO 8601 instant' })
  @IsInstant()
  start!: string;

  @ApiProperty({ example: '2026-01-05T16:00:00Z', description: 'Exclusive end, after start, at most 24 h later' })
  @IsInstant()
  end!: string;

  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA zone the shift was planned in' })
  @IsIanaTimeZone()
  timeZone!: string;

  @ApiPropertyOptional({ enum: CHANNELS, nullable: true })
  @OptionalChannelField()
  channel?: Channel | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 120 })
  @OptionalLabelField()
  label?: string | null;

  @ApiPropertyOptional({ type: [ShiftBreakDto] })
  @IsPresentThenValid()
  @IsArray({ message: 'must be a list of breaks [{ "start": …, "end": … }]' })
  @ArrayMaxSize(10, { message: 'may list at most 10 breaks' })
  @EachNested(() => ShiftBreakDto, 'each break must be an object { "start": …, "end": … }')
  breaks?: ShiftBreakDto[];

  @ApiPropertyOptional({ enum: SHIFT_STATUSES, default: 'published' })
  @IsPresentThenValid()
  @IsIn(SHIFT_STATUSES, { message: `must be one of ${SHIFT_STATUSES.join(', ')}` })
  status?: ShiftStatus;

  @ApiPropertyOptional({ description: 'Pinned: the roster generator keeps it and never replaces it' })
  @IsPresentThenValid()
  @IsBoolean({ message: 'must be true or false' })
  locked?: boolean;
}
