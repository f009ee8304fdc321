import { CHANNELS, LANGUAGE_LEVELS, type Agent, type AgentSummary, type AvailabilityByWeekday, type Channel, type LanguageSkill, type WorkMode } from '@shiftdesk/shared-api-contract';
import type { AgentChannelEntity } from './agent-channel.entity';
import type { AgentLanguageEntity } from './agent-language.entity';
import type { AgentEntity } from './agent.entity';

/** What the mapper needs beside the agent row. */
export interface AgentExtras {
  languages: AgentLanguageEntity[];
  channels: AgentChannelEntity[];
  regionName: string | null;
  hasLogin: boolean;
  passwordExpiresAt: string | null;
}

/** Stable order: strongest languages first, then by code; channels in vocabulary order. */
export function sortLanguages(languages: AgentLanguageEntity[]): LanguageSkill[] {
  return [...languages]
    .sort((a, b) => LANGUAGE_LEVELS.indexOf(a.level) - LANGUAGE_LEVELS.indexOf(b.level) || a.code.localeCompare(b.code))
    .map(({ code, level }) => ({ code, level }));
}

export function sortChannels(channels: AgentChannelEntity[]): Channel[] {
  return channels.map((row) => row.channel).sort((a, b) => CHANNELS.indexOf(a) - CHANNELS.indexOf(b));
}

/** The roster view of a colleague: built field by field so a private field can never slip in. */
export function toAgentSummary(entity: AgentEntity, extras: Pick<AgentExtras, 'languages' | 'channels'>): AgentSummary {
  return {
    id: entity.id,
    teamId: entity.teamId,
    displayName: entity.displayName,
    timeZone: entity.timeZone,
    languages: sortLanguages(extras.languages),
    channels: sortChannels(extras.channels),
    active: entity.active,
  };
}

export function toAgent(entity: AgentEntity, extras: AgentExtras): Agent {
  return {
    ...toAgentSummary(entity, extras),
    email: entity.email,
    regionId: entity.regionId,
    regionName: extras.regionName,
    workMode: entity.workMode,
    contractHoursPerWeek: entity.contractHoursPerWeek,
    availability: parseAvailability(entity.availability),
    archivedAt: entity.archivedAt,
    hasLogin: extras.hasLogin,
    passwordExpiresAt: extras.passwordExpiresAt,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** What a new agent is made of; the rest of its row has the same value for every new agent. */
export interface NewAgentFields {
  id: string;
  teamId: string;
  displayName: string;
  email: string;
  timeZone: string;
  workMode: WorkMode;
  contractHoursPerWeek: number;
  /** Default: none. */
  regionId?: string | null;
  /** Default: true. */
  active?: boolean;
  /** Default: null (available any time). */
  availability?: AvailabilityByWeekday | null;
}

/**
 * The row of a new agent (`now` an ISO instant), for every way one is made: the agents API, the
 * CSV import and schedule imports, so a new column is filled in one place.
 */
export function toNewAgentEntity(fields: NewAgentFields, now: string): AgentEntity {
  return {
    id: fields.id,
    teamId: fields.teamId,
    displayName: fields.displayName,
    email: fields.email,
    timeZone: fields.timeZone,
    regionId: fields.regionId ?? null,
    workMode: fields.workMode,
    contractHoursPerWeek: fields.contractHoursPerWeek,
    active: fields.active ?? true,
    availability: serializeAvailability(fields.availability ?? null),
    archivedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The stored JSON text of an agent's availability; NULL (any time) stays null. */
export function parseAvailability(text: string | null): AvailabilityByWeekday | null {
  return text === null ? null : (JSON.parse(text) as AvailabilityByWeekday);
}

/**
 * JSON text to store for a validated availability: weekdays ascending, windows keeping only
 * `start` and `end` in the order given; null stays null.
 */
export function serializeAvailability(availability: AvailabilityByWeekday | null): string | null {
  if (availability === null) return null;
  const entries = Object.entries(availability)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([day, windows]) => [day, (windows ?? []).map((w) => ({ start: w.start, end: w.end }))]);
  return JSON.stringify(Object.fromEntries(entries));
}
