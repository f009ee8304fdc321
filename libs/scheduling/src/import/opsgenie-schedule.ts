import type { Instant, LocalDate } from '../model/types';
import type { Rotation } from '../recurrence/rotation';
import { addCalendarDays, isLocalDate } from '../time/local-date-time';
import { isValidTimeZone } from '../time/time-zone';
import { instantToLocal } from '../time/zoned-time';
import {
  BYDAY,
  clock,
  continueFrom,
  type ImportedRotation,
  type ImportFailure,
  importFailure as fail,
  isObject,
  MINUTES_PER_DAY,
  minutesOf,
  named,
  type ScheduleImport,
  type ScheduleImportResult,
  truncateName as truncate,
  windowLabel,
} from './imported-rotation';

export type OpsgenieImport = ScheduleImport;
export type OpsgenieImportResult = ScheduleImportResult;

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** One daily piece of on-call time: on `weekday` (1 = Monday) from `start` to `end` minutes (1–1440). */
interface Piece {
  weekday: number;
  start: number;
  end: number;
}

type Failure = ImportFailure;

/**
 * Maps an Opsgenie schedule — as its API returns it (`GET /v2/schedules/{id}`, the `data` object
 * or the whole answer): a zone and rotations, each handing off every `length` days or weeks at
 * its `startDate`, optionally restricted to times of day or to weekday-and-time spans — onto
 * Shiftdesk rotations from local date `from` on (in the
 * schedule's zone), continuing each rotation's turn order as it stands on that date.
 *
 * - Participants are matched to `agents` by email (Opsgenie's username); one not found fails the
 *   whole import, naming them, since skipping someone would shift everyone's turns.
 * - No time restriction: one 24 h occurrence a day from the handoff time. Time of day: that
 *   window every day. Weekday-and-time spans are cut at local midnight into daily pieces, and the
 *   pieces with the same times become one rotation on those weekdays (Fri 18:00 → Mon 09:00 is
 *   Fri 18:00–24:00, Sat–Sun 00:00–24:00 and Mon 00:00–09:00).
 * - Turns: `every` = occurrences per Opsgenie turn (days × length, or weekdays × length for a
 *   weekly rotation), counted from the first occurrence at or after the rotation's start.
 * What cannot be kept exactly (hourly handoffs, team, escalation or "nobody" participants, a
 * handoff inside a window, daily handoffs on some weekdays only) is left out or approximated
 * and said in `warnings`.
 */
