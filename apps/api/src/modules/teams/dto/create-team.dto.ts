import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateTeamRequest } from '@shiftdesk/shared-api-contract';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsIanaTimeZone, Trim } from '../../../common/validators';

export class CreateTeamDto implements CreateTeamRequest {
  @ApiProperty({ example: 'Support Desk' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(2, 120, { message: 'must be 2 to 120 characters long' })
  name!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(1000, { message: 'must be at most 1000 characters long' })
  description?: string | null;

  @ApiProperty({ example: 'Europe/Moscow' })
  @IsIanaTimeZone()
  timeZone!: string;
}
