import type { Instant, LocalDate, LocalTime } from '../model/types';
import type { Rotation } from '../recurrence/rotation';
import { addCalendarDays, getIsoWeekday, isLocalDate } from '../time/local-date-time';
import { isValidTimeZone } from '../time/time-zone';
import { instantToLocal } from '../time/zoned-time';
import {
  BYDAY,
  clock,
  continueFrom,
  type ImportedRotation,
  importFailure as fail,
  isObject,
  MINUTES_PER_DAY,
  named,
  type ScheduleImportResult,
  truncateName,
  windowLabel,
} from './imported-rotation';

const FREQUENCIES = ['daily', 'weekly'] as const;
/** Longest event kept: a week (one person's whole week); longer events would overlap their own next week. */
const MAX_EVENT_MINUTES = 7 * MINUTES_PER_DAY;

/** One daily piece of an event: `offset` days after the event's start day, from `start` for `length` minutes. */
interface Piece {
  offset: number;
  start: number;
  length: number;
}

/**
 * Maps Grafana OnCall rotations — its `GET /api/v1/on_call_shifts/` answer (or the `results`
 * list, or one shift), with `GET /api/v1/users/` to turn its user ids into emails — onto Shiftdesk
 * rotations from local date `from` on, each rotation's turn order continued as it stands then.
 *
 * How OnCall reads a shift: events start at `start` (wall clock of the shift's `time_zone`, else
 * the schedule's, given here as `timeZone`) and last `duration` seconds, repeating by
 * `frequency`/`interval`/`by_day`/`week_start` as an RRULE; a `rolling_users` shift hands the
 * events of each period (a day, or a week from `week_start`) to the next group of users, from
 * `start_rotation_from_user_index`; a `recurrent_event` puts all its users on every event.
 *
 * Here: an event up to 24 h is one shift; a longer one (the common "a week from Monday 09:00")
 * becomes 24 h shifts from its start time plus the remainder, each shape its own rotation on its
 * weekdays, so every shift stays within a day as rotations require. Turns pass every period's
 * worth of shifts, counted from the period OnCall counts from, so the order matches OnCall's.
 * Groups of several users become one rotation per place in the group (the first of each group,
 * the second of each group, …), all handing over together.
 * Left out, and said in `warnings`: one-off events and overrides, hourly and monthly rotations,
 * month filters, users beyond the smallest group's size, and OnCall's priority levels (both
 * layers are on shift here).
 */
