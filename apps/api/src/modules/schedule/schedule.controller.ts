import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { GapCandidatesResponse, StaffingResponse, ViolationsResponse } from '@shiftdesk/shared-api-contract';
// Node's own types: express's are not installed, and these are all the routes use.
import type { IncomingMessage as Request, ServerResponse as Response } from 'node:http';
import { sendJson } from '../../common/encoded-json';
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

  // Schedule, coverage and gaps answer ScheduleResponse, CoverageResponse and GapsResponse, sent
  // by sendJson: they are reused between writes, and so is their JSON (and its gzip).
  @Get('schedule')
  async get(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: WindowQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendJson(request, response, await this.schedule.schedule(user, teamId, query));
  }

  /** The same window as CSV (one shift per row; times on the team's, the agent's and UTC clocks). */
  @Get('schedule.csv')
  @ApiProduces('text/csv')
  async csv(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: WindowQueryDto, @Res() response: Response): Promise<void> {
    const { csv, from, to } = await this.schedule.scheduleCsv(user, teamId, query);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="roster-${from}-${to}.csv"`);
    // Names and hours of colleagues: not for shared caches.
    response.setHeader('Cache-Control', 'no-store');
    response.end(csv);
  }

  @Get('coverage')
  async coverage(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: CoverageQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendJson(request, response, await this.schedule.coverage(user, teamId, query));
  }

  @Get('gaps')
  async gaps(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: GapsQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendJson(request, response, await this.schedule.gaps(user, teamId, query));
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
