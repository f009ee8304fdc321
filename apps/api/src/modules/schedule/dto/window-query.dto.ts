import { ApiPropertyOptional } from '@nestjs/swagger';
import type { WindowQuery } from '@shiftdesk/shared-api-contract';
import { IsOptional } from 'class-validator';
import { IsInstant } from '../schedule-validators';

/** `?from&to`: ISO instants; defaults and limits are applied by `resolveWindow`. */
export class WindowQueryDto implements WindowQuery {
  @ApiPropertyOptional({ example: '2026-01-05T00:00:00Z', description: 'Inclusive start (default: Monday 00:00 of this week, team zone)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-12T00:00:00Z', description: 'Exclusive end (default: from + 7 days)' })
  @IsOptional()
  @IsInstant()
  to?: string;
}
