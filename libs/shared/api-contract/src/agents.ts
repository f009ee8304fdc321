import type { PageQuery } from './common';
import type { CoverageWindow, Weekday } from './coverage';
import type { Channel, LanguageSkill, WorkMode } from './vocabulary';

/**
 * One daily window an agent can work, wall-clock `HH:mm` in the AGENT's own zone: `end` at or
 * before `start` runs past midnight into the next day; `24:00` is allowed as an end. Same shape
 * as a coverage window.
 */
export type AvailabilityWindow = CoverageWindow;

/**
 * ISO weekday (1 = Monday … 7 = Sunday) → windows; a weekday missing from the map means not
 * available that day. A window belongs to the weekday it starts on.
 */
export type AvailabilityByWeekday = Partial<Record<Weekday, AvailabilityWindow[]>>;

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
  /** When the agent can be given shifts (a hard rule for the roster generator); null = any time. */
  availability: AvailabilityByWeekday | null;
  /** Set when the agent was deleted while having shifts: kept for history, hidden by default. */
  archivedAt: string | null;
  /** Whether a login exists for this agent. */
  hasLogin: boolean;
  /**
   * The login still has the temporary password an import made, good until then: the agent has
   * not yet signed in to choose their own. Null otherwise.
   */
  passwordExpiresAt: string | null;
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
  /** Windows in the agent's zone; null (the default) = available any time. */
  availability?: AvailabilityByWeekday | null;
  /** When given, a login for the agent is created with this password (at least 8 characters). */
  password?: string;
}

export type UpdateAgentRequest = Partial<Omit<CreateAgentRequest, 'password'>>;

/**
 * `PUT /api/agents/:id/password` (managers): gives the agent a login with this password, or
 * resets the password of the login it has. The agent's sessions end and a sign-in lock-out on
 * its email is lifted, so the agent can sign in with the new password at once.
 */
export interface SetAgentPasswordRequest {
  /** At least 8 characters. */
  password: string;
}

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

/**
 * `POST /api/agents/import` (managers): agents of one team from a CSV whose first line names the
 * columns `name, email, time zone` and optionally `work mode, languages, channels, contract
 * hours, region` (lists separated by `;`, a language as `code:level`). All rows or none.
 */
export interface ImportAgentsRequest {
  teamId: string;
  csv: string;
  /**
   * Also make a login for each agent, with a temporary password that works for 14 days and only
   * to choose their own (default false). The passwords are in the answer, once.
   */
  logins?: boolean;
  /** Only check and answer what would be created (default false). */
  dryRun?: boolean;
}

/** A login made by an import: hand each person theirs; they choose their own password at first sign-in. */
export interface TemporaryLogin {
  agentId: string;
  displayName: string;
  email: string;
  temporaryPassword: string;
  /** When the temporary password stops working (the user's `passwordExpiresAt`). */
  passwordExpiresAt: string;
}

export interface ImportedAgentPreview {
  /** Line of the CSV record (the header is line 1). */
  line: number;
  displayName: string;
  email: string;
  timeZone: string;
  workMode: WorkMode;
  languages: LanguageSkill[];
  channels: Channel[];
  contractHoursPerWeek: number;
  regionName: string | null;
}

export interface ImportAgentsResponse {
  dryRun: boolean;
  agents: ImportedAgentPreview[];
  /** The agents written (empty on a dry run). */
  created: Agent[];
  /** With `logins`: each new agent's login, the only time the passwords are shown (empty otherwise). */
  logins: TemporaryLogin[];
}
