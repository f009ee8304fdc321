import { buildTeamRosterProblem, explainUnfilledCover, generateRoster, rosterToDraftShifts, summarisePreferences } from '@shiftdesk/scheduling/solver';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { RosterWorkerInput, RosterWorkerMessage } from './roster-worker.protocol';

// Entry point of the roster worker thread: one generation, one HiGHS module, then exit. All the
// CPU work happens here (building the model of a year × 40 agents takes most of a second, the
// search up to the time limit, the mapping back), so the API's event loop only does I/O. Built
// as its own webpack entry (dist/apps/api/roster.worker.js); from sources it is loaded through
// ts-node (see roster-worker.launcher.ts).

const post = (message: RosterWorkerMessage) => parentPort?.postMessage(message);

async function run(input: RosterWorkerInput): Promise<void> {
  const stop = new Int32Array(input.stop);
  try {
    const built = buildTeamRosterProblem(input.team);
    if (!built.ok) {
      post({ type: 'error', message: `${built.field ?? 'request'}: ${built.message}` });
      return;
    }
    const model = built.value;
    const { roster, ...solver } = await generateRoster({
      problem: model.problem,
      seed: input.seed,
      timeLimitMs: input.timeLimitMs,
      now: () => performance.now(),
      shouldStop: () => Atomics.load(stop, 0) === 1,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({
      type: 'done',
      result: { solver, drafts: rosterToDraftShifts({ model, roster }), unfilled: explainUnfilledCover({ model, roster }), preferences: summarisePreferences({ model, roster }) },
    });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

void run(workerData as RosterWorkerInput);
