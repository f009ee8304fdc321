import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  CHANNELS,
  DEFAULT_COVERAGE_GRANULARITY_MINUTES,
  type Channel,
  type CoverageQuery,
  type CoverageResponse,
  type Gap as GapContract,
  type GapCandidatesQuery,
  type GapCandidatesResponse,
  type GapsQuery,
  type GapsResponse,
  type ScheduleResponse,
  type StaffingQuery,
  type StaffingResponse,
  type ViolationsResponse,
  type WindowQuery,
} from '@shiftdesk/shared-api-contract';
import {
  checkLabourRules,
  computeCoverage,
  findCandidatesForGap,
  findGaps,
  getLocalDate,
  summarizeCoverage,
  summarizeTeamStaffing,
  type Coverage,
  type Gap,
  type Instant,
} from '@shiftdesk/scheduling';
import { apiError } from '../../common/api-error';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { toScheduledShift } from '../shifts/shift.mapper';
import { DAY_MS, fromIso, toIso } from './instants';
import { badField } from './schedule-errors';
import { UnavailabilitySpanEntity } from '../feeds/unavailability-span.entity';
import { scheduleCsv } from './schedule-csv';
import { ScheduleSource } from './schedule-source.service';
import { ScheduleViewCache } from './schedule-view-cache.service';
import { localLabel, mondayOf, resolveWindow } from './time-window';

/** Longest look-back for labour checks: the EU preset averages over 17 weeks. */
const MAX_LOOKBACK_WEEKS = 17;
/** Largest coverage answer (92 days at 15 min is 8,832 buckets); finer grids need shorter windows. */
const MAX_COVERAGE_BUCKETS = 10_000;

/**
 * The read side: every view is computed from the one resolved schedule. Schedule, coverage and
 * gaps of a window are reused while the team's schedule version stands (ScheduleViewCache).
 */
@Injectable()
export class ScheduleService {
  constructor(
    private readonly source: ScheduleSource,
    private readonly views: ScheduleViewCache,
  ) {}

  /** Final shifts over [from, to); agents see published shifts only. */
  async schedule(user: AuthenticatedUser, teamId: string, query: WindowQuery): Promise<ScheduleResponse> {
    const team = await this.source.readableTeam(user, teamId);
    const { from, to } = resolveWindow({ ...query, zone: team.timeZone, now: Date.now() });
    const drafts = user.role === 'manager';
    return this.views.get(teamId, `schedule|${from}|${to}|${drafts}`, async () => {
      const shifts = await this.source.resolve(this.source.manager, { teamId, from, to });
      const visible = drafts ? shifts : shifts.filter((shift) => shift.status === 'published');
      return { teamId, from: toIso(from), to: toIso(to), shifts: visible.map(toScheduledShift) };
    });
  }

  /**
   * The same shifts as `schedule`, as CSV with names and every time on three clocks (team,
   * agent, UTC). Agents get published shifts only, as on the board.
   */
  async scheduleCsv(user: AuthenticatedUser, teamId: string, query: WindowQuery): Promise<{ csv: string; from: string; to: string }> {
    const team = await this.source.readableTeam(user, teamId);
    const { from, to } = resolveWindow({ ...query, zone: team.timeZone, now: Date.now() });
    const shifts = await this.source.resolve(this.source.manager, { teamId, from, to });
    const visible = user.role === 'manager' ? shifts : shifts.filter((shift) => shift.status === 'published');
    const { agents } = await this.source.loadAgents(this.source.manager, teamId);
    const csv = scheduleCsv({ teamZone: team.timeZone, shifts: visible, agents: new Map(agents.map((agent) => [agent.id, agent])) });
    return { csv, from: getLocalDate(from, team.timeZone), to: getLocalDate(to - 1, team.timeZone) };
  }

  /** Per bucket: agents on shift (minus breaks), per channel, and each rule's required vs present. */
  async coverage(user: AuthenticatedUser, teamId: string, query: CoverageQuery): Promise<CoverageResponse> {
    const team = await this.source.readableTeam(user, teamId);
    const tz = query.tz ?? team.timeZone;
    const { from, to } = resolveWindow({ ...query, zone: team.timeZone, now: Date.now() });
    const granularityMinutes = query.granularity ?? DEFAULT_COVERAGE_GRANULARITY_MINUTES;
    if ((to - from) / (granularityMinutes * 60_000) > MAX_COVERAGE_BUCKETS) {
      throw badField('granularity', `${granularityMinutes}-minute buckets over this window exceed ${MAX_COVERAGE_BUCKETS} buckets; use a coarser granularity or a shorter window`);
    }
    return this.views.get(teamId, `coverage|${from}|${to}|${granularityMinutes}|${tz}`, () => this.coverageView(teamId, { from, to, granularityMinutes, tz }));
  }

