import { ApiPropertyOptional } from '@nestjs/swagger';
import type { RotationPreviewQuery } from '@shiftdesk/shared-api-contract';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryInt } from '../../../common/validators';
import { IsInstant } from '../../schedule/schedule-validators';

export const MAX_PREVIEW_COUNT = 100;

export class PreviewRotationDto implements RotationPreviewQuery {
  @ApiPropertyOptional({ description: 'Default now' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PREVIEW_COUNT, default: 10 })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be 1 or more' })
  @Max(MAX_PREVIEW_COUNT, { message: `must be at most ${MAX_PREVIEW_COUNT}` })
  count?: number;
}
