import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AlertsResponse, GapAlert } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { ListAlertsDto } from './dto/list-alerts.dto';
import { GapAlertsService } from './gap-alerts.service';

/** Gap alerts of a team, for its managers. */
@ApiTags('alerts')
@ApiBearerAuth()
@Roles('manager')
@Controller('teams/:teamId/alerts')
export class AlertsController {
  constructor(private readonly alerts: GapAlertsService) {}

  @Get()
  list(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: ListAlertsDto): Promise<AlertsResponse> {
    return this.alerts.list(user, teamId, query);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string): Promise<GapAlert> {
    return this.alerts.acknowledge(user, teamId, id);
  }
}
