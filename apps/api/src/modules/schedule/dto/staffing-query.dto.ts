import { ApiPropertyOptional } from '@nestjs/swagger';
import type { StaffingQuery } from '@shiftdesk/shared-api-contract';
import { IsOptional } from 'class-validator';
import { IsLocalDate } from '../schedule-validators';

export class StaffingQueryDto implements StaffingQuery {
  @ApiPropertyOptional({ example: '2026-01-05', description: "Default: this week's Monday in the team's zone" })
  @IsOptional()
  @IsLocalDate()
  weekStart?: string;
}
