import type { Override as OverrideContract } from '@shiftdesk/shared-api-contract';
import type { Override } from '@shiftdesk/scheduling';
import { fromIso } from '../schedule/instants';
import type { OverrideEntity } from './override.entity';

export function toOverride(entity: OverrideEntity): OverrideContract {
  return {
    id: entity.id,
    teamId: entity.teamId,
    rotationId: entity.rotationId,
    agentId: entity.agentId,
    replacesAgentId: entity.replacesAgentId,
    start: entity.startAt,
    end: entity.endAt,
    timeZone: entity.timeZone,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** Without a rotation the override targets every rotation of its team. */
export function toDomainOverride(entity: OverrideEntity): Override {
  return {
    id: entity.id,
    rotationId: entity.rotationId,
    teamId: entity.rotationId ? null : entity.teamId,
    agentId: entity.agentId,
    replacesAgentId: entity.replacesAgentId,
    start: fromIso(entity.startAt),
    end: fromIso(entity.endAt),
    timeZone: entity.timeZone,
  };
}
