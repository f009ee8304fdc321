import type { AuditEntry } from './audit';
import type { Page, PageQuery } from './common';
import type { ScheduledShift } from './schedule';
import type { Channel, LanguageLevel } from './vocabulary';

// Agents' requests (issue 5): swaps, give-aways (named or offered to everyone eligible) and time
// off. One record type, `ShiftRequest`, with a kind and a state machine; the final schedule reads
// approved requests through the one resolution step (swaps move a shift to another agent and keep
// its id; approved time off removes the agent's shifts in its span).

export const REQUEST_KINDS = ['swap', 'give-away', 'time-off'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/**
 * pending → accepted (by the colleague, for swaps and give-aways; an offered give-away is taken
 * by the first eligible agent) → approved (and applied to the schedule); or declined, cancelled,
 * expired (the shift or time off started first). A manager can undo an approved request: it
 * becomes `undone` and the schedule goes back; the trail keeps every step.
 * Time off skips `accepted`: pending → approved.
 */
export const REQUEST_STATES = ['pending', 'accepted', 'approved', 'declined', 'cancelled', 'expired', 'undone'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** States a request can still move out of by someone's action (expiry aside). */
export const OPEN_REQUEST_STATES: readonly RequestState[] = ['pending', 'accepted'];

export const TIME_OFF_REASONS = ['vacation', 'sick', 'personal', 'training', 'public-holiday', 'other'] as const;
export type TimeOffReason = (typeof TIME_OFF_REASONS)[number];

/**
 * `manager`: a manager approves every request. `auto-when-clean`: a request whose impact is clean
 * (no new gap, no broken rule) is approved as soon as it is accepted (time off: when filed);
 * the rest wait for a manager.
 */
export const REQUEST_APPROVAL_POLICIES = ['manager', 'auto-when-clean'] as const;
export type RequestApprovalPolicy = (typeof REQUEST_APPROVAL_POLICIES)[number];

/** What the caller may do with a request right now. */
export const REQUEST_ACTIONS = ['accept', 'decline', 'take', 'cancel', 'approve', 'undo'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** Whose move it is: the named colleague, any eligible taker (offered give-away), a manager, or nobody (closed). */
export type RequestAwaiting = 'colleague' | 'taker' | 'manager' | null;

/** A shift as it was when the request was made; a change since makes the request stale. */
export interface RequestShift {
  shiftId: string;
  agentId: string;
  start: string;
  end: string;
  timeZone: string;
  channel: Channel | null;
  label: string | null;
}

export interface RequestTimeOff {
  /** [start, end) UTC instants. For whole days: local midnight of `firstDate` to local midnight after `lastDate`. */
  start: string;
  end: string;
  /** The zone the span was entered in (the agent's zone for whole days). */
  timeZone: string;
  /** Whole days in the agent's zone (then `firstDate`/`lastDate` are set), or an hour span. */
  allDay: boolean;
  firstDate: string | null;
  /** INCLUSIVE last local date. */
  lastDate: string | null;
  reason: TimeOffReason;
}

export interface ShiftRequest {
  id: string;
  teamId: string;
  kind: RequestKind;
  state: RequestState;
  awaiting: RequestAwaiting;
  /** The agent whose shift (or time off) it is. */
  requesterAgentId: string;
  requesterName: string;
  /** Swap partner, named receiver, or the agent who took an offered give-away; null while an offer is open. */
  targetAgentId: string | null;
  targetName: string | null;
  /** A give-away offered to everyone eligible in the team. */
  offered: boolean;
  /** The requester's shift (swap, give-away). */
  shift: RequestShift | null;
  /** The colleague's shift the requester gets in return (swap). */
  targetShift: RequestShift | null;
  timeOff: RequestTimeOff | null;
  note: string | null;
  /** Who filed it: the agent, or a manager on the agent's behalf. */
  createdByName: string;
  decidedByName: string | null;
  decisionComment: string | null;
  /** When it expires if still open: the start of the (earliest) shift or of the time off. */
  expiresAt: string;
  createdAt: string;
  updatedAt: string;
  appliedAt: string | null;
  undoneAt: string | null;
  /** Rises on every change; send it back with a decision to refuse acting on a stale view (409). */
  version: number;
  actions: RequestAction[];
}

/** One thing that stands in the way (blocker) or deserves a look (warning). */
export interface ImpactIssue {
  agentId: string;
  agentName: string;
  /** `channel`, `inactive`, `overlap`, `time-off`, `language`, or a labour rule code (`min-rest`, `weekly-hours`, …). */
  code: string;
  message: string;
}

/** A stretch where a coverage rule's shortfall changes because of the request. */
export interface ImpactGap {
  ruleId: string;
  ruleName: string;
  /** [start, end) UTC; local labels in the team's zone. */
  start: string;
  end: string;
  localStart: string;
  localEnd: string;
  required: number;
  /** Fewest eligible agents present in the stretch, before and after the change. */
  presentBefore: number;
  presentAfter: number;
  language: { code: string; minLevel: LanguageLevel } | null;
  channel: Channel | null;
}

/** The request's effect on the final schedule as it would be after it, computed fresh on each read. */
export interface RequestImpact {
  computedAt: string;
  /** The shift(s) changed since the request was made (moved, reassigned, removed): only cancel or decline remain. */
  stale: boolean;
  staleReason: string | null;
  /** Hard: nobody can accept or approve the request while one remains. */
  blockers: ImpactIssue[];
  warnings: ImpactIssue[];
  gapsOpened: ImpactGap[];
  gapsClosed: ImpactGap[];
  /** No blocker and no new gap: `auto-when-clean` teams apply it without a manager. */
  clean: boolean;
}

export interface ShiftRequestDetail extends ShiftRequest {
  /** null once the request is closed (declined, cancelled, expired, undone). */
  impact: RequestImpact | null;
  /** Every state change, oldest first. */
  history: AuditEntry[];
}

/** Whole days (`firstDate`..`lastDate`, inclusive, in the agent's zone) or hours (`start`/`end` instants). */
export interface TimeOffInput {
  firstDate?: string;
  lastDate?: string;
  start?: string;
  end?: string;
  reason: TimeOffReason;
}

export interface CreateShiftRequestBody {
  kind: RequestKind;
  /** Managers filing for an agent; agents leave it out (it is them). */
  agentId?: string;
  /** Swap and give-away: the requester's shift (a final-schedule shift id). */
  shiftId?: string;
  /** Swap: the colleague; give-away: the named receiver (leave out with `offer: true`). */
  targetAgentId?: string;
  /** Swap: the colleague's shift. */
  targetShiftId?: string;
  /** Give-away to everyone eligible. */
  offer?: boolean;
  timeOff?: TimeOffInput;
  note?: string;
}

export interface RequestDecisionBody {
  comment?: string;
  /** The version the caller saw; a different current version answers 409. */
  version?: number;
}

/**
 * `mine`: requests I filed or that name me (agents), `open-shifts`: offered give-aways I could
 * take, `team`: every request of a team (managers; `teamId` required).
 */
export const REQUEST_SCOPES = ['mine', 'open-shifts', 'team'] as const;
export type RequestScope = (typeof REQUEST_SCOPES)[number];

export interface ListShiftRequestsQuery extends PageQuery {
  scope?: RequestScope;
  teamId?: string;
  state?: RequestState;
  kind?: RequestKind;
  awaiting?: Exclude<RequestAwaiting, null>;
}

export type ShiftRequestsResponse = Page<ShiftRequest>;

/** Request events on the team webhook, next to the gap events. */
export const REQUEST_WEBHOOK_EVENT_TYPES = [
  'request.created',
  'request.accepted',
  'request.approved',
  'request.declined',
  'request.cancelled',
  'request.expired',
  'request.undone',
] as const;
export type RequestWebhookEventType = (typeof REQUEST_WEBHOOK_EVENT_TYPES)[number];

// ---- In-app notices ---------------------------------------------------------------------

export interface Notice {
  id: string;
  /** The request it is about, for a link. */
  requestId: string | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

export interface NoticesResponse {
  items: Notice[];
  unread: number;
}

/** Marks the given notices read, or all of the caller's when `ids` is left out. */
export interface MarkNoticesReadBody {
  ids?: string[];
}

// ---- My shifts --------------------------------------------------------------------------

export interface PeriodHours {
  /** [from, to) UTC: the agent's current ISO week or calendar month, in the agent's zone. */
  from: string;
  to: string;
  /** Paid hours (breaks excluded) of final published shifts in the period. */
  scheduledHours: number;
  /** The part of `scheduledHours` already worked (ended before now). */
  workedHours: number;
  /** Contract hours for the period (weekly contract × days ÷ 7 for a month). */
  contractHours: number;
}

export interface MyShiftsQuery {
  from?: string;
  to?: string;
}

export interface MyShiftsResponse {
  agentId: string;
  timeZone: string;
  teamId: string;
  teamTimeZone: string;
  contractHoursPerWeek: number;
  from: string;
  to: string;
  /** Final published shifts intersecting [from, to), sorted by start. */
  shifts: ScheduledShift[];
  week: PeriodHours;
  month: PeriodHours;
}