  private async coverageView(teamId: string, query: { from: Instant; to: Instant; granularityMinutes: number; tz: string }): Promise<CoverageResponse> {
    const { from, to, granularityMinutes, tz } = query;
    const coverage = await this.compute(teamId, from, to, granularityMinutes);
    const buckets = [];
    const step = granularityMinutes * 60_000;
    for (let i = 0; i < coverage.bucketCount; i += 1) {
      const start = from + i * step;
      const channels = {} as Record<Channel, number>;
      for (const channel of CHANNELS) channels[channel] = coverage.channels.find((series) => series.channel === channel)?.counts[i] ?? 0;
      buckets.push({
        start: toIso(start),
        end: toIso(Math.min(to, start + step)),
        localStart: localLabel(start, tz),
        agents: coverage.total[i],
        channels,
        rules: coverage.rules.map((rule) => ({ ruleId: rule.ruleId, required: rule.required[i], present: rule.present[i], met: rule.present[i] >= rule.required[i] })),
      });
    }
    return { teamId, from: toIso(from), to: toIso(to), tz, granularityMinutes, rules: summarizeCoverage(coverage), buckets };
  }

  /** Maximal runs where a rule is not met, with local times in `tz`. */
  async gaps(user: AuthenticatedUser, teamId: string, query: GapsQuery): Promise<GapsResponse> {
    const team = await this.source.readableTeam(user, teamId);
    const tz = query.tz ?? team.timeZone;
    const { from, to } = resolveWindow({ ...query, zone: team.timeZone, now: Date.now() });
    const warnings = query.warnings ?? true;
    return this.views.get(teamId, `gaps|${from}|${to}|${tz}|${warnings}`, async () => {
      const gaps = await this.findTeamGaps(teamId, from, to, warnings);
      return { teamId, from: toIso(from), to: toIso(to), tz, gaps: gaps.map((gap) => toGap(gap, tz)) };
    });
  }

  /** Gaps of a team over [from, to) at the default granularity; shared with the gap scan. */
  async findTeamGaps(teamId: string, from: Instant, to: Instant, includeSinglePoint: boolean): Promise<Gap[]> {
    const coverage = await this.compute(teamId, from, to, DEFAULT_COVERAGE_GRANULARITY_MINUTES);
    return findGaps({ coverage, includeSinglePoint });
  }

  /** Who could fill [start, end) for a rule: right language and channel, free, breaking no labour rule. */
  async candidates(user: AuthenticatedUser, teamId: string, query: GapCandidatesQuery): Promise<GapCandidatesResponse> {
    await this.source.managedTeamForRead(user, teamId);
    const start = fromIso(query.start);
    const end = fromIso(query.end);
    if (!(end > start)) throw badField('end', 'must be after start');
    if (end - start > DAY_MS) throw badField('end', 'a gap to fill may span at most 24 h; split longer gaps');
    const manager = this.source.manager;
    const rule = (await this.source.loadRules(manager, teamId)).find((candidate) => candidate.id === query.ruleId);
    if (!rule) throw new NotFoundException(`No coverage rule with id ${query.ruleId} in this team`);
    const settings = await this.source.loadSettings(manager, teamId);
    const { agents } = await this.source.loadAgents(manager, teamId);
    // A week either side, so rest, weekly hours and consecutive days see the neighbours.
    const shifts = await this.source.resolve(manager, { teamId, from: start - 8 * DAY_MS, to: end + 8 * DAY_MS });
    const gap: Gap = {
      id: `gap:${rule.id}:${toIso(start)}`,
      ruleId: rule.id,
      ruleName: rule.name,
      severity: rule.language ? 'language' : rule.channel ? 'channel' : 'understaffed',
      level: 'error',
      start,
      end,
      required: rule.minAgents,
      present: 0,
      shortfallAgentHours: 0,
      ...(rule.language ? { language: rule.language } : {}),
      ...(rule.channel ? { channel: rule.channel } : {}),
    };
    // Imported calendars (issue 6): an agent busy during the gap is not offered to fill it.
    const busy = await manager
      .createQueryBuilder(UnavailabilitySpanEntity, 'span')
      .where('span.agent_id IN (:...ids)', { ids: agents.length > 0 ? agents.map((agent) => agent.id) : [''] })
      .andWhere('span.start_at < :end AND span.end_at > :start', { start: toIso(start), end: toIso(end) })
      .getMany();
    const unavailable = busy.map((span) => ({ agentId: span.agentId, start: fromIso(span.startAt), end: fromIso(span.endAt) }));
    const candidates = findCandidatesForGap({ gap, agents, shifts, labourRules: this.source.labourRulesOf(settings), unavailable });
    return {
      ruleId: rule.id,
      start: toIso(start),
      end: toIso(end),
      candidates: candidates.map((c) => ({
        agentId: c.agentId,
        displayName: c.displayName,
        fill: c.fill,
        extendsShiftIds: c.extendsShiftIds,
        proposedShift: { start: toIso(c.proposedShift.start), end: toIso(c.proposedShift.end) },
        weekHoursBefore: c.weekHoursBefore,
        contractHoursPerWeek: c.contractHoursPerWeek,
        headroomHours: c.headroomHours,
        languageLevel: c.languageLevel ?? null,
      })),
    };
  }

