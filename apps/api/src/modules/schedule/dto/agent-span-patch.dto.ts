import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';
import { IsIanaTimeZone, IsPresentThenValid } from '../../../common/validators';
import { IsInstant } from '../schedule-validators';

/**
 * The fields a PATCH of a shift or an override share: who, from when to when, and the zone it
 * was planned in. Each may be left out but not sent as null; the merged record is validated as
 * a whole by the service (end after start, no overlap).
 */
export class AgentSpanPatchDto {
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
}
