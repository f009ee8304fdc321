import { DateTime } from 'luxon';
import { Instant, LocalDate, SchedulingAgent, Shift, TimeZone } from '../model/types';
import {
  addCalendarDays,
  formatDurationHours,
  formatLocalDateTime,
  getLocalDate,
  getStartOfIsoWeek,
  getStartOfLocalDay,
  localMinuteToInstant,
  parseMinuteOfDay,
} from '../time';
import { LabourRules, LabourRulesSet, selectLabourRules } from './labour-rules';

export type LabourRuleCode =
  | 'overlap'
  | 'min-rest'
  | 'max-shift-length'
  | 'max-consecutive-days'
  | 'min-consecutive-days'
  | 'min-days-off'
  | 'max-working-weekends'
  | 'weekly-rest'
  | 'weekly-hours'
  | 'max-weekly-hours'
  | 'average-weekly-hours'
  | 'night-work'
  | 'night-shift-length';

/**
 * One broken rule. `span` is [start, end) in UTC epoch ms: the hull of the shifts involved, or
 * the local ISO week (Monday 00:00 → Monday 00:00 in the agent's zone) for weekly rules, or the
 * block of weeks for averaged hours. `actual` and `limit` are in hours (days for
 * `max-consecutive-days`, `min-consecutive-days` and `min-days-off`).
 */
export interface LabourViolation {
  agentId: string;
  code: LabourRuleCode;
  shiftIds: string[];
  message: string;
  start: Instant;
  end: Instant;
  actual: number;
  limit: number;
}

export interface CheckLabourRulesInput {
  agents: readonly SchedulingAgent[];
  /** Final shifts. Pass shifts from before `from` (a week, plus the averaging period) so rest and averages see them. */
  shifts: readonly Shift[];
  rules: LabourRulesSet;
  /** Only violations whose span overlaps [from, to) are returned; weeks are those overlapping it. */
  from: Instant;
  to: Instant;
}

const HOUR_MS = 3_600_000;

interface WorkedSpan {
  start: Instant;
  end: Instant;
}

/** Worked time of a shift: its span minus unpaid breaks, half-open, sorted. */
function workedSpans(shift: Shift): WorkedSpan[] {
  const breaks = [...shift.breaks].sort((a, b) => a.start - b.start);
  const out: WorkedSpan[] = [];
  let cursor = shift.start;
  for (const pause of breaks) {
    const start = Math.max(pause.start, shift.start);
    const end = Math.min(pause.end, shift.end);
    if (end <= start) continue;
    if (start > cursor) out.push({ start: cursor, end: start });
    cursor = Math.max(cursor, end);
  }
  if (shift.end > cursor) out.push({ start: cursor, end: shift.end });
  return out;
}

function overlapMs(spans: readonly WorkedSpan[], start: Instant, end: Instant): number {
  let total = 0;
  for (const span of spans) total += Math.max(0, Math.min(span.end, end) - Math.max(span.start, start));
  return total;
}

function isoWeekLabel(weekStart: LocalDate): string {
  return DateTime.fromISO(weekStart, { zone: 'utc' }).toFormat("kkkk-'W'WW");
}

/** Night windows (agent's zone) that can touch [start, end). */
function nightSpans(input: { start: Instant; end: Instant; zone: TimeZone; rules: LabourRules }): WorkedSpan[] {
  const window = input.rules.nightWindow;
  if (!window) return [];
  const startMinutes = parseMinuteOfDay(window.start);
  let endMinutes = parseMinuteOfDay(window.end, { allowEndOfDay: true });
  if (startMinutes === null || endMinutes === null) return [];
  if (endMinutes <= startMinutes) endMinutes += 1440;
  const out: WorkedSpan[] = [];
  const last = getLocalDate(input.end, input.zone);
  for (let date = addCalendarDays(getLocalDate(input.start, input.zone), -1); date <= last; date = addCalendarDays(date, 1)) {
    out.push({
      start: localMinuteToInstant({ date, minutes: startMinutes, zone: input.zone }),
      end: localMinuteToInstant({ date, minutes: endMinutes, zone: input.zone }),
    });
  }
  return out;
}

