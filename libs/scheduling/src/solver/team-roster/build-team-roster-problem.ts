import { expandCoverageRule, type CoverageRule } from '../../coverage/coverage-rule';
import { LANGUAGE_LEVELS, type LanguageLevel, type Result, type SchedulingAgent, type Shift, type Weekday } from '../../model/types';
import { expandAvailability } from '../../rules/availability';
import { selectLabourRules } from '../../rules/labour-rules';
import { addCalendarDays, getIsoWeekday, getLocalDate, getStartOfIsoWeek, getStartOfLocalDay, isLocalDate, isValidTimeZone, localMinuteToInstant, parseMinuteOfDay } from '../../time';
import { deriveCannotFollow } from '../derive-cannot-follow';
import type { CoverRequirement, LockedAssignment, MinuteCap, MinuteCapTerm, RosterEmployee, ShiftRequest } from '../roster-problem';
import { preferenceRequests } from './preferences';
import type { RosterShiftShape, ShapeIneligibility, ShapeSpan, TeamRosterErrorReason, TeamRosterInput, TeamRosterModel } from './team-roster-model';

/** Longest period one generation covers (a year, leap years included). */
export const MAX_ROSTER_DAYS = 366;
/**
 * The objective's levels, in the issue's priority order: cover, then agents' preferences and
 * fairness, then cost. A missing agent (1000) outweighs everything below it; a surplus agent (10)
 * outweighs the strongest single preference (PREFERENCE_WEIGHTS: 1, 3, 6) and what one extra shift
 * can gain in fairness at the default weights (each deviation moves by under 2 per shift), so no
 * wish and no evening-out ever puts a surplus agent on a shift; a whole shift's cost tie-break
 * (below 1) never outweighs a wish.
 */
const DEFAULT_UNDER_WEIGHT = 1000;
const DEFAULT_OVER_WEIGHT = 10;
/**
 * Weight of a shift-off request that stands for "this cell would break the minimum rest around a
 * fixed shift": the model has no per-cell ban, and this outweighs any cover gain by far.
 */
export const REST_CONFLICT_WEIGHT = 100_000;
/** Weight of the dearest agent's hour in the objective (see tieBreakCost): 1/25, so 24 h stay under 1. */
export const COST_TIE_BREAK_PER_HOUR = 1 / 25;
const MINUTE_MS = 60_000;
/** Night hours on the wall clock (the pay lib's 22:00–06:00), as minutes of a shape's first day and the next. */
const NIGHT_WINDOWS: readonly [number, number][] = [
  [0, 6 * 60],
  [22 * 60, 30 * 60],
  [46 * 60, 54 * 60],
];

/** Is at least half of a shape starting at `start` (minute of day) for `length` minutes in night hours? */
export function isNightShape(start: number, length: number): boolean {
  const night = NIGHT_WINDOWS.reduce((sum, [from, to]) => sum + Math.max(0, Math.min(start + length, to) - Math.max(start, from)), 0);
  return length > 0 && night * 2 >= length;
}
const HOUR_MS = 3_600_000;

const levelRank = (level: LanguageLevel) => LANGUAGE_LEVELS.indexOf(level);

/** `HH:mm` of a minute of the day (taken modulo 24 h). */
function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Does the shape guarantee everything the rule counts (its language and its channel)? */
export function isShapeEligibleForRule(shape: RosterShiftShape, rule: CoverageRule): boolean {
  if (rule.language && shape.language !== rule.language.code) return false;
  if (rule.channel && shape.channel !== rule.channel) return false;
  return true;
}

