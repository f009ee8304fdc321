import { ApiProperty } from '@nestjs/swagger';
import type { ImportOpsgenieRequest } from '@shiftdesk/shared-api-contract';
import { IsDefined } from 'class-validator';
import { ScheduleImportOptionsDto } from './schedule-import-options.dto';

// The schedule itself is checked by the pure `importOpsgenieSchedule`, whose field paths the
// API returns as they are (`schedule.rotations.0.startDate`).

export class ImportOpsgenieDto extends ScheduleImportOptionsDto implements ImportOpsgenieRequest {
  @ApiProperty({ description: "Opsgenie's GET /v2/schedules/{id} answer (or its data object), as JSON or as text" })
  @IsDefined({ message: 'is required: paste the JSON of an Opsgenie schedule' })
  schedule!: unknown;
}
