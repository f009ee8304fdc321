import { LANGUAGE_LEVELS } from '@shiftdesk/shared-api-contract';
import { computeCoverage, type Coverage } from '../coverage/compute-coverage';
import type { CoverageLanguageRequirement, CoverageRule } from '../coverage/coverage-rule';
import type { Channel, Instant, SchedulingAgent, Shift } from '../model/types';
import { checkLabourRules, type LabourViolation } from '../rules/check-labour-rules';
import type { LabourRulesSet } from '../rules/labour-rules';

/** A shift changing hands: `shiftId` (as in the final schedule) goes to `toAgentId`. */
export interface ShiftMove {
  shiftId: string;
  fromAgentId: string;
  toAgentId: string;
}

export interface RequestImpactIssue {
  agentId: string;
  /** `channel`, `inactive`, `overlap`, `time-off`, `language`, or a labour rule code. */
  code: string;
  message: string;
}

/** A stretch where one coverage rule's shortfall changes. [start, end) UTC epoch ms. */
export interface CoverageChange {
  ruleId: string;
  ruleName: string;
  start: Instant;
  end: Instant;
  required: number;
  presentBefore: number;
  presentAfter: number;
  language?: CoverageLanguageRequirement;
  channel?: Channel;
}

export interface RequestImpactAssessment {
  blockers: RequestImpactIssue[];
  warnings: RequestImpactIssue[];
  gapsOpened: CoverageChange[];
  gapsClosed: CoverageChange[];
  /** No blocker and no gap opened. */
  clean: boolean;
}

export interface AssessRequestImpactInput {
  agents: readonly SchedulingAgent[];
  coverageRules: readonly CoverageRule[];
  labourRules: LabourRulesSet;
  /** The final schedule without the request, and with it (same loading window). */
  before: readonly Shift[];
  after: readonly Shift[];
  /** Shifts the request moves (swap: two, give-away: one, time off: none). */
  moves: readonly ShiftMove[];
  /** Agents whose labour rules are checked (both sides of a swap, the time-off taker). */
  agentIds: readonly string[];
  /** Coverage is compared over [from, to); labour violations reported when they overlap it. */
  from: Instant;
  to: Instant;
  /** Coverage bucket size, minutes (default 15). */
  granularityMinutes?: number;
}

const LEVEL_RANK = new Map(LANGUAGE_LEVELS.map((level, index) => [level, index]));

/**
 * What a request does to the final schedule, computed on the schedule as it would be after it
 * (`after`) against the schedule without it (`before`), so that everything else already
 * applied (earlier swaps, time off, overrides) is taken into account.
 *
 * Blockers (nobody may accept or approve): a receiver who is inactive or missing from the team,
 * lacks the shift's channel, or is on approved time off then (the shift disappears from `after`);
 * any labour-rule violation (rest, hours, consecutive days, overlap…) that exists after and not
 * before, for the agents in `agentIds`. Violations that were already there do not block: a
 * request must not be held hostage by an unrelated problem.
 *
 * Warnings: a receiver who lacks a language that one of the team's language rules requires
 * during the shift and the giver has (whether it matters shows in the coverage changes).
 *
 * Coverage: per rule and bucket, the shortfall max(0, required − present) before and after;
 * maximal runs where it grows are `gapsOpened`, where it shrinks `gapsClosed`.
 */
export function assessRequestImpact(input: AssessRequestImpactInput): RequestImpactAssessment {
  const agents = new Map(input.agents.map((agent) => [agent.id, agent]));
  const blockers: RequestImpactIssue[] = [];
  const warnings: RequestImpactIssue[] = [];
  const beforeById = new Map(input.before.map((shift) => [shift.id, shift]));
  const afterById = new Map(input.after.map((shift) => [shift.id, shift]));

  for (const move of input.moves) {
    const shift = beforeById.get(move.shiftId);
    const receiver = agents.get(move.toAgentId);
    if (!shift) continue;
    if (!receiver || !receiver.active) {
      blockers.push({ agentId: move.toAgentId, code: 'inactive', message: 'is not an active agent of this team' });
      continue;
    }
    if (shift.channel && !receiver.channels.includes(shift.channel)) {
      blockers.push({ agentId: receiver.id, code: 'channel', message: `does not work the ${shift.channel} channel this shift is for` });
    }
    const moved = afterById.get(move.shiftId);
    if (!moved || moved.agentId !== move.toAgentId || moved.start !== shift.start || moved.end !== shift.end) {
      blockers.push({ agentId: receiver.id, code: 'time-off', message: 'has approved time off during this shift' });
    }
    const giver = agents.get(move.fromAgentId);
    for (const rule of input.coverageRules) {
      const language = rule.language;
      if (!language || !giver || !asksDuring(rule, shift)) continue;
      if (speaks(giver, language) && !speaks(receiver, language)) {
        warnings.push({
          agentId: receiver.id,
          code: 'language',
          message: `does not speak ${language.code} at ${language.minLevel} level or better, which "${rule.name}" asks for`,
        });
      }
    }
  }

  const key = (v: LabourViolation) => `${v.agentId}|${v.code}|${v.start}|${v.end}`;
  const checked = new Set(input.agentIds);
  const labour = (shifts: readonly Shift[]) =>
    checkLabourRules({
      agents: input.agents.filter((agent) => checked.has(agent.id)),
      shifts: shifts.filter((shift) => checked.has(shift.agentId)),
      rules: input.labourRules,
      from: input.from,
      to: input.to,
    });
  const existing = new Set(labour(input.before).map(key));
  for (const violation of labour(input.after)) {
    if (existing.has(key(violation))) continue;
    blockers.push({ agentId: violation.agentId, code: violation.code, message: violation.message });
  }

  const { gapsOpened, gapsClosed } = compareCoverage(input);
  return { blockers: dedupe(blockers), warnings: dedupe(warnings), gapsOpened, gapsClosed, clean: blockers.length === 0 && gapsOpened.length === 0 };
}

