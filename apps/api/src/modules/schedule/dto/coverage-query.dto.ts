import { ApiPropertyOptional } from '@nestjs/swagger';
import { COVERAGE_GRANULARITIES_MINUTES, DEFAULT_COVERAGE_GRANULARITY_MINUTES, type CoverageQuery, type GapsQuery } from '@shiftdesk/shared-api-contract';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsIanaTimeZone, QueryBoolean, QueryInt } from '../../../common/validators';
import { WindowQueryDto } from './window-query.dto';

export class CoverageQueryDto extends WindowQueryDto implements CoverageQuery {
  @ApiPropertyOptional({ enum: COVERAGE_GRANULARITIES_MINUTES, default: DEFAULT_COVERAGE_GRANULARITY_MINUTES, description: 'Bucket length, minutes' })
  @IsOptional()
  @QueryInt()
  @IsIn(COVERAGE_GRANULARITIES_MINUTES, { message: `must be one of ${COVERAGE_GRANULARITIES_MINUTES.join(', ')} minutes` })
  granularity?: number;

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: "Zone of the local labels (default: the team's)" })
  @IsOptional()
  @IsIanaTimeZone()
  tz?: string;
}

export class GapsQueryDto extends WindowQueryDto implements GapsQuery {
  @ApiPropertyOptional({ example: 'Europe/Berlin', description: "Zone of the local times (default: the team's)" })
  @IsOptional()
  @IsIanaTimeZone()
  tz?: string;

  @ApiPropertyOptional({ default: true, description: 'Include single-point warnings' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  warnings?: boolean;
}
