import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  LABOUR_RULE_PRESET_NAMES,
  REQUEST_APPROVAL_POLICIES,
  type RequestApprovalPolicy,
  WEBHOOK_URL_MAX_LENGTH,
  type LabourRulePresetName,
  type LabourRuleValues,
  type UpdateTeamSettingsRequest,
} from '@shiftdesk/shared-api-contract';
import { IsBoolean, IsIn, IsNumber, IsObject, IsString, Max, MaxLength, Min, ValidateIf, registerDecorator } from 'class-validator';
import { IsPresentThenValid, Trim } from '../../../common/validators';

const WEBHOOK_URL_HINT = 'must be an http(s) URL such as https://hooks.example.com/shiftdesk, or null to remove the webhook';

/** Why `value` is not usable as a webhook URL, or null when it is. */
export function webhookUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return WEBHOOK_URL_HINT;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `must use http or https, not ${url.protocol.slice(0, -1)}`;
  if (!url.hostname) return WEBHOOK_URL_HINT;
  return null;
}

/** An absolute http(s) URL (checked with the WHATWG URL parser, as fetch will read it). */
function IsWebhookUrl(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isWebhookUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && webhookUrlProblem(value) === null,
        defaultMessage: (args) => webhookUrlProblem(String(args?.value)) ?? WEBHOOK_URL_HINT,
      },
    });
}

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

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: WEBHOOK_URL_MAX_LENGTH, example: 'https://hooks.example.com/shiftdesk' })
  // null is a value here (it removes the webhook), so only non-null values are checked.
  @ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null)
  @Trim()
  @IsString({ message: WEBHOOK_URL_HINT })
  @MaxLength(WEBHOOK_URL_MAX_LENGTH, { message: `must be at most ${WEBHOOK_URL_MAX_LENGTH} characters long` })
  @IsWebhookUrl()
  webhookUrl?: string | null;

  @ApiPropertyOptional({ enum: REQUEST_APPROVAL_POLICIES, description: 'Who approves swap, give-away and time-off requests' })
  @IsPresentThenValid()
  @IsIn(REQUEST_APPROVAL_POLICIES, { message: `must be one of ${REQUEST_APPROVAL_POLICIES.join(', ')}` })
  requestApproval?: RequestApprovalPolicy;

  @ApiPropertyOptional({ description: 'true replaces the signing secret; the answer carries the new one, once' })
  @IsPresentThenValid()
  @IsBoolean({ message: 'must be true or false' })
  rotateWebhookSecret?: boolean;
}
