import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_SHRINKAGE, type LabourRuleValues, type TeamSettings } from '@shiftdesk/shared-api-contract';
import {
  DEFAULT_LABOUR_RULES,
  LABOUR_RULE_PRESETS,
  resolveLabourRules,
  resolveSchedule,
  type CoverageRule,
  type Instant,
  type LabourRulesSet,
  type Rotation,
  type SchedulingAgent,
  type Shift,
  type SwapApplied,
  type TimeOff,
} from '@shiftdesk/scheduling';
import { DataSource, type EntityManager, In, IsNull, LessThan, MoreThan } from 'typeorm';
import { AgentChannelEntity } from '../agents/agent-channel.entity';
import { AgentLanguageEntity } from '../agents/agent-language.entity';
import { AgentEntity } from '../agents/agent.entity';
import { parseAvailability, sortChannels, sortLanguages } from '../agents/agent.mapper';
import { assertCanReadTeam, assertManagesTeam, type AuthenticatedUser } from '../auth/authenticated-user';
import { CoverageRuleEntity } from '../coverage/coverage-rule.entity';
import { toCoverageRule, toDomainCoverageRule } from '../coverage/coverage-rule.mapper';
import { TeamSettingsEntity } from '../coverage/team-settings.entity';
import { OverrideEntity } from '../overrides/override.entity';
import { toDomainOverride } from '../overrides/override.mapper';
import { RotationAgentEntity } from '../rotations/rotation-agent.entity';
import { RotationEntity } from '../rotations/rotation.entity';
import { toDomainRotation, toRotation } from '../rotations/rotation.mapper';
import { parseBreaks } from '../shifts/shift.mapper';
import { ShiftRequestEntity } from '../requests/shift-request.entity';
import { TeamEntity } from '../teams/team.entity';
import { placeholders } from '../../database/raw-sql';
import { DAY_MS, fromIso, toIso } from './instants';

/** A row of `shifts` as the driver returns it. */
interface ShiftRow {
  id: string;
  agent_id: string;
  start_at: string;
  end_at: string;
  time_zone: string;
  channel: string | null;
  label: string | null;
  breaks: string;
  status: string;
  locked: boolean | number;
}

export const DEFAULT_CONTRACT_HOURS = 40;

export interface ResolveInput {
  teamId: string;
  from: Instant;
  to: Instant;
  /** Also pull in this agent's manual shifts filed under other teams (overlap checks). */
  agentId?: string;
  /** Leave these approved requests out (the schedule "before" a request, for its impact). */
  without?: readonly string[];
  /** Apply these on top of the approved requests (the schedule "after" a request under review). */
  with?: { swaps?: readonly SwapApplied[]; timeOff?: readonly TimeOff[] };
}

/** The shift moves an approved swap or give-away makes, in order. */
export function swapsOf(row: Pick<ShiftRequestEntity, 'kind' | 'shiftId' | 'targetShiftId' | 'requesterAgentId' | 'targetAgentId'>): SwapApplied[] {
  if (row.kind === 'time-off' || !row.shiftId || !row.targetAgentId) return [];
  const moves: SwapApplied[] = [{ shiftId: row.shiftId, fromAgentId: row.requesterAgentId, toAgentId: row.targetAgentId }];
  if (row.kind === 'swap' && row.targetShiftId) moves.push({ shiftId: row.targetShiftId, fromAgentId: row.targetAgentId, toAgentId: row.requesterAgentId });
  return moves;
}

/** A shift that comes from a rotation turn, directly or handed over by an override. */
const isPlannedTurn = (shift: Shift): boolean => shift.source === 'rotation' || shift.source === 'override';

/**
 * Loads a team's scheduling data from the database and maps it to the pure domain: every
 * consumer (schedule, coverage, gaps, violations, overlap checks, the gap scan) reads the final
 * schedule through `resolve`, the one resolution step.
 */
