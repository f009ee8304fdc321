import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ApplyRosterResponse, GenerateRosterAccepted, RosterJob } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { GenerateRosterDto } from './dto/generate-roster.dto';
import { RostersService } from './rosters.service';

/**
 * Roster generation (issue 4), for managers of the team: start a job (202), poll it, cancel it
 * (keeps the best roster so far), apply its roster as draft shifts. Any API process answers for
 * any job (see RosterJobs).
 */
@ApiTags('rosters')
@ApiBearerAuth()
@Roles('manager')
@Controller('teams/:teamId/rosters')
export class RostersController {
  constructor(private readonly rosters: RostersService) {}

  @Post('generate')
  @HttpCode(202)
  generate(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Body() body: GenerateRosterDto): Promise<GenerateRosterAccepted> {
    return this.rosters.generate(user, teamId, body);
  }

  @Get('jobs/:jobId')
  job(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('jobId') jobId: string): Promise<RosterJob> {
    return this.rosters.job(user, teamId, jobId);
  }

  @Post('jobs/:jobId/cancel')
  @HttpCode(200)
  cancel(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('jobId') jobId: string): Promise<RosterJob> {
    return this.rosters.cancel(user, teamId, jobId);
  }

  @Post('jobs/:jobId/apply')
  @HttpCode(200)
  apply(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('jobId') jobId: string): Promise<ApplyRosterResponse> {
    return this.rosters.apply(user, teamId, jobId);
  }
}
