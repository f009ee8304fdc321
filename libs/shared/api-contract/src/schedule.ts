import type { Channel } from './vocabulary';

// Shifts, rotations, overrides and the resolved schedule (issue 3). Instants are ISO 8601 UTC
// strings with milliseconds (`2026-01-05T08:00:00.000Z`); intervals are half-open [start, end);
// local dates are `YYYY-MM-DD` and local times `HH:mm`, meaningful only with their IANA zone.

/** Longest label of a shift or a rotation ("Early", "Phone lead"): API, database and forms alike. */
export const SHIFT_LABEL_MAX_LENGTH = 120;

export const SHIFT_STATUSES = ['draft', 'published'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];

/** Where a final shift came from. */
export type ShiftSource = 'manual' | 'rotation' | 'override' | 'swap' | 'roster';

/** Longest shift the API accepts, in hours. */
export const MAX_SHIFT_HOURS = 24;

/** An unpaid break inside a shift, [start, end) in UTC. */
export interface ShiftBreakSpan {
  start: string;
  end: string;
}

/** A manual shift as stored. */
export interface ManualShift {
  id: string;
  teamId: string;
  agentId: string;
  start: string;
  end: string;
  /** IANA zone the shift was planned in (for showing and editing it in local time). */
  timeZone: string;
  channel: Channel | null;
  label: string | null;
  breaks: ShiftBreakSpan[];
  status: ShiftStatus;
  /** Pinned by a manager: the roster generator plans around it and never replaces it. */
  locked: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateShiftRequest {
  agentId: string;
  start: string;
  end: string;
  timeZone: string;
  channel?: Channel | null;
  label?: string | null;
  breaks?: ShiftBreakSpan[];
  /** Default `published`. */
  status?: ShiftStatus;
  /** Default false. */
  locked?: boolean;
}

/** Every field optional; given fields replace the stored ones (breaks as a whole). */
export type UpdateShiftRequest = Partial<CreateShiftRequest>;

export interface ListShiftsQuery {
  from?: string;
  to?: string;
  agentId?: string;
}

/** A shift of the final, resolved schedule (manual shifts, rotation shifts, override pieces). */
export interface ScheduledShift {
  /** Stable: manual shift id, or `<rotationId>:<localDate>:<agentId>` (+ `~…` for pieces). */
  id: string;
  agentId: string;
  start: string;
  end: string;
  timeZone: string;
  channel: Channel | null;
  label: string | null;
  breaks: ShiftBreakSpan[];
  status: ShiftStatus;
  source: ShiftSource;
  rotationId: string | null;
  /** A manual shift a manager locked (rotation turns are never locked). */
  locked: boolean;
}

/** A time window of a read endpoint, echoed back as resolved (defaults applied). */
export interface WindowQuery {
  from?: string;
  to?: string;
}

export interface ScheduleResponse {
  teamId: string;
  from: string;
  to: string;
  /** Shifts intersecting [from, to), whole (not clipped), sorted by start, agent, id. */
  shifts: ScheduledShift[];
}

// ---- Rotations --------------------------------------------------------------------------

export type RotationHandoff = { mode: 'turns'; every: number } | { mode: 'all' };

/** An unpaid break in every rotation shift, in elapsed minutes from the shift's start. */
export interface RotationBreak {
  startAfterMinutes: number;
  durationMinutes: number;
}

export interface Rotation {
  id: string;
  teamId: string;
  name: string;
  timeZone: string;
  /** `HH:mm` wall clock in `timeZone`. */
  localStartTime: string;
  /** `HH:mm`; at or before `localStartTime` means the next day. */
  localEndTime: string;
  /** RFC 5545 RRULE without DTSTART, e.g. `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`. */
  rrule: string;
  exdates: string[];
  /** Ordered: in `turns` mode the first occurrence goes to `agentIds[0]`. */
  agentIds: string[];
  handoff: RotationHandoff;
  /** First local date (inclusive). */
  startDate: string;
  /** EXCLUSIVE end date, or null when open-ended. */
  endDate: string | null;
  /** Turns taken before `startDate` (set when a version continues an older one). */
  turnOffset: number;
  channel: Channel | null;
  label: string | null;
  breaks: RotationBreak[];
  status: ShiftStatus;
  /** The version this one replaced (edits of a started rotation create a new version). */
  previousVersionId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateRotationRequest {
  name: string;
  timeZone: string;
  localStartTime: string;
  localEndTime: string;
  rrule: string;
  exdates?: string[];
  agentIds: string[];
  handoff: RotationHandoff;
  startDate: string;
  endDate?: string | null;
  channel?: Channel | null;
  label?: string | null;
  breaks?: RotationBreak[];
  /** Default `published`. */
  status?: ShiftStatus;
}

/**
 * Changes to a rotation. When the rotation has started before `effectiveFrom` (default: tomorrow
 * in the rotation's zone), the old version ends at `effectiveFrom` and a new version with a new id
 * starts there, so shifts before it never change; otherwise the rotation is edited in place.
 */
export interface UpdateRotationRequest extends Partial<Omit<CreateRotationRequest, 'startDate'>> {
  /** Local date the change takes effect (default tomorrow); not before today. */
  effectiveFrom?: string;
  /** Only for a rotation that has not started yet. */
  startDate?: string;
}

export interface UpdateRotationResponse {
  /** `edited` in place, or `versioned`: `previous` now ends where `rotation` starts. */
  outcome: 'edited' | 'versioned';
  rotation: Rotation;
  previous: Rotation | null;
}

/** A started rotation is ended after today (past and today's shifts stay); one starting later is deleted. */
export interface DeleteRotationResponse {
  outcome: 'deleted' | 'ended';
}

export interface RotationPreviewQuery {
  from?: string;
  count?: number;
}

export interface RotationPreviewOccurrence {
  index: number;
  localDate: string;
  start: string;
  end: string;
  agentIds: string[];
}

export interface RotationPreviewResponse {
  rotationId: string;
  timeZone: string;
  occurrences: RotationPreviewOccurrence[];
}

/**
 * `POST /api/teams/:id/rotations/import/opsgenie`: an Opsgenie schedule becomes rotations of the
 * team, its participants matched to the team's agents by email.
 */
export interface ImportOpsgenieRequest extends ScheduleImportOptions {
  /** Opsgenie's `GET /v2/schedules/{id}` answer (or its `data` object), as JSON or as its text. */
  schedule: unknown;
}

/** What every schedule import (Opsgenie, Grafana OnCall) takes besides the other tool's document. */
export interface ScheduleImportOptions {
  /**
   * First local date (`YYYY-MM-DD`, in each rotation's zone: an Opsgenie schedule has one for all)
   * the rotations run here; default today there. Turns continue as they stand on it.
   */
  from?: string;
  /**
   * Add the people on call who are not agents of the team yet (matched by email) as agents, in
   * the same transaction: named and zoned as the other tool says where it does (OnCall's name or
   * username and time zone), else by their email before the @ and in the team's zone; remote, 40 h a week, no
   * languages or channels and no login, for the manager to complete. Default false: they are an error.
   */
  addMissingAgents?: boolean;
  /** Only say what would be created (default false). */
  dryRun?: boolean;
}

/** One rotation the import makes, with who works its next occurrences. */
export interface ImportedRotationPreview {
  name: string;
  timeZone: string;
  localStartTime: string;
  localEndTime: string;
  rrule: string;
  agentIds: string[];
  handoff: RotationHandoff;
  startDate: string;
  endDate: string | null;
  next: RotationPreviewOccurrence[];
}

/**
 * `POST /api/teams/:id/rotations/import/grafana-oncall`: Grafana OnCall rotations (its on-call
 * shifts) become rotations of the team, its users matched to the team's agents by email.
 */
export interface ImportGrafanaOncallRequest extends ScheduleImportOptions {
  /** OnCall's `GET /api/v1/on_call_shifts/?schedule_id=…` answer (or its `results`), as JSON or as its text. */
  shifts: unknown;
  /** OnCall's `GET /api/v1/users/` answer, to turn the shifts' user ids into emails; optional when the shifts name users by email. */
  users?: unknown;
  /** The OnCall schedule's time zone, for shifts without their own `time_zone`. */
  timeZone?: string;
}

/** An agent a schedule import adds (`addMissingAgents`); on a dry run the id is not kept. */
export interface ImportedAgent {
  id: string;
  displayName: string;
  email: string;
  timeZone: string;
}

/** The answer of every schedule import (Opsgenie, Grafana OnCall). */
export interface ImportScheduleResponse {
  scheduleName: string;
  timeZone: string;
  from: string;
  dryRun: boolean;
  rotations: ImportedRotationPreview[];
  /** The rotations written (empty on a dry run). */
  created: Rotation[];
  /** The agents added (`addMissingAgents`), whom the rotations' `agentIds` may name; on a dry run, those that would be. */
  addedAgents: ImportedAgent[];
  /** What could not be carried over exactly. */
  warnings: string[];
}

// ---- Overrides --------------------------------------------------------------------------

/** `agentId` takes over what the rotation(s) put on [start, end). */
export interface Override {
  id: string;
  teamId: string;
  /** One rotation, or null for every rotation of the team. */
  rotationId: string | null;
  agentId: string;
  /** Only this agent's rotation shifts are taken over (needed for all-at-once rotations). */
  replacesAgentId: string | null;
  start: string;
  end: string;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export interface CreateOverrideRequest {
  agentId: string;
  start: string;
  end: string;
  timeZone: string;
  rotationId?: string | null;
  replacesAgentId?: string | null;
}

export type UpdateOverrideRequest = Partial<CreateOverrideRequest>;
