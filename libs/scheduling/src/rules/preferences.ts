import type { PreferenceKind, PreferenceStrength } from '@shiftdesk/shared-api-contract';
import type { Instant, LocalDate, LocalTime, TimeZone } from '../model/types';
import { addCalendarDays, getIsoWeekday, getLocalDate, localMinuteToInstant, parseMinuteOfDay } from '../time';

// Shift preferences (issue 4): "give me a shift then" / "keep me free then", on one local date or
// on weekdays, the whole day or a window, on the wall clock of the zone they were entered in.
// Soft: the roster generator weighs them after cover and never lets them break a labour rule.

/**
 * Objective weight of one unmet preference. The team roster weighs a missing agent 1000 and a
 * surplus agent 10, so no wish, however strong, leaves a seat empty or adds a surplus agent:
 * wishes choose between rosters of equal cover, and come before pay (under 1 per shift).
 */
export const PREFERENCE_WEIGHTS: Readonly<Record<PreferenceStrength, number>> = { low: 1, normal: 3, strong: 6 };

export interface SchedulingPreference {
  id: string;
  agentId: string;
  kind: PreferenceKind;
  /** One local date, or null for a weekly preference on `weekdays`. */
  date: LocalDate | null;
  /** ISO weekdays (1 = Monday) when `date` is null. */
  weekdays: readonly number[];
  /** `HH:mm`; both null = the whole day; an end at or before the start runs into the next day. */
  startTime: LocalTime | null;
  endTime: LocalTime | null;
  timeZone: TimeZone;
  strength: PreferenceStrength;
}

/** One occurrence of a preference, UTC epoch ms, half-open, with the local date it belongs to. */
export interface PreferenceOccurrence {
  date: LocalDate;
  start: Instant;
  end: Instant;
}

/**
 * The occurrences of a preference that overlap [from, to) (UTC epoch ms), in order. Each is laid
 * out on the wall clock of the preference's own zone with the lib's DST policy, like availability
 * windows: a whole day is 23 or 25 real hours on a DST day; 00:00–03:00 on the spring-forward
 * night is 2 real hours.
 */
export function expandPreference(preference: SchedulingPreference, from: Instant, to: Instant): PreferenceOccurrence[] {
  if (to <= from) return [];
  const zone = preference.timeZone;
  const window = windowMinutes(preference);
  if (!window) return [];
  // A window can run into the next day: start a day early so last night's occurrence is seen.
  const first = addCalendarDays(getLocalDate(from, zone), -1);
  const last = getLocalDate(to, zone);
  const weekdays = new Set(preference.weekdays);
  const dates: LocalDate[] = [];
  if (preference.date !== null) {
    if (preference.date >= first && preference.date <= last) dates.push(preference.date);
  } else {
    for (let date = first; date <= last; date = addCalendarDays(date, 1)) if (weekdays.has(getIsoWeekday(date))) dates.push(date);
  }
  const occurrences: PreferenceOccurrence[] = [];
  for (const date of dates) {
    const start = localMinuteToInstant({ date, minutes: window.start, zone });
    const end = localMinuteToInstant({ date, minutes: window.end, zone });
    if (end > start && start < to && end > from) occurrences.push({ date, start, end });
  }
  return occurrences;
}

/** The window as minutes after its own day's midnight (end up to 2 × 1440), or null if malformed. */
function windowMinutes(preference: SchedulingPreference): { start: number; end: number } | null {
  if (preference.startTime === null && preference.endTime === null) return { start: 0, end: 1440 };
  if (preference.startTime === null || preference.endTime === null) return null;
  const start = parseMinuteOfDay(preference.startTime);
  const end = parseMinuteOfDay(preference.endTime, { allowEndOfDay: true });
  if (start === null || end === null) return null;
  return { start, end: end <= start ? end + 1440 : end };
}
