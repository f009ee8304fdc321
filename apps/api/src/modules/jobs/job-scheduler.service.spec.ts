import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { JobLeaseService } from './job-lease.service';
import { JobScheduler } from './job-scheduler.service';

/**
 * The scheduler alone, with fake timers and a lease this process always holds. The case here is
 * the one CI hit: on a busy event loop Node fires a timer against its cached loop clock, which
 * lags Date.now(), so the tick's timer can run a few ms before the tick by the wall clock.
 */
describe('JobScheduler ticks', () => {
  const TICK = 1_000;
  const held = new Set<string>();
  const leases = {
    holder: 'test',
    holds: (name: string) => held.has(name),
    async runExclusive<T>(name: string, _options: unknown, work: () => Promise<T>) {
      held.add(name);
      return work();
    },
    tryAcquire: async () => true,
    expiresAt: async () => null,
  } as unknown as JobLeaseService;

  beforeAll(() => Logger.overrideLogger(false));
  afterEach(() => {
    jest.useRealTimers();
    held.clear();
  });

  it('runs a timer that fires early for its own tick, never the previous one again', async () => {
    jest.useFakeTimers({ now: 10 * TICK + 500 });
    const ticks: number[] = [];
    const scheduler = new JobScheduler(leases, TICK, new SchedulerRegistry());
    scheduler.register({ name: 'probe', intervalMs: 60_000, work: async (now) => (ticks.push(Math.floor(now / TICK)), 1) });
    scheduler.onApplicationBootstrap();
    // First attempt: a follower's, a quarter tick after tick 11; it takes the lease (held above).
    await jest.advanceTimersByTimeAsync(TICK);
    expect(ticks).toEqual([11]);
    // The wall clock jumps 5 ms back against the timers (the loop clock lagging): the timer due at
    // tick 12 now fires at 11.995 by Date.now().
    jest.setSystemTime(Date.now() - 5);
    await jest.advanceTimersByTimeAsync(TICK / 2);
    expect(ticks).toEqual([11]);
    await jest.advanceTimersByTimeAsync(10);
    expect(ticks).toEqual([11, 12]);
    await jest.advanceTimersByTimeAsync(TICK);
    expect(ticks).toEqual([11, 12, 13]);
    await scheduler.onModuleDestroy();
  });
});
