import { addDays, startOfDay, wallMinutes } from '@shiftdesk/web-data-access-schedule';

/** One piece of a shift inside one local day of the board. */
export interface BarSegment {
  shiftId: string;
  /** 0 = the week's Monday … 6 = Sunday, in the board's zone. */
  dayIndex: number;
  /** Wall-clock minutes after local midnight, [startMinute, endMinute), 0–1440. */
  startMinute: number;
  endMinute: number;
  /** Position inside the day cell, in % of its width. */
  left: number;
  width: number;
  /** The shift started on an earlier day / goes on into a later one. */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

const MINUTES_PER_DAY = 1440;
/** A bar narrower than this (in %) could not be clicked; it is widened, never moved. */
const MIN_WIDTH = 1.5;

/**
 * Cuts a shift [start, end) into the local days of the week starting `weekStart` in `zone`.
 * A day is [local 00:00, next local 00:00): 23 or 25 h on a DST change. Bars sit on the
 * WALL CLOCK (09:00 is always 37.5 % across), so the hour grid lines up on every day, including
 * the short and the long one; the labels carry the real times and zone abbreviations.
 */
export function layoutShift(shift: { id: string; start: string; end: string }, weekStart: string, zone: string): BarSegment[] {
  const start = Date.parse(shift.start);
  const end = Date.parse(shift.end);
  if (!(end > start)) return [];
  const segments: BarSegment[] = [];
  for (let dayIndex = 0; dayIndex < 7; dayIndex++) {
    const date = addDays(weekStart, dayIndex);
    const dayStart = startOfDay(date, zone);
    const dayEnd = startOfDay(addDays(date, 1), zone);
    if (end <= dayStart || start >= dayEnd) continue;
    const clipStart = Math.max(start, dayStart);
    const clipEnd = Math.min(end, dayEnd);
    const startMinute = clipStart === dayStart ? 0 : wallMinutes(clipStart, zone);
    // In the repeated hour of a fall-back day the wall clock runs backwards; keep the bar visible.
    const endMinute = clipEnd === dayEnd ? MINUTES_PER_DAY : Math.max(wallMinutes(clipEnd, zone), startMinute + 1);
    const left = (startMinute / MINUTES_PER_DAY) * 100;
    const width = Math.min(100 - left, Math.max(MIN_WIDTH, ((endMinute - startMinute) / MINUTES_PER_DAY) * 100));
    segments.push({ shiftId: shift.id, dayIndex, startMinute, endMinute, left, width, continuesBefore: start < dayStart, continuesAfter: end > dayEnd });
  }
  return segments;
}

/** Every shift of one board row, grouped by day index (7 lists, in start order). */
export function layoutRow(shifts: readonly { id: string; start: string; end: string }[], weekStart: string, zone: string): BarSegment[][] {
  const days: BarSegment[][] = Array.from({ length: 7 }, () => []);
  for (const shift of shifts) for (const segment of layoutShift(shift, weekStart, zone)) days[segment.dayIndex]?.push(segment);
  for (const day of days) day.sort((a, b) => a.startMinute - b.startMinute || a.shiftId.localeCompare(b.shiftId));
  return days;
}

/** Hours in the shift, minus nothing: the real elapsed time (7 h for 22:00–06:00 over a spring-forward). */
export function shiftHours(shift: { start: string; end: string }): number {
  return (Date.parse(shift.end) - Date.parse(shift.start)) / 3_600_000;
}
