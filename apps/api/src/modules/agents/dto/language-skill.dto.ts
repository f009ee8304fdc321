import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGE_LEVELS, type LanguageLevel, type LanguageSkill } from '@shiftdesk/shared-api-contract';
import { IsIn } from 'class-validator';
import { IsLanguageCode, TrimLower } from '../../../common/validators';

export class LanguageSkillDto implements LanguageSkill {
  @ApiProperty({ example: 'en', description: 'ISO 639-1' })
  @TrimLower()
  @IsLanguageCode()
  code!: string;

  @ApiProperty({ enum: LANGUAGE_LEVELS, example: 'fluent' })
  @IsIn(LANGUAGE_LEVELS, { message: `must be one of ${LANGUAGE_LEVELS.join(', ')}` })
  level!: LanguageLevel;
}
