import type { AvailabilityByWeekday, Channel, LanguageSkill } from '@shiftdesk/shared-api-contract';

/**
 * Core scheduling vocabulary shared by every part of the domain.
 *
 * Conventions (see HOUSE_STYLE.md):
 * - An `Instant` is a UTC epoch in milliseconds. Wall-clock values always travel with an IANA zone.
 * - Intervals are half-open: [start, end).
 * - Nothing here reads the clock or randomness; callers pass `now` and `seed`.
 */

/** UTC epoch milliseconds. */
export type Instant = number;

/** An IANA time zone name, e.g. `Europe/Moscow`. Validate with `isValidTimeZone`. */
export type TimeZone = string;

/** A local calendar date `YYYY-MM-DD`, meaningful only together with a zone. */
export type LocalDate = string;

/** A local wall-clock time `HH:mm` (24 h), meaningful only together with a zone. */
export type LocalTime = string;

/** Half-open span of time [start, end) in UTC epoch ms. */
export interface Interval {
  start: Instant;
  end: Instant;
}

// Channels, language levels and skills are product vocabulary shared with the API and UI:
// defined once in the contract lib and re-exported here so domain code reads naturally.
export { CHANNELS, LANGUAGE_LEVELS } from '@shiftdesk/shared-api-contract';
export type { AvailabilityByWeekday, AvailabilityWindow, Channel, LanguageLevel, LanguageSkill } from '@shiftdesk/shared-api-contract';

/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's numbering). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** What the scheduling domain needs to know about an agent. No pay, no contact data. */
export interface SchedulingAgent {
  id: string;
  displayName: string;
  timeZone: TimeZone;
  languages: LanguageSkill[];
  channels: Channel[];
  /** Contracted hours per week; used for weekly-hours checks and staffing maths. */
  contractHoursPerWeek: number;
  active: boolean;
  /**
   * Weekly windows (wall clock in `timeZone`) the agent can work; null or missing = any time.
   * A hard rule: see `isWithinAvailability`.
   */
  availability?: AvailabilityByWeekday | null;
}

/** An unpaid break inside a shift, half-open, within the shift's span. */
export interface ShiftBreak {
  start: Instant;
  end: Instant;
}

export type ShiftStatus = 'draft' | 'published';

/** Where a final shift came from, so consumers (UI, iCal, audit) can explain it. */
export type ShiftSource = 'manual' | 'rotation' | 'override' | 'swap' | 'roster';

/**
 * A shift as it stands in the final, resolved schedule: one agent, one half-open span,
 * planned in `timeZone` (the zone its wall-clock times were entered in).
 */
export interface Shift {
  /** Stable for the life of the shift (also across swaps): iCal UIDs are derived from it. */
  id: string;
  agentId: string;
  start: Instant;
  end: Instant;
  timeZone: TimeZone;
  /** Optional channel the agent works on this shift; `null` means any of the agent's channels. */
  channel: Channel | null;
  /** Optional free label ("Morning", "Phone lead"). */
  label: string | null;
  breaks: ShiftBreak[];
  status: ShiftStatus;
  source: ShiftSource;
  /** Rotation that produced it, when `source` is `rotation` (or an override of one). */
  rotationId?: string;
  /** A manual shift a manager pinned: the roster generator keeps it as it is. */
  locked?: boolean;
}

/** Typed result for expected failures; the API maps `reason` to an HTTP status. */
export type Result<T, R extends string = string> =
  | { ok: true; value: T }
  | { ok: false; reason: R; message: string; field?: string };
