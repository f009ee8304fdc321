import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ImportGrafanaOncallRequest } from '@shiftdesk/shared-api-contract';
import { IsDefined, IsOptional } from 'class-validator';
import { IsIanaTimeZone } from '../../../common/validators';
import { ScheduleImportOptionsDto } from './schedule-import-options.dto';

// The shifts and users themselves are checked by the pure `importGrafanaOncallShifts`, whose
// field paths the API returns as they are (`shifts.0.duration`).

export class ImportGrafanaOncallDto extends ScheduleImportOptionsDto implements ImportGrafanaOncallRequest {
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
}
