import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateTeamRequest } from '@shiftdesk/shared-api-contract';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsIanaTimeZone, IsPresentThenValid, Trim } from '../../../common/validators';

export class UpdateTeamDto implements UpdateTeamRequest {
  @ApiPropertyOptional()
  @IsPresentThenValid()
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(2, 120, { message: 'must be 2 to 120 characters long' })
  name?: string;

  /** `null` clears the description. */
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(1000, { message: 'must be at most 1000 characters long' })
  description?: string | null;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsIanaTimeZone()
  timeZone?: string;
}
