import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ManualShift, PublishShiftsResponse } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { WindowQueryDto } from '../schedule/dto/window-query.dto';
import { CreateShiftDto } from './dto/create-shift.dto';
import { ListShiftsDto } from './dto/list-shifts.dto';
import { UpdateShiftDto } from './dto/update-shift.dto';
import { ShiftsService } from './shifts.service';

/** Manual shifts. Managers of the team write; its agents read published shifts. */
@ApiTags('shifts')
@ApiBearerAuth()
@Controller('teams/:teamId/shifts')
export class ShiftsController {
  constructor(private readonly shifts: ShiftsService) {}

  @Get()
  list(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: ListShiftsDto): Promise<ManualShift[]> {
    return this.shifts.list(user, teamId, query);
  }

  /** Publishes the team's draft shifts starting in [from, to) (default this week, team zone). */
  @Roles('manager')
  @Post('publish')
  @HttpCode(200)
  publish(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: WindowQueryDto): Promise<PublishShiftsResponse> {
    return this.shifts.publish(user, teamId, query);
  }

  @Get(':id')
  get(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string): Promise<ManualShift> {
    return this.shifts.get(user, teamId, id);
  }

  /** 409 naming the other shift's id and span when the agent is already on shift. */
  @Roles('manager')
  @Post()
  create(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Body() body: CreateShiftDto): Promise<ManualShift> {
    return this.shifts.create(user, teamId, body);
  }

  @Roles('manager')
  @Patch(':id')
  update(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string, @Body() body: UpdateShiftDto): Promise<ManualShift> {
    return this.shifts.update(user, teamId, id, body);
  }

  @Roles('manager')
  @Delete(':id')
  @HttpCode(204)
  async remove(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string): Promise<void> {
    await this.shifts.remove(user, teamId, id);
  }
}
