import { ApiPropertyOptional } from '@nestjs/swagger';
import type { RequestDecisionBody } from '@shiftdesk/shared-api-contract';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import { IsPresentThenValid, Trim } from '../../../common/validators';

export class RequestDecisionDto implements RequestDecisionBody {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsPresentThenValid()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(500, { message: 'must be at most 500 characters long' })
  comment?: string;

  @ApiPropertyOptional({ description: 'The version you saw; another current version answers 409' })
  @IsPresentThenValid()
  @IsInt({ message: 'must be the whole-number version of the request you saw' })
  @Min(1, { message: 'must be 1 or more' })
  version?: number;
}