interface AgentContext {
  agent: SchedulingAgent;
  rules: LabourRules;
  shifts: Shift[];
  worked: Map<string, WorkedSpan[]>;
  from: Instant;
  to: Instant;
  out: LabourViolation[];
}

function push(context: AgentContext, violation: Omit<LabourViolation, 'agentId'>): void {
  // Zero-length spans (back-to-back shifts) still count when they sit inside the range.
  if (violation.start < context.to && (violation.end > context.from || violation.start >= context.from)) {
    context.out.push({ agentId: context.agent.id, ...violation, shiftIds: [...violation.shiftIds].sort() });
  }
}

function checkShiftLengthAndRest(context: AgentContext): void {
  const { rules, shifts, agent } = context;
  let previous: Shift | undefined;
  for (const shift of shifts) {
    const length = (shift.end - shift.start) / HOUR_MS;
    if (length > rules.maxShiftHours) {
      push(context, {
        code: 'max-shift-length',
        shiftIds: [shift.id],
        start: shift.start,
        end: shift.end,
        actual: length,
        limit: rules.maxShiftHours,
        message: `${formatDurationHours(length)} h shift from ${formatLocalDateTime(shift.start, agent.timeZone)}; at most ${formatDurationHours(rules.maxShiftHours)} h allowed`,
      });
    }
    if (previous) {
      const rest = (shift.start - previous.end) / HOUR_MS;
      if (rest < 0) {
        push(context, {
          code: 'overlap',
          shiftIds: [previous.id, shift.id],
          start: previous.start,
          end: Math.max(previous.end, shift.end),
          actual: -rest,
          limit: 0,
          message: `shifts overlap by ${formatDurationHours(-rest)} h`,
        });
      } else if (rest < rules.minRestHours) {
        push(context, {
          code: 'min-rest',
          shiftIds: [previous.id, shift.id],
          start: previous.start,
          end: shift.end,
          actual: rest,
          limit: rules.minRestHours,
          message: `${formatDurationHours(rest)} h rest between shifts; at least ${formatDurationHours(rules.minRestHours)} h required`,
        });
      }
    }
    if (!previous || shift.end > previous.end) previous = shift;
  }
}

function checkConsecutiveDays(context: AgentContext): void {
  const { rules, shifts, agent } = context;
  const byDate = new Map<LocalDate, Shift[]>();
  for (const shift of shifts) {
    const date = getLocalDate(shift.start, agent.timeZone);
    byDate.set(date, [...(byDate.get(date) ?? []), shift]);
  }
  const dates = [...byDate.keys()].sort();
  // Runs of consecutive working dates, in order.
  const runs: { first: LocalDate; last: LocalDate; shifts: Shift[] }[] = [];
  let runStart = 0;
  for (let i = 1; i <= dates.length; i += 1) {
    if (i < dates.length && dates[i] === addCalendarDays(dates[i - 1], 1)) continue;
    runs.push({ first: dates[runStart], last: dates[i - 1], shifts: dates.slice(runStart, i).flatMap((date) => byDate.get(date) as Shift[]) });
    runStart = i;
  }
  const span = (list: readonly Shift[]) => ({ shiftIds: list.map((shift) => shift.id), start: list[0].start, end: Math.max(...list.map((shift) => shift.end)) });
  runs.forEach((run, r) => {
    const length = daysBetween(run.first, run.last) + 1;
    if (length > rules.maxConsecutiveDays) {
      push(context, {
        code: 'max-consecutive-days',
        ...span(run.shifts),
        actual: length,
        limit: rules.maxConsecutiveDays,
        message: `${length} consecutive working days from ${run.first} to ${run.last}; at most ${rules.maxConsecutiveDays} allowed`,
      });
    }
    // Only a run with known work on both sides is known to be over.
    if (rules.minConsecutiveDays !== null && r > 0 && r < runs.length - 1 && length < rules.minConsecutiveDays) {
      push(context, {
        code: 'min-consecutive-days',
        ...span(run.shifts),
        actual: length,
        limit: rules.minConsecutiveDays,
        message: `Only ${length} working ${length === 1 ? 'day' : 'days'} in a row (${run.first === run.last ? run.first : `${run.first} to ${run.last}`}) between days off; at least ${rules.minConsecutiveDays} required`,
      });
    }
    const next = runs[r + 1];
    const off = next ? daysBetween(run.last, next.first) - 1 : 0;
    if (rules.minConsecutiveDaysOff !== null && next && off < rules.minConsecutiveDaysOff) {
      const around = [run.shifts[run.shifts.length - 1], next.shifts[0]];
      push(context, {
        code: 'min-days-off',
        ...span(around),
        actual: off,
        limit: rules.minConsecutiveDaysOff,
        message: `Only ${off} ${off === 1 ? 'day' : 'days'} off between ${run.last} and ${next.first}; at least ${rules.minConsecutiveDaysOff} required`,
      });
    }
  });
}

