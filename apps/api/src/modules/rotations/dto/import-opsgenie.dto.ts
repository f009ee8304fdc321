import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ImportOpsgenieRequest } from '@shiftdesk/shared-api-contract';
import { IsBoolean, IsDefined, IsOptional } from 'class-validator';
import { IsLocalDate } from '../../schedule/schedule-validators';

// The schedule itself is checked by the pure `importOpsgenieSchedule`, whose field paths the
// API returns as they are (`schedule.rotations.0.startDate`).

export class ImportOpsgenieDto implements ImportOpsgenieRequest {
  @ApiProperty({ description: "Opsgenie's GET /v2/schedules/{id} answer (or its data object), as JSON or as text" })
  @IsDefined({ message: 'is required: paste the JSON of an Opsgenie schedule' })
  schedule!: unknown;

  @ApiPropertyOptional({ example: '2026-01-05', description: "First local date in the schedule's zone; default today there" })
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
