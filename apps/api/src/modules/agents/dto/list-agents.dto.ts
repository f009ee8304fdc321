import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, WORK_MODES, type Channel, type ListAgentsQuery, type WorkMode } from '@shiftdesk/shared-api-contract';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';
import { IsLanguageCode, QueryBoolean, Trim } from '../../../common/validators';

export class ListAgentsDto extends PageQueryDto implements ListAgentsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be a team id' })
  teamId?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive match on name (and email, for managers)' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(120, { message: 'must be at most 120 characters long' })
  search?: string;

  @ApiPropertyOptional({ description: 'ISO 639-1 code the agent speaks' })
  @IsOptional()
  @IsLanguageCode()
  language?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: `must be one of ${CHANNELS.join(', ')}` })
  channel?: Channel;

  @ApiPropertyOptional({ enum: WORK_MODES, description: 'Managers only' })
  @IsOptional()
  @IsIn(WORK_MODES, { message: `must be one of ${WORK_MODES.join(', ')}` })
  workMode?: WorkMode;

  @ApiPropertyOptional({ description: 'Managers only' })
  @IsOptional()
  @IsString({ message: 'must be a region id' })
  regionId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ description: 'Managers only: include archived agents' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  includeArchived?: boolean;
}
