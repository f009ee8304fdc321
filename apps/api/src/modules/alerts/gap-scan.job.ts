import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Instant } from '@shiftdesk/scheduling';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { GAP_SCAN_INTERVAL_MS } from './gap-scan.config';
import { GapAlertsService } from './gap-alerts.service';

const GAP_SCAN_JOB = 'gap-scan';

/**
 * Hourly rescan of every team, so gaps appear as the horizon moves forward even without
 * changes. When several API processes share a database it runs once per hour across them (the
 * holder of the job lease `gap-scan`; a stopped or crashed holder is replaced at the next hour,
 * see JobScheduler). Rescans after a write still run in the process that took the write.
 */
@Injectable()
export class GapScanJob implements OnModuleInit {
  constructor(
    private readonly alerts: GapAlertsService,
    private readonly scheduler: JobScheduler,
  ) {}

  onModuleInit(): void {
    // scanAll logs and skips a failing team; a job must never crash the process.
    this.scheduler.register({ name: GAP_SCAN_JOB, intervalMs: GAP_SCAN_INTERVAL_MS, work: (now) => this.alerts.scanAll(now) });
  }

  /** One tick, here if this process holds the lease; `now` is a parameter so tests can move the clock. */
  run(now: Instant = Date.now()): Promise<number> {
    return this.scheduler.runTick(GAP_SCAN_JOB, now);
  }
}
