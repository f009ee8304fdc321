import { SchedulerRegistry } from '@nestjs/schedule';
import type { INestApplication } from '@nestjs/common';
import { GapAlertsService } from '../src/modules/alerts/gap-alerts.service';
import { GapScanJob } from '../src/modules/alerts/gap-scan.job';
import { LoginLockouts } from '../src/modules/auth/login-lockouts.service';
import { SessionCleanupService } from '../src/modules/auth/session-cleanup.service';
import { CalendarImportJob } from '../src/modules/feeds/calendar-import.job';
import { CalendarImportsService } from '../src/modules/feeds/calendar-imports.service';
import { JobLeaseService } from '../src/modules/jobs/job-lease.service';
import { JobScheduler } from '../src/modules/jobs/job-scheduler.service';
import { RequestExpiryJob } from '../src/modules/requests/request-expiry.job';
import { RequestsService } from '../src/modules/requests/requests.service';
import { WebhookRetryJob } from '../src/modules/webhooks/webhook-retry.job';
import { WebhooksService } from '../src/modules/webhooks/webhooks.service';
import { bootTestApp, type TestApp } from './support/test-app';

/**
 * Several API instances on one database (each a whole Nest app listening on loopback, with its
 * own database connection): every periodic job runs once per tick across them, and a stopped or
 * hung leader is replaced within one tick. The built product killed with SIGKILL is tested in
 * tests/faults (the same scheduler, real processes).
 */

/** Every periodic job, by lease name, with the service method its tick calls. */
const JOBS = [
  { name: 'gap-scan', service: GapAlertsService, method: 'scanAll' },
  { name: 'webhook-retries', service: WebhooksService, method: 'deliverDue' },
  { name: 'request-expiry', service: RequestsService, method: 'expireDue' },
  { name: 'calendar-imports', service: CalendarImportsService, method: 'refreshDue' },
  { name: 'session-cleanup', service: SessionCleanupService, method: 'removeExpired' },
  { name: 'login-lockout-cleanup', service: LoginLockouts, method: 'removeStale' },
] as const;

type JobName = (typeof JOBS)[number]['name'];

describe('job leases', () => {
  let a: TestApp;
  let b: TestApp;
  let leaseA: JobLeaseService;
  let leaseB: JobLeaseService;
  const TTL = 90_000;

  beforeAll(async () => {
    a = await bootTestApp();
    b = await bootTestApp({ database: a.database });
    leaseA = a.app.get(JobLeaseService);
    leaseB = b.app.get(JobLeaseService);
    // These tests drive the leases and ticks by hand, with moved clocks: no timers in between.
    await Promise.all([a, b].map((t) => t.app.get(JobScheduler).onModuleDestroy()));
  });
  afterAll(async () => {
    await b?.close({ keepDatabase: true });
    await a?.close();
  });

  it('lets exactly one of two competing processes take a lease', async () => {
    expect(leaseA.holder).not.toBe(leaseB.holder);
    const now = Date.now();
    for (const name of ['race-1', 'race-2', 'race-3', 'race-4']) {
      const results = await Promise.all([leaseA.tryAcquire(name, { now, ttlMs: TTL }), leaseB.tryAcquire(name, { now, ttlMs: TTL })]);
      expect(results.filter(Boolean)).toHaveLength(1);
    }
    // The same work from both: done once.
    let runs = 0;
    const work = async () => (runs += 1);
    await Promise.all([leaseA.runExclusive('race-work', { now, ttlMs: TTL }, work), leaseB.runExclusive('race-work', { now, ttlMs: TTL }, work)]);
    expect(runs).toBe(1);
  });

  it('keeps the lease with its holder while it renews, and hands an expired one over', async () => {
    const now = Date.now();
    expect(await leaseA.tryAcquire('hourly', { now, ttlMs: TTL })).toBe(true);
    expect(await leaseB.tryAcquire('hourly', { now: now + 1_000, ttlMs: TTL })).toBe(false);
    // The holder renews within the lease; the other still cannot take it.
    expect(await leaseA.tryAcquire('hourly', { now: now + 60_000, ttlMs: TTL })).toBe(true);
    expect(await leaseB.tryAcquire('hourly', { now: now + 60_000 + TTL - 1, ttlMs: TTL })).toBe(false);
    // The holder stopped renewing (crashed): once the lease ran out, the other takes over.
    expect(await leaseB.tryAcquire('hourly', { now: now + 60_000 + TTL, ttlMs: TTL })).toBe(true);
    expect(await leaseA.tryAcquire('hourly', { now: now + 60_000 + TTL + 1_000, ttlMs: TTL })).toBe(false);
    // Released on purpose (a clean shutdown): free at once.
    await leaseB.release('hourly', now + 60_000 + TTL + 2_000);
    expect(await leaseA.tryAcquire('hourly', { now: now + 60_000 + TTL + 2_000, ttlMs: TTL })).toBe(true);
  });

  it('runs each job once when both processes run its tick at the same moment', async () => {
    const jobs = [GapScanJob, WebhookRetryJob, RequestExpiryJob, CalendarImportJob] as const;
    const now = Date.now() + 10 * 60 * 60_000;
    for (const [i, job] of jobs.entries()) {
      const spies = [a, b].map((t) => jest.spyOn(t.app.get(JOBS[i].service) as unknown as Record<string, () => Promise<number>>, JOBS[i].method));
      await Promise.all([a.app.get(job).run(now), b.app.get(job).run(now)]);
      expect({ job: JOBS[i].name, calls: spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0) }).toEqual({ job: JOBS[i].name, calls: 1 });
      spies.forEach((spy) => spy.mockRestore());
    }
  });
});