/**
 * Working weekends in any four consecutive ISO weeks (agent's zone): each weekend that takes a
 * four-week window over the cap is reported once, with the window's weekend shifts.
 */
function checkWorkingWeekends(context: AgentContext): void {
  const { rules, shifts, agent } = context;
  const cap = rules.maxWorkingWeekendsPer4Weeks;
  if (cap === null) return;
  const byWeek = new Map<LocalDate, Shift[]>();
  for (const shift of shifts) {
    const date = getLocalDate(shift.start, agent.timeZone);
    const monday = getStartOfIsoWeek(date);
    if (daysBetween(monday, date) < 5) continue;
    byWeek.set(monday, [...(byWeek.get(monday) ?? []), shift]);
  }
  const weeks = [...byWeek.keys()].sort();
  for (const monday of weeks) {
    const window = weeks.filter((other) => other <= monday && daysBetween(other, monday) < 28);
    if (window.length <= cap) continue;
    const windowShifts = window.flatMap((week) => byWeek.get(week) as Shift[]);
    push(context, {
      code: 'max-working-weekends',
      shiftIds: windowShifts.map((shift) => shift.id),
      start: Math.min(...windowShifts.map((shift) => shift.start)),
      end: Math.max(...windowShifts.map((shift) => shift.end)),
      actual: window.length,
      limit: cap,
      message: `${window.length} working weekends in the four weeks from ${addCalendarDays(monday, -21)} to the weekend of ${addCalendarDays(monday, 5)}; at most ${cap} allowed`,
    });
  }
}

