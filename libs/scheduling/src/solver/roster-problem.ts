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
  /** Soft fairness terms (nights, weekends, holidays spread evenly; isolated days); none when absent. */
  fairness?: RosterFairness;
}

/**
 * Fairness penalties (issue 4, objective level 3). Each of nights, weekends and holidays counts,
 * per employee, the cells of that kind worked, N_e, and penalises the deviation from the
 * employee's share of the team total: weight × Σ_e |N_e − T · m_e / Σ_f m_f|, where
 * T = Σ_f N_f and m_e is the employee's `maxTotalMinutes` (so the target is the employees' mean
 * scaled by m_e / mean m). Only employees who could work such a cell at all (an allowed shift
 * type of that kind on a day that is not a day off; for weekends also `maxWeekends` > 0) take
 * part in the mean: one who can never work nights has no night target. Targets are fractional,
 * so these terms may be too. Weights are ≥ 0; a weight of 0 (or no `fairness`) removes the term
 * (the generator and the evaluator ignore a negative one).
 */
export interface RosterFairness {
  /** Shift types that count as nights. */
  nightShiftTypeIds: string[];
  /** Days (indices) that are public holidays. */
  holidayDays: number[];
  /** Penalty per night an employee works above or below their target (see above). */
  nightsWeight: number;
  /** Same for weekend days worked (each Saturday and Sunday counts, from `firstWeekday`). */
  weekendsWeight: number;
  /** Same for holidays worked. */
  holidaysWeight: number;
  /**
   * Penalty per isolated working day: a worked day with a day off on both sides. The horizon
   * edges are not days off (the day before the period is not known here, as for the minimum
   * consecutive days rule), so day 0 and the last day are never isolated.
   */
  isolatedDayWeight: number;
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
  /** Fairness (`RosterFairness`): weighted deviation of nights worked from each employee's target. */
  nights: number;
  /** Weighted deviation of weekend days worked from each employee's target. */
  weekends: number;
  /** Weighted deviation of holidays worked from each employee's target. */
  holidays: number;
  /** Weighted count of isolated working days. */
  isolatedDays: number;
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
