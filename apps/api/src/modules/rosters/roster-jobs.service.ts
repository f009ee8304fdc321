import { ConflictException, Injectable, Logger, NotFoundException, type OnModuleDestroy } from '@nestjs/common';
import type { RosterJob, RosterJobResult } from '@shiftdesk/shared-api-contract';
import type { DraftRosterShift, TeamRosterInput } from '@shiftdesk/scheduling/solver';
import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { MetricsService } from '../observability/metrics.service';
import { toIso } from '../schedule/instants';
import { ROSTER_JOB_HEARTBEAT_MS, ROSTER_JOB_STALE_MS, RosterJobRecords } from './roster-job-records.service';
import { startRosterWorker } from './roster-worker.launcher';
import type { RosterWorkerMessage, RosterWorkerResult } from './roster-worker.protocol';

/** Generations run one at a time per process: HiGHS is single-threaded and the machine is small. */
const MAX_RUNNING = 1;
/** Finished jobs kept for reading and applying; the oldest finished ones go first. */
const MAX_KEPT_JOBS = 100;
/** How long a cancel waits for the worker to hand back its best roster before terminating it. */
const CANCEL_GRACE_MS = 15_000;
/** A worker still running this long after its time limit is terminated (the job fails). */
const OVERRUN_GRACE_MS = 120_000;

export interface RosterJobInput {
  teamId: string;
  from: string;
  to: string;
  team: TeamRosterInput;
  agentNames: Map<string, string>;
  seed: number;
  timeLimitMs: number;
}

interface JobRecord {
  job: RosterJob;
  /** The team data goes to the worker and is dropped here once it has started (a year of fixed shifts is large). */
  input: Omit<RosterJobInput, 'team'> & { team: TeamRosterInput | null };
  stop: Int32Array;
  worker: Worker | null;
  drafts: DraftRosterShift[] | null;
  /** Resolves when the job reaches done, failed or cancelled. */
  settled: Promise<void>;
  settle: () => void;
  overrun?: NodeJS.Timeout;
}

const isFinished = (status: RosterJob['status']) => status === 'done' || status === 'failed' || status === 'cancelled';

/** While a job runs, `elapsedSeconds` is measured now (the solver reports only between steps, and not at all during construction). */
function withElapsed(job: RosterJob, now: number): RosterJob {
  if (job.status !== 'running' || job.startedAt === null) return { ...job };
  const elapsedSeconds = Math.max(0, now - Date.parse(job.startedAt)) / 1000;
  const progress = job.progress ?? { phase: 'construction', bestObjective: null, bound: null, gap: null, elapsedSeconds };
  return { ...job, progress: { ...progress, elapsedSeconds } };
}

/**
 * Roster generation jobs. The process that accepts a job runs it (a queue of one at a time) and
 * keeps it in memory, and mirrors it to the `roster_jobs` table (RosterJobRecords): status changes
 * at once, progress with a heartbeat every few seconds, the roster when it is done. Any other API
 * process answers reads, cancels (a flag the runner picks up with its next heartbeat) and applies
 * from that table, so several instances behind a load balancer need no sticky routing. A job
 * whose process stopped (no heartbeat for a minute) is reported as failed.
 *
 * Each job runs in its own worker thread (`roster.worker.ts`): building the model, the search and
 * turning the answer into draft shifts and reasons all happen off the event loop.
 */