/** Whole calendar days from local date `a` to `b`. */
function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** ISO weeks (agent's zone) overlapping [from, to): Monday date, start and end instants. */
function weeksOf(context: AgentContext): { monday: LocalDate; start: Instant; end: Instant }[] {
  const zone = context.agent.timeZone;
  const weeks = [];
  const lastMonday = getStartOfIsoWeek(getLocalDate(context.to - 1, zone));
  for (let monday = getStartOfIsoWeek(getLocalDate(context.from, zone)); monday <= lastMonday; monday = addCalendarDays(monday, 7)) {
    weeks.push({ monday, start: getStartOfLocalDay(monday, zone), end: getStartOfLocalDay(addCalendarDays(monday, 7), zone) });
  }
  return weeks;
}

function workedHoursBetween(context: AgentContext, start: Instant, end: Instant): { hours: number; shiftIds: string[] } {
  let ms = 0;
  const shiftIds: string[] = [];
  for (const shift of context.shifts) {
    if (shift.end <= start || shift.start >= end) continue;
    const part = overlapMs(context.worked.get(shift.id) as WorkedSpan[], start, end);
    if (part > 0) {
      ms += part;
      shiftIds.push(shift.id);
    }
  }
  return { hours: ms / HOUR_MS, shiftIds };
}

function checkWeeks(context: AgentContext): void {
  const { rules, agent, shifts } = context;
  const weeks = weeksOf(context);

  // Busy spans (shift spans, breaks included: a break is not rest), touching ones merged.
  const busy: WorkedSpan[] = [];
  for (const shift of shifts) {
    const last = busy[busy.length - 1];
    if (last && shift.start <= last.end) last.end = Math.max(last.end, shift.end);
    else busy.push({ start: shift.start, end: shift.end });
  }
  // Rests between busy spans. Before the first and after the last known shift the rest is
  // open-ended: we credit only the part we can see, i.e. the part inside the week.
  const rests: WorkedSpan[] = [{ start: -Infinity, end: busy[0]?.start ?? Infinity }];
  for (let i = 1; i < busy.length; i += 1) rests.push({ start: busy[i - 1].end, end: busy[i].start });
  if (busy.length > 0) rests.push({ start: busy[busy.length - 1].end, end: Infinity });

  const weekHours: number[] = [];
  for (const week of weeks) {
    const { hours, shiftIds } = workedHoursBetween(context, week.start, week.end);
    weekHours.push(hours);
    const label = isoWeekLabel(week.monday);

    // Weekly rest: a known rest period (between two shifts) counts, at its full length, toward
    // every week it overlaps, so days off on Sunday and Monday (Sat 17:00 → Tue 09:00, 64 h)
    // serve both weeks instead of failing both as 31 h + 33 h. Open-ended rests count only
    // inside the week, so seven working days followed by an unknown future still fail.
    // Weeks without work need no check.
    if (shiftIds.length > 0) {
      let longest = 0;
      for (const rest of rests) {
        if (!(rest.end > week.start && rest.start < week.end)) continue;
        const known = Number.isFinite(rest.start) && Number.isFinite(rest.end);
        const length = known ? rest.end - rest.start : Math.min(rest.end, week.end) - Math.max(rest.start, week.start);
        longest = Math.max(longest, length);
      }
      const longestHours = longest / HOUR_MS;
      if (longestHours < rules.weeklyRestHours) {
        push(context, {
          code: 'weekly-rest',
          shiftIds,
          start: week.start,
          end: week.end,
          actual: longestHours,
          limit: rules.weeklyRestHours,
          message: `longest uninterrupted rest in week ${label} is ${formatDurationHours(longestHours)} h; at least ${formatDurationHours(rules.weeklyRestHours)} h required`,
        });
      }
    }

    if (rules.weeklyHoursTolerance !== null) {
      const limit = agent.contractHoursPerWeek + rules.weeklyHoursTolerance;
      if (hours > limit + 1e-9) {
        push(context, {
          code: 'weekly-hours',
          shiftIds,
          start: week.start,
          end: week.end,
          actual: hours,
          limit,
          message: `${formatDurationHours(hours)} h worked in week ${label}; contract ${formatDurationHours(agent.contractHoursPerWeek)} h + ${formatDurationHours(rules.weeklyHoursTolerance)} h tolerance`,
        });
      }
    }

    if (rules.maxWeeklyHours !== null && (rules.averagingWeeks ?? 1) <= 1 && hours > rules.maxWeeklyHours + 1e-9) {
      push(context, {
        code: 'max-weekly-hours',
        shiftIds,
        start: week.start,
        end: week.end,
        actual: hours,
        limit: rules.maxWeeklyHours,
        message: `${formatDurationHours(hours)} h worked in week ${label}; at most ${formatDurationHours(rules.maxWeeklyHours)} h allowed`,
      });
    }
  }

  // Averaged cap: consecutive blocks of `averagingWeeks` ISO weeks starting with the week of
  // `from`; a trailing shorter block is averaged over its own weeks (strict, never optimistic).
  const blockSize = rules.averagingWeeks ?? 1;
  if (rules.maxWeeklyHours !== null && blockSize > 1) {
    for (let first = 0; first < weeks.length; first += blockSize) {
      const block = weeks.slice(first, first + blockSize);
      const hours = weekHours.slice(first, first + blockSize);
      const average = hours.reduce((sum, value) => sum + value, 0) / block.length;
      if (average > rules.maxWeeklyHours + 1e-9) {
        const start = block[0].start;
        const end = block[block.length - 1].end;
        push(context, {
          code: 'average-weekly-hours',
          shiftIds: workedHoursBetween(context, start, end).shiftIds,
          start,
          end,
          actual: average,
          limit: rules.maxWeeklyHours,
          message: `${formatDurationHours(average)} h average week over ${block.length} week(s) from ${isoWeekLabel(block[0].monday)}; at most ${formatDurationHours(rules.maxWeeklyHours)} h allowed`,
        });
      }
    }
  }
}

function checkNightWork(context: AgentContext): void {
  const { rules, agent, shifts } = context;
  if (!rules.nightWindow) return;
  const definition = rules.nightShiftDefinition;
  const standard = rules.standardShiftHours ?? agent.contractHoursPerWeek / 5;
  for (const shift of shifts) {
    const worked = context.worked.get(shift.id) as WorkedSpan[];
    const workedHours = overlapMs(worked, shift.start, shift.end) / HOUR_MS;
    let nightMs = 0;
    for (const night of nightSpans({ start: shift.start, end: shift.end, zone: agent.timeZone, rules })) {
      nightMs += overlapMs(worked, night.start, night.end);
    }
    const nightHours = nightMs / HOUR_MS;
    const isNightShift =
      nightHours > 0 &&
      ((definition.minNightHours !== undefined && nightHours >= definition.minNightHours) ||
        (definition.minNightShare !== undefined && workedHours > 0 && nightHours / workedHours >= definition.minNightShare));
    if (!isNightShift) continue;

    if (rules.maxNightHoursPer24 !== null) {
      const windowEnd = shift.start + 24 * HOUR_MS;
      const { hours, shiftIds } = workedHoursBetween(context, shift.start, windowEnd);
      if (hours > rules.maxNightHoursPer24 + 1e-9) {
        push(context, {
          code: 'night-work',
          shiftIds,
          start: shift.start,
          end: Math.max(...shifts.filter((s) => shiftIds.includes(s.id)).map((s) => s.end)),
          actual: hours,
          limit: rules.maxNightHoursPer24,
          message: `${formatDurationHours(hours)} h worked in the 24 h from the night shift at ${formatLocalDateTime(shift.start, agent.timeZone)}; at most ${formatDurationHours(rules.maxNightHoursPer24)} h allowed`,
        });
      }
    }
    if (rules.nightShiftShorterByHours !== null) {
      const limit = standard - rules.nightShiftShorterByHours;
      if (workedHours > limit + 1e-9) {
        push(context, {
          code: 'night-shift-length',
          shiftIds: [shift.id],
          start: shift.start,
          end: shift.end,
          actual: workedHours,
          limit,
          message: `${formatDurationHours(workedHours)} h night shift from ${formatLocalDateTime(shift.start, agent.timeZone)}; a night shift must be ${formatDurationHours(rules.nightShiftShorterByHours)} h shorter than the ${formatDurationHours(standard)} h day shift (at most ${formatDurationHours(limit)} h)`,
        });
      }
    }
  }
}

/**
 * Checks every agent's shifts against their labour rules and returns the violations whose span
 * overlaps [from, to), sorted by agent id, start, code. Days and ISO weeks are counted in the
 * agent's own zone. Shifts of agents missing from `agents` are not checked (their zone and
 * contract are unknown).
 */
export function checkLabourRules(input: CheckLabourRulesInput): LabourViolation[] {
  const shiftsByAgent = new Map<string, Shift[]>();
  for (const shift of input.shifts) {
    if (!(shift.end > shift.start)) continue;
    const list = shiftsByAgent.get(shift.agentId) ?? [];
    list.push(shift);
    shiftsByAgent.set(shift.agentId, list);
  }
  const out: LabourViolation[] = [];
  for (const agent of input.agents) {
    const shifts = (shiftsByAgent.get(agent.id) ?? []).sort(
      (a, b) => a.start - b.start || a.end - b.end || compareText(a.id, b.id),
    );
    if (shifts.length === 0) continue;
    const context: AgentContext = {
      agent,
      rules: selectLabourRules(input.rules, agent.id),
      shifts,
      worked: new Map(shifts.map((shift) => [shift.id, workedSpans(shift)])),
      from: input.from,
      to: input.to,
      out,
    };
    checkShiftLengthAndRest(context);
    checkConsecutiveDays(context);
    checkWorkingWeekends(context);
    checkWeeks(context);
    checkNightWork(context);
  }
  return out.sort(
    (a, b) =>
      compareText(a.agentId, b.agentId) ||
      a.start - b.start ||
      compareText(a.code, b.code) ||
      compareText(a.shiftIds.join(','), b.shiftIds.join(',')),
  );
}

/** Code-unit order, independent of the host locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
