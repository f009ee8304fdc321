import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeleteRotationResponse, ImportScheduleResponse, Rotation, RotationPreviewResponse, UpdateRotationResponse } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { CreateRotationDto } from './dto/create-rotation.dto';
import { ImportGrafanaOncallDto } from './dto/import-grafana-oncall.dto';
import { ImportOpsgenieDto } from './dto/import-opsgenie.dto';
import { PreviewRotationDto } from './dto/preview-rotation.dto';
import { UpdateRotationDto } from './dto/update-rotation.dto';
import { RotationsService } from './rotations.service';

@ApiTags('rotations')
@ApiBearerAuth()
@Controller('teams/:teamId/rotations')
export class RotationsController {
  constructor(private readonly rotations: RotationsService) {}

  @Get()
  list(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string): Promise<Rotation[]> {
    return this.rotations.list(user, teamId);
  }

  /** An Opsgenie schedule as rotations (participants by email); `dryRun` only answers what would be made. */
  @Roles('manager')
  @Post('import/opsgenie')
  @HttpCode(200)
  importOpsgenie(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Body() body: ImportOpsgenieDto): Promise<ImportScheduleResponse> {
    return this.rotations.importOpsgenie(user, teamId, body);
  }

  /** Grafana OnCall rotations (its on-call shifts; users by email from its users list); `dryRun` only answers what would be made. */
  @Roles('manager')
  @Post('import/grafana-oncall')
  @HttpCode(200)
  importGrafanaOncall(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Body() body: ImportGrafanaOncallDto): Promise<ImportScheduleResponse> {
    return this.rotations.importGrafanaOncall(user, teamId, body);
  }

  @Get(':id')
  get(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string): Promise<Rotation> {
    return this.rotations.get(user, teamId, id);
  }

  @Get(':id/preview')
  preview(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string, @Query() query: PreviewRotationDto): Promise<RotationPreviewResponse> {
    return this.rotations.preview(user, teamId, id, query);
  }

  @Roles('manager')
  @Post()
  create(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Body() body: CreateRotationDto): Promise<Rotation> {
    return this.rotations.create(user, teamId, body);
  }

  /** In place before the rotation starts; afterwards a new version from `effectiveFrom`. */
  @Roles('manager')
  @Patch(':id')
  update(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string, @Body() body: UpdateRotationDto): Promise<UpdateRotationResponse> {
    return this.rotations.update(user, teamId, id, body);
  }

  @Roles('manager')
  @Delete(':id')
  remove(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('id') id: string): Promise<DeleteRotationResponse> {
    return this.rotations.remove(user, teamId, id);
  }
}
