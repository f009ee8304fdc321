import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Team } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { CreateTeamDto } from './dto/create-team.dto';
import { UpdateTeamDto } from './dto/update-team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  /** Managers: the teams they manage. Agents: their own team. */
  @Get()
  list(@AuthUser() user: AuthenticatedUser): Promise<Team[]> {
    return this.teams.list(user);
  }

  @Get(':id')
  get(@AuthUser() user: AuthenticatedUser, @Param('id') id: string): Promise<Team> {
    return this.teams.get(user, id);
  }

  @Roles('manager')
  @Post()
  create(@AuthUser() user: AuthenticatedUser, @Body() body: CreateTeamDto): Promise<Team> {
    return this.teams.create(user, body);
  }

  @Roles('manager')
  @Patch(':id')
  update(@AuthUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: UpdateTeamDto): Promise<Team> {
    return this.teams.update(user, id, body);
  }

  @Roles('manager')
  @Delete(':id')
  @HttpCode(204)
  async remove(@AuthUser() user: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    await this.teams.remove(user, id);
  }
}
