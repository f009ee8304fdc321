import { ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveriesQuery, type WebhookDeliveryStatus } from '@shiftdesk/shared-api-contract';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';

export class ListWebhookDeliveriesDto extends PageQueryDto implements WebhookDeliveriesQuery {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES, description: 'Default: every status' })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES, { message: `must be one of ${WEBHOOK_DELIVERY_STATUSES.join(', ')}` })
  status?: WebhookDeliveryStatus;
}
