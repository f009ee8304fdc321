import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CoverageResponse, GapCandidatesResponse, GapsResponse, ScheduleResponse, StaffingResponse, ViolationsResponse } from '@shiftdesk/shared-api-contract';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { CoverageQueryDto, GapsQueryDto } from './dto/coverage-query.dto';
import { GapCandidatesQueryDto } from './dto/gap-candidates-query.dto';
import { StaffingQueryDto } from './dto/staffing-query.dto';
import { WindowQueryDto } from './dto/window-query.dto';
import { ScheduleService } from './schedule.service';

/**
 * Read views of a team's final schedule. Windows default to this week (team zone) and may
 * span at most 92 days. Schedule, coverage and gaps: the team's managers and agents;
 * candidates, violations and staffing reveal colleagues' hours: managers only.
 */
@ApiTags('schedule')
@ApiBearerAuth()
@Controller('teams/:teamId')
export class ScheduleController {
  constructor(private readonly schedule: ScheduleService) {}

  @Get('schedule')
  get(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: WindowQueryDto): Promise<ScheduleResponse> {
    return this.schedule.schedule(user, teamId, query);
  }

  @Get('coverage')
  coverage(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: CoverageQueryDto): Promise<CoverageResponse> {
    return this.schedule.coverage(user, teamId, query);
  }

  @Get('gaps')
  gaps(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: GapsQueryDto): Promise<GapsResponse> {
    return this.schedule.gaps(user, teamId, query);
  }

  @Get('gaps/candidates')
  candidates(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: GapCandidatesQueryDto): Promise<GapCandidatesResponse> {
    return this.schedule.candidates(user, teamId, query);
  }

  @Get('violations')
  violations(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: WindowQueryDto): Promise<ViolationsResponse> {
    return this.schedule.violations(user, teamId, query);
  }

  @Get('staffing')
  staffing(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: StaffingQueryDto): Promise<StaffingResponse> {
    return this.schedule.staffing(user, teamId, query);
  }
}
