import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Region } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { CreateRegionDto } from './dto/create-region.dto';
import { UpdateRegionDto } from './dto/update-region.dto';
import { RegionsService } from './regions.service';

/**
 * Regions are shared by all teams (a region is a place, not a team's property): every
 * signed-in user may read them (agents pick from the names), managers maintain them.
 */
@ApiTags('regions')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  list(): Promise<Region[]> {
    return this.regions.list();
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<Region> {
    return this.regions.get(id);
  }

  @Roles('manager')
  @Post()
  create(@Body() body: CreateRegionDto): Promise<Region> {
    return this.regions.create(body);
  }

  @Roles('manager')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateRegionDto): Promise<Region> {
    return this.regions.update(id, body);
  }

  @Roles('manager')
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.regions.remove(id);
  }
}
