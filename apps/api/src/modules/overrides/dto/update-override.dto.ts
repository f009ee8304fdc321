import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateOverrideRequest } from '@shiftdesk/shared-api-contract';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { IsIanaTimeZone, IsPresentThenValid } from '../../../common/validators';
import { IsInstant } from '../../schedule/schedule-validators';

export class UpdateOverrideDto implements UpdateOverrideRequest {
  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsString({ message: 'must be the id of an agent of this team' })
  @IsNotEmpty({ message: 'must be the id of an agent of this team' })
  agentId?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsInstant()
  start?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsInstant()
  end?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: 'must be the id of a rotation of this team, or null' })
  rotationId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: 'must be the id of an agent of this team, or null' })
  replacesAgentId?: string | null;
}
