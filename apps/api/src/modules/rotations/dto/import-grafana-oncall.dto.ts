import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ImportGrafanaOncallRequest } from '@shiftdesk/shared-api-contract';
import { IsBoolean, IsDefined, IsOptional } from 'class-validator';
import { IsIanaTimeZone } from '../../../common/validators';
import { IsLocalDate } from '../../schedule/schedule-validators';

// The shifts and users themselves are checked by the pure `importGrafanaOncallShifts`, whose
// field paths the API returns as they are (`shifts.0.duration`).

export class ImportGrafanaOncallDto implements ImportGrafanaOncallRequest {
  @ApiProperty({ description: "Grafana OnCall's GET /api/v1/on_call_shifts/?schedule_id=… answer (or its results), as JSON or as text" })
  @IsDefined({ message: 'is required: paste the JSON of the OnCall schedule’s shifts' })
  shifts!: unknown;

  @ApiPropertyOptional({ description: "Grafana OnCall's GET /api/v1/users/ answer, as JSON or as text: user ids to emails" })
  @IsOptional()
  users?: unknown;

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: "The OnCall schedule's zone, for shifts without their own time_zone" })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ example: '2026-01-05', description: "First local date in each rotation's zone; default today there" })
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
