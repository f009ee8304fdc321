import type { Weekday } from '../model/types';

/**
 * The roster generator's model: assign each agent at most one shift type per day over a
 * horizon of whole days, subject to hard labour rules, minimising a weighted penalty.
 *
 * Days are 0-based indices into the horizon; `firstWeekday` says which weekday day 0 is
 * (1 = Monday … 7 = Sunday), so weekends are known without any clock or zone.
 * Everything is plain data: the API maps agents, coverage rules and shift templates onto it;
 * the Curtois benchmark importer (`curtois/`) maps the public instances onto it.
 */
export interface RosterProblem {
  /** Number of days in the horizon (day 0 … horizonDays − 1). */
  horizonDays: number;
  /** Weekday of day 0 (1 = Monday … 7 = Sunday). */
  firstWeekday: Weekday;
  shiftTypes: RosterShiftType[];
  employees: RosterEmployee[];
  /** Cover requirements per day × shift type; pairs without a line carry no cover penalty. */
  cover: CoverRequirement[];
  shiftOnRequests: ShiftRequest[];
  shiftOffRequests: ShiftRequest[];
  /** Assignments pinned by the manager; `shiftTypeId: null` pins a day off. Hard. */
  locked: LockedAssignment[];
}

/** A shift shape. `cannotFollow` lists shift types not allowed on the next day after this one. */
export interface RosterShiftType {
  id: string;
  lengthMinutes: number;
  /** Shift type ids that may not be worked on day d + 1 after this one on day d (minimum rest). */
  cannotFollow: string[];
}

/** One agent's hard rules and cost over the horizon. */
export interface RosterEmployee {
  id: string;
  /** Max number of shifts per shift type over the horizon; a missing type or 0 means never. */
  maxShifts: Record<string, number>;
  /** Contract band over the whole horizon, in minutes (inclusive). */
  minTotalMinutes: number;
  maxTotalMinutes: number;
  /** Max consecutive working days; days before day 0 count as off. */
  maxConsecutiveDays: number;
  /** Min length of a block of working days that starts and ends inside the horizon. */
  minConsecutiveDays: number;
  /** Min length of a block of days off that starts and ends inside the horizon. */
  minConsecutiveDaysOff: number;
  /** Max number of weekends (Saturday + Sunday of one week) with any shift. */
  maxWeekends: number;
  /** Days the agent must not work (time off, unavailability). */
  daysOff: number[];
  /** Caps on worked minutes over day ranges, e.g. one per ISO week for weekly contract hours. */
  minuteCaps?: MinuteCap[];
  /** Optional cost per worked hour in minor currency units; adds the `cost` objective term. */
  hourlyCost?: number;
}

/**
 * At most `maxMinutes` worked over a set of cells, each counting the minutes given (e.g. one cap
 * per ISO week, where a night shift on Sunday counts only its hours before Monday 00:00).
 */
export interface MinuteCap {
  maxMinutes: number;
  /** Cells that count toward the cap; unlisted cells count 0. */
  terms: MinuteCapTerm[];
}

export interface MinuteCapTerm {
  day: number;
  shiftTypeId: string;
  minutes: number;
}

/** Preferred head count for one shift type on one day, with penalties per missing/surplus agent. */
export interface CoverRequirement {
  day: number;
  shiftTypeId: string;
  requirement: number;
  underWeight: number;
  overWeight: number;
}

/** A shift-on (wants to work it) or shift-off (wants not to work it) request with its weight. */
export interface ShiftRequest {
  employeeId: string;
  day: number;
  shiftTypeId: string;
  weight: number;
}

/** A manager-pinned cell: this agent works `shiftTypeId` on `day`, or is off when `null`. */
export interface LockedAssignment {
  employeeId: string;
  day: number;
  shiftTypeId: string | null;
}

/**
 * A roster: one row per employee, in `problem.employees` order, with one entry per day:
 * the shift type id worked, or `null` for a day off.
 */
export interface RosterRow {
  employeeId: string;
  days: (string | null)[];
}
export type Roster = RosterRow[];

/** Every objective term, each a non-negative penalty. */
export interface ObjectiveBreakdown {
  coverUnder: number;
  coverOver: number;
  shiftOn: number;
  shiftOff: number;
  /** Labour cost in minor units (hourlyCost × worked hours); 0 without pay data. */
  cost: number;
}

export type HardViolationCode =
  | 'unknown-shift-type'
  | 'wrong-row-count'
  | 'wrong-horizon'
  | 'rest'
  | 'max-shifts-per-type'
  | 'min-total-minutes'
  | 'max-total-minutes'
  | 'minute-cap'
  | 'max-consecutive-days'
  | 'min-consecutive-days'
  | 'min-consecutive-days-off'
  | 'max-weekends'
  | 'day-off'
  | 'locked';

export interface HardViolation {
  code: HardViolationCode;
  employeeId: string;
  day?: number;
  message: string;
}

export interface RosterEvaluation {
  /** Sum of the breakdown's terms. */
  objective: number;
  breakdown: ObjectiveBreakdown;
  /** Empty when the roster is feasible. Stable order: by employee, then day. */
  hardViolations: HardViolation[];
}
