import type { GapAlert } from '@shiftdesk/shared-api-contract';
import type { GapAlertEntity } from './gap-alert.entity';

export function toGapAlert(entity: GapAlertEntity): GapAlert {
  return {
    id: entity.id,
    teamId: entity.teamId,
    ruleId: entity.ruleId,
    ruleName: entity.ruleName,
    severity: entity.severity,
    start: entity.startAt,
    end: entity.endAt,
    required: entity.required,
    present: entity.present,
    status: entity.status,
    firstSeenAt: entity.firstSeenAt,
    lastSeenAt: entity.lastSeenAt,
    resolvedAt: entity.resolvedAt,
    acknowledgedAt: entity.acknowledgedAt,
  };
}
