import type { Channel, Instant, LocalDate, LocalTime, ShiftStatus, TimeZone } from '../model/types';

/**
 * How a rotation's agents share its occurrences.
 * - `turns`: one agent per occurrence; the agent changes every `every` occurrences, in
 *   `agentIds` order, wrapping around.
 * - `all`: every agent works every occurrence.
 */
export type RotationHandoff = { mode: 'turns'; every: number } | { mode: 'all' };

/**
 * An unpaid break inside every shift of a rotation. Measured in elapsed minutes from the shift's
 * start instant (not wall-clock), so a break stays the same length on DST days.
 */
export interface RotationBreak {
  startAfterMinutes: number;
  durationMinutes: number;
}

/**
 * A recurring shift pattern, planned on the wall clock of `timeZone`.
 *
 * Each occurrence starts on a local date chosen by `rrule` at `localStartTime` and ends at
 * `localEndTime`; an end at or before the start means the next local day (22:00–06:00 is a night
 * shift, 09:00–09:00 a 24 h on-call day). Local start and end are kept, so across a DST change a
 * shift lasts an hour more or less (see the DST policy in `time/time-zone.ts`).
 */
export interface Rotation {
  id: string;
  teamId?: string | null;
  timeZone: TimeZone;
  /** `HH:mm`, wall clock in `timeZone`. */
  localStartTime: LocalTime;
  /** `HH:mm`, wall clock in `timeZone`; at or before `localStartTime` means the next day. */
  localEndTime: LocalTime;
  /**
   * RRULE value without DTSTART (e.g. `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`): FREQ (DAILY, WEEKLY,
   * MONTHLY, YEARLY), INTERVAL, BYDAY, COUNT, UNTIL, WKST. DTSTART is `startDate` at
   * `localStartTime`; the first occurrence is the first matching date on or after `startDate`.
   * COUNT counts occurrences before EXDATEs are removed (RFC 5545 §3.8.5.3).
   */
  rrule: string;
  /** Local dates on which the rotation does not run (EXDATE), `YYYY-MM-DD`. */
  exdates: LocalDate[];
  /** Ordered; unique. In `turns` mode the first occurrence goes to `agentIds[0]`. */
  agentIds: string[];
  handoff: RotationHandoff;
  /** First local date an occurrence may start on (inclusive). */
  startDate: LocalDate;
  /**
   * EXCLUSIVE end: no occurrence starts on this local date or later. Exclusive so that a version
   * split hands over cleanly (old.endDate === new.startDate). `null`/absent: open-ended.
   */
  endDate?: LocalDate | null;
  /**
   * Turns already taken before `startDate` (default 0): occurrence k of this rotation is treated
   * as occurrence `k + turnOffset` when picking the agent. `splitRotationAt` sets it so the new
   * version continues the old one's cycle.
   */
  turnOffset?: number;
  channel?: Channel | null;
  label?: string | null;
  breaks?: RotationBreak[];
  /** Status given to every generated shift. */
  status: ShiftStatus;
}

/** One occurrence of a rotation, for previews: who works it and when (UTC epoch ms, [start, end)). */
export interface RotationOccurrence {
  /** 0-based position among all RRULE occurrences since `startDate` (EXDATEs included). */
  index: number;
  /** Local date the occurrence starts on, in the rotation's zone. */
  localDate: LocalDate;
  start: Instant;
  end: Instant;
  agentIds: string[];
}
