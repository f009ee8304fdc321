import type { Instant, Shift, TimeZone } from '../model/types';
import type { Rotation } from '../recurrence/rotation';

/**
 * A one-off replacement on a rotation: during [start, end) (UTC epoch ms, half-open) `agentId`
 * takes over whatever the targeted rotation(s) put on that span. Target either one rotation
 * (`rotationId`) or every rotation of a team (`teamId`). With `replacesAgentId` only that
 * agent's shifts are taken over (needed for `all`-mode rotations, where several agents share a
 * span); without it every targeted shift in the span goes to `agentId`, and identical spans are
 * merged so the replacement is never booked twice.
 */
export interface Override {
  id: string;
  rotationId?: string | null;
  teamId?: string | null;
  agentId: string;
  replacesAgentId?: string | null;
  start: Instant;
  end: Instant;
  /** Zone the override was planned in; the replacement pieces carry it. */
  timeZone: TimeZone;
}

/** An accepted swap: shift `shiftId`, currently `fromAgentId`'s, now belongs to `toAgentId`. */
export interface SwapApplied {
  shiftId: string;
  fromAgentId: string;
  toAgentId: string;
}

/** Approved absence: `agentId` works no shift during [start, end) (UTC epoch ms, half-open). */
export interface TimeOff {
  id?: string;
  agentId: string;
  start: Instant;
  end: Instant;
}

/** Everything the one resolution step reads. */
export interface ResolveScheduleInput {
  /** Manual shifts, passed through (swaps and time off still apply to them). */
  shifts: readonly Shift[];
  rotations: readonly Rotation[];
  overrides?: readonly Override[];
  /** Accepted swaps, applied in the order given (acceptance order). */
  swaps?: readonly SwapApplied[];
  timeOff?: readonly TimeOff[];
  from: Instant;
  to: Instant;
}
