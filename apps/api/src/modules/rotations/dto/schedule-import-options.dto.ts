import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ScheduleImportOptions } from '@shiftdesk/shared-api-contract';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsLocalDate } from '../../schedule/schedule-validators';

/** The options every schedule import takes (Opsgenie, Grafana OnCall); each import's DTO adds the other tool's document. */
export abstract class ScheduleImportOptionsDto implements ScheduleImportOptions {
  @ApiPropertyOptional({ example: '2026-01-05', description: "First local date in each rotation's zone (an Opsgenie schedule has one for all); default today there" })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ default: false, description: 'Add the people on call who are not agents of the team yet as agents (remote, 40 h, no login), in the same transaction' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  addMissingAgents?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  dryRun?: boolean;
}
