import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Override } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { WindowQueryDto } from '../schedule/dto/window-query.dto';
import { CreateOverrideDto } from './dto/create-override.dto';
import { UpdateOverrideDto } from './dto/update-override.dto';
import { OverridesService } from './overrides.service';

@ApiTags('overrides')
@ApiBearerAuth()
@Controller('teams/:teamId/overrides')
export class OverridesController {
  constructor(private readonly overrides: OverridesService) {}

  @Get()
  list(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: WindowQueryDto): Promise<Override[]> {
    return this.overrides.list(user, teamId, query);
  }

  @Get(':id')
  get(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string): Promise<Override> {
    return this.overrides.get(user, teamId, id);
  }

  @Roles('manager')
  @Post()
  create(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Body() body: CreateOverrideDto): Promise<Override> {
    return this.overrides.create(user, teamId, body);
  }

  @Roles('manager')
  @Patch(':id')
  update(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string, @Body() body: UpdateOverrideDto): Promise<Override> {
    return this.overrides.update(user, teamId, id, body);
  }

  @Roles('manager')
  @Delete(':id')
  @HttpCode(204)
  async remove(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string): Promise<void> {
    await this.overrides.remove(user, teamId, id);
  }
}