function validateShapes(shapes: readonly RosterShiftShape[]): { field: string; message: string } | null {
  if (shapes.length === 0) return { field: 'shapes', message: 'shapes must list at least one shift shape' };
  const seen = new Set<string>();
  for (const [i, shape] of shapes.entries()) {
    if (!shape.id) return { field: `shapes.${i}.id`, message: `shapes.${i}.id is required` };
    if (seen.has(shape.id)) return { field: `shapes.${i}.id`, message: `shapes.${i}.id "${shape.id}" is used twice` };
    seen.add(shape.id);
    if (parseMinuteOfDay(shape.localStartTime) === null) return { field: `shapes.${i}.start`, message: `shapes.${i}.start must be HH:mm` };
    if (!Number.isInteger(shape.lengthMinutes) || shape.lengthMinutes < 1 || shape.lengthMinutes > 1440) {
      return { field: `shapes.${i}.lengthMinutes`, message: `shapes.${i}.lengthMinutes must be a whole number of minutes from 1 to 1440` };
    }
    const cap = shape.maxPerAgent;
    if (cap !== undefined && cap !== null && (!Number.isInteger(cap) || cap < 0 || cap > MAX_ROSTER_DAYS)) {
      return { field: `shapes.${i}.maxPerAgent`, message: `shapes.${i}.maxPerAgent must be a whole number from 0 to ${MAX_ROSTER_DAYS}, or null for no cap` };
    }
  }
  return null;
}

/**
 * Maps a team onto the roster generator's model (`RosterProblem`), one day per local date of the
 * period in the team's zone and one shift type per shape.
 *
 * - **Cover** per day × shape: the largest head-count any rule needs during the shape's span,
 *   over the rules the shape is eligible for (`isShapeEligibleForRule`: a language or channel
 *   rule only counts on shapes labelled with that language or channel; plain rules on every
 *   shape), minus what fixed shifts that match no shape already provide. Shapes that run in
 *   parallel each carry the full head-count of a plain rule, so lay shapes end to end (or label
 *   parallel seats) for a plain target. Every pair gets a line, so surplus agents cost too.
 * - **Eligibility** (`maxShifts`): active agents only; the shape's language at the strictest
 *   level the team's rules ask for it (any level when none does), its channel, and a length
 *   within the agent's maximum shift length.
 * - **Labour rules** of each agent (`selectLabourRules`): minimum rest as the shapes' "cannot
 *   follow" relation (`deriveCannotFollow`, on nominal wall-clock times, with the strictest
 *   minimum rest among the rostered agents, since the relation is per shape); maximum
 *   consecutive days (days before the period count as off); minimum runs of working days and
 *   of days off when the team sets them; worked minutes per ISO week in the
 *   agent's zone (`minuteCaps`, real minutes inside the week, as the labour check counts them)
 *   capped by contract hours + weekly tolerance and by the weekly maximum when one is set (an
 *   averaged maximum is applied to every week), less the fixed shifts in that week, including
 *   those just outside the period when the caller passes them.
 * - **Fixed shifts** (published, locked, rotation turns): one matching a shape's span and channel
 *   pins the cell; others block their agent's day, count toward cover of the shapes they span,
 *   use up contract minutes, and forbid cells within the minimum rest around them (a heavy
 *   shift-off request, `REST_CONFLICT_WEIGHT`).
 * - **Time off**: a day whose shapes' spans overlap an agent's time off is a day off.
 * - **Availability** (hard): a cell whose real span is not wholly inside the agent's availability
 *   windows (in the AGENT's zone, `isWithinAvailability` semantics) is banned: a whole day of
 *   such cells becomes a day off, a partly unavailable day a minute cap of 0 over its banned
 *   cells (the solver's own hard mechanisms; no solver change). Cells pinned by a fixed shift
 *   stay as the manager pinned them.
 * - **Fairness** (soft, when `fairness` is given): night shapes (`isNightShape`), weekend days and
 *   holidays of the team's zone are spread by each agent's share of the contract minutes the
 *   weekly caps allow over the period; isolated working days cost too.
 * - **Preferences** (soft, `preferenceRequests`): an agent's wish to work or to be free becomes
 *   weighted shift-on / shift-off requests on the cells the agent could take.
 *
 * Returns a typed failure for a bad zone, period or shape.
 */
