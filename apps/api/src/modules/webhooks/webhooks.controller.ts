import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { WebhookDeliveriesResponse } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { ListWebhookDeliveriesDto } from './dto/list-webhook-deliveries.dto';
import { WebhooksService } from './webhooks.service';

/** The delivery log of a team's webhook, for its managers. The URL itself is a team setting. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('manager')
@Controller('teams/:teamId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** Newest first, paged; each with its status, attempts, last answer and next attempt. */
  @Get('deliveries')
  deliveries(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: ListWebhookDeliveriesDto): Promise<WebhookDeliveriesResponse> {
    return this.webhooks.list(user, teamId, query);
  }
}
