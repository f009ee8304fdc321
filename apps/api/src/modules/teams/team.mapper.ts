import type { Team } from '@shiftdesk/shared-api-contract';
import type { TeamEntity } from './team.entity';

export function toTeam(entity: TeamEntity, agentCount: number): Team {
  return {
    id: entity.id,
    name: entity.name,
    description: entity.description,
    timeZone: entity.timeZone,
    agentCount,
    createdAt: entity.createdAt,
  };
}
