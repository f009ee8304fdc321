import { LocalDate, Result, SchedulingAgent } from '../model/types';
import { CoverageLanguageRequirement, CoverageRule, expandCoverageRule, flattenDemand } from '../coverage/coverage-rule';
import { addCalendarDays, getStartOfLocalDay, isLocalDate } from '../time';

/** Team default share of contract hours lost to leave, sickness, training and breaks. */
export const DEFAULT_SHRINKAGE = 0.3;

const HOUR_MS = 3_600_000;
const LEVELS = ['native', 'fluent', 'basic'] as const;

/**
 * What one rule asks for in one real week. `headCount` is exact (rounded to 6 decimals to hide
 * floating-point dust, so 168 ÷ 28 is 6, not 6.000000000000001); `agentsNeeded` rounds it up.
 */
export interface StaffingNeed {
  ruleId: string;
  ruleName: string;
  /** First local date of the week, in the rule's zone. */
  weekStart: LocalDate;
  /** Σ (window hours × head-count) over [weekStart 00:00, +7 days 00:00) local, in the rule's zone. */
  seatHoursPerWeek: number;
  contractHoursPerWeek: number;
  shrinkage: number;
  /** Productive hours one agent gives per week: contract × (1 − shrinkage). */
  productiveHoursPerAgent: number;
  headCount: number;
  agentsNeeded: number;
}

export type StaffingErrorReason = 'invalid-shrinkage' | 'invalid-contract-hours' | 'invalid-date';

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function validateInputs(input: { contractHoursPerWeek: number; shrinkage: number; weekStart: LocalDate }) {
  if (!(typeof input.shrinkage === 'number' && input.shrinkage >= 0 && input.shrinkage <= 0.9)) {
    return { ok: false as const, reason: 'invalid-shrinkage' as const, field: 'shrinkage', message: 'shrinkage must be between 0 and 0.9' };
  }
  if (!(typeof input.contractHoursPerWeek === 'number' && input.contractHoursPerWeek > 0 && input.contractHoursPerWeek <= 168)) {
    return {
      ok: false as const,
      reason: 'invalid-contract-hours' as const,
      field: 'contractHoursPerWeek',
      message: 'contractHoursPerWeek must be more than 0 and at most 168',
    };
  }
  if (!isLocalDate(input.weekStart)) {
    return { ok: false as const, reason: 'invalid-date' as const, field: 'weekStart', message: 'weekStart must be a date YYYY-MM-DD' };
  }
  return null;
}

function weekSpan(rule: CoverageRule, weekStart: LocalDate) {
  return {
    from: getStartOfLocalDay(weekStart, rule.timeZone),
    to: getStartOfLocalDay(addCalendarDays(weekStart, 7), rule.timeZone),
  };
}

/**
 * Seat-hours a rule needs in the real week starting `weekStart` (local date in the rule's zone,
 * usually a Monday) and the head-count that implies: seatHours ÷ (contract × (1 − shrinkage)).
 * Windows are expanded on local wall-clock time, so a DST week is honest (a 24/7 seat is 167 h
 * in the spring-forward week). Example: one seat 24/7 at 40 h and 30 % → 168 ÷ 28 = 6.
 */
export function computeStaffingNeed(input: {
  rule: CoverageRule;
  contractHoursPerWeek: number;
  shrinkage?: number;
  weekStart: LocalDate;
}): Result<StaffingNeed, StaffingErrorReason> {
  const shrinkage = input.shrinkage ?? DEFAULT_SHRINKAGE;
  const invalid = validateInputs({ ...input, shrinkage });
  if (invalid) return invalid;
  const { from, to } = weekSpan(input.rule, input.weekStart);
  const seatMs = expandCoverageRule({ rule: input.rule, from, to }).reduce(
    (sum, demand) => sum + (demand.end - demand.start) * demand.minAgents,
    0,
  );
  const seatHoursPerWeek = round(seatMs / HOUR_MS, 6);
  const productiveHoursPerAgent = round(input.contractHoursPerWeek * (1 - shrinkage), 6);
  const headCount = round(seatHoursPerWeek / productiveHoursPerAgent, 6);
  return {
    ok: true,
    value: {
      ruleId: input.rule.id,
      ruleName: input.rule.name,
      weekStart: input.weekStart,
      seatHoursPerWeek,
      contractHoursPerWeek: input.contractHoursPerWeek,
      shrinkage,
      productiveHoursPerAgent,
      headCount,
      agentsNeeded: Math.ceil(headCount - 1e-9),
    },
  };
}