function speaks(agent: SchedulingAgent, requirement: CoverageLanguageRequirement): boolean {
  const wanted = LEVEL_RANK.get(requirement.minLevel) ?? 0;
  return agent.languages.some((skill) => skill.code === requirement.code && (LEVEL_RANK.get(skill.level) ?? 99) <= wanted);
}

/** Whether the rule asks for anybody at some point while the shift runs. */
function asksDuring(rule: CoverageRule, shift: Shift): boolean {
  const coverage = computeCoverage({ from: shift.start, to: shift.end, granularityMinutes: 15, shifts: [], agents: [], rules: [rule] });
  if (!coverage.ok) return false;
  return coverage.value.rules.some((series) => series.required.some((n) => n > 0));
}

function dedupe(issues: RequestImpactIssue[]): RequestImpactIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.agentId}|${issue.code}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function compareCoverage(input: AssessRequestImpactInput): { gapsOpened: CoverageChange[]; gapsClosed: CoverageChange[] } {
  const granularityMinutes = input.granularityMinutes ?? 15;
  const compute = (shifts: readonly Shift[]): Coverage | null => {
    const result = computeCoverage({ from: input.from, to: input.to, granularityMinutes, shifts, agents: input.agents, rules: input.coverageRules });
    return result.ok ? result.value : null;
  };
  const before = compute(input.before);
  const after = compute(input.after);
  if (!before || !after) return { gapsOpened: [], gapsClosed: [] };
  const step = granularityMinutes * 60_000;
  const gapsOpened: CoverageChange[] = [];
  const gapsClosed: CoverageChange[] = [];
  after.rules.forEach((series, r) => {
    const old = before.rules[r];
    // The open run: which way the shortfall moved, and the stretch so far.
    let sign: -1 | 0 | 1 = 0;
    let change: CoverageChange | null = null;
    for (let i = 0; i <= after.bucketCount; i += 1) {
      const required = i < after.bucketCount ? series.required[i] : 0;
      const presentBefore = i < after.bucketCount ? old.present[i] : 0;
      const presentAfter = i < after.bucketCount ? series.present[i] : 0;
      const deficitBefore = Math.max(0, required - presentBefore);
      const deficitAfter = Math.max(0, required - presentAfter);
      const bucketSign = deficitAfter > deficitBefore ? 1 : deficitAfter < deficitBefore ? -1 : 0;
      if (change && bucketSign !== sign) {
        (sign > 0 ? gapsOpened : gapsClosed).push(change);
        change = null;
      }
      sign = bucketSign;
      if (bucketSign === 0) continue;
      const start = input.from + i * step;
      const end = Math.min(input.to, start + step);
      if (change) {
        change.end = end;
        change.required = Math.max(change.required, required);
        change.presentBefore = Math.min(change.presentBefore, presentBefore);
        change.presentAfter = Math.min(change.presentAfter, presentAfter);
      } else {
        change = {
          ruleId: series.ruleId,
          ruleName: series.ruleName,
          start,
          end,
          required,
          presentBefore,
          presentAfter,
          ...(series.language ? { language: { ...series.language } } : {}),
          ...(series.channel ? { channel: series.channel } : {}),
        };
      }
    }
  });
  const order = (a: CoverageChange, b: CoverageChange) => a.start - b.start || a.ruleId.localeCompare(b.ruleId);
  return { gapsOpened: gapsOpened.sort(order), gapsClosed: gapsClosed.sort(order) };
}
