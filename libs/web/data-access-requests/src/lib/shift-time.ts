import { getZoneAbbreviation, instantToLocal, localToInstant } from '@shiftdesk/scheduling';
import type { RequestShift, RequestTimeOff, ScheduledShift } from '@shiftdesk/shared-api-contract';

/*
 * Shifts and time off on an agent's wall clock. Instants are UTC epoch milliseconds or ISO
 * strings; intervals are half-open [start, end); the zone is always a parameter, never the
 * host's. The clock (`now`) is a parameter too.
 */

const MS_PER_DAY = 86_400_000;
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** `UTC+03:00` → `UTC+3`, `UTC+05:30` → `UTC+5:30`: the domain's numeric fallback, shortened. */
export function shortZoneName(instant: number, zone: string): string {
  return getZoneAbbreviation(instant, zone).replace(/^UTC([+-])0?(\d{1,2}):(\d\d)$/, (_m, sign: string, hours: string, minutes: string) => `UTC${sign}${hours}${minutes === '00' ? '' : ':' + minutes}`);
}

/** Local date `YYYY-MM-DD` of `instant` in `zone`. */
export function localDateOf(instant: number, zone: string): string {
  const local = instantToLocal(instant, zone);
  return local.ok ? local.value.date : new Date(instant).toISOString().slice(0, 10);
}

function clock(instant: number, zone: string): string {
  const local = instantToLocal(instant, zone);
  return local.ok ? local.value.time : '';
}

/** `Tue 24 Nov` for a local date. */
export function formatDay(date: string): string {
  return DAY_FORMAT.format(new Date(`${date}T00:00:00Z`));
}

/**
 * `09:00–17:00 WET`, `22:00–06:00 WET (+1 day)` past local midnight, `01:00 CET–03:00 CEST`
 * across a DST change: a span on the wall clock of `zone`.
 */
export function formatSpanIn(start: number, end: number, zone: string): string {
  const a = shortZoneName(start, zone);
  const b = shortZoneName(end, zone);
  const days = Math.round((Date.parse(`${localDateOf(end - 1, zone)}T00:00:00Z`) - Date.parse(`${localDateOf(start, zone)}T00:00:00Z`)) / MS_PER_DAY);
  const next = days > 0 ? ` (+${days} ${days === 1 ? 'day' : 'days'})` : '';
  return a === b ? `${clock(start, zone)}–${clock(end, zone)} ${a}${next}` : `${clock(start, zone)} ${a}–${clock(end, zone)} ${b}${next}`;
}

/** `Tue 24 Nov · 09:00–17:00 WET`: the day the shift starts on and its span, in `zone`. */
export function formatShiftIn(start: string | number, end: string | number, zone: string): string {
  const from = typeof start === 'number' ? start : Date.parse(start);
  const to = typeof end === 'number' ? end : Date.parse(end);
  return `${formatDay(localDateOf(from, zone))} · ${formatSpanIn(from, to, zone)}`;
}

/** `Tue 24 Nov 09:00 WET`: one instant on the wall clock of `zone`. */
export function formatMomentIn(instant: string | number, zone: string): string {
  const at = typeof instant === 'number' ? instant : Date.parse(instant);
  return `${formatDay(localDateOf(at, zone))} ${clock(at, zone)} ${shortZoneName(at, zone)}`;
}

/**
 * The same shift on a second clock (the team's), or null when it reads the same there: an
 * agent in Lisbon sees `12:00–20:00 MSK` beside their `09:00–17:00 WET`.
 */
export function formatBesideIn(start: string | number, end: string | number, zone: string, otherZone: string): string | null {
  if (!otherZone || otherZone === zone) return null;
  const own = formatShiftIn(start, end, zone);
  const other = formatShiftIn(start, end, otherZone);
  return own === other ? null : other;
}

/** Paid hours of a shift: its length less its breaks. */
export function paidHours(shift: Pick<ScheduledShift, 'start' | 'end' | 'breaks'>): number {
  const breaks = shift.breaks.reduce((sum, b) => sum + Math.max(0, Date.parse(b.end) - Date.parse(b.start)), 0);
  return Math.max(0, Date.parse(shift.end) - Date.parse(shift.start) - breaks) / 3_600_000;
}

export interface SplitShifts {
  /** Running now: start ≤ now < end. */
  current: ScheduledShift | null;
  /** Starting after now, soonest first. */
  upcoming: ScheduledShift[];
  /** The first of `upcoming`. */
  next: ScheduledShift | null;
  /** Ended at or before now, most recent first. */
  past: ScheduledShift[];
}

/** Splits an agent's shifts around `now` (epoch ms). */
export function splitShifts(shifts: readonly ScheduledShift[], now: number): SplitShifts {
  const sorted = [...shifts].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id));
  const upcoming = sorted.filter((s) => Date.parse(s.start) > now);
  const current = sorted.find((s) => Date.parse(s.start) <= now && now < Date.parse(s.end)) ?? null;
  const past = sorted.filter((s) => Date.parse(s.end) <= now).reverse();
  return { current, upcoming, next: upcoming[0] ?? null, past };
}

/** The window the my-shifts screen asks for: four weeks back (past shifts) and eight ahead. */
export function myShiftsWindow(now: number): { from: string; to: string } {
  return { from: new Date(now - 28 * MS_PER_DAY).toISOString(), to: new Date(now + 56 * MS_PER_DAY).toISOString() };
}

/** `Tue 24 Nov · 09:00–17:00 WET` for a request's shift, on `zone` (the viewer's) or the shift's own zone. */
export function formatRequestShift(shift: RequestShift, zone?: string): string {
  return formatShiftIn(shift.start, shift.end, zone ?? shift.timeZone);
}

/** `Mon 1 Dec – Fri 5 Dec (5 days)` for whole days, else `Tue 24 Nov · 13:00–17:00 WET`; in the zone it was entered in. */
export function formatTimeOff(timeOff: RequestTimeOff): string {
  if (timeOff.allDay && timeOff.firstDate && timeOff.lastDate) {
    const days = Math.round((Date.parse(`${timeOff.lastDate}T00:00:00Z`) - Date.parse(`${timeOff.firstDate}T00:00:00Z`)) / MS_PER_DAY) + 1;
    if (days === 1) return `${formatDay(timeOff.firstDate)} (whole day, ${timeOff.timeZone})`;
    return `${formatDay(timeOff.firstDate)} – ${formatDay(timeOff.lastDate)} (${days} days, ${timeOff.timeZone})`;
  }
  return formatShiftIn(timeOff.start, timeOff.end, timeOff.timeZone);
}

/** The instant of local `date` at `time` (`HH:mm`) in `zone`, as ISO; null when the input is not a date and time. */
export function localToIso(date: string, time: string, zone: string): string | null {
  const instant = localToInstant({ date, time, zone });
  return instant.ok ? new Date(instant.value).toISOString() : null;
}