/** A rule's need beside the active agents able to serve it (language at level, channel). */
export interface RuleStaffingSummary extends StaffingNeed {
  eligibleAgents: number;
  /** Σ contract × (1 − shrinkage) of the eligible agents, hours per week. */
  eligibleProductiveHours: number;
  shortfallAgents: number;
}

export interface TeamStaffingSummary {
  weekStart: LocalDate;
  rules: RuleStaffingSummary[];
  /**
   * Seat-hours of the team as a whole: per instant the LARGEST head-count any rule asks for,
   * integrated over the week. Skilled agents also count toward plain rules, so this is a lower
   * bound; per-rule rows show where a skill is short.
   */
  seatHoursPerWeek: number;
  headCount: number;
  agentsNeeded: number;
  activeAgents: number;
  productiveHours: number;
  shortfallAgents: number;
}

function serves(agent: SchedulingAgent, language: CoverageLanguageRequirement | undefined, rule: CoverageRule): boolean {
  if (language) {
    const needed = LEVELS.indexOf(language.minLevel);
    if (!agent.languages.some((skill) => skill.code === language.code && LEVELS.indexOf(skill.level) <= needed)) return false;
  }
  return !rule.channel || agent.channels.includes(rule.channel);
}

/**
 * Every rule of a team beside the agents the team has, so a manager sees before building a
 * roster that one person cannot cover 12 h a day. `contractHoursPerWeek` is the reference
 * contract for head-counts (default 40); agents' own contracts give the capacity.
 */
export function summarizeTeamStaffing(input: {
  rules: readonly CoverageRule[];
  agents: readonly SchedulingAgent[];
  weekStart: LocalDate;
  shrinkage?: number;
  contractHoursPerWeek?: number;
}): Result<TeamStaffingSummary, StaffingErrorReason> {
  const shrinkage = input.shrinkage ?? DEFAULT_SHRINKAGE;
  const contractHoursPerWeek = input.contractHoursPerWeek ?? 40;
  const invalid = validateInputs({ contractHoursPerWeek, shrinkage, weekStart: input.weekStart });
  if (invalid) return invalid;
  const active = input.agents.filter((agent) => agent.active);
  const productive = (agents: SchedulingAgent[]) =>
    round(agents.reduce((sum, agent) => sum + agent.contractHoursPerWeek * (1 - shrinkage), 0), 6);

  const rules: RuleStaffingSummary[] = [];
  const allDemand = [];
  for (const rule of input.rules) {
    const need = computeStaffingNeed({ rule, contractHoursPerWeek, shrinkage, weekStart: input.weekStart });
    if (!need.ok) return need;
    const eligible = active.filter((agent) => serves(agent, rule.language, rule));
    rules.push({
      ...need.value,
      eligibleAgents: eligible.length,
      eligibleProductiveHours: productive(eligible),
      shortfallAgents: Math.max(0, need.value.agentsNeeded - eligible.length),
    });
    const { from, to } = weekSpan(rule, input.weekStart);
    allDemand.push(...expandCoverageRule({ rule, from, to }));
  }
  // Rules may sit in different zones: the team week is the union of each rule's local week.
  const seatMs = flattenDemand(allDemand).reduce((sum, demand) => sum + (demand.end - demand.start) * demand.minAgents, 0);
  const seatHoursPerWeek = round(seatMs / HOUR_MS, 6);
  const headCount = round(seatHoursPerWeek / round(contractHoursPerWeek * (1 - shrinkage), 6), 6);
  const agentsNeeded = Math.ceil(headCount - 1e-9);
  return {
    ok: true,
    value: {
      weekStart: input.weekStart,
      rules,
      seatHoursPerWeek,
      headCount,
      agentsNeeded,
      activeAgents: active.length,
      productiveHours: productive(active),
      shortfallAgents: Math.max(0, agentsNeeded - active.length),
    },
  };
}
