import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TeamManager } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { AddTeamManagerDto } from './dto/add-team-manager.dto';
import { TeamManagersService } from './team-managers.service';

/** The managers of a team: listed, added and removed by the team's managers. */
@ApiTags('teams')
@ApiBearerAuth()
@Roles('manager')
@Controller('teams/:teamId/managers')
export class TeamManagersController {
  constructor(private readonly managers: TeamManagersService) {}

  @Get()
  list(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string): Promise<TeamManager[]> {
    return this.managers.list(user, teamId);
  }

  /** 201 with the manager; an existing manager account is linked, else one is created. */
  @Post()
  add(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Body() body: AddTeamManagerDto): Promise<TeamManager> {
    return this.managers.add(user, teamId, body);
  }

  /** 204; 409 for the team's only manager. */
  @Delete(':userId')
  @HttpCode(204)
  async remove(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('userId') userId: string): Promise<void> {
    await this.managers.remove(user, teamId, userId);
  }
}
