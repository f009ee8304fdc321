import { ApiPropertyOptional } from '@nestjs/swagger';
import { GAP_ALERT_STATUSES, type AlertsQuery, type GapAlertStatus } from '@shiftdesk/shared-api-contract';
import { IsIn, IsOptional } from 'class-validator';

export class ListAlertsDto implements AlertsQuery {
  @ApiPropertyOptional({ enum: GAP_ALERT_STATUSES, description: 'Default: every status' })
  @IsOptional()
  @IsIn(GAP_ALERT_STATUSES, { message: `must be one of ${GAP_ALERT_STATUSES.join(', ')}` })
  status?: GapAlertStatus;
}