  /**
   * Labour-rule violations overlapping [from, to) under the team's rules. Shifts from a week
   * before `from` (or the averaging period, up to 17 weeks) and a week after `to` are loaded so
   * rest, consecutive days and averages are exact at the window's edges.
   */
  async violations(user: AuthenticatedUser, teamId: string, query: WindowQuery): Promise<ViolationsResponse> {
    const team = await this.source.managedTeamForRead(user, teamId);
    const { from, to } = resolveWindow({ ...query, zone: team.timeZone, now: Date.now() });
    const manager = this.source.manager;
    const settings = await this.source.loadSettings(manager, teamId);
    const rules = this.source.labourRulesOf(settings);
    const lookbackWeeks = Math.min(MAX_LOOKBACK_WEEKS, Math.max(1, rules.defaults.averagingWeeks ?? 1));
    const { agents, names } = await this.source.loadAgents(manager, teamId);
    const shifts = await this.source.resolve(manager, { teamId, from: from - lookbackWeeks * 7 * DAY_MS, to: to + 7 * DAY_MS });
    const violations = checkLabourRules({ agents, shifts, rules, from, to });
    return {
      teamId,
      from: toIso(from),
      to: toIso(to),
      violations: violations.map((v) => ({
        agentId: v.agentId,
        agentName: names.get(v.agentId) ?? v.agentId,
        code: v.code,
        shiftIds: v.shiftIds,
        message: v.message,
        start: toIso(v.start),
        end: toIso(v.end),
        actual: v.actual,
        limit: v.limit,
      })),
    };
  }

  /** Seat-hours and head-count per rule vs the agents the team has, with the team's shrinkage. */
  async staffing(user: AuthenticatedUser, teamId: string, query: StaffingQuery): Promise<StaffingResponse> {
    const team = await this.source.managedTeamForRead(user, teamId);
    const manager = this.source.manager;
    const settings = await this.source.loadSettings(manager, teamId);
    const weekStart = query.weekStart ?? mondayOf(Date.now(), team.timeZone);
    const summary = summarizeTeamStaffing({
      rules: await this.source.loadRules(manager, teamId),
      agents: (await this.source.loadAgents(manager, teamId)).agents,
      weekStart,
      shrinkage: settings.shrinkage,
      contractHoursPerWeek: settings.contractHoursPerWeek,
    });
    if (!summary.ok) throw new BadRequestException(apiError(400, `${summary.field ?? 'settings'}: ${summary.message}`));
    const value = summary.value;
    return {
      teamId,
      weekStart: value.weekStart,
      shrinkage: settings.shrinkage,
      contractHoursPerWeek: settings.contractHoursPerWeek,
      rules: value.rules.map((rule) => ({
        ruleId: rule.ruleId,
        ruleName: rule.ruleName,
        seatHoursPerWeek: rule.seatHoursPerWeek,
        contractHoursPerWeek: rule.contractHoursPerWeek,
        shrinkage: rule.shrinkage,
        productiveHoursPerAgent: rule.productiveHoursPerAgent,
        headCount: rule.headCount,
        agentsNeeded: rule.agentsNeeded,
        eligibleAgents: rule.eligibleAgents,
        eligibleProductiveHours: rule.eligibleProductiveHours,
        shortfallAgents: rule.shortfallAgents,
      })),
      seatHoursPerWeek: value.seatHoursPerWeek,
      headCount: value.headCount,
      agentsNeeded: value.agentsNeeded,
      activeAgents: value.activeAgents,
      productiveHours: value.productiveHours,
      shortfallAgents: value.shortfallAgents,
    };
  }

  private async compute(teamId: string, from: Instant, to: Instant, granularityMinutes: number): Promise<Coverage> {
    const manager = this.source.manager;
    const [shifts, { agents }, rules] = await Promise.all([
      this.source.resolve(manager, { teamId, from, to }),
      this.source.loadAgents(manager, teamId),
      this.source.loadRules(manager, teamId),
    ]);
    const coverage = computeCoverage({ from, to, granularityMinutes, shifts, agents, rules });
    if (!coverage.ok) throw badField(coverage.reason === 'invalid-granularity' ? 'granularity' : 'to', coverage.message);
    return coverage.value;
  }
}

function toGap(gap: Gap, tz: string): GapContract {
  return {
    id: gap.id,
    ruleId: gap.ruleId,
    ruleName: gap.ruleName,
    severity: gap.severity,
    level: gap.level,
    start: toIso(gap.start),
    end: toIso(gap.end),
    localStart: localLabel(gap.start, tz),
    localEnd: localLabel(gap.end, tz),
    required: gap.required,
    present: gap.present,
    shortfallAgentHours: gap.shortfallAgentHours,
    language: gap.language ? { ...gap.language } : null,
    channel: gap.channel ?? null,
  };
}
