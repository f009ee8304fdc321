import type { Channel, Instant, LocalDate, LocalTime, SchedulingAgent, Shift, TimeZone } from '../../model/types';
import type { CoverageRule } from '../../coverage/coverage-rule';
import type { LabourRulesSet } from '../../rules/labour-rules';
import type { SchedulingPreference } from '../../rules/preferences';
import type { RosterProblem } from '../roster-problem';
import type { PreferenceCells } from './preferences';

/**
 * A shift shape a manager allows in a generated roster: a local start time in the TEAM's zone
 * and a nominal length. On a DST night the real span is the local start to the local end
 * (start + length on the wall clock), so it lasts an hour less or more, like rotations.
 */
export interface RosterShiftShape {
  /** Unique within one request; the roster's shift type id and the draft shifts' label. */
  id: string;
  /** `HH:mm`, team zone. */
  localStartTime: LocalTime;
  /** Nominal wall-clock length, minutes (1 … 1440). */
  lengthMinutes: number;
  /** Only agents working this channel take it; the draft shift carries it. */
  channel?: Channel | null;
  /** ISO 639-1: only agents speaking it (at the strictest level the team's rules ask) take it. */
  language?: string | null;
  /**
   * At most this many shifts of this shape per agent over the period (nights, say); null or
   * absent: no cap beyond one shift a day. A hard rule of the generation; pinned shifts count
   * toward it and are kept even past it.
   */
  maxPerAgent?: number | null;
}

/** Approved time off of one agent, [start, end) UTC epoch ms. */
export interface RosterTimeOff {
  agentId: string;
  start: Instant;
  end: Instant;
}

export interface TeamRosterInput {
  /** The team's zone: shapes and the period are read in it. */
  timeZone: TimeZone;
  /** First local date of the period, inclusive. */
  from: LocalDate;
  /** Last local date of the period, inclusive. */
  to: LocalDate;
  /** The team's agents; inactive ones are never rostered. */
  agents: readonly SchedulingAgent[];
  rules: readonly CoverageRule[];
  shapes: readonly RosterShiftShape[];
  labourRules: LabourRulesSet;
  /**
   * Shifts that stay as they are (published, locked, rotation turns) around and inside the
   * period. One that matches a shape exactly (same span and channel) pins that cell; any other
   * blocks its agent's day, keeps the minimum rest around it and counts toward cover.
   */
  fixedShifts: readonly Shift[];
  timeOff: readonly RosterTimeOff[];
  /** Penalty per missing agent per day × shape (default 100) and per surplus agent (default 1). */
  underWeight?: number;
  overWeight?: number;
  /**
   * What an hour of each agent costs (any one currency, any unit; from the pay data). Used only
   * to break ties: of two otherwise equal rosters the cheaper one wins, never at the price of
   * cover. Agents missing here count as the dearest.
   */
  hourlyCosts?: Readonly<Record<string, number>>;
  /** Agents' wishes to work or to be free; soft, weighed after cover. */
  preferences?: readonly SchedulingPreference[];
  /** Spread nights, weekends and holidays evenly and avoid isolated working days; none when absent. */
  fairness?: TeamFairness;
}

/**
 * Fairness weights of a team roster (see RosterFairness for the exact terms). A shape is a night
 * shape when at least half of its nominal minutes fall between 22:00 and 06:00 in the TEAM's zone
 * (the pay lib's night hours); weekends and holidays are local dates in the team's zone.
 */
export interface TeamFairness {
  nightsWeight: number;
  weekendsWeight: number;
  holidaysWeight: number;
  isolatedDayWeight: number;
  /** Public holidays, local dates in the team's zone. */
  holidays: readonly LocalDate[];
}

/** The span of one shape on one local date, UTC epoch ms, half-open. */
export interface ShapeSpan {
  start: Instant;
  end: Instant;
}

/** Why an agent may never take a shape (skills, contract), before any day is looked at. */
export type ShapeIneligibility = 'inactive' | 'language' | 'channel' | 'shift-length' | 'no-hours';

/**
 * A team's roster problem plus what is needed to map the solver's answer back and explain it.
 * Plain data (arrays and records), so it can be kept beside a job or sent to a worker.
 */
export interface TeamRosterModel {
  problem: RosterProblem;
  timeZone: TimeZone;
  shapes: RosterShiftShape[];
  /** Local date of each horizon day. */
  dates: LocalDate[];
  /** spans[day][shape]. */
  spans: ShapeSpan[][];
  /** Cells pinned by fixed shifts: `${agentId}:${day}` → fixed shift id; never turned into drafts. */
  pinned: Record<string, string>;
  /** Head-count per [day][shape] the fixed shifts that are not pinned already provide. */
  fixedCover: number[][];
  /** Per agent id: days blocked by time off / by a fixed shift that matches no shape. */
  timeOffDays: Record<string, number[]>;
  busyDays: Record<string, number[]>;
  /** Per agent id: `${day}:${shapeId}` cells that would break the minimum rest around a fixed shift. */
  restConflicts: Record<string, string[]>;
  /**
   * Per agent id: `${day}:${shapeId}` cells (of shapes the agent is eligible for) whose real span
   * is outside the agent's availability windows; banned in the problem, never drafted.
   */
  unavailable: Record<string, string[]>;
  /** Per agent id and shape id: why the agent can never take it, or null when eligible. */
  eligibility: Record<string, Record<string, ShapeIneligibility | null>>;
  /** Required language level per shape id, when the shape has a language. */
  shapeLanguageLevel: Record<string, string>;
  /** Each preference occurrence in the period with the cells it is about (see preferenceRequests). */
  preferences: PreferenceCells[];
}

/** One draft shift of a generated roster, DST-correct: local start and end kept in the team zone. */
export interface DraftRosterShift {
  agentId: string;
  /** Local date (team zone) the shift starts on. */
  date: LocalDate;
  shapeId: string;
  start: Instant;
  end: Instant;
  timeZone: TimeZone;
  channel: Channel | null;
  label: string;
}

/** Why an agent could not take a cell the roster left short. */
export type RosterBlockReason = 'availability' | 'time-off' | 'other-shift' | 'weekly-hours' | 'consecutive-days' | 'rest' | 'shape-cap';

export type UnfilledCoverReason = 'no-eligible-agent' | RosterBlockReason | 'mixed' | 'search-stopped';

/** A day × shape the roster leaves short of its cover requirement, with the binding reason. */
export interface UnfilledCover {
  day: number;
  date: LocalDate;
  shapeId: string;
  start: Instant;
  end: Instant;
  required: number;
  assigned: number;
  reason: UnfilledCoverReason;
  message: string;
  /** Eligible agents not on this cell, counted by what kept each of them off it. */
  blocked: Partial<Record<RosterBlockReason, number>>;
}

export type TeamRosterErrorReason = 'invalid-period' | 'invalid-shape' | 'invalid-time-zone';