@Injectable()
export class ScheduleSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** The team, if the caller may read it (managers of it, its agents); else 403/404. */
  async readableTeam(user: AuthenticatedUser, teamId: string): Promise<TeamEntity> {
    assertCanReadTeam(user, teamId);
    return this.loadTeam(teamId);
  }

  /** The team, if the caller manages it; agents get 403 (the role guard usually answers first). */
  async managedTeam(user: AuthenticatedUser, teamId: string): Promise<TeamEntity> {
    assertManagesTeam(user, teamId);
    return this.loadTeam(teamId);
  }

  /** Managers only, for views that reveal colleagues' hours and contracts. */
  async managedTeamForRead(user: AuthenticatedUser, teamId: string): Promise<TeamEntity> {
    if (user.role !== 'manager') throw new ForbiddenException('Only managers of this team may see this');
    return this.managedTeam(user, teamId);
  }

  async loadTeam(teamId: string): Promise<TeamEntity> {
    const team = await this.dataSource.getRepository(TeamEntity).findOneBy({ id: teamId });
    if (!team) throw new NotFoundException(`No team with id ${teamId}`);
    return team;
  }

  /** Non-archived agents of the team (inactive ones included, flagged), as the domain sees them. */
  async loadAgents(manager: EntityManager, teamId: string): Promise<{ agents: SchedulingAgent[]; names: Map<string, string> }> {
    const rows = await manager.find(AgentEntity, { where: { teamId, archivedAt: IsNull() }, order: { displayName: 'ASC', id: 'ASC' } });
    const ids = rows.map((row) => row.id);
    // Sequential: inside a transaction `manager` is one PostgreSQL client, which runs one query at a time.
    const languages = ids.length === 0 ? [] : await manager.findBy(AgentLanguageEntity, { agentId: In(ids) });
    const channels = ids.length === 0 ? [] : await manager.findBy(AgentChannelEntity, { agentId: In(ids) });
    // Grouped once: filtering both lists per agent is quadratic (500 agents, 1,000 skills).
    const languagesOf = groupBy(languages, (l) => l.agentId);
    const channelsOf = groupBy(channels, (c) => c.agentId);
    const agents = rows.map((row) => ({
      id: row.id,
      displayName: row.displayName,
      timeZone: row.timeZone,
      languages: sortLanguages(languagesOf.get(row.id) ?? []),
      channels: sortChannels(channelsOf.get(row.id) ?? []),
      contractHoursPerWeek: row.contractHoursPerWeek,
      active: row.active,
      availability: parseAvailability(row.availability),
    }));
    return { agents, names: new Map(rows.map((row) => [row.id, row.displayName])) };
  }

  /** Every rotation version of the team with its ordered agents, in the contract shape. */
  async loadRotations(manager: EntityManager, teamId: string) {
    const rows = await manager.find(RotationEntity, { where: { teamId }, order: { startDate: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    const agentIds = await this.loadRotationAgents(manager, rows.map((row) => row.id));
    return rows.map((row) => toRotation(row, agentIds.get(row.id) ?? []));
  }

  async loadRotationAgents(manager: EntityManager, rotationIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (rotationIds.length === 0) return result;
    const links = await manager.find(RotationAgentEntity, { where: { rotationId: In(rotationIds) }, order: { rotationId: 'ASC', position: 'ASC' } });
    for (const link of links) result.set(link.rotationId, [...(result.get(link.rotationId) ?? []), link.agentId]);
    return result;
  }

  async loadDomainRotations(manager: EntityManager, teamId: string): Promise<Rotation[]> {
    return (await this.loadRotations(manager, teamId)).map((rotation) => toDomainRotation(rotation));
  }

  async loadRules(manager: EntityManager, teamId: string): Promise<CoverageRule[]> {
    const rows = await manager.find(CoverageRuleEntity, { where: { teamId }, order: { name: 'ASC', id: 'ASC' } });
    return rows.map((row) => toDomainCoverageRule(toCoverageRule(row)));
  }

  /**
   * The final schedule of a team over [from, to): manual shifts + rotations + overrides, through
   * `resolveSchedule`, with approved swaps, give-aways and time off applied.
   */
  async resolve(manager: EntityManager, input: ResolveInput): Promise<Shift[]> {
    const { teamId, from, to } = input;
    const manual = await this.loadManualShifts(manager, { teamId, from, to, agentId: input.agentId });
    // An override just outside the window can still cut a rotation shift that reaches into it
    // (shifts last at most a day).
    const overrides = await manager.find(OverrideEntity, {
      where: { teamId, startAt: LessThan(toIso(to + DAY_MS)), endAt: MoreThan(toIso(from - DAY_MS)) },
    });
    const rotations = await this.loadDomainRotations(manager, teamId);
    const applied = await this.loadAppliedRequests(manager, teamId, from, to, input.without);
    const resolved = resolveSchedule({
      shifts: manual,
      rotations,
      overrides: overrides.map(toDomainOverride),
      swaps: [...applied.swaps, ...(input.with?.swaps ?? [])],
      timeOff: [...applied.timeOff, ...(input.with?.timeOff ?? [])],
      from,
      to,
    });
    const unavailable = await this.unavailableAgentIds(manager, resolved);
    return unavailable.size === 0 ? resolved : resolved.filter((shift) => !isPlannedTurn(shift) || !unavailable.has(shift.agentId));
  }

  /**
   * Manual shifts of the team (and of `agentId` in any team) intersecting [from, to), as domain
   * shifts. Hand-written SQL: a month of a 500-agent team is ~15,000 rows, a year-long feed window
   * far more, and entity hydration cost more than the query. The lower bound on `start_at` lets
   * the (team_id, start_at) index stop early: no shift starts more than 2 days before it ends
   * (24 h at most on the wall clock, 25 h across a DST change).
   */
  async loadManualShifts(manager: EntityManager, input: { teamId: string; from: Instant; to: Instant; agentId?: string }): Promise<Shift[]> {
    const p = placeholders(manager);
    const columns = '"id", "agent_id", "start_at", "end_at", "time_zone", "channel", "label", "breaks", "status", "locked"';
    const bounds = (n: number) => `"start_at" < ${p(n)} AND "start_at" > ${p(n + 1)} AND "end_at" > ${p(n + 2)}`;
    const window = [toIso(input.to), toIso(input.from - 2 * DAY_MS), toIso(input.from)];
    const rows = (await (input.agentId
      ? manager.query(`SELECT ${columns} FROM "shifts" WHERE "team_id" = ${p(1)} AND ${bounds(2)} UNION SELECT ${columns} FROM "shifts" WHERE "agent_id" = ${p(5)} AND ${bounds(6)}`, [
          input.teamId,
          ...window,
          input.agentId,
          ...window,
        ])
      : manager.query(`SELECT ${columns} FROM "shifts" WHERE "team_id" = ${p(1)} AND ${bounds(2)}`, [input.teamId, ...window]))) as ShiftRow[];
    return rows.map((row) => ({
      id: row.id,
      agentId: row.agent_id,
      start: fromIso(row.start_at),
      end: fromIso(row.end_at),
      timeZone: row.time_zone,
      channel: row.channel as Shift['channel'],
      label: row.label,
      breaks: row.breaks === '[]' ? [] : parseBreaks(row.breaks).map((b) => ({ start: fromIso(b.start), end: fromIso(b.end) })),
      status: row.status as Shift['status'],
      source: 'manual',
      // SQLite answers 0/1, PostgreSQL a boolean.
      locked: row.locked === true || row.locked === 1,
    }));
  }

  /** Approved time off of the team's agents touching [from, to) (the roster generator keeps them free). */
  async approvedTimeOff(manager: EntityManager, teamId: string, from: Instant, to: Instant): Promise<TimeOff[]> {
    return (await this.loadAppliedRequests(manager, teamId, from, to)).timeOff.filter((off) => off.start < to && off.end > from);
  }

  /**
   * Approved requests touching [from − 1 day, to + 1 day) (shifts last at most a day, so a swap of
   * a shift reaching into the window is seen): swaps and give-aways in the order they were
   * approved (a shift swapped twice ends with the last receiver), and approved time off.
   */
  private async loadAppliedRequests(manager: EntityManager, teamId: string, from: Instant, to: Instant, without: readonly string[] = []): Promise<{ swaps: SwapApplied[]; timeOff: TimeOff[] }> {
    const rows = await manager.find(ShiftRequestEntity, {
      where: { teamId, state: 'approved', spanStart: LessThan(toIso(to + DAY_MS)), spanEnd: MoreThan(toIso(from - DAY_MS)) },
      order: { appliedSeq: 'ASC', id: 'ASC' },
    });
    const swaps: SwapApplied[] = [];
    const timeOff: TimeOff[] = [];
    for (const row of rows) {
      if (without.includes(row.id)) continue;
      swaps.push(...swapsOf(row));
      if (row.kind === 'time-off' && row.timeOffStart && row.timeOffEnd) {
        timeOff.push({ id: row.id, agentId: row.requesterAgentId, start: fromIso(row.timeOffStart), end: fromIso(row.timeOffEnd) });
      }
    }
    return { swaps, timeOff };
  }

  /**
   * Agents among the shifts' who are archived or inactive. Their rotation turns (and overrides
   * handing them a turn) are dropped AFTER resolution rather than taken out of the rotation's
   * agent list: the turn order of everyone else stays as published, and the turn becomes an
   * uncovered occurrence that shows up as a gap (and a gap alert) for a manager to fill with an
   * override. Manual shifts stay: they are what was explicitly booked (and history).
   */
  private async unavailableAgentIds(manager: EntityManager, shifts: Shift[]): Promise<Set<string>> {
    const ids = [...new Set(shifts.filter(isPlannedTurn).map((shift) => shift.agentId))];
    if (ids.length === 0) return new Set();
    const rows = await manager.find(AgentEntity, { select: { id: true, active: true, archivedAt: true }, where: { id: In(ids) } });
    return new Set(rows.filter((row) => !row.active || row.archivedAt !== null).map((row) => row.id));
  }

  async loadSettings(manager: EntityManager, teamId: string): Promise<TeamSettings> {
    const row = await manager.findOneBy(TeamSettingsEntity, { teamId });
    if (!row) {
      return { teamId, shrinkage: DEFAULT_SHRINKAGE, contractHoursPerWeek: DEFAULT_CONTRACT_HOURS, labourRulePreset: 'default', labourRules: {}, webhookUrl: null, webhookSecretSet: false, requestApproval: 'manager' };
    }
    return {
      teamId,
      shrinkage: row.shrinkage,
      contractHoursPerWeek: row.contractHoursPerWeek,
      labourRulePreset: row.labourRulePreset,
      labourRules: JSON.parse(row.labourRules) as LabourRuleValues,
      webhookUrl: row.webhookUrl,
      // Never the secret itself: it is shown once, in the answer that generated it.
      webhookSecretSet: row.webhookSecret !== null,
      requestApproval: row.requestApproval,
    };
  }

  /** Team labour rules: the preset (or Shiftdesk defaults) with the team's explicit values on top. */
  labourRulesOf(settings: TeamSettings): LabourRulesSet {
    const base = settings.labourRulePreset === 'default' ? DEFAULT_LABOUR_RULES : LABOUR_RULE_PRESETS[settings.labourRulePreset];
    return { defaults: resolveLabourRules({ base, teamDefaults: settings.labourRules }) };
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
