import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateOverrideRequest } from '@shiftdesk/shared-api-contract';
import { IsOptional, IsString } from 'class-validator';
import { AgentSpanPatchDto } from '../../schedule/dto/agent-span-patch.dto';

export class UpdateOverrideDto extends AgentSpanPatchDto implements UpdateOverrideRequest {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: 'must be the id of a rotation of this team, or null' })
  rotationId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: 'must be the id of an agent of this team, or null' })
  replacesAgentId?: string | null;
}
