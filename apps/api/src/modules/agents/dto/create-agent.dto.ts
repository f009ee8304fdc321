import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, WORK_MODES, type AvailabilityByWeekday, type Channel, type CreateAgentRequest, type WorkMode } from '@shiftdesk/shared-api-contract';
import { IsBoolean, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { IsIanaTimeZone, IsPresentThenValid, IsRealName, EmailField } from '../../../common/validators';
import { AvailabilityField, ChannelsField, ContractHoursField, LanguagesField, WorkModeField } from './agent-fields';
import { PasswordField } from '../../auth/dto/password-field';
import { LanguageSkillDto } from './language-skill.dto';

export class CreateAgentDto implements CreateAgentRequest {
  @ApiProperty({ description: 'A team the caller manages' })
  @IsString({ message: 'must be the id of a team you manage' })
  @IsNotEmpty({ message: 'must be the id of a team you manage' })
  teamId!: string;

  @ApiProperty({ example: 'Anna Smirnova', minLength: 2, maxLength: 120 })
  @IsRealName()
  displayName!: string;

  @ApiProperty({ example: 'anna.smirnova@example.com' })
  @EmailField()
  email!: string;

  @ApiProperty({ example: 'Europe/Moscow', description: 'IANA time zone' })
  @IsIanaTimeZone()
  timeZone!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: 'must be the id of a region, or null' })
  regionId?: string | null;

  @ApiProperty({ enum: WORK_MODES })
  @WorkModeField()
  workMode!: WorkMode;

  @ApiProperty({ type: [LanguageSkillDto] })
  @LanguagesField()
  languages!: LanguageSkillDto[];

  @ApiProperty({ enum: CHANNELS, isArray: true })
  @ChannelsField()
  channels!: Channel[];

  @ApiProperty({ minimum: 1, maximum: 60, example: 40 })
  @ContractHoursField()
  contractHoursPerWeek!: number;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Windows the agent can work, wall clock in their own zone, by ISO weekday (a missing weekday = not available); null = any time',
    example: { 1: [{ start: '08:00', end: '20:00' }], 5: [{ start: '22:00', end: '06:00' }] },
  })
  @AvailabilityField()
  availability?: AvailabilityByWeekday | null;

  @ApiPropertyOptional({ default: true })
  @IsPresentThenValid()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ minLength: 8, description: 'Creates a login (role agent) with the same email' })
  @IsPresentThenValid()
  @PasswordField()
  password?: string;
}
