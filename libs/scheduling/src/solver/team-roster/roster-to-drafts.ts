import { LANGUAGE_NAMES } from '@shiftdesk/shared-api-contract';
import type { Roster } from '../roster-problem';
import type { DraftRosterShift, RosterBlockReason, TeamRosterModel, UnfilledCover, UnfilledCoverReason } from './team-roster-model';

/**
 * The solver's roster → draft shifts as UTC instants with the team's zone. Each keeps its
 * shape's local start and local end in the team zone (a 08:00–16:00 Europe/Moscow shape is
 * 05:00Z–13:00Z; a Europe/Berlin 22:00 + 8 h shape on the spring-forward night is 7 h long).
 * Cells pinned by fixed shifts are left out (those shifts exist already), and so are cells whose
 * span is empty (a shape lying wholly in a spring-forward gap). A cell outside its agent's
 * availability is never drafted, whatever the roster says (the problem bans it; this is the last
 * guard): `explainUnfilledCover` reports the cover it leaves short with reason `availability`.
 * Sorted by start, then agent id, then shape id.
 */
export function rosterToDraftShifts(input: { model: TeamRosterModel; roster: Roster }): DraftRosterShift[] {
  const { model } = input;
  const shapeIndex = new Map(model.shapes.map((shape, s) => [shape.id, s]));
  const unavailable = unavailableCells(model);
  const drafts: DraftRosterShift[] = [];
  for (const row of input.roster) {
    row.days.forEach((shapeId, d) => {
      if (shapeId === null || model.pinned[`${row.employeeId}:${d}`] !== undefined) return;
      if (unavailable.has(`${row.employeeId}:${d}:${shapeId}`)) return;
      const s = shapeIndex.get(shapeId);
      if (s === undefined) return;
      const shape = model.shapes[s];
      // A shape lying wholly in a spring-forward gap (02:00 + 60 min) is empty that night.
      if (model.spans[d][s].end <= model.spans[d][s].start) return;
      drafts.push({
        agentId: row.employeeId,
        date: model.dates[d],
        shapeId,
        start: model.spans[d][s].start,
        end: model.spans[d][s].end,
        timeZone: model.timeZone,
        channel: shape.channel ?? null,
        label: shape.id,
      });
    });
  }
  return drafts.sort((a, b) => a.start - b.start || a.agentId.localeCompare(b.agentId) || a.shapeId.localeCompare(b.shapeId));
}

/** `${agentId}:${day}:${shapeId}` of every cell outside its agent's availability. */
function unavailableCells(model: TeamRosterModel): Set<string> {
  const cells = new Set<string>();
  for (const [agentId, list] of Object.entries(model.unavailable ?? {})) for (const cell of list) cells.add(`${agentId}:${cell}`);
  return cells;
}

/**
 * Cells of the roster that lie outside their agent's availability (none when the solver kept the
 * ban): `rosterToDraftShifts` drops them; the caller can log or show them.
 */
export function findAvailabilityBreaches(input: { model: TeamRosterModel; roster: Roster }): { agentId: string; date: string; shapeId: string }[] {
  const unavailable = unavailableCells(input.model);
  const out: { agentId: string; date: string; shapeId: string }[] = [];
  for (const row of input.roster) {
    row.days.forEach((shapeId, d) => {
      if (shapeId !== null && unavailable.has(`${row.employeeId}:${d}:${shapeId}`)) out.push({ agentId: row.employeeId, date: input.model.dates[d], shapeId });
    });
  }
  return out;
}

const BLOCK_ORDER: RosterBlockReason[] = ['availability', 'time-off', 'other-shift', 'weekly-hours', 'consecutive-days', 'rest', 'shape-cap'];
const BLOCK_ALL: Record<RosterBlockReason, string> = {
  availability: 'is outside their availability',
  'time-off': 'is on time off or busy in their calendar',
  'other-shift': 'already works another shift that day',
  'weekly-hours': 'is at the weekly-hours limit of their contract',
  'consecutive-days': 'is held by the consecutive-days rules: too many days in a row, or too short a run of work or of days off',
  rest: 'would break the minimum rest between shifts',
  'shape-cap': "already works as many of this shape as the generation allows per agent",
};
const BLOCK_SOME: Record<RosterBlockReason, string> = {
  availability: 'outside their availability',
  'time-off': 'on time off or busy',
  'other-shift': 'on another shift that day',
  'weekly-hours': 'at the weekly-hours limit',
  'consecutive-days': 'held by the consecutive-days rules',
  rest: 'short of the minimum rest',
  'shape-cap': "at the shape's cap per agent",
};