export function buildTeamRosterProblem(input: TeamRosterInput): Result<TeamRosterModel, TeamRosterErrorReason> {
  const zone = input.timeZone;
  if (!isValidTimeZone(zone)) return { ok: false, reason: 'invalid-time-zone', field: 'timeZone', message: `unknown time zone '${zone}'` };
  if (!isLocalDate(input.from)) return { ok: false, reason: 'invalid-period', field: 'from', message: 'from must be a date YYYY-MM-DD' };
  if (!isLocalDate(input.to)) return { ok: false, reason: 'invalid-period', field: 'to', message: 'to must be a date YYYY-MM-DD' };
  if (input.to < input.from) return { ok: false, reason: 'invalid-period', field: 'to', message: 'to must be on or after from' };
  const dates: string[] = [];
  for (let date = input.from; date <= input.to; date = addCalendarDays(date, 1)) {
    dates.push(date);
    if (dates.length > MAX_ROSTER_DAYS) {
      return { ok: false, reason: 'invalid-period', field: 'to', message: `the period may span at most ${MAX_ROSTER_DAYS} days` };
    }
  }
  const shapeError = validateShapes(input.shapes);
  if (shapeError) return { ok: false, reason: 'invalid-shape', ...shapeError };

  const shapes = input.shapes.map((s) => ({ ...s, channel: s.channel ?? null, language: s.language ?? null, maxPerAgent: s.maxPerAgent ?? null }));
  const D = dates.length;
  const S = shapes.length;
  const startMinutes = shapes.map((s) => parseMinuteOfDay(s.localStartTime) ?? 0);
  // Local start and local end on the wall clock: a DST night shortens or lengthens the span.
  const spans: ShapeSpan[][] = dates.map((date) =>
    shapes.map((_, s) => ({
      start: localMinuteToInstant({ date, minutes: startMinutes[s], zone }),
      end: localMinuteToInstant({ date, minutes: startMinutes[s] + shapes[s].lengthMinutes, zone }),
    })),
  );
  const dayIndex = new Map(dates.map((date, d) => [date, d]));
  const epochDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  const firstDay = epochDay(dates[0]);
  /**
   * Days whose shape spans may touch [start, end): a day's spans start on its local date and last
   * at most 24 h, so a margin of two days before and one after is enough (and keeps long periods
   * with many fixed shifts from scanning every cell for each of them).
   */
  const daysNear = (start: number, end: number): [number, number] => [
    Math.max(0, epochDay(getLocalDate(start, zone)) - firstDay - 2),
    Math.min(D - 1, epochDay(getLocalDate(end, zone)) - firstDay + 1),
  ];

  // Strictest language level the rules ask for each language.
  const levelOf = new Map<string, LanguageLevel>();
  for (const rule of input.rules) {
    if (!rule.language) continue;
    const known = levelOf.get(rule.language.code);
    if (!known || levelRank(rule.language.minLevel) < levelRank(known)) levelOf.set(rule.language.code, rule.language.minLevel);
  }
  const shapeLanguageLevel: Record<string, string> = {};
  for (const shape of shapes) if (shape.language) shapeLanguageLevel[shape.id] = levelOf.get(shape.language) ?? 'basic';

  const rostered = input.agents.filter((a) => a.active);
  const rulesOf = (agent: SchedulingAgent) => selectLabourRules(input.labourRules, agent.id);
  const ineligibility = (agent: SchedulingAgent, shape: (typeof shapes)[number]): ShapeIneligibility | null => {
    if (!agent.active) return 'inactive';
    if (shape.language) {
      const needed = levelRank(shapeLanguageLevel[shape.id] as LanguageLevel);
      if (!agent.languages.some((l) => l.code === shape.language && levelRank(l.level) <= needed)) return 'language';
    }
    if (shape.channel && !agent.channels.includes(shape.channel)) return 'channel';
    if (shape.lengthMinutes > rulesOf(agent).maxShiftHours * 60) return 'shift-length';
    if (agent.contractHoursPerWeek <= 0) return 'no-hours';
    return null;
  };
  const eligibility: TeamRosterModel['eligibility'] = {};
  for (const agent of input.agents) {
    eligibility[agent.id] = Object.fromEntries(shapes.map((shape) => [shape.id, ineligibility(agent, shape)]));
  }

  // Fixed shifts: pin exact matches, block the day otherwise.
  const pinned: Record<string, string> = {};
  const locked: LockedAssignment[] = [];
  const fixedCover = dates.map(() => shapes.map(() => 0));
  const busyDays: Record<string, number[]> = {};

  const pinnedCount = new Map<string, number>();
  const rosteredIds = new Set(rostered.map((a) => a.id));
  const agentById = new Map(input.agents.map((a) => [a.id, a]));
  const unpinned: Shift[] = [];
  const sortedFixed = [...input.fixedShifts].sort((a, b) => a.start - b.start || a.agentId.localeCompare(b.agentId) || a.id.localeCompare(b.id));
  for (const shift of sortedFixed) {
    const d = dayIndex.get(getLocalDate(shift.start, zone));
    const key = `${shift.agentId}:${d}`;
    const s =
      d === undefined || !rosteredIds.has(shift.agentId) || pinned[key] !== undefined
        ? -1
        : spans[d].findIndex((span, i) => span.start === shift.start && span.end === shift.end && shapes[i].channel === (shift.channel ?? null));
    if (d !== undefined && s >= 0) {
      pinned[key] = shift.id;
      locked.push({ employeeId: shift.agentId, day: d, shiftTypeId: shapes[s].id });
      pinnedCount.set(`${shift.agentId}:${s}`, (pinnedCount.get(`${shift.agentId}:${s}`) ?? 0) + 1);
      continue;
    }
    unpinned.push(shift);
    if (d !== undefined && pinned[key] === undefined) (busyDays[shift.agentId] ??= []).push(d);
    // Cover: the shift spans the whole shape and its agent is eligible for it.
    const agent = agentById.get(shift.agentId);
    const [coverFrom, coverTo] = daysNear(shift.start, shift.end);
    for (let day = coverFrom; day <= coverTo; day++) {
      for (let i = 0; i < S; i++) {
        const span = spans[day][i];
        if (shift.start > span.start || shift.end < span.end) continue;
        if (shapes[i].channel && shift.channel !== null && shift.channel !== shapes[i].channel) continue;
        const reason = agent ? ineligibility({ ...agent, active: true }, shapes[i]) : 'inactive';
        if (reason === null || reason === 'shift-length' || reason === 'no-hours') fixedCover[day][i] += 1;
      }
    }
  }
  for (const id of Object.keys(busyDays)) busyDays[id] = [...new Set(busyDays[id])].sort((a, b) => a - b);

  // Minimum rest around unpinned fixed shifts, cell by cell.
  const restConflicts: Record<string, string[]> = {};
  const shiftOffRequests: ShiftRequest[] = [];
  for (const shift of unpinned) {
    const agent = agentById.get(shift.agentId);
    if (!agent || !rosteredIds.has(agent.id)) continue;
    const rest = rulesOf(agent).minRestHours * HOUR_MS;
    const ownDay = dayIndex.get(getLocalDate(shift.start, zone));
    const [restFrom, restTo] = daysNear(shift.start - rest, shift.end + rest);
    for (let d = restFrom; d <= restTo; d++) {
      if (d === ownDay) continue;
      for (let s = 0; s < S; s++) {
        const span = spans[d][s];
        if (span.start < shift.end + rest && span.end > shift.start - rest) {
          const cell = `${d}:${shapes[s].id}`;
          const list = (restConflicts[agent.id] ??= []);
          if (!list.includes(cell)) {
            list.push(cell);
            shiftOffRequests.push({ employeeId: agent.id, day: d, shiftTypeId: shapes[s].id, weight: REST_CONFLICT_WEIGHT });
          }
        }
      }
    }
  }

  // Time off: a day is off when any of its shapes would overlap the time off.
  const timeOffDays: Record<string, number[]> = {};
  for (const off of input.timeOff) {
    const [offFrom, offTo] = daysNear(off.start, off.end);
    for (let d = offFrom; d <= offTo; d++) {
      if (spans[d].some((span) => span.start < off.end && span.end > off.start)) {
        const list = (timeOffDays[off.agentId] ??= []);
        if (!list.includes(d)) list.push(d);
      }
    }
  }
  for (const id of Object.keys(timeOffDays)) timeOffDays[id].sort((a, b) => a - b);

  // Availability: per agent, the cells whose real span leaves the agent's windows.
  const unavailable: Record<string, string[]> = {};
  const firstStart = Math.min(...spans.flat().map((span) => span.start));
  const lastEnd = Math.max(...spans.flat().map((span) => span.end));
  for (const agent of rostered) {
    if (agent.availability === null || agent.availability === undefined) continue;
    const windows = expandAvailability({
      availability: agent.availability,
      zone: agent.timeZone,
      first: addCalendarDays(getLocalDate(firstStart, agent.timeZone), -1),
      last: getLocalDate(lastEnd, agent.timeZone),
    });
    const cells: string[] = [];
    for (let d = 0; d < D; d++) {
      if (pinned[`${agent.id}:${d}`] !== undefined) continue;
      for (let s = 0; s < S; s++) {
        const span = spans[d][s];
        if (eligibility[agent.id][shapes[s].id] !== null || span.end <= span.start) continue;
        if (!isCovered(windows, span)) cells.push(`${d}:${shapes[s].id}`);
      }
    }
    if (cells.length > 0) unavailable[agent.id] = cells;
  }

  const minRestHours = Math.max(0, ...rostered.map((a) => rulesOf(a).minRestHours));
  const shiftTypes = deriveCannotFollow({
    shiftTypes: shapes.map((shape, s) => ({ id: shape.id, localStartTime: clock(startMinutes[s]), localEndTime: clock(startMinutes[s] + shape.lengthMinutes) })),
    minRestHours,
  }).map((type, s) => ({ ...type, lengthMinutes: shapes[s].lengthMinutes }));

  const overlapMinutes = (a: ShapeSpan, b: ShapeSpan) => Math.max(0, Math.round((Math.min(a.end, b.end) - Math.max(a.start, b.start)) / MINUTE_MS));

  const unpinnedByAgent = new Map<string, Shift[]>();
  for (const shift of unpinned) unpinnedByAgent.set(shift.agentId, [...(unpinnedByAgent.get(shift.agentId) ?? []), shift]);

  // Cost as a tie-breaker: the dearest agent's hour weighs COST_TIE_BREAK_PER_HOUR, so a whole
  // shift (at most 24 h) weighs under 1, below a surplus agent (10) and the weakest wish (1): the
  // solver never buys a cheaper roster with worse cover or fewer wishes met, only picks the
  // cheaper of equals.
  const knownCosts = Object.values(input.hourlyCosts ?? {}).filter((cost) => Number.isFinite(cost) && cost > 0);
  const dearest = knownCosts.length > 0 ? Math.max(...knownCosts) : 0;
  const tieBreakCost = (agentId: string): number | undefined => {
    if (dearest === 0) return undefined;
    const cost = input.hourlyCosts?.[agentId];
    return (Number.isFinite(cost) && (cost as number) > 0 ? (cost as number) / dearest : 1) * COST_TIE_BREAK_PER_HOUR;
  };

  const employees: RosterEmployee[] = rostered.map((agent) => {
    const rules = rulesOf(agent);
    // Weekly hours: contract + tolerance, and the weekly maximum (its average read as a cap), per
    // ISO week in the AGENT's zone as the labour check counts them: each cell counts its real
    // minutes inside the week (a Sunday night shift splits), less the unpinned fixed shifts there.
    let weekly = Infinity;
    if (rules.weeklyHoursTolerance !== null) weekly = (agent.contractHoursPerWeek + rules.weeklyHoursTolerance) * 60;
    if (rules.maxWeeklyHours !== null) weekly = Math.min(weekly, rules.maxWeeklyHours * 60);
    const minuteCaps: MinuteCap[] = [];
    if (Number.isFinite(weekly)) {
      for (let monday = getStartOfIsoWeek(getLocalDate(firstStart, agent.timeZone)); ; monday = addCalendarDays(monday, 7)) {
        const week = { start: getStartOfLocalDay(monday, agent.timeZone), end: getStartOfLocalDay(addCalendarDays(monday, 7), agent.timeZone) };
        if (week.start >= lastEnd) break;
        const terms: MinuteCapTerm[] = [];
        const [weekFrom, weekTo] = daysNear(week.start, week.end);
        for (let d = weekFrom; d <= weekTo; d++) {
          for (let s = 0; s < S; s++) {
            const minutes = overlapMinutes(spans[d][s], week);
            if (minutes > 0) terms.push({ day: d, shiftTypeId: shapes[s].id, minutes });
          }
        }
        const fixed = (unpinnedByAgent.get(agent.id) ?? []).reduce((sum, f) => sum + overlapMinutes(f, week), 0);
        if (terms.length > 0) minuteCaps.push({ maxMinutes: Math.max(0, Math.floor(weekly) - fixed), terms });
      }
    }
    // Availability bans: a day with every eligible cell banned is a day off; otherwise its banned
    // cells share a cap of 0 minutes, so none of them can be worked.
    const banned = unavailableByDay(unavailable[agent.id] ?? []);
    const unavailableDays: number[] = [];
    for (const [d, ids] of banned) {
      const eligibleShapes = shapes.filter((shape, s) => eligibility[agent.id][shape.id] === null && spans[d][s].end > spans[d][s].start);
      if (eligibleShapes.every((shape) => ids.includes(shape.id))) unavailableDays.push(d);
      else minuteCaps.push({ maxMinutes: 0, terms: ids.map((id) => ({ day: d, shiftTypeId: id, minutes: Math.max(1, shapes.find((shape) => shape.id === id)?.lengthMinutes ?? 1) })) });
    }
    const maxShifts: Record<string, number> = {};
    shapes.forEach((shape, s) => {
      const pinnedHere = pinnedCount.get(`${agent.id}:${s}`) ?? 0;
      // The shape's cap per agent; shifts the manager pinned are kept even past it.
      maxShifts[shape.id] = eligibility[agent.id][shape.id] === null ? Math.max(pinnedHere, Math.min(D, shape.maxPerAgent ?? D)) : pinnedHere;
    });
    const daysOff = [...new Set([...(timeOffDays[agent.id] ?? []), ...(busyDays[agent.id] ?? []), ...unavailableDays])]
      .filter((d) => pinned[`${agent.id}:${d}`] === undefined)
      .sort((a, b) => a - b);
    // The weekly caps already bound the period's minutes; their sum says so once more (never
    // binding) and gives fairness each agent's share: a 20-hour contract, half the nights of a 40.
    const weeklyTotal = minuteCaps.filter((cap) => cap.maxMinutes > 0).reduce((sum, cap) => sum + cap.maxMinutes, 0);
    return {
      id: agent.id,
      maxShifts,
      minTotalMinutes: 0,
      maxTotalMinutes: Number.isFinite(weekly) ? Math.min(D * 24 * 60, weeklyTotal) : D * 24 * 60,
      minuteCaps,
      maxConsecutiveDays: rules.maxConsecutiveDays,
      // Blocks that start and end inside the period (the model's reading, and the labour
      // check's: a run at an edge may go on).
      minConsecutiveDays: rules.minConsecutiveDays ?? 1,
      minConsecutiveDaysOff: rules.minConsecutiveDaysOff ?? 1,
      // The model caps weekends over the whole period, not per rolling four weeks: up to four
      // weekends the cap itself, beyond that its average share (the labour check flags any four
      // weeks over it, e.g. weekends worked just before the period).
      maxWeekends: weekendCap(rules.maxWorkingWeekendsPer4Weeks, D, getIsoWeekday(dates[0])),
      daysOff,
      ...(tieBreakCost(agent.id) !== undefined ? { hourlyCost: tieBreakCost(agent.id) } : {}),
    };
  });

  const underWeight = input.underWeight ?? DEFAULT_UNDER_WEIGHT;
  const overWeight = input.overWeight ?? DEFAULT_OVER_WEIGHT;
  const cover: CoverRequirement[] = [];
  for (let d = 0; d < D; d++) {
    for (let s = 0; s < S; s++) {
      const span = spans[d][s];
      let need = 0;
      for (const rule of input.rules) {
        if (!isShapeEligibleForRule(shapes[s], rule)) continue;
        for (const demand of expandCoverageRule({ rule, from: span.start, to: span.end })) need = Math.max(need, demand.minAgents);
      }
      cover.push({ day: d, shiftTypeId: shapes[s].id, requirement: Math.max(0, need - fixedCover[d][s]), underWeight, overWeight });
    }
  }

  // Preferences, on the cells each agent could really be given (the others are not ours to honour).
  const offDays = new Map(rostered.map((agent) => [agent.id, new Set([...(timeOffDays[agent.id] ?? []), ...(busyDays[agent.id] ?? [])])]));
  const bannedCells = new Map(rostered.map((agent) => [agent.id, new Set([...(unavailable[agent.id] ?? []), ...(restConflicts[agent.id] ?? [])])]));
  const pinnedShape = new Map(locked.map((cell) => [`${cell.employeeId}:${cell.day}`, cell.shiftTypeId]));
  const preferences = preferenceRequests({
    preferences: (input.preferences ?? []).filter((preference) => rosteredIds.has(preference.agentId)),
    shapeIds: shapes.map((shape) => shape.id),
    spans,
    daysNear,
    canTake: (agentId, d, s) => {
      const shapeId = shapes[s].id;
      const pin = pinnedShape.get(`${agentId}:${d}`);
      if (pin !== undefined) return pin === shapeId;
      return eligibility[agentId][shapeId] === null && !offDays.get(agentId)?.has(d) && !bannedCells.get(agentId)?.has(`${d}:${shapeId}`) && spans[d][s].end > spans[d][s].start;
    },
  });

  return {
    ok: true,
    value: {
      problem: {
        horizonDays: D,
        firstWeekday: getIsoWeekday(dates[0]) as Weekday,
        shiftTypes,
        employees,
        cover,
        shiftOnRequests: preferences.shiftOnRequests,
        shiftOffRequests: [...shiftOffRequests, ...preferences.shiftOffRequests],
        locked,
        ...(input.fairness
          ? {
              fairness: {
                nightShiftTypeIds: shapes.filter((shape, s) => isNightShape(startMinutes[s], shape.lengthMinutes)).map((shape) => shape.id),
                holidayDays: [...new Set(input.fairness.holidays)].map((date) => dayIndex.get(date)).filter((d): d is number => d !== undefined).sort((a, b) => a - b),
                nightsWeight: input.fairness.nightsWeight,
                weekendsWeight: input.fairness.weekendsWeight,
                holidaysWeight: input.fairness.holidaysWeight,
                isolatedDayWeight: input.fairness.isolatedDayWeight,
              },
            }
          : {}),
      },
      timeZone: zone,
      shapes,
      dates,
      spans,
      pinned,
      fixedCover,
      timeOffDays,
      busyDays,
      restConflicts,
      unavailable,
      eligibility,
      shapeLanguageLevel,
      preferences: preferences.occurrences,
    },
  };
}

/** The model's weekend cap over a period of `days` days starting on ISO weekday `first`. */
function weekendCap(perFourWeeks: number | null, days: number, first: number): number {
  if (perFourWeeks === null) return days;
  let weekends = 0;
  for (let d = 0; d < days; d++) if ((first - 1 + d) % 7 === 5 || ((first - 1 + d) % 7 === 6 && d === 0)) weekends++;
  return weekends <= 4 ? perFourWeeks : Math.floor((perFourWeeks * weekends) / 4);
}

/** Is [span.start, span.end) inside one of `windows` (sorted, merged)? Binary search by start. */
function isCovered(windows: readonly { start: number; end: number }[], span: ShapeSpan): boolean {
  let lo = 0;
  let hi = windows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (windows[mid].start <= span.start) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found >= 0 && windows[found].end >= span.end;
}

/** `${day}:${shapeId}` cells → day → shape ids, days ascending. */
function unavailableByDay(cells: readonly string[]): Map<number, string[]> {
  const byDay = new Map<number, string[]>();
  for (const cell of cells) {
    const colon = cell.indexOf(':');
    const d = Number(cell.slice(0, colon));
    byDay.set(d, [...(byDay.get(d) ?? []), cell.slice(colon + 1)]);
  }
  return byDay;
}