@Injectable()
export class RosterJobs implements OnModuleDestroy {
  private readonly logger = new Logger('RosterJobs');
  private readonly jobs = new Map<string, JobRecord>();
  private readonly queue: JobRecord[] = [];
  private running = 0;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly records: RosterJobRecords,
    private readonly metrics: MetricsService,
  ) {}

  /** Queues a job; it is in the table (visible to every process) before this resolves. */
  async submit(input: RosterJobInput, now: number): Promise<RosterJob> {
    let settle = () => undefined as void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const record: JobRecord = {
      job: { id: randomUUID(), teamId: input.teamId, status: 'queued', from: input.from, to: input.to, createdAt: toIso(now), startedAt: null, finishedAt: null, progress: null, result: null, error: null },
      input,
      stop: new Int32Array(new SharedArrayBuffer(4)),
      worker: null,
      drafts: null,
      settled,
      settle,
    };
    this.jobs.set(record.job.id, record);
    await this.records.save(record.job, now);
    this.queue.push(record);
    this.prune();
    this.pump();
    this.beat();
    return { ...record.job };
  }

  /**
   * The job of this team, or 404 (a job id of another team is not revealed). While it runs,
   * `elapsedSeconds` is measured now (the solver reports only between steps, and not at all
   * during construction).
   */
  async get(teamId: string, jobId: string, now: number): Promise<RosterJob> {
    const local = this.jobs.get(jobId);
    return withElapsed(local && local.job.teamId === teamId ? local.job : await this.stored(teamId, jobId, now), now);
  }

  /** The draft shifts of a finished job (done, or cancelled after the search produced a roster). */
  async drafts(teamId: string, jobId: string): Promise<{ job: RosterJob; drafts: DraftRosterShift[] }> {
    const local = this.jobs.get(jobId);
    let found: { job: RosterJob; drafts: DraftRosterShift[] | null };
    if (local && local.job.teamId === teamId) found = local;
    else {
      const job = await this.stored(teamId, jobId, Date.now());
      found = { job, drafts: (await this.records.load(jobId))?.drafts ?? null };
    }
    if (!found.drafts || !isFinished(found.job.status)) {
      throw new ConflictException(`Job ${jobId} is ${found.job.status} and has no roster to apply${found.job.status === 'failed' ? '' : ' yet'}`);
    }
    return { job: { ...found.job }, drafts: found.drafts };
  }

  /** A job another process runs (or ran), from the table; a dead runner's job turns failed. */
  private async stored(teamId: string, jobId: string, now: number): Promise<RosterJob> {
    const stored = await this.records.load(jobId);
    if (!stored || stored.job.teamId !== teamId) throw new NotFoundException(`No roster job with id ${jobId} in this team`);
    if (!isFinished(stored.job.status) && now - stored.heartbeatAt > ROSTER_JOB_STALE_MS) return this.records.markAbandoned(stored, now);
    return stored.job;
  }

  /**
   * Stops the search and waits (up to 15 s) for the best roster so far. A queued job is
   * cancelled without a roster; a finished one is answered as it is.
   */
  async cancel(teamId: string, jobId: string): Promise<RosterJob> {
    const local = this.jobs.get(jobId);
    if (!local || local.job.teamId !== teamId) return this.cancelElsewhere(teamId, jobId);
    const record = local;
    if (record.job.status === 'queued') {
      this.queue.splice(this.queue.indexOf(record), 1);
      this.finish(record, 'cancelled', Date.now());
    } else if (record.job.status === 'running') {
      Atomics.store(record.stop, 0, 1);
      const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), CANCEL_GRACE_MS).unref());
      if ((await Promise.race([record.settled.then(() => 'settled' as const), timer])) === 'late' && !isFinished(record.job.status)) {
        await record.worker?.terminate();
        record.job.error = 'The worker did not stop in time; no roster was kept';
        this.finish(record, 'cancelled', Date.now());
      }
    }
    return { ...record.job };
  }

  /** Cancels a job another process runs: raises the flag and waits for that process to finish it. */
  private async cancelElsewhere(teamId: string, jobId: string): Promise<RosterJob> {
    let job = await this.stored(teamId, jobId, Date.now());
    if (isFinished(job.status)) return job;
    await this.records.requestCancel(jobId);
    const deadline = Date.now() + CANCEL_GRACE_MS + 2 * ROSTER_JOB_HEARTBEAT_MS;
    while (!isFinished(job.status) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = await this.stored(teamId, jobId, Date.now());
    }
    return job;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.queue.length = 0;
    const now = Date.now();
    for (const record of this.jobs.values()) {
      if (isFinished(record.job.status)) continue;
      record.job = { ...record.job, status: 'failed', finishedAt: toIso(now), error: 'The API process running this job shut down before it finished; generate again' };
      void this.records.save(record.job, now);
    }
    const workers = [...this.jobs.values()].map((record) => record.worker).filter((worker): worker is Worker => worker !== null);
    await Promise.all(workers.map((worker) => worker.terminate()));
    await this.records.flush();
  }

  /**
   * While this process has unfinished jobs: every few seconds, write each one's state (the
   * heartbeat other processes read) and look for a cancel asked elsewhere.
   */
  private beat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      const open = [...this.jobs.values()].filter((record) => !isFinished(record.job.status));
      if (open.length === 0 && this.heartbeat) {
        clearInterval(this.heartbeat);
        this.heartbeat = null;
        return;
      }
      const now = Date.now();
      for (const record of open) {
        void this.records.save(withElapsed(record.job, now), now);
        void this.records
          .cancelRequested(record.job.id)
          .then((asked) => (asked && !isFinished(record.job.status) ? this.cancel(record.job.teamId, record.job.id) : undefined))
          .catch((error: unknown) => this.logger.warn(`checking roster job ${record.job.id} for a cancel: ${String(error)}`));
      }
    }, ROSTER_JOB_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private pump(): void {
    while (this.running < MAX_RUNNING && this.queue.length > 0) {
      const record = this.queue.shift();
      if (record) this.start(record);
    }
  }

  private start(record: JobRecord): void {
    const { input } = record;
    this.running += 1;
    record.job.status = 'running';
    record.job.startedAt = toIso(Date.now());
    this.metrics.rosterJobStarted();
    void this.records.save(record.job, Date.now());
    let worker: Worker;
    try {
      if (!input.team) throw new Error('the job has already been started');
      worker = startRosterWorker({ team: input.team, seed: input.seed, timeLimitMs: input.timeLimitMs, stop: record.stop.buffer as SharedArrayBuffer });
      record.input = { ...input, team: null };
    } catch (error) {
      this.running -= 1;
      record.job.error = `Could not start the solver: ${error instanceof Error ? error.message : String(error)}`;
      this.finish(record, 'failed', Date.now());
      return;
    }
    record.worker = worker;
    record.overrun = setTimeout(() => {
      record.job.error = 'The solver overran its time limit and was stopped';
      void worker.terminate();
    }, input.timeLimitMs + OVERRUN_GRACE_MS);
    record.overrun.unref();
    worker.on('message', (message: RosterWorkerMessage) => {
      if (message.type === 'progress') {
        const p = message.progress;
        record.job.progress = { phase: p.phase, bestObjective: p.objective ?? null, bound: p.bound ?? null, gap: p.gap ?? null, elapsedSeconds: Math.round(p.elapsedMs) / 1000 };
      } else if (message.type === 'done') {
        this.complete(record, message.result);
      } else {
        record.job.error = message.message;
        this.finish(record, 'failed', Date.now());
      }
    });
    worker.on('error', (error) => {
      record.job.error = `The solver failed: ${error.message}`;
      this.finish(record, 'failed', Date.now());
    });
    worker.on('exit', () => {
      if (!isFinished(record.job.status)) {
        record.job.error ??= 'The solver stopped without an answer';
        this.finish(record, Atomics.load(record.stop, 0) === 1 ? 'cancelled' : 'failed', Date.now());
      }
    });
  }

  private complete(record: JobRecord, { solver: result, drafts, unfilled, preferences }: RosterWorkerResult): void {
    const { agentNames } = record.input;
    const jobResult: RosterJobResult = {
      solverStatus: result.status,
      feasible: result.feasible,
      objective: result.objective,
      breakdown: { ...result.breakdown },
      bound: result.bound ?? null,
      shifts: drafts.map((d) => ({ agentId: d.agentId, agentName: agentNames.get(d.agentId) ?? d.agentId, date: d.date, shape: d.shapeId, start: toIso(d.start), end: toIso(d.end), timeZone: d.timeZone, channel: d.channel })),
      unfilled: unfilled.map((u) => ({ date: u.date, shape: u.shapeId, start: toIso(u.start), end: toIso(u.end), required: u.required, assigned: u.assigned, reason: u.reason, message: u.message })),
      preferences: {
        total: preferences.total,
        met: preferences.met,
        unmet: preferences.unmet.map((u) => ({ preferenceId: u.preferenceId, agentId: u.agentId, agentName: agentNames.get(u.agentId) ?? u.agentId, kind: u.kind, date: u.date })),
      },
    };
    // A feasible roster is kept even when the search was stopped: cancel keeps the best so far.
    if (result.feasible) record.drafts = drafts;
    record.job.result = jobResult;
    if (!result.feasible) record.job.error = `The roster breaks ${result.hardViolations.length} hard rule(s): ${result.hardViolations[0]?.message ?? ''}`;
    this.finish(record, result.status === 'stopped' ? 'cancelled' : 'done', Date.now());
  }

  private finish(record: JobRecord, status: 'done' | 'failed' | 'cancelled', now: number): void {
    if (isFinished(record.job.status)) return;
    // A queued job cancelled before it started never ran.
    this.metrics.rosterJobFinished(status, record.job.startedAt !== null);
    record.job.status = status;
    record.job.finishedAt = toIso(now);
    if (record.overrun) clearTimeout(record.overrun);
    if (record.worker) {
      this.running -= 1;
      const worker = record.worker;
      record.worker = null;
      void worker.terminate().catch((error: unknown) => this.logger.warn(`terminating a roster worker: ${String(error)}`));
    }
    void this.records.save(record.job, now, record.drafts).then(() => record.settle());
    this.pump();
  }

  private prune(): void {
    if (this.jobs.size <= MAX_KEPT_JOBS) return;
    for (const [id, record] of this.jobs) {
      if (this.jobs.size <= MAX_KEPT_JOBS) break;
      if (isFinished(record.job.status)) this.jobs.delete(id);
    }
  }
}
