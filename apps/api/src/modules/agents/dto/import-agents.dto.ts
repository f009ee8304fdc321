import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ImportAgentsRequest } from '@shiftdesk/shared-api-contract';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** A CSV of a few thousand agents is well under this; the body limit stops larger ones first. */
const MAX_CSV_LENGTH = 2_000_000;

export class ImportAgentsDto implements ImportAgentsRequest {
  @ApiProperty({ description: 'A team the caller manages' })
  @IsString({ message: 'must be the id of a team you manage' })
  @IsNotEmpty({ message: 'must be the id of a team you manage' })
  teamId!: string;

  @ApiProperty({ example: 'name,email,time zone,languages\nAnna Smirnova,anna@example.com,Europe/Moscow,ru:native; en:fluent' })
  @IsString({ message: 'must be the text of a CSV file' })
  @IsNotEmpty({ message: 'is empty; the first line names the columns: name, email, time zone, …' })
  @MaxLength(MAX_CSV_LENGTH, { message: `is longer than ${MAX_CSV_LENGTH} characters; import the agents in parts` })
  csv!: string;

  @ApiPropertyOptional({ default: false, description: 'Also make logins with temporary passwords (returned once)' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  logins?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  dryRun?: boolean;
}