export function importOpsgenieSchedule(input: {
  document: unknown;
  agents: readonly { id: string; email: string }[];
  /** First local date in the schedule's zone; default: the date `now` is there. */
  from?: LocalDate;
  now: Instant;
}): OpsgenieImportResult {
  const { agents } = input;
  if (input.from !== undefined && !isLocalDate(input.from)) return fail('from', 'must be a local date YYYY-MM-DD');
  const root = input.document;
  const schedule = isObject(root) && isObject(root['data']) ? root['data'] : root;
  if (!isObject(schedule)) return fail('schedule', 'must be the JSON of an Opsgenie schedule (GET /v2/schedules/{id}), an object with "timezone" and "rotations"');
  const zone = schedule['timezone'];
  if (typeof zone !== 'string' || !isValidTimeZone(zone)) return fail('schedule.timezone', `must be an IANA time zone such as "Europe/Berlin" (got ${JSON.stringify(zone ?? null)})`);
  const today = instantToLocal(input.now, zone);
  const from = input.from ?? (today.ok ? today.value.date : '');
  if (!isLocalDate(from)) return fail('from', 'must be a local date YYYY-MM-DD');
  const rotations = schedule['rotations'];
  if (!Array.isArray(rotations) || !rotations.length) {
    return fail('schedule.rotations', 'has no rotations: export the schedule with its rotations (GET /v2/schedules/{id} includes them)');
  }
  const scheduleName = typeof schedule['name'] === 'string' && schedule['name'].trim() ? schedule['name'].trim() : 'Opsgenie';
  const warnings: string[] = [];
  if (schedule['enabled'] === false) warnings.push(`Schedule "${scheduleName}" is disabled in Opsgenie; its rotations are imported anyway.`);

  const byEmail = new Map(agents.map((agent) => [agent.email.trim().toLowerCase(), agent.id]));
  const missing = new Set<string>();
  const imported: ImportedRotation[] = [];

  for (const [index, raw] of rotations.entries()) {
    const field = `schedule.rotations.${index}`;
    if (!isObject(raw)) return fail(field, 'must be an object');
    const name = typeof raw['name'] === 'string' && raw['name'].trim() ? raw['name'].trim() : `Rotation ${index + 1}`;
    const label = `Rotation "${name}"`;
    const type = raw['type'];
    if (type === 'hourly') {
      warnings.push(`${label} hands off every ${raw['length'] ?? 1} h: Shiftdesk rotations hand off per shift, so it is not imported; set it up as shifts of that length.`);
      continue;
    }
    if (type !== 'daily' && type !== 'weekly') return fail(`${field}.type`, `must be "daily", "weekly" or "hourly" (got ${JSON.stringify(type ?? null)})`);
    const length = raw['length'] === undefined ? 1 : raw['length'];
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 1) return fail(`${field}.length`, 'must be a whole number of days or weeks, at least 1');
    const startMs = parseInstant(raw['startDate']);
    if (startMs === null) return fail(`${field}.startDate`, 'must be a date-time with its offset, e.g. "2026-01-05T09:00:00Z"');
    const endMs = raw['endDate'] === undefined || raw['endDate'] === null ? null : parseInstant(raw['endDate']);
    if (endMs === null && raw['endDate'] !== undefined && raw['endDate'] !== null) return fail(`${field}.endDate`, 'must be a date-time with its offset, or absent');
    if (endMs !== null && endMs <= startMs) return fail(`${field}.endDate`, 'must be after startDate');

    // Participants, in order; Shiftdesk needs each agent once.
    const participants = raw['participants'];
    if (!Array.isArray(participants) || !participants.length) return fail(`${field}.participants`, 'must list the rotation’s participants');
    const agentIds: string[] = [];
    for (const participant of participants) {
      if (!isObject(participant)) continue;
      const kind = participant['type'];
      if (kind === 'user') {
        const username = typeof participant['username'] === 'string' ? participant['username'].trim().toLowerCase() : '';
        const agentId = byEmail.get(username);
        if (!agentId) missing.add(username || String(participant['id'] ?? '?'));
        else if (agentIds.includes(agentId)) warnings.push(`${label} lists ${username} more than once: Shiftdesk keeps the first place only, so the order is shorter than in Opsgenie.`);
        else agentIds.push(agentId);
      } else if (kind === 'none') {
        warnings.push(`${label} has a "nobody" turn: it is left out, so the next person takes it.`);
      } else {
        warnings.push(`${label} has ${/^[aeiou]/i.test(String(kind)) ? 'an' : 'a'} ${String(kind)} participant (${String(participant['name'] ?? participant['id'] ?? '')}): only people can hold a turn here; it is left out.`);
      }
    }
    if (missing.size) continue;
    if (!agentIds.length) {
      warnings.push(`${label} has no person as participant: not imported.`);
      continue;
    }

    const start = instantToLocal(startMs, zone);
    if (!start.ok) return fail(`${field}.startDate`, start.message);
    const handoff = minutesOf(start.value.time);
    const pieces = piecesOf(raw['timeRestriction'], handoff, `${field}.timeRestriction`);
    if (!Array.isArray(pieces)) return pieces;
    if (!pieces.length) {
      warnings.push(`${label} has a time restriction with no time in it: not imported.`);
      continue;
    }

    const turnDays = type === 'daily' ? length : 7 * length;
    const groups = groupPieces(pieces);
    if (type === 'daily' && groups.some((group) => group.weekdays.length < 7)) {
      warnings.push(`${label} hands off daily but runs on some weekdays only: in Opsgenie the turn also passes on the other days, here it passes per shift, so the order differs after the first week. Check the preview.`);
    }
    const split = groups.filter((group) => group.start !== handoff && inside(handoff, group.start, group.end)).map((group) => windowLabel(group.start, group.end));
    if (split.length) {
      warnings.push(`${label} hands off at ${start.value.time}, inside its ${split.join(', ')} ${split.length === 1 ? 'window' : 'windows'}: each shift goes wholly to whoever holds the turn when it starts.`);
    }
    const end = endMs === null ? null : instantToLocal(endMs, zone);
    for (const group of groups) {
      const window = windowLabel(group.start, group.end);
      const every = group.weekdays.length === 7 ? turnDays : type === 'weekly' ? length * group.weekdays.length : Math.max(1, Math.round((turnDays * group.weekdays.length) / 7));
      // The first shift at or after the handoff instant is the first turn's; one that day starting earlier is not this rotation's.
      const startDate = group.start >= handoff ? start.value.date : addCalendarDays(start.value.date, 1);
      const endDate = end && end.ok ? (minutesOf(end.value.time) > group.start ? addCalendarDays(end.value.date, 1) : end.value.date) : null;
      const days = group.weekdays.length === 7 ? '' : ` · ${group.weekdays.map((d) => BYDAY[d - 1]).join(',')}`;
      const rotation: Rotation & { name: string } = {
        id: `opsgenie-${index}-${group.start}-${group.end}`,
        name: truncate(`${scheduleName} · ${name}${groups.length > 1 ? `${days} ${window}` : ''}`),
        timeZone: zone,
        localStartTime: clock(group.start),
        localEndTime: clock(group.end % MINUTES_PER_DAY),
        rrule: group.weekdays.length === 7 ? 'FREQ=DAILY' : `FREQ=WEEKLY;BYDAY=${group.weekdays.map((d) => BYDAY[d - 1]).join(',')}`,
        exdates: [],
        agentIds,
        handoff: agentIds.length > 1 ? { mode: 'turns', every } : { mode: 'all' },
        startDate,
        endDate,
        turnOffset: 0,
        status: 'published',
      };
      if (endDate !== null && endDate <= from) {
        warnings.push(`${label}${days} ended on ${endDate}, before ${from}: not imported.`);
        continue;
      }
      const continued = continueFrom(rotation, from);
      if (!continued.ok) return fail(field, continued.message);
      imported.push(named(continued.value, rotation.name));
    }
  }
  if (missing.size) {
    const list = [...missing].sort();
    // Opsgenie names a user by email (`username`) and says nothing else about them; a participant
    // known only by id cannot be added.
    const addable = list.every((key) => key.includes('@'));
    return {
      ...fail('schedule.rotations.participants', `${list.join(', ')} ${list.length === 1 ? 'is not an agent' : 'are not agents'} of this team (matched by email): add them as agents with the same email first${addable ? ', or let the import add them' : ''}`),
      ...(addable ? { missing: list.map((email) => ({ email: email.toLowerCase(), name: null, timeZone: null })) } : {}),
    };
  }
  if (!imported.length) return fail('schedule.rotations', `nothing could be imported: ${warnings.join(' ')}`);
  return { ok: true, value: { scheduleName, timeZone: zone, from, rotations: imported, warnings } };
}

