import { type ApiProcess, startApi, stopApis } from './support/api-process';
import { createFaultDatabase, type FaultDatabase } from './support/database';

/** One-second ticks (SHIFTDESK_JOB_TICK_MS); production intervals are minutes to an hour. */
const TICK = 1_000;
const JOBS = ['calendar-imports', 'gap-scan', 'login-lockout-cleanup', 'request-expiry', 'session-cleanup', 'webhook-retries'];

interface Run {
  job: string;
  tick: number;
  pid: number;
}

/** The scheduler's debug line for each run: "<job>: ran tick <n> in <host>:<pid>:<id>" (plain or JSON logs). */
function runsOf(api: ApiProcess): Run[] {
  // eslint-disable-next-line no-control-regex
  const text = api.output().replace(/\x1b\[[0-9;]*m/g, '');
  return [...text.matchAll(/([a-z-]+): ran tick (\d+) in [^\s":]+:(\d+):/g)].map((match) => ({ job: match[1], tick: Number(match[2]), pid: Number(match[3]) }));
}

const tickNow = () => Math.floor(Date.now() / TICK);
const untilTick = (tick: number, offsetMs = 0) => new Promise((resolve) => setTimeout(resolve, Math.max(0, tick * TICK + offsetMs - Date.now())));

describe('two processes of the built API on one database', () => {
  let db: FaultDatabase;
  beforeAll(async () => {
    db = await createFaultDatabase();
  });
  afterAll(async () => {
    await stopApis();
    await db?.close();
  });

  it('run each periodic job once per tick, and the survivor takes over within one tick when the leader is SIGKILLed', async () => {
    const env = { SHIFTDESK_JOB_TICK_MS: String(TICK), SHIFTDESK_LOG_LEVEL: 'debug' };
    const first = await startApi(db, env);
    const second = await startApi(db, env);
    const from = tickNow() + 1;
    await untilTick(from + 3, 600);

    // The leader of the gap scan, from its lease; killed somewhere inside a tick, without warning.
    const [lease] = await db.query<{ holder: string }>(`SELECT holder FROM job_leases WHERE name = 'gap-scan'`);
    const leader = [first, second].find((api) => lease.holder.includes(`:${api.pid}:`));
    expect(leader).toBeDefined();
    const survivor = leader === first ? second : first;
    await untilTick(tickNow() + 1, 100 + Math.floor(Math.random() * 700));
    const killedIn = tickNow();
    expect(await (leader as ApiProcess).stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    await untilTick(killedIn + 4, 600);

    const runs = [...runsOf(first), ...runsOf(second)];
    for (const job of JOBS) {
      const perTick = (tick: number) => runs.filter((run) => run.job === job && run.tick === tick);
      // Both alive: exactly one run per tick, whichever process.
      for (let tick = from; tick < killedIn; tick += 1) expect({ job, tick, runs: perTick(tick).length }).toEqual({ job, tick, runs: 1 });
      // The tick the leader died in ran at most once (it may have died during that run).
      expect(perTick(killedIn).length).toBeLessThanOrEqual(1);
      // From the next tick on, the survivor runs every tick: a dead leader is replaced within one tick.
      for (let tick = killedIn + 1; tick <= killedIn + 3; tick += 1) {
        expect({ job, tick, pids: perTick(tick).map((run) => run.pid) }).toEqual({ job, tick, pids: [survivor.pid] });
      }
    }
    await survivor.stop('SIGTERM');
  });
});
