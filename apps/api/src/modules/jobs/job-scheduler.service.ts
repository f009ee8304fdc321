import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Instant } from '@shiftdesk/scheduling';
import { JobLeaseService } from './job-lease.service';
import { JOB_TICK_MS } from './jobs.config';

/** A periodic job: what it does on a tick, and how often it ticks unless SHIFTDESK_JOB_TICK_MS says otherwise. */
export interface PeriodicJob {
  /** Also the name of its lease row in `job_leases`. */
  name: string;
  intervalMs: number;
  /** One tick's work at `now`; returns how many things it did (for tests and logs). */
  work(now: Instant): Promise<number>;
}

interface Scheduled {
  job: PeriodicJob;
  intervalMs: number;
  timer: NodeJS.Timeout | null;
  /** When the timer is meant to fire (epoch ms). */
  dueAt: Instant;
  /** The run in progress in this process, if any. */
  running: Promise<unknown> | null;
}

/**
 * The lease a tick takes lasts one interval plus this share of it: the leader's next renewal may
 * be late by that much (a busy event loop, a slow query) without anyone taking over.
 */
const GRACE_SHARE = 1 / 8;
/**
 * Processes that do not hold a job's lease try it this share of an interval after the tick, by
 * when a live leader has renewed it (so they fail) and a dead leader's lease has run out (so one
 * of them takes over in the same tick).
 */
const FOLLOWER_DELAY_SHARE = 1 / 4;

/**
 * Runs every periodic job once per tick across all API processes sharing the database.
 *
 * Ticks are aligned to the clock (multiples of the interval since the epoch), the same in every
 * process (their clocks must agree to well under an eighth of an interval, as NTP gives). At each
 * tick the process that holds the job's lease renews it at once and runs the job; the others try
 * a quarter of an interval later and fail, because the renewed lease lasts until an eighth of an
 * interval after the NEXT tick. When the leader is gone (killed, stopped, hung) its lease has run
 * out by then and the first follower to try takes the lease and runs that same tick: a dead leader
 * is replaced within one tick, and no tick runs twice because a lease, once taken in a tick, lasts
 * past its end. A follower that finds the lease still held but expiring before the next tick (its
 * holder renewed late) tries again when it expires. A process that stops cleanly gives its leases
 * up (JobLeaseService), so the next tick is taken over without waiting.
 *
 * A run that outlasts the interval is not started twice: at the next tick its process only renews
 * the lease.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly jobs = new Map<string, Scheduled>();
  private stopped = false;

  constructor(
    private readonly leases: JobLeaseService,
    @Inject(JOB_TICK_MS) private readonly tickOverrideMs: number | null,
    private readonly registry: SchedulerRegistry,
  ) {}

  /** Called by each job's provider when the module initialises; the timers start once the app has booted. */
  register(job: PeriodicJob): void {
    if (this.jobs.has(job.name)) throw new Error(`periodic job ${job.name} is registered twice`);
    this.jobs.set(job.name, { job, intervalMs: this.tickOverrideMs ?? job.intervalMs, timer: null, dueAt: 0, running: null });
  }

  /** The lease of one tick of this job: an interval and a grace. */
  leaseTtlMs(name: string): number {
    const scheduled = this.get(name);
    return Math.round(scheduled.intervalMs * (1 + GRACE_SHARE));
  }

  /**
   * One tick of the job at `now`, here if this process holds or takes its lease: the work's count,
   * or 0 when another process holds it. Timers call it; tests call it with a moved clock.
   */
  async runTick(name: string, now: Instant): Promise<number> {
    const scheduled = this.get(name);
    const run = this.leases.runExclusive(name, { now, ttlMs: this.leaseTtlMs(name) }, async () => {
      this.logger.debug(`${name}: ran tick ${Math.floor(now / scheduled.intervalMs)} in ${this.leases.holder}`);
      return scheduled.job.work(now);
    });
    scheduled.running = run;
    try {
      return (await run) ?? 0;
    } finally {
      if (scheduled.running === run) scheduled.running = null;
    }
  }

  onApplicationBootstrap(): void {
    for (const scheduled of this.jobs.values()) this.schedule(scheduled, Date.now());
  }

  /** Stops the timers and waits for runs in progress, before the leases are released and the database closes. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    for (const scheduled of this.jobs.values()) this.clearTimer(scheduled);
    await Promise.all([...this.jobs.values()].map((scheduled) => scheduled.running?.catch(() => undefined)));
  }

  private get(name: string): Scheduled {
    const scheduled = this.jobs.get(name);
    if (!scheduled) throw new Error(`no periodic job ${name}`);
    return scheduled;
  }

  /** Sets the timer for the job's next attempt: the next tick, or later in it for a follower. */
  private schedule(scheduled: Scheduled, now: Instant, at?: Instant): void {
    if (this.stopped) return;
    const { intervalMs } = scheduled;
    const due = at ?? (Math.floor(now / intervalMs) + 1) * intervalMs + (this.leases.holds(scheduled.job.name) ? 0 : Math.round(intervalMs * FOLLOWER_DELAY_SHARE));
    this.clearTimer(scheduled);
    scheduled.dueAt = due;
    scheduled.timer = setTimeout(() => void this.attempt(scheduled), Math.max(0, due - now));
    // A timer must never keep a stopping process alive.
    scheduled.timer.unref();
    // @nestjs/schedule's registry holds it (its @Interval fires every N ms from the start, not on
    // the clock-aligned tick, so the timeouts are set here and only registered there).
    this.registry.addTimeout(timerName(scheduled), scheduled.timer);
  }

  private clearTimer(scheduled: Scheduled): void {
    if (this.registry.doesExist('timeout', timerName(scheduled))) this.registry.deleteTimeout(timerName(scheduled));
    else if (scheduled.timer) clearTimeout(scheduled.timer);
    scheduled.timer = null;
  }

  private async attempt(scheduled: Scheduled): Promise<void> {
    const { job, intervalMs } = scheduled;
    const now = Date.now();
    if (now < scheduled.dueAt) {
      // Node's timers run on the event loop's cached clock, which lags the wall clock on a busy
      // loop: a timer can fire a few ms before its tick by Date.now(), and would then run the
      // previous tick a second time and skip this one. Wait out the rest.
      this.schedule(scheduled, now, scheduled.dueAt);
      return;
    }
    let retryAt: Instant | undefined;
    try {
      if (scheduled.running) {
        // Still busy with an earlier tick: keep the lease, do not start the work twice.
        await this.leases.tryAcquire(job.name, { now, ttlMs: this.leaseTtlMs(job.name) });
      } else {
        await this.runTick(job.name, now);
      }
      if (!this.leases.holds(job.name)) {
        const expiresAt = await this.leases.expiresAt(job.name);
        const nextTick = (Math.floor(now / intervalMs) + 1) * intervalMs;
        if (expiresAt !== null && expiresAt > now && expiresAt < nextTick) retryAt = expiresAt + 5;
      }
    } catch (error) {
      // A job must never crash the process; the next tick tries again.
      this.logger.error(`${job.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    this.schedule(scheduled, Date.now(), retryAt);
  }
}

/** The name of a job's next-attempt timeout in the SchedulerRegistry. */
function timerName(scheduled: Scheduled): string {
  return `job:${scheduled.job.name}`;
}