describe('periodic jobs across three API instances', () => {
  /**
   * Short ticks for the test (SHIFTDESK_JOB_TICK_MS); production intervals are minutes to an hour.
   * The three instances share one event loop here, so one instance's busy moment delays every
   * timer: with 1 s ticks, on a machine also running another suite and a benchmark, the first
   * measured tick once had no gap scan at all (a follower's attempt slipped into the next tick).
   */
  const TICK = 1_500;
  /** When a follower tries after a tick (JobScheduler: a quarter of the interval), plus slack for a busy machine. */
  const SETTLE = TICK / 4 + 300;
  const instances: TestApp[] = [];
  /** Every run of every job: which instance, and the tick it ran for. */
  const runs: { job: JobName; instance: number; tick: number }[] = [];

  const tickOf = (instant: number) => Math.floor(instant / TICK);
  const waitForTick = async (tick: number) => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, tick * TICK - Date.now())));
  };
  /** Runs per tick of one job in [from, to], as "tick: instances". */
  const perTick = (job: JobName, from: number, to: number) => {
    const table: Record<number, number[]> = {};
    for (let tick = from; tick <= to; tick += 1) table[tick] = runs.filter((run) => run.job === job && run.tick === tick).map((run) => run.instance);
    return table;
  };
  const each = (from: number, to: number, instances: number[]) => {
    const table: Record<number, number[]> = {};
    for (let tick = from; tick <= to; tick += 1) table[tick] = instances;
    return table;
  };

  /** Records each tick's work in every instance (spying on the services the jobs call). */
  function record(app: INestApplication, instance: number): void {
    for (const { name, service, method } of JOBS) {
      const target = app.get(service) as unknown as Record<string, (now?: number) => Promise<number>>;
      const original = target[method].bind(target);
      jest.spyOn(target, method).mockImplementation(async (now?: number) => {
        runs.push({ job: name, instance, tick: tickOf(now ?? Date.now()) });
        return original(now);
      });
    }
  }

  beforeAll(async () => {
    // Read by each app's JobScheduler when it is created.
    process.env['SHIFTDESK_JOB_TICK_MS'] = String(TICK);
    try {
      const first = await bootTestApp();
      instances.push(first, await bootTestApp({ database: first.database }), await bootTestApp({ database: first.database }));
    } finally {
      delete process.env['SHIFTDESK_JOB_TICK_MS'];
    }
    instances.forEach((instance, i) => record(instance.app, i));
  });
  afterAll(async () => {
    for (const instance of instances.slice(1).reverse()) await instance.close({ keepDatabase: true }).catch(() => undefined);
    await instances[0]?.close();
  });

  it('runs every job exactly once per tick across the instances, a stopped leader is replaced at the next tick, and so is a hung one', async () => {
    // The next attempts are @nestjs/schedule timeouts, one per job.
    expect(instances[0].app.get(SchedulerRegistry).getTimeouts().filter((name) => name.startsWith('job:')).sort()).toEqual(JOBS.map(({ name }) => `job:${name}`).sort());

    // 1. All three up: one run per job and tick, from the second tick on (the first one shares the
    // loop with the instances' start-up work).
    const start = tickOf(Date.now()) + 2;
    const end = start + 3;
    await waitForTick(end + 1);
    await new Promise((resolve) => setTimeout(resolve, SETTLE));
    for (const { name } of JOBS) {
      const table = perTick(name, start, end);
      expect({ job: name, runsPerTick: Object.values(table).map((list) => list.length) }).toEqual({ job: name, runsPerTick: [1, 1, 1, 1] });
    }

    // 2. The leader of the gap scan stops cleanly (its leases are released): the next tick runs elsewhere.
    const leader = runs.filter((run) => run.job === 'gap-scan' && run.tick === end).map((run) => run.instance)[0];
    await instances[leader].close({ keepDatabase: true });
    const stoppedAt = tickOf(Date.now());
    const alive = [0, 1, 2].filter((i) => i !== leader);
    await waitForTick(stoppedAt + 4);
    await new Promise((resolve) => setTimeout(resolve, SETTLE));
    for (const { name } of JOBS) {
      const table = perTick(name, stoppedAt + 1, stoppedAt + 3);
      expect({ job: name, runsPerTick: Object.values(table).map((list) => list.length) }).toEqual({ job: name, runsPerTick: [1, 1, 1] });
      expect(Object.values(table).flat().every((instance) => alive.includes(instance))).toBe(true);
    }

    // 3. The next leader hangs: its timers stop and its leases are NOT released (as if frozen or
    // cut off). The last instance takes every job over within one tick.
    const next = runs.filter((run) => run.job === 'gap-scan' && run.tick === stoppedAt + 3).map((run) => run.instance)[0];
    const last = alive.find((i) => i !== next) as number;
    await instances[next].app.get(JobScheduler).onModuleDestroy();
    const hungAt = tickOf(Date.now());
    await waitForTick(hungAt + 4);
    await new Promise((resolve) => setTimeout(resolve, SETTLE));
    for (const { name } of JOBS) {
      expect({ job: name, runs: perTick(name, hungAt + 1, hungAt + 3) }).toEqual({ job: name, runs: each(hungAt + 1, hungAt + 3, [last]) });
    }
  }, 60_000);
});
