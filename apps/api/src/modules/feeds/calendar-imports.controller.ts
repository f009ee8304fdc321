import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CalendarImport, UnavailabilityResponse } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { WindowQueryDto } from '../schedule/dto/window-query.dto';
import { CalendarImportsService } from './calendar-imports.service';
import { CreateCalendarImportDto, RefreshCalendarImportDto } from './dto/create-calendar-import.dto';

/** An agent's imported calendars (unavailability), for the managers of the agent's team. */
@ApiTags('feeds')
@ApiBearerAuth()
@Roles('manager')
@Controller('agents/:agentId')
export class CalendarImportsController {
  constructor(private readonly imports: CalendarImportsService) {}

  @Get('calendar-imports')
  list(@AuthUser() user: AuthenticatedUser, @Param('agentId') agentId: string): Promise<CalendarImport[]> {
    return this.imports.list(user, agentId);
  }

  /** Attach an iCal URL (fetched now and on a schedule) or an uploaded .ics text; bad content is a 400. */
  @Post('calendar-imports')
  create(@AuthUser() user: AuthenticatedUser, @Param('agentId') agentId: string, @Body() body: CreateCalendarImportDto): Promise<CalendarImport> {
    return this.imports.create(user, agentId, body, Date.now());
  }

  @Post('calendar-imports/:id/refresh')
  @HttpCode(200)
  refresh(@AuthUser() user: AuthenticatedUser, @Param('agentId') agentId: string, @Param('id') id: string, @Body() body: RefreshCalendarImportDto): Promise<CalendarImport> {
    return this.imports.refresh(user, agentId, id, body.ics, Date.now());
  }

  @Delete('calendar-imports/:id')
  @HttpCode(204)
  async remove(@AuthUser() user: AuthenticatedUser, @Param('agentId') agentId: string, @Param('id') id: string): Promise<void> {
    await this.imports.remove(user, agentId, id);
  }

  /** Busy spans from every import overlapping the window (default: this week, at most 92 days). */
  @Get('unavailability')
  unavailability(@AuthUser() user: AuthenticatedUser, @Param('agentId') agentId: string, @Query() query: WindowQueryDto): Promise<UnavailabilityResponse> {
    return this.imports.unavailability(user, agentId, query);
  }
}
