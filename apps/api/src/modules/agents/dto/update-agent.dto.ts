import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, WORK_MODES, type AvailabilityByWeekday, type Channel, type UpdateAgentRequest, type WorkMode } from '@shiftdesk/shared-api-contract';
import { IsBoolean, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { IsIanaTimeZone, IsPresentThenValid, IsRealName, EmailField } from '../../../common/validators';
import { AvailabilityField, ChannelsField, ContractHoursField, LanguagesField, WorkModeField } from './agent-fields';
import { LanguageSkillDto } from './language-skill.dto';

/** Every field optional; a given field replaces the stored value (languages and channels as a whole). */
export class UpdateAgentDto implements UpdateAgentRequest {
  @ApiPropertyOptional({ description: 'Moves the agent to another team the caller manages' })
  @IsPresentThenValid()
  @IsString({ message: 'must be the id of a team you manage' })
  @IsNotEmpty({ message: 'must be the id of a team you manage' })
  teamId?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsRealName()
  displayName?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @EmailField()
  email?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null removes the region' })
  @IsOptional()
  @IsString({ message: 'must be the id of a region, or null' })
  regionId?: string | null;

  @ApiPropertyOptional({ enum: WORK_MODES })
  @IsPresentThenValid()
  @WorkModeField()
  workMode?: WorkMode;

  @ApiPropertyOptional({ type: [LanguageSkillDto] })
  @IsPresentThenValid()
  @LanguagesField()
  languages?: LanguageSkillDto[];

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true })
  @IsPresentThenValid()
  @ChannelsField()
  channels?: Channel[];

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @ContractHoursField()
  contractHoursPerWeek?: number;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Windows the agent can work, wall clock in their own zone, by ISO weekday (a missing weekday = not available); null = any time',
    example: { 1: [{ start: '08:00', end: '20:00' }], 5: [{ start: '22:00', end: '06:00' }] },
  })
  @AvailabilityField()
  availability?: AvailabilityByWeekday | null;
}
