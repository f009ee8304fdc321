import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ShiftPreference, ShiftPreferencesResponse } from '@shiftdesk/shared-api-contract';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { CreateShiftPreferenceDto, ListShiftPreferencesDto, UpdateShiftPreferenceDto } from './dto/shift-preference.dto';
import { PreferencesService } from './preferences.service';

/**
 * Shift preferences: "give me a shift then" / "keep me free then". Agents keep their own,
 * managers those of their teams' agents; the roster generator honours them where cover allows.
 */
@ApiTags('preferences')
@ApiBearerAuth()
@Controller('preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  list(@AuthUser() user: AuthenticatedUser, @Query() query: ListShiftPreferencesDto): Promise<ShiftPreferencesResponse> {
    return this.preferences.list(user, query.agentId);
  }

  @Post()
  create(@AuthUser() user: AuthenticatedUser, @Body() body: CreateShiftPreferenceDto): Promise<ShiftPreference> {
    return this.preferences.create(user, body);
  }

  @Patch(':id')
  update(@AuthUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: UpdateShiftPreferenceDto): Promise<ShiftPreference> {
    return this.preferences.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@AuthUser() user: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    return this.preferences.remove(user, id);
  }
}
