import type { DraftRosterShift, GenerateRosterProgress, GenerateRosterResult, PreferenceOutcome, TeamRosterInput, UnfilledCover } from '@shiftdesk/scheduling/solver';

/** What the parent hands the roster worker (structured-cloned; `stop` is shared memory). */
export interface RosterWorkerInput {
  /** The team as loaded from the database; the worker builds the model from it. */
  team: TeamRosterInput;
  seed: number;
  timeLimitMs: number;
  /**
   * One Int32 the parent sets to 1 to stop the search. The solver runs synchronously for long
   * stretches, so a posted message would not be read before it finishes; shared memory is.
   */
  stop: SharedArrayBuffer;
}

/** The generator's answer without the raw roster, plus the roster as draft shifts and the unfilled cover. */
export interface RosterWorkerResult {
  solver: Omit<GenerateRosterResult, 'roster'>;
  drafts: DraftRosterShift[];
  unfilled: UnfilledCover[];
  preferences: PreferenceOutcome;
}

export type RosterWorkerMessage =
  | { type: 'progress'; progress: GenerateRosterProgress }
  | { type: 'done'; result: RosterWorkerResult }
  | { type: 'error'; message: string };
