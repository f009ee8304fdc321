import { ApiPropertyOptional } from '@nestjs/swagger';
import { REQUEST_KINDS, REQUEST_SCOPES, REQUEST_STATES, type ListShiftRequestsQuery, type RequestKind, type RequestScope, type RequestState } from '@shiftdesk/shared-api-contract';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';

const AWAITING = ['colleague', 'taker', 'manager'] as const;

export class ListShiftRequestsDto extends PageQueryDto implements ListShiftRequestsQuery {
  @ApiPropertyOptional({ enum: REQUEST_SCOPES, description: 'Default: team for managers, mine for agents' })
  @IsOptional()
  @IsIn(REQUEST_SCOPES, { message: `must be one of ${REQUEST_SCOPES.join(', ')}` })
  scope?: RequestScope;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be a team id' })
  teamId?: string;

  @ApiPropertyOptional({ enum: REQUEST_STATES })
  @IsOptional()
  @IsIn(REQUEST_STATES, { message: `must be one of ${REQUEST_STATES.join(', ')}` })
  state?: RequestState;

  @ApiPropertyOptional({ enum: REQUEST_KINDS })
  @IsOptional()
  @IsIn(REQUEST_KINDS, { message: `must be one of ${REQUEST_KINDS.join(', ')}` })
  kind?: RequestKind;

  @ApiPropertyOptional({ enum: AWAITING })
  @IsOptional()
  @IsIn(AWAITING, { message: `must be one of ${AWAITING.join(', ')}` })
  awaiting?: (typeof AWAITING)[number];
}