const agentsWord = (n: number) => `${n} agent${n === 1 ? '' : 's'}`;

/** "French (fr) at native level or better". */
function languageText(code: string, level: string): string {
  const name = LANGUAGE_NAMES[code];
  return `${name ? `${name} (${code})` : code} at ${level} level or better`;
}

/**
 * Every day × shape the roster leaves under its cover requirement, with the binding reason:
 *
 * - `no-eligible-agent`: no active agent has the shape's language (at the level the rules ask)
 *   or channel, or may work its length at all;
 * - `availability`, `time-off`, `other-shift`, `weekly-hours`, `consecutive-days`, `rest`, `shape-cap`: every eligible agent
 *   not on the cell is kept off it by that one rule (on the roster as generated);
 * - `mixed`: they are kept off by different rules (`blocked` counts each);
 * - `search-stopped`: some eligible agent could still have taken it; the search ran out of time.
 *
 * Stable order: by day, then shape order.
 */
export function explainUnfilledCover(input: { model: TeamRosterModel; roster: Roster }): UnfilledCover[] {
  const { model, roster } = input;
  const { problem } = model;
  const D = problem.horizonDays;
  const shapeIndex = new Map(model.shapes.map((shape, s) => [shape.id, s]));
  const rowOf = new Map(roster.map((row) => [row.employeeId, row]));
  const typeOf = new Map(problem.shiftTypes.map((t) => [t.id, t]));
  const usedMinutes = new Map(
    roster.map((row) => [row.employeeId, row.days.reduce((sum, id) => sum + (id === null ? 0 : (typeOf.get(id)?.lengthMinutes ?? 0)), 0)]),
  );
  const unavailable = unavailableCells(model);
  // A cell outside availability is dropped from the drafts, so it does not count as cover.
  const assigned = new Map<string, number>();
  for (const row of roster) {
    row.days.forEach((id, d) => {
      if (id !== null && !unavailable.has(`${row.employeeId}:${d}:${id}`)) assigned.set(`${d}:${id}`, (assigned.get(`${d}:${id}`) ?? 0) + 1);
    });
  }

  const out: UnfilledCover[] = [];
  const cover = [...problem.cover].sort((a, b) => a.day - b.day || (shapeIndex.get(a.shiftTypeId) ?? 0) - (shapeIndex.get(b.shiftTypeId) ?? 0));
  for (const line of cover) {
    const d = line.day;
    const s = shapeIndex.get(line.shiftTypeId);
    if (s === undefined || d < 0 || d >= D) continue;
    const have = assigned.get(`${d}:${line.shiftTypeId}`) ?? 0;
    if (have >= line.requirement) continue;
    const shape = model.shapes[s];
    const blocked: Partial<Record<RosterBlockReason, number>> = {};
    let eligible = 0;
    let free = 0;
    for (const employee of problem.employees) {
      if (model.eligibility[employee.id]?.[shape.id] !== null) continue;
      eligible++;
      const days = rowOf.get(employee.id)?.days ?? [];
      if (unavailable.has(`${employee.id}:${d}:${shape.id}`)) {
        blocked.availability = (blocked.availability ?? 0) + 1;
        continue;
      }
      if (days[d] === shape.id) continue;
      const reason = blockReason({ model, employeeId: employee.id, days, d, shapeId: shape.id, used: usedMinutes.get(employee.id) ?? 0 });
      if (reason) blocked[reason] = (blocked[reason] ?? 0) + 1;
      else free++;
    }
    let reason: UnfilledCoverReason;
    let message: string;
    if (eligible === 0) {
      reason = 'no-eligible-agent';
      message = `Nobody eligible: ${noEligibleText(model, s)}`;
    } else if (free > 0) {
      reason = 'search-stopped';
      message = `${agentsWord(free)} could still take it: the search stopped before using them (a longer time limit may fill it)`;
    } else {
      const kinds = BLOCK_ORDER.filter((k) => blocked[k]);
      const total = kinds.reduce((sum, k) => sum + (blocked[k] ?? 0), 0);
      if (kinds.length === 1 && kinds[0] === 'availability') {
        reason = 'availability';
        message = `Nobody eligible is available then (${agentsWord(total)} ${total === 1 ? 'is' : 'are'} outside their availability)`;
      } else if (kinds.length === 1) {
        reason = kinds[0];
        message = `Every eligible agent ${BLOCK_ALL[kinds[0]]} (${agentsWord(total)})`;
      } else {
        reason = 'mixed';
        message = `Every eligible agent is blocked: ${kinds.map((k) => `${blocked[k]} ${BLOCK_SOME[k]}`).join(', ')}`;
      }
    }
    out.push({
      day: d,
      date: model.dates[d],
      shapeId: shape.id,
      start: model.spans[d][s].start,
      end: model.spans[d][s].end,
      required: line.requirement,
      assigned: have,
      reason,
      message,
      blocked,
    });
  }
  return out;
}

