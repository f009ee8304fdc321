import type { PreferenceKind } from './preferences';
import type { Channel } from './vocabulary';

// Roster generation (issue 4). Periods are local dates in the team's zone, both ends inclusive;
// instants are ISO 8601 UTC strings; shapes are local wall-clock times in the team's zone.

/** Default and largest solver time limit of one generation, seconds. */
export const ROSTER_DEFAULT_TIME_LIMIT_SECONDS = 30;
export const ROSTER_MAX_TIME_LIMIT_SECONDS = 600;
/** Longest period one generation covers, days. */
export const ROSTER_MAX_PERIOD_DAYS = 366;

/** Longest name of a shift shape in a generation request (it becomes the draft shifts' label). */
export const ROSTER_SHAPE_NAME_MAX_LENGTH = 60;

/** A shift shape the generator may use: local start + length in the team zone, optional channel/language. */
export interface RosterShiftShapeRequest {
  /** Unique within the request; becomes the draft shifts' label ("Early"). */
  name: string;
  /** `HH:mm`, team zone. */
  start: string;
  /** Wall-clock length in minutes; a DST night makes the real shift an hour shorter or longer. */
  lengthMinutes: number;
  channel?: Channel | null;
  /** ISO 639-1 code: only agents speaking it take the shape; language rules count on it. */
  language?: string | null;
  /** At most this many of this shape per agent over the period (nights, say); null: no cap. */
  maxPerAgent?: number | null;
}

export interface GenerateRosterRequest {
  /** First local date, inclusive. */
  from: string;
  /** Last local date, inclusive. */
  to: string;
  shapes: RosterShiftShapeRequest[];
  /** Default 30, at most 600. */
  timeLimitSeconds?: number;
  /** Same seed and input, same search (default 1). */
  seed?: number;
  /** How much to even out nights, weekends and holidays and avoid isolated working days (defaults: all 1). */
  fairness?: RosterFairnessRequest;
  /** Weigh the agents' shift preferences (default true). */
  preferences?: boolean;
}

/**
 * Weights of the fairness terms, each 0 (off) to 1 (the default). Capped at 1 so that evening
 * out never outweighs cover: no surplus agent is rostered just to even out nights.
 */
export interface RosterFairnessRequest {
  /** Nights (shapes at least half in 22:00–06:00, team zone) spread by contract share. */
  nights?: number;
  /** Saturday and Sunday shifts spread the same way. */
  weekends?: number;
  /** Public holidays (from the team's pay settings) spread the same way. */
  holidays?: number;
  /** A working day between two days off. */
  isolatedDays?: number;
}

export const ROSTER_DEFAULT_FAIRNESS: Required<RosterFairnessRequest> = { nights: 1, weekends: 1, holidays: 1, isolatedDays: 1 };

export const ROSTER_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type RosterJobStatus = (typeof ROSTER_JOB_STATUSES)[number];

export interface RosterJobProgress {
  /** `construction`, `mip` or `lns` (large neighbourhood search). */
  phase: string;
  /** Penalty of the best roster so far (lower is better). */
  bestObjective: number | null;
  /** Proven lower bound on the penalty, when known. */
  bound: number | null;
  /** (best − bound) / best, 0..1, when both are known. */
  gap: number | null;
  elapsedSeconds: number;
}

export interface RosterObjectiveBreakdown {
  coverUnder: number;
  coverOver: number;
  shiftOn: number;
  shiftOff: number;
  cost: number;
  /** Fairness terms (absent in jobs from before they existed). */
  nights?: number;
  weekends?: number;
  holidays?: number;
  isolatedDays?: number;
}

/** One draft shift of a generated roster. */
export interface RosterDraftShift {
  agentId: string;
  agentName: string;
  /** Local date (team zone) it starts on. */
  date: string;
  /** The shape's name; also the shift's label. */
  shape: string;
  start: string;
  end: string;
  timeZone: string;
  channel: Channel | null;
}

export type UnfilledCoverReason =
  | 'no-eligible-agent'
  | 'availability'
  | 'time-off'
  | 'other-shift'
  | 'weekly-hours'
  | 'consecutive-days'
  | 'rest'
  | 'shape-cap'
  | 'mixed'
  | 'search-stopped';

/** A day × shape the roster leaves short, with the binding reason in words. */
export interface RosterUnfilledGap {
  date: string;
  shape: string;
  start: string;
  end: string;
  required: number;
  assigned: number;
  reason: UnfilledCoverReason;
  message: string;
}

export interface RosterJobResult {
  /** `optimal`, `time-limit`, `iteration-limit`, `stopped` or `infeasible`. */
  solverStatus: string;
  feasible: boolean;
  objective: number;
  breakdown: RosterObjectiveBreakdown;
  bound: number | null;
  shifts: RosterDraftShift[];
  unfilled: RosterUnfilledGap[];
  /** How the roster treats the agents' preferences: each occurrence in the period counts once. */
  preferences: RosterPreferenceOutcome;
}

export interface RosterPreferenceOutcome {
  total: number;
  met: number;
  /** Occurrences the roster does not honour (cover or a labour rule came first). */
  unmet: { preferenceId: string; agentId: string; agentName: string; kind: PreferenceKind; date: string }[];
}

export interface RosterJob {
  id: string;
  teamId: string;
  status: RosterJobStatus;
  from: string;
  to: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: RosterJobProgress | null;
  /** When done, and when cancelled after the search started (the best roster so far). */
  result: RosterJobResult | null;
  error: string | null;
}

export interface GenerateRosterAccepted {
  jobId: string;
  status: RosterJobStatus;
}

export interface ApplyRosterResponse {
  /** Draft shifts written. */
  created: number;
  /** Earlier draft shifts of the team in the period that were replaced. */
  replaced: number;
}

export interface PublishShiftsResponse {
  published: number;
}
