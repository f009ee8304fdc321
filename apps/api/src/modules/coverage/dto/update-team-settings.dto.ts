import { ApiPropertyOptional } from '@nestjs/swagger';
import { LABOUR_RULE_PRESET_NAMES, type LabourRulePresetName, type LabourRuleValues, type UpdateTeamSettingsRequest } from '@shiftdesk/shared-api-contract';
import { IsIn, IsNumber, IsObject, Max, Min } from 'class-validator';
import { IsPresentThenValid } from '../../../common/validators';

export class UpdateTeamSettingsDto implements UpdateTeamSettingsRequest {
  @ApiPropertyOptional({ minimum: 0, maximum: 0.9, example: 0.3 })
  @IsPresentThenValid()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a fraction between 0 and 0.9, e.g. 0.3 for 30 %' })
  @Min(0, { message: 'must be a fraction between 0 and 0.9, e.g. 0.3 for 30 %' })
  @Max(0.9, { message: 'must be a fraction between 0 and 0.9, e.g. 0.3 for 30 %' })
  shrinkage?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, example: 40 })
  @IsPresentThenValid()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of hours per week, e.g. 40' })
  @Min(1, { message: 'must be between 1 and 60 hours per week' })
  @Max(60, { message: 'must be between 1 and 60 hours per week' })
  contractHoursPerWeek?: number;

  @ApiPropertyOptional({ enum: LABOUR_RULE_PRESET_NAMES })
  @IsPresentThenValid()
  @IsIn(LABOUR_RULE_PRESET_NAMES, { message: `must be one of ${LABOUR_RULE_PRESET_NAMES.join(', ')}` })
  labourRulePreset?: LabourRulePresetName;

  @ApiPropertyOptional({ example: { minRestHours: 12 }, description: 'Explicit values on top of the preset; replaces the stored set' })
  @IsPresentThenValid()
  @IsObject({ message: 'must be an object such as { "minRestHours": 12 }' })
  labourRules?: LabourRuleValues;
}