/** Index of the last worked day before `end` (exclusive), or −1. */
function lastWorked(days: readonly (string | null)[], end: number): number {
  for (let i = end - 1; i >= 0; i--) if (days[i] !== null) return i;
  return -1;
}

function noEligibleText(model: TeamRosterModel, s: number): string {
  const shape = model.shapes[s];
  const reasons = new Set(Object.values(model.eligibility).map((byShape) => byShape[shape.id]));
  const language = shape.language && reasons.has('language') ? `speaks ${languageText(shape.language, model.shapeLanguageLevel[shape.id])}` : null;
  const channel = shape.channel && reasons.has('channel') ? `works the ${shape.channel} channel` : null;
  if (language && channel) return `no active agent both ${language} and ${channel}`;
  if (language || channel) return `no active agent ${language ?? channel}`;
  if (reasons.has('shift-length')) return `the shape's ${shape.lengthMinutes / 60} h exceed every agent's maximum shift length`;
  return 'the team has no active agent with contract hours';
}

function blockReason(input: { model: TeamRosterModel; employeeId: string; days: (string | null)[]; d: number; shapeId: string; used: number }): RosterBlockReason | null {
  const { model, employeeId, days, d, shapeId } = input;
  const { problem } = model;
  const employee = problem.employees.find((e) => e.id === employeeId);
  if (!employee) return null;
  if (model.timeOffDays[employeeId]?.includes(d)) return 'time-off';
  if (days[d] !== null && days[d] !== undefined) return 'other-shift';
  if (model.busyDays[employeeId]?.includes(d)) return 'other-shift';
  const type = problem.shiftTypes.find((t) => t.id === shapeId);
  const length = type?.lengthMinutes ?? 0;
  if (input.used + length > employee.maxTotalMinutes) return 'weekly-hours';
  for (const cap of employee.minuteCaps ?? []) {
    const own = cap.terms.find((t) => t.day === d && t.shiftTypeId === shapeId);
    if (!own) continue;
    const inCap = cap.terms.reduce((sum, t) => sum + (days[t.day] === t.shiftTypeId ? t.minutes : 0), 0);
    if (inCap + own.minutes > cap.maxMinutes) return 'weekly-hours';
  }
  let run = 1;
  for (let i = d - 1; i >= 0 && days[i] !== null; i--) run++;
  for (let i = d + 1; i < days.length && days[i] !== null; i++) run++;
  if (run > employee.maxConsecutiveDays) return 'consecutive-days';
  // Minimum runs (blocks inside the period only, as the model reads them): a lone run too short,
  // or a gap of days off before or after it too short.
  let first = d;
  while (first > 0 && days[first - 1] !== null) first--;
  let last = d;
  while (last + 1 < days.length && days[last + 1] !== null) last++;
  if (first > 0 && last < days.length - 1 && run < employee.minConsecutiveDays) return 'consecutive-days';
  const previous = lastWorked(days, first);
  if (previous >= 0 && first - previous - 1 < employee.minConsecutiveDaysOff) return 'consecutive-days';
  const next = days.findIndex((id, i) => i > last && id !== null);
  if (next >= 0 && next - last - 1 < employee.minConsecutiveDaysOff) return 'consecutive-days';
  const before = d > 0 ? days[d - 1] : null;
  const after = d + 1 < days.length ? days[d + 1] : null;
  if (before && problem.shiftTypes.find((t) => t.id === before)?.cannotFollow.includes(shapeId)) return 'rest';
  if (after && type?.cannotFollow.includes(after)) return 'rest';
  if (model.restConflicts[employeeId]?.includes(`${d}:${shapeId}`)) return 'rest';
  const cap = employee.maxShifts[shapeId];
  if (cap !== undefined && days.filter((id) => id === shapeId).length >= cap) return 'shape-cap';
  return null;
}
