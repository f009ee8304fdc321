import { ApiProperty } from '@nestjs/swagger';
import type { ShiftBreakSpan } from '@shiftdesk/shared-api-contract';
import { IsInstant } from '../../schedule/schedule-validators';

export class ShiftBreakDto implements ShiftBreakSpan {
  @ApiProperty({ example: '2026-01-05T12:00:00Z' })
  @IsInstant()
  start!: string;

  @ApiProperty({ example: '2026-01-05T12:30:00Z' })
  @IsInstant()
  end!: string;
}
