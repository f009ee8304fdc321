import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CoveragePreset, CoverageRule, TeamSettings } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { CoverageRulesService } from './coverage-rules.service';
import { CreateCoverageRuleDto } from './dto/create-coverage-rule.dto';
import { UpdateCoverageRuleDto } from './dto/update-coverage-rule.dto';
import { UpdateTeamSettingsDto } from './dto/update-team-settings.dto';

@ApiTags('coverage')
@ApiBearerAuth()
@Controller()
export class CoverageRulesController {
  constructor(private readonly rules: CoverageRulesService) {}

  /** 12 h, 14 h, 16 h, 18 h and 24/7: what a manager can start a rule from. */
  @Get('coverage-presets')
  presets(): CoveragePreset[] {
    return this.rules.presets();
  }

  @Get('teams/:teamId/coverage-rules')
  list(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string): Promise<CoverageRule[]> {
    return this.rules.list(user, teamId);
  }

  @Get('teams/:teamId/coverage-rules/:id')
  get(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string): Promise<CoverageRule> {
    return this.rules.get(user, teamId, id);
  }

  @Roles('manager')
  @Post('teams/:teamId/coverage-rules')
  create(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Body() body: CreateCoverageRuleDto): Promise<CoverageRule> {
    return this.rules.create(user, teamId, body);
  }

  @Roles('manager')
  @Patch('teams/:teamId/coverage-rules/:id')
  update(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string, @Body() body: UpdateCoverageRuleDto): Promise<CoverageRule> {
    return this.rules.update(user, teamId, id, body);
  }

  @Roles('manager')
  @Delete('teams/:teamId/coverage-rules/:id')
  @HttpCode(204)
  async remove(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string): Promise<void> {
    await this.rules.remove(user, teamId, id);
  }

  /** Shrinkage, reference contract and labour rules of the team. */
  @Roles('manager')
  @Get('teams/:teamId/settings')
  settings(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string): Promise<TeamSettings> {
    return this.rules.settings(user, teamId);
  }

  @Roles('manager')
  @Patch('teams/:teamId/settings')
  updateSettings(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Body() body: UpdateTeamSettingsDto): Promise<TeamSettings> {
    return this.rules.updateSettings(user, teamId, body);
  }
}
