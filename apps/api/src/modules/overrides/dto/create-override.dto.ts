import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateOverrideRequest } from '@shiftdesk/shared-api-contract';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { IsIanaTimeZone } from '../../../common/validators';
import { IsInstant } from '../../schedule/schedule-validators';

export class CreateOverrideDto implements CreateOverrideRequest {
  @ApiProperty({ description: 'The replacement: an active agent of the team' })
  @IsString({ message: 'must be the id of an agent of this team' })
  @IsNotEmpty({ message: 'must be the id of an agent of this team' })
  agentId!: string;

  @ApiProperty({ example: '2026-01-07T08:00:00Z' })
  @IsInstant()
  start!: string;

  @ApiProperty({ example: '2026-01-07T16:00:00Z' })
  @IsInstant()
  end!: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  @IsIanaTimeZone()
  timeZone!: string;

  @ApiPropertyOptional({ nullable: true, description: 'One rotation of the team; null = all of them' })
  @IsOptional()
  @IsString({ message: 'must be the id of a rotation of this team, or null' })
  rotationId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Take over only this agent’s rotation shifts' })
  @IsOptional()
  @IsString({ message: 'must be the id of an agent of this team, or null' })
  replacesAgentId?: string | null;
}
