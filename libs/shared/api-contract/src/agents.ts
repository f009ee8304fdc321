import type { PageQuery } from './common';
import type { Channel, LanguageSkill, WorkMode } from './vocabulary';

/**
 * What every member of a team may see about a colleague: enough to read the roster.
 * No email, contract, region or pay.
 */
export interface AgentSummary {
  id: string;
  teamId: string;
  displayName: string;
  timeZone: string;
  languages: LanguageSkill[];
  channels: Channel[];
  active: boolean;
}

/** The full agent record: managers of the team, and the agent about themself. */
export interface Agent extends AgentSummary {
  email: string;
  regionId: string | null;
  regionName: string | null;
  workMode: WorkMode;
  contractHoursPerWeek: number;
  /** Set when the agent was deleted while having shifts: kept for history, hidden by default. */
  archivedAt: string | null;
  /** Whether a login exists for this agent. */
  hasLogin: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateAgentRequest {
  teamId: string;
  displayName: string;
  email: string;
  timeZone: string;
  regionId?: string | null;
  workMode: WorkMode;
  languages: LanguageSkill[];
  channels: Channel[];
  contractHoursPerWeek: number;
  active?: boolean;
  /** When given, a login for the agent is created with this password (at least 8 characters). */
  password?: string;
}

export type UpdateAgentRequest = Partial<Omit<CreateAgentRequest, 'password'>>;

export interface ListAgentsQuery extends PageQuery {
  teamId?: string;
  /** Case-insensitive match on name or email. */
  search?: string;
  language?: string;
  channel?: Channel;
  workMode?: WorkMode;
  regionId?: string;
  active?: boolean;
  includeArchived?: boolean;
}

/** What `DELETE /api/agents/:id` did: agents with shifts are archived, others removed. */
export interface DeleteAgentResponse {
  outcome: 'deleted' | 'archived';
}

/** An agent's own profile (`GET /api/me/profile`). */
export type MyProfile = Agent;