export function importGrafanaOncallShifts(input: {
  shifts: unknown;
  /** OnCall's users (`id` and `email`); a shift may also name a user by email directly. */
  users?: unknown;
  /** The schedule's zone, for shifts without their own `time_zone`. */
  timeZone?: string;
  agents: readonly { id: string; email: string }[];
  /** First local date, in each rotation's zone; default: the date `now` is in `timeZone` (else UTC). */
  from?: LocalDate;
  now: Instant;
}): ScheduleImportResult {
  if (input.from !== undefined && !isLocalDate(input.from)) return fail('from', 'must be a local date YYYY-MM-DD');
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) return fail('timeZone', `must be an IANA time zone such as "Europe/Berlin" (got ${JSON.stringify(input.timeZone)})`);
  const shifts = listOf(input.shifts);
  if (!shifts || !shifts.length) return fail('shifts', 'must be the JSON of Grafana OnCall shifts (GET /api/v1/on_call_shifts/?schedule_id=…): an object with "results", or a list of shifts');
  const emailOf = new Map<string, string>();
  // What OnCall says about a person, for adding them as an agent: a name and a zone.
  const detailsOf = new Map<string, { name: string | null; timeZone: string | null }>();
  if (input.users !== undefined && input.users !== null) {
    const users = listOf(input.users);
    if (!users) return fail('users', 'must be the JSON of Grafana OnCall users (GET /api/v1/users/): an object with "results", or a list of users');
    for (const user of users) {
      if (!isObject(user) || typeof user['email'] !== 'string') continue;
      const email = user['email'].trim().toLowerCase();
      if (typeof user['id'] === 'string') emailOf.set(user['id'], email);
      const name = [user['name'], user['username']].find((value): value is string => typeof value === 'string' && value.trim() !== '');
      const zone = user['timezone'];
      detailsOf.set(email, { name: name ? truncateName(name.trim()) : null, timeZone: typeof zone === 'string' && isValidTimeZone(zone) ? zone : null });
    }
  }
  const agentOf = new Map(input.agents.map((agent) => [agent.email.trim().toLowerCase(), agent.id]));
  const missing = new Set<string>();
  const unknownIds = new Set<string>();
  const personOf = (value: unknown): string | null => {
    const key = typeof value === 'string' ? value.trim() : '';
    const email = emailOf.get(key) ?? (key.includes('@') ? key.toLowerCase() : undefined);
    if (!email) {
      unknownIds.add(key || '?');
      return null;
    }
    const agentId = agentOf.get(email);
    if (!agentId) missing.add(email);
    return agentId ?? null;
  };

  const warnings: string[] = [];
  const imported: ImportedRotation[] = [];
  let firstZone: string | undefined;
  let firstFrom: LocalDate | undefined;
  const levels = new Set<number>();
  for (const [index, raw] of shifts.entries()) {
    const field = `shifts.${index}`;
    if (!isObject(raw)) return fail(field, 'must be an object');
    const name = typeof raw['name'] === 'string' && raw['name'].trim() ? raw['name'].trim() : `Rotation ${index + 1}`;
    const label = `Rotation "${name}"`;
    const type = raw['type'];
    if (type === 'single_event' || type === 'override') {
      warnings.push(`${label} is a one-off ${type === 'override' ? 'override' : 'event'}: not imported; add it on the roster board if it is still ahead.`);
      continue;
    }
    if (type !== 'rolling_users' && type !== 'recurrent_event') return fail(`${field}.type`, `must be "rolling_users", "recurrent_event", "single_event" or "override" (got ${JSON.stringify(type ?? null)})`);
    const frequency = raw['frequency'];
    if (frequency === 'hourly' || frequency === 'monthly') {
      warnings.push(`${label} repeats ${frequency}: Shiftdesk rotations repeat daily or weekly, so it is not imported; set it up by hand.`);
      continue;
    }
    if (!FREQUENCIES.includes(frequency as (typeof FREQUENCIES)[number])) return fail(`${field}.frequency`, `must be "daily", "weekly", "hourly" or "monthly" (got ${JSON.stringify(frequency ?? null)})`);
    if (nonEmpty(raw['by_month']) || nonEmpty(raw['by_monthday'])) {
      warnings.push(`${label} runs in some months or on some days of the month only: not imported; set it up by hand.`);
      continue;
    }
    const zone = typeof raw['time_zone'] === 'string' && raw['time_zone'] ? raw['time_zone'] : input.timeZone;
    if (!zone) return fail(`${field}.time_zone`, 'is empty, so the schedule’s time zone is needed: give timeZone (the zone of the OnCall schedule)');
    if (!isValidTimeZone(zone)) return fail(`${field}.time_zone`, `must be an IANA time zone such as "Europe/Berlin" (got ${JSON.stringify(zone)})`);
    const start = parseWallClock(raw['start']);
    if (!start) return fail(`${field}.start`, 'must be a date and time such as "2026-01-05T09:00:00"');
    const seconds = typeof raw['duration'] === 'string' && /^\d+$/.test(raw['duration']) ? Number(raw['duration']) : raw['duration'];
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 60 || seconds % 60 !== 0) return fail(`${field}.duration`, 'must be the length of each event in whole minutes, given in seconds (e.g. 28800 for 8 h)');
    const minutes = seconds / 60;
    if (minutes > MAX_EVENT_MINUTES) return fail(`${field}.duration`, `is ${Math.round(minutes / 60)} h: events longer than a week overlap their own next turn`);
    if (frequency === 'daily' && minutes > MINUTES_PER_DAY) return fail(`${field}.duration`, 'is longer than a day while the rotation repeats daily, so its events overlap: shorten it or make it weekly');
    const interval = raw['interval'] === undefined || raw['interval'] === null ? 1 : raw['interval'];
    if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 1 || interval > 52) return fail(`${field}.interval`, 'must be a whole number from 1 to 52');
    const weekStart = raw['week_start'] === undefined || raw['week_start'] === null ? 'SU' : raw['week_start'];
    const weekStartIndex = BYDAY.indexOf(weekStart as (typeof BYDAY)[number]);
    if (weekStartIndex < 0) return fail(`${field}.week_start`, `must be a weekday code MO…SU (got ${JSON.stringify(weekStart)})`);
    const byDay = raw['by_day'];
    let days: number[];
    if (nonEmpty(byDay)) {
      if (!Array.isArray(byDay) || byDay.some((day) => !BYDAY.includes(day as (typeof BYDAY)[number]))) return fail(`${field}.by_day`, 'must list weekday codes MO…SU');
      days = [...new Set(byDay.map((day) => BYDAY.indexOf(day as (typeof BYDAY)[number])))].sort((a, b) => a - b);
    } else {
      days = frequency === 'weekly' ? [getIsoWeekday(start.date) - 1] : [0, 1, 2, 3, 4, 5, 6];
    }
    if (frequency === 'weekly' && minutes > MINUTES_PER_DAY && days.length > 1) {
      return fail(`${field}.duration`, 'is longer than a day on several weekdays, so its events overlap: OnCall would show the same person twice');
    }

    // Who: groups in OnCall's order (from start_rotation_from_user_index), people as agents.
    let groups: (string | null)[][];
    if (type === 'rolling_users') {
      const rolling = raw['rolling_users'];
      if (!Array.isArray(rolling) || !rolling.length || rolling.some((group) => !Array.isArray(group))) return fail(`${field}.rolling_users`, 'must list the groups of users who take turns, e.g. [["U1"], ["U2"]]');
      const from = raw['start_rotation_from_user_index'];
      const first = typeof from === 'number' && Number.isInteger(from) && from > 0 ? from % rolling.length : 0;
      groups = [...rolling.slice(first), ...rolling.slice(0, first)].map((group) => (group as unknown[]).map(personOf));
    } else {
      const users = raw['users'];
      if (!Array.isArray(users)) return fail(`${field}.users`, 'must list the users on shift');
      groups = [users.map(personOf)];
    }
    if (missing.size || unknownIds.size) continue;
    const people = groups.map((group) => group.filter((id): id is string => id !== null)).filter((group) => group.length > 0);
    if (!people.length) {
      warnings.push(`${label} has nobody in it: not imported.`);
      continue;
    }
    const level = typeof raw['level'] === 'number' ? raw['level'] : 0;
    levels.add(level);

    // Places: one rotation per place in the groups; in "turns" each group is one turn.
    const size = Math.min(...people.map((group) => group.length));
    const left = people.flatMap((group) => group.slice(size));
    if (left.length) warnings.push(`${label} has groups of different sizes: only the first ${size} of each group are imported, ${left.length} ${left.length === 1 ? 'person is' : 'people are'} left out of it.`);
    const places: string[][] = [];
    if (people.length === 1) places.push(people[0] as string[]);
    else {
      for (let place = 0; place < size; place++) {
        const order = people.map((group) => group[place] as string);
        if (new Set(order).size !== order.length) {
          warnings.push(`${label} has someone in two groups at the same place: only people once per place can take turns here, so that place is not imported.`);
          continue;
        }
        places.push(order);
      }
    }

    const startMinute = start.minutes;
    const pieces = piecesOf(startMinute, minutes);
    // OnCall's period (a turn): the day, or the week from week_start, that the first event falls in.
    const periodStart = frequency === 'weekly' ? addCalendarDays(start.date, -((getIsoWeekday(start.date) - 1 - weekStartIndex + 7) % 7)) : start.date;
    const until = raw['until'] === undefined || raw['until'] === null ? null : parseWallClock(raw['until']);
    if (raw['until'] !== undefined && raw['until'] !== null && !until) return fail(`${field}.until`, 'must be a date and time such as "2026-06-30T09:00:00", or null');
    // Events start before `until`: the last event's day is its date, or the day before when it ends at or before the start time.
    const endBase = until ? (until.minutes > startMinute ? addCalendarDays(until.date, 1) : until.date) : null;
    if (frequency === 'daily' && nonEmpty(byDay) && people.length > 1) {
      warnings.push(`${label} hands off daily on some weekdays only: OnCall's turn order there is irregular, here it passes with each shift. Check the preview.`);
    }

    const today = instantToLocal(input.now, zone);
    const from = input.from ?? (today.ok ? today.value.date : start.date);
    firstZone ??= zone;
    firstFrom ??= from;
    const shapes = shapesOf(pieces, frequency === 'weekly' ? days.map((day) => (day - weekStartIndex + 7) % 7) : [0], until === null);
    for (const shape of shapes) {
      const weekdays = [...new Set(shape.offsets.flatMap((offset) => days.map((day) => (day + offset) % 7)))].sort((a, b) => a - b);
      const byday = weekdays.map((d) => BYDAY[d]).join(',');
      const end = shape.start + shape.length;
      const shapeLabel = shapes.length > 1 ? ` · ${byday} ${windowLabel(shape.start, end)}` : '';
      // Counted from the first day of the period's first shift of this shape, so a start mid-week
      // still hands over when OnCall's week begins; the shifts before the real start are cut off
      // below, turns continued.
      const startDate = frequency === 'weekly' ? addCalendarDays(periodStart, shape.firstDay) : start.date;
      const firstReal = addCalendarDays(start.date, shape.offsets[0] ?? 0);
      const rrule =
        frequency === 'daily'
          ? `FREQ=DAILY${interval > 1 ? `;INTERVAL=${interval}` : ''}${nonEmpty(byDay) ? `;BYDAY=${byday}` : ''}`
          : weekdays.length === 7 && interval === 1
            ? 'FREQ=DAILY'
            : // Every n weeks: the weeks are counted from this shape's first day, as its turns are.
              `FREQ=WEEKLY${interval > 1 ? `;INTERVAL=${interval};WKST=${BYDAY[getIsoWeekday(startDate) - 1]}` : ''};BYDAY=${byday}`;
      for (const [placeIndex, agentIds] of places.entries()) {
        const rotation: Rotation = {
          id: `oncall-${index}-${shape.firstDay}-${placeIndex}`,
          timeZone: zone,
          localStartTime: clock(shape.start),
          localEndTime: clock(end % MINUTES_PER_DAY),
          rrule,
          exdates: [],
          agentIds,
          handoff: people.length > 1 ? { mode: 'turns', every: frequency === 'weekly' ? days.length * shape.offsets.length : 1 } : { mode: 'all' },
          startDate,
          endDate: endBase ? addCalendarDays(endBase, shape.offsets[0] ?? 0) : null,
          turnOffset: 0,
          status: 'published',
        };
        const rotationName = truncateName(`${name}${shapeLabel}${places.length > 1 ? ` · place ${placeIndex + 1}` : ''}`);
        if (rotation.endDate && rotation.endDate <= from) {
          warnings.push(`${label}${shapeLabel} ended before ${from}: not imported.`);
          break;
        }
        const continued = continueFrom(rotation, from > firstReal ? from : firstReal);
        if (!continued.ok) return fail(field, continued.message);
        imported.push(named(continued.value, rotationName));
      }
    }
  }
  if (unknownIds.size) {
    const list = [...unknownIds].sort();
    return fail('users', `${list.join(', ')}: ${list.length === 1 ? 'this OnCall user is' : 'these OnCall users are'} not in the users list; paste GET /api/v1/users/ (all pages) beside the shifts`);
  }
  if (missing.size) {
    const list = [...missing].sort();
    return {
      ...fail('shifts', `${list.join(', ')} ${list.length === 1 ? 'is not an agent' : 'are not agents'} of this team (matched by email): add them as agents with the same email first, or let the import add them`),
      missing: list.map((email) => ({ email, name: detailsOf.get(email)?.name ?? null, timeZone: detailsOf.get(email)?.timeZone ?? null })),
    };
  }
  if (levels.size > 1) warnings.push('The rotations have different priority levels: in OnCall the higher level wins where they overlap, here everyone imported is on shift. Check the overlaps on the roster board.');
  if (!imported.length) return fail('shifts', `nothing could be imported: ${warnings.join(' ')}`);
  const zone = firstZone ?? input.timeZone ?? 'UTC';
  return { ok: true, value: { scheduleName: 'Grafana OnCall', timeZone: zone, from: firstFrom ?? input.from ?? '', rotations: imported, warnings } };
}

