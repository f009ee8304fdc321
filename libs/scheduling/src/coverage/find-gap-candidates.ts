import { Instant, LANGUAGE_LEVELS, LanguageLevel, SchedulingAgent, Shift } from '../model/types';
import { isWithinAvailability } from '../rules/availability';
import { checkLabourRules, LabourViolation } from '../rules/check-labour-rules';
import { LabourRulesSet, selectLabourRules } from '../rules/labour-rules';
import { Gap } from './find-gaps';
import { addCalendarDays, getLocalDate, getStartOfIsoWeek, getStartOfLocalDay } from '../time';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

/** An agent who could fill a gap. Hours are worked hours in the agent's ISO week (own zone) of the gap start. */
export interface GapCandidate {
  agentId: string;
  displayName: string;
  /** `extend-shift` when the agent's shift ends at the gap start or starts at its end. */
  fill: 'new-shift' | 'extend-shift';
  extendsShiftIds: string[];
  /** The shift the agent would work: the gap span, joined with the shifts it extends. */
  proposedShift: { start: Instant; end: Instant };
  weekHoursBefore: number;
  contractHoursPerWeek: number;
  /** Contract hours left in that week after filling the gap (negative = overtime). */
  headroomHours: number;
  /** The agent's level in the gap's language, when the gap is about a language. */
  languageLevel?: LanguageLevel;
}

const LEVEL_RANK = new Map<LanguageLevel, number>(LANGUAGE_LEVELS.map((level, index) => [level, index]));

function workedMs(shift: Shift, start: Instant, end: Instant): number {
  let ms = Math.max(0, Math.min(shift.end, end) - Math.max(shift.start, start));
  for (const pause of shift.breaks) {
    ms -= Math.max(0, Math.min(pause.end, shift.end, end) - Math.max(pause.start, shift.start, start));
  }
  return ms;
}

/**
 * Agents who could fill `gap`: active; speaking the gap's language at its level or better and
 * working its channel (when the gap names them); with no shift overlapping [gap.start,
 * gap.end) nor unavailable in it; and breaking no labour rule if given a shift over the gap (joined with a shift that
 * touches it, which is then extended). A violation counts against the candidate only if it
 * involves the proposed shift, so older unrelated violations do not hide anyone. Agents whose
 * availability windows (own zone) do not cover the whole gap are not offered either: availability
 * is a hard rule, like in the roster generator. Gaps longer
 * than the agent's maximum shift therefore have no candidates: split them first.
 *
 * Sorted best first: most contract headroom left in that week, then better language level,
 * then display name, then id.
 */
export function findCandidatesForGap(input: {
  gap: Gap;
  agents: readonly SchedulingAgent[];
  shifts: readonly Shift[];
  labourRules: LabourRulesSet;
  /**
   * Times agents are not available (imported calendars: [start, end) UTC ms). An agent busy at
   * any moment of the gap is no candidate.
   */
  unavailable?: readonly { agentId: string; start: Instant; end: Instant }[];
}): GapCandidate[] {
  const { gap } = input;
  const shiftsByAgent = new Map<string, Shift[]>();
  for (const shift of input.shifts) {
    const list = shiftsByAgent.get(shift.agentId) ?? [];
    list.push(shift);
    shiftsByAgent.set(shift.agentId, list);
  }

  const candidates: GapCandidate[] = [];
  for (const agent of input.agents) {
    if (!agent.active) continue;
    let languageLevel: LanguageLevel | undefined;
    if (gap.language) {
      const needed = LEVEL_RANK.get(gap.language.minLevel) ?? 0;
      const skill = agent.languages
        .filter((s) => s.code === gap.language?.code && (LEVEL_RANK.get(s.level) ?? Infinity) <= needed)
        .sort((a, b) => (LEVEL_RANK.get(a.level) ?? 0) - (LEVEL_RANK.get(b.level) ?? 0))[0];
      if (!skill) continue;
      languageLevel = skill.level;
    }
    if (gap.channel && !agent.channels.includes(gap.channel)) continue;

    // The new work is the gap itself; a shift it extends was placed already.
    if (!isWithinAvailability({ availability: agent.availability, zone: agent.timeZone, start: gap.start, end: gap.end })) continue;

    const own = shiftsByAgent.get(agent.id) ?? [];
    if (own.some((shift) => shift.start < gap.end && shift.end > gap.start)) continue;
    if (input.unavailable?.some((busy) => busy.agentId === agent.id && busy.start < gap.end && busy.end > gap.start)) continue;

    const touching = own.filter((shift) => shift.end === gap.start || shift.start === gap.end);
    const proposed: Shift = {
      id: `candidate:${gap.id}`,
      agentId: agent.id,
      start: Math.min(gap.start, ...touching.map((shift) => shift.start)),
      end: Math.max(gap.end, ...touching.map((shift) => shift.end)),
      timeZone: agent.timeZone,
      channel: gap.channel ?? null,
      label: null,
      breaks: touching.flatMap((shift) => shift.breaks),
      status: 'draft',
      source: 'manual',
    };
    const touchingIds = new Set(touching.map((shift) => shift.id));
    const trial = [...own.filter((shift) => !touchingIds.has(shift.id)), proposed];

    const rules = selectLabourRules(input.labourRules, agent.id);
    const lookBack = Math.max(1, rules.averagingWeeks ?? 1) - 1;
    const violations: LabourViolation[] = checkLabourRules({
      agents: [agent],
      shifts: trial,
      rules: input.labourRules,
      from: proposed.start - lookBack * WEEK_MS,
      to: proposed.end,
    });
    if (violations.some((violation) => violation.shiftIds.includes(proposed.id))) continue;

    const monday = getStartOfIsoWeek(getLocalDate(gap.start, agent.timeZone));
    const weekStart = getStartOfLocalDay(monday, agent.timeZone);
    const weekEnd = getStartOfLocalDay(addCalendarDays(monday, 7), agent.timeZone);
    const before = own.reduce((sum, shift) => sum + workedMs(shift, weekStart, weekEnd), 0) / HOUR_MS;
    const gapHours = workedMs({ ...proposed, start: gap.start, end: gap.end, breaks: [] }, weekStart, weekEnd) / HOUR_MS;
    candidates.push({
      agentId: agent.id,
      displayName: agent.displayName,
      fill: touching.length > 0 ? 'extend-shift' : 'new-shift',
      extendsShiftIds: [...touchingIds].sort(),
      proposedShift: { start: proposed.start, end: proposed.end },
      weekHoursBefore: Math.round(before * 100) / 100,
      contractHoursPerWeek: agent.contractHoursPerWeek,
      headroomHours: Math.round((agent.contractHoursPerWeek - before - gapHours) * 100) / 100,
      ...(languageLevel ? { languageLevel } : {}),
    });
  }

  return candidates.sort(
    (a, b) =>
      b.headroomHours - a.headroomHours ||
      (LEVEL_RANK.get(a.languageLevel ?? 'basic') ?? 0) - (LEVEL_RANK.get(b.languageLevel ?? 'basic') ?? 0) ||
      (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0) ||
      (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0),
  );
}
