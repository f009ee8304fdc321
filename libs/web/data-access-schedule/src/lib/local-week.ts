import { getZoneAbbreviation, instantToLocal, localToInstant } from '@shiftdesk/scheduling';

/*
 * Calendar helpers for the week views. Local dates are `YYYY-MM-DD` (no zone); instants are UTC
 * epoch milliseconds; a day in a zone is [local 00:00, next local 00:00), 23 or 25 h long on a
 * DST change. The clock is always a parameter.
 */

const MS_PER_DAY = 86_400_000;

function toEpochDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

function fromEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** The Monday on or before `date`. */
export function startOfIsoWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven local dates of the week starting `weekStart`. */
export function weekDates(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/** Today's local date in `zone` at instant `now`. */
export function todayIn(zone: string, now: number): string {
  const local = instantToLocal(now, zone);
  return local.ok ? local.value.date : new Date(now).toISOString().slice(0, 10);
}

/** Instant of local midnight starting `date` in `zone` (the domain's DST policy applies). */
export function startOfDay(date: string, zone: string): number {
  const instant = localToInstant({ date, time: '00:00', zone });
  return instant.ok ? instant.value : Date.parse(`${date}T00:00:00Z`);
}

/**
 * A fetch window wide enough for the week `weekStart` in ANY zone (offsets run from −12 h to
 * +14 h): one UTC day of margin each side. Views clip to their own zone's days.
 */
export function weekFetchWindow(weekStart: string): { from: string; to: string } {
  const from = Date.parse(`${weekStart}T00:00:00Z`) - MS_PER_DAY;
  const to = Date.parse(`${addDays(weekStart, 7)}T00:00:00Z`) + MS_PER_DAY;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** The week's exact span in one zone: [Monday 00:00, next Monday 00:00) local. */
export function weekSpan(weekStart: string, zone: string): { from: string; to: string } {
  return { from: new Date(startOfDay(weekStart, zone)).toISOString(), to: new Date(startOfDay(addDays(weekStart, 7), zone)).toISOString() };
}

/** Minutes after local midnight of `instant` on the wall clock of `zone` (0–1439). */
export function wallMinutes(instant: number, zone: string): number {
  const local = instantToLocal(instant, zone);
  if (!local.ok) return 0;
  const [hours, minutes] = local.value.time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** `09:00` in `zone`. */
export function formatClock(instant: number, zone: string): string {
  const local = instantToLocal(instant, zone);
  return local.ok ? local.value.time : '';
}

/**
 * The zone's abbreviation at `instant` (`CET`, `EDT`, `UTC`), with the domain's numeric fallback
 * shortened for tight labels: `UTC+03:00` → `UTC+3`, `UTC+05:30` → `UTC+5:30`.
 */
export function zoneAbbreviation(instant: number, zone: string): string {
  return getZoneAbbreviation(instant, zone).replace(/^UTC([+-])0?(\d{1,2}):(\d\d)$/, (_m, sign: string, hours: string, minutes: string) => `UTC${sign}${hours}${minutes === '00' ? '' : ':' + minutes}`);
}

/** `09:00 CET`: a time label always carries its zone's abbreviation. */
export function formatClockWithZone(instant: number, zone: string): string {
  return `${formatClock(instant, zone)} ${zoneAbbreviation(instant, zone)}`;
}

/** `07–15` (or `07:30–15`): the compact span a narrow bar can show; its zone is shown beside it. */
export function formatCompactSpan(start: number, end: number, zone: string): string {
  const short = (instant: number) => {
    const clock = formatClock(instant, zone);
    return clock.endsWith(':00') ? clock.slice(0, 2) : clock;
  };
  return `${short(start)}–${short(end)}`;
}

/** `09:00–17:00 CET` (or `22:00 CET–06:00 CEST` across a change), for a span in one zone. */
export function formatSpan(start: number, end: number, zone: string): string {
  const a = zoneAbbreviation(start, zone);
  const b = zoneAbbreviation(end, zone);
  return a === b ? `${formatClock(start, zone)}–${formatClock(end, zone)} ${a}` : `${formatClock(start, zone)} ${a}–${formatClock(end, zone)} ${b}`;
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** `Mon 5 Jan` for a local date (the date itself is zone-free). */
export function formatDayLabel(date: string): string {
  return DAY_FORMAT.format(new Date(`${date}T00:00:00Z`));
}
