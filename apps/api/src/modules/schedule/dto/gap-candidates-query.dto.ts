import { ApiProperty } from '@nestjs/swagger';
import type { GapCandidatesQuery } from '@shiftdesk/shared-api-contract';
import { IsNotEmpty, IsString } from 'class-validator';
import { IsInstant } from '../schedule-validators';

export class GapCandidatesQueryDto implements GapCandidatesQuery {
  @ApiProperty({ example: '2026-01-07T13:00:00Z' })
  @IsInstant()
  start!: string;

  @ApiProperty({ example: '2026-01-07T17:00:00Z' })
  @IsInstant()
  end!: string;

  @ApiProperty()
  @IsString({ message: 'must be the id of a coverage rule of this team' })
  @IsNotEmpty({ message: 'must be the id of a coverage rule of this team' })
  ruleId!: string;
}
