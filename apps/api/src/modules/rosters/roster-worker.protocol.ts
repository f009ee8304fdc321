import type { GenerateRosterProgress, GenerateRosterResult, RosterProblem } from '@shiftdesk/scheduling/solver';

/** What the parent hands the roster worker (structured-cloned; `stop` is shared memory). */
export interface RosterWorkerInput {
  problem: RosterProblem;
  seed: number;
  timeLimitMs: number;
  /**
   * One Int32 the parent sets to 1 to stop the search. The solver runs synchronously for long
   * stretches, so a posted message would not be read before it finishes; shared memory is.
   */
  stop: SharedArrayBuffer;
}

export type RosterWorkerMessage =
  | { type: 'progress'; progress: GenerateRosterProgress }
  | { type: 'done'; result: GenerateRosterResult }
  | { type: 'error'; message: string };
