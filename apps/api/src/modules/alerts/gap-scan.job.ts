import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Instant } from '@shiftdesk/scheduling';
import { JobLeaseService } from '../jobs/job-lease.service';
import { GAP_SCAN_INTERVAL_MS } from './gap-scan.config';
import { GapAlertsService } from './gap-alerts.service';

/**
 * Hourly rescan of every team, so gaps appear as the horizon moves forward even without
 * changes. When several API processes share a database only the holder of the job lease
 * `gap-scan` runs it (the lease outlives the interval by 5 minutes, so the leader keeps it; a
 * crashed leader's lease runs out 65 minutes after its last tick and the next process whose timer
 * fires takes over, at worst about two hours after the last scan). Rescans after a write still
 * run in the process that took the write.
 */
@Injectable()
export class GapScanJob {
  constructor(
    private readonly alerts: GapAlertsService,
    private readonly leases: JobLeaseService,
  ) {}

  /** `now` is a parameter so tests can move the clock; the timer calls it without one. */
  @Interval(GAP_SCAN_INTERVAL_MS)
  async run(now: Instant = Date.now()): Promise<number> {
    // scanAll logs and skips a failing team; a job must never crash the process.
    return (await this.leases.runExclusive('gap-scan', { now, ttlMs: GAP_SCAN_INTERVAL_MS + 5 * 60_000 }, () => this.alerts.scanAll(now))) ?? 0;
  }
}
