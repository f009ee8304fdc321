import { OmitType } from '@nestjs/swagger';
import type { UpdateCoverageRuleRequest } from '@shiftdesk/shared-api-contract';
import { CreateCoverageRuleDto } from './create-coverage-rule.dto';

/** Given fields replace the stored ones; the merged rule is validated as a whole. */
export class UpdateCoverageRuleDto extends OmitType(CreateCoverageRuleDto, ['preset', 'weekdays'] as const) implements UpdateCoverageRuleRequest {}
