import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ListShiftsQuery } from '@shiftdesk/shared-api-contract';
import { IsOptional, IsString } from 'class-validator';
import { WindowQueryDto } from '../../schedule/dto/window-query.dto';

export class ListShiftsDto extends WindowQueryDto implements ListShiftsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be an agent id' })
  agentId?: string;
}