/** An event of `length` minutes from `start` cut into shifts of at most a day. */
function piecesOf(start: number, length: number): Piece[] {
  if (length <= MINUTES_PER_DAY) return [{ offset: 0, start, length }];
  const pieces: Piece[] = [];
  let offset = 0;
  for (let left = length; left > 0; left -= MINUTES_PER_DAY, offset++) pieces.push({ offset, start, length: Math.min(MINUTES_PER_DAY, left) });
  return pieces;
}

/**
 * The pieces with the same times as one shape (one rotation) when a turn's shifts of it fall
 * within seven days counted from the first (`relativeDays`: the event days, 0 = week_start), so
 * that "every n shifts" hands over exactly where OnCall does; otherwise, and with an end date
 * (the last event's pieces would be cut unevenly), one shape per piece. `firstDay`: days from the
 * period start to the shape's first shift of the period.
 */
function shapesOf(pieces: readonly Piece[], relativeDays: readonly number[], merge: boolean): { start: number; length: number; offsets: number[]; firstDay: number }[] {
  const firstEventDay = Math.min(...relativeDays);
  const eventSpan = Math.max(...relativeDays) - firstEventDay;
  const byTimes = new Map<string, number[]>();
  for (const piece of pieces) {
    const key = `${piece.start}-${piece.length}`;
    byTimes.set(key, [...(byTimes.get(key) ?? []), piece.offset]);
  }
  const shapes: { start: number; length: number; offsets: number[]; firstDay: number }[] = [];
  for (const [key, offsets] of byTimes) {
    const [start, length] = key.split('-').map(Number) as [number, number];
    const span = eventSpan + (offsets[offsets.length - 1] ?? 0) - (offsets[0] ?? 0);
    if (merge && span < 7) shapes.push({ start, length, offsets, firstDay: firstEventDay + (offsets[0] ?? 0) });
    else for (const offset of offsets) shapes.push({ start, length, offsets: [offset], firstDay: firstEventDay + offset });
  }
  return shapes;
}

/** OnCall's wall-clock date-time (`2026-01-05T09:00:00`); an offset, if any, is ignored as OnCall does. */
function parseWallClock(value: unknown): { date: LocalDate; time: LocalTime; minutes: number } | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!match || !isLocalDate(match[1])) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 23 || minutes > 59) return null;
  return { date: match[1] as LocalDate, time: clock(hours * 60 + minutes), minutes: hours * 60 + minutes };
}

/** The items of a list answer (`{results: […]}`), of several pages of one, or of a bare list. */
function listOf(value: unknown): unknown[] | null {
  if (Array.isArray(value) && value.length > 0 && value.every((page) => isObject(page) && Array.isArray(page['results']))) {
    return value.flatMap((page) => (page as { results: unknown[] }).results);
  }
  if (Array.isArray(value)) return value;
  if (isObject(value) && Array.isArray(value['results'])) return value['results'];
  if (isObject(value) && 'type' in value) return [value];
  return null;
}

function nonEmpty(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
}