/** On-call pieces per day from Opsgenie's time restriction (none: 24 h from the handoff). */
function piecesOf(restriction: unknown, handoff: number, field: string): Piece[] | Failure {
  const everyDay = (start: number, end: number): Piece[] => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));
  if (restriction === undefined || restriction === null) return everyDay(handoff, handoff + MINUTES_PER_DAY);
  if (!isObject(restriction)) return fail(field, 'must be an object');
  if (restriction['type'] === 'time-of-day') {
    const r = restriction['restriction'];
    const times = isObject(r) ? parseTimes(r) : null;
    if (!times) return fail(`${field}.restriction`, 'must give startHour, startMin, endHour and endMin');
    const end = times.end <= times.start ? times.end + MINUTES_PER_DAY : times.end;
    return everyDay(times.start, end);
  }
  if (restriction['type'] === 'weekday-and-time-of-day') {
    const list = restriction['restrictions'];
    if (!Array.isArray(list)) return fail(`${field}.restrictions`, 'must list weekday-and-time spans');
    const pieces: Piece[] = [];
    for (const [i, r] of list.entries()) {
      const times = isObject(r) ? parseTimes(r) : null;
      const startDay = isObject(r) ? WEEKDAYS.indexOf(String(r['startDay']).toLowerCase() as (typeof WEEKDAYS)[number]) : -1;
      const endDay = isObject(r) ? WEEKDAYS.indexOf(String(r['endDay']).toLowerCase() as (typeof WEEKDAYS)[number]) : -1;
      if (!times || startDay < 0 || endDay < 0) return fail(`${field}.restrictions.${i}`, 'must give startDay and endDay (monday … sunday) and startHour, startMin, endHour, endMin');
      // A span in minutes of the week; one ending at or before its start runs on into the next week.
      const from = startDay * MINUTES_PER_DAY + times.start;
      let to = endDay * MINUTES_PER_DAY + times.end;
      if (to <= from) to += MINUTES_PER_WEEK;
      for (let day = Math.floor(from / MINUTES_PER_DAY); day * MINUTES_PER_DAY < to; day++) {
        const start = Math.max(from, day * MINUTES_PER_DAY) - day * MINUTES_PER_DAY;
        const end = Math.min(to, (day + 1) * MINUTES_PER_DAY) - day * MINUTES_PER_DAY;
        if (end > start) pieces.push({ weekday: (day % 7) + 1, start, end });
      }
    }
    return pieces;
  }
  return fail(`${field}.type`, `must be "time-of-day" or "weekday-and-time-of-day" (got ${JSON.stringify(restriction['type'] ?? null)})`);
}

/** Pieces with the same times, one group (rotation) each, weekdays in order; groups by start time. */
function groupPieces(pieces: readonly Piece[]): { start: number; end: number; weekdays: number[] }[] {
  const groups = new Map<string, { start: number; end: number; weekdays: number[] }>();
  for (const piece of pieces) {
    const key = `${piece.start}-${piece.end}`;
    const group = groups.get(key) ?? { start: piece.start, end: piece.end, weekdays: [] };
    if (!group.weekdays.includes(piece.weekday)) group.weekdays.push(piece.weekday);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ ...g, weekdays: g.weekdays.sort((a, b) => a - b) })).sort((a, b) => a.weekdays[0]! - b.weekdays[0]! || a.start - b.start);
}

function parseTimes(r: Record<string, unknown>): { start: number; end: number } | null {
  const part = (value: unknown, max: number, optional: boolean): number | null => {
    if (value === undefined && optional) return 0;
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? value : null;
  };
  const sh = part(r['startHour'], 23, false);
  const sm = part(r['startMin'], 59, true);
  const eh = part(r['endHour'], 24, false);
  const em = part(r['endMin'], 59, true);
  if (sh === null || sm === null || eh === null || em === null) return null;
  return { start: sh * 60 + sm, end: eh * 60 + em };
}

function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** Whether minute-of-day `m` falls strictly inside [start, end) (end may pass midnight). */
function inside(m: number, start: number, end: number): boolean {
  return (m > start && m < end) || (m + MINUTES_PER_DAY > start && m + MINUTES_PER_DAY < end);
}

