import { ApiProperty } from '@nestjs/swagger';
import type { CreateShiftRequest } from '@shiftdesk/shared-api-contract';
import { IsNotEmpty, IsString } from 'class-validator';
import { IsIanaTimeZone } from '../../../common/validators';
import { IsInstant } from '../../schedule/schedule-validators';
import { ShiftDetailsDto } from './shift-fields';

export class CreateShiftDto extends ShiftDetailsDto implements CreateShiftRequest {
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
}
