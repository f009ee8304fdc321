import { AgentChannelEntity } from '../modules/agents/agent-channel.entity';
import { AgentLanguageEntity } from '../modules/agents/agent-language.entity';
import { AgentEntity } from '../modules/agents/agent.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { RegionEntity } from '../modules/regions/region.entity';
import { ShiftEntity } from '../modules/shifts/shift.entity';
import { ManagerTeamEntity } from '../modules/teams/manager-team.entity';
import { TeamEntity } from '../modules/teams/team.entity';
import { InitialSchema1767225600000 } from './migrations/1767225600000-initial-schema';

// Listed explicitly: glob discovery finds nothing once webpack has bundled the app.
export const ENTITIES = [
  RegionEntity,
  TeamEntity,
  ManagerTeamEntity,
  AgentEntity,
  AgentLanguageEntity,
  AgentChannelEntity,
  UserEntity,
  SessionEntity,
  ShiftEntity,
];

/** In order of their timestamps; later issues append here. */
export const MIGRATIONS = [InitialSchema1767225600000];
