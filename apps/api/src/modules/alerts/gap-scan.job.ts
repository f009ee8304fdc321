import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { GAP_SCAN_INTERVAL_MS } from './gap-scan.config';
import { GapAlertsService } from './gap-alerts.service';

/**
 * Hourly rescan of every team, so gaps appear as the horizon moves forward even without
 * changes. Assumes ONE API process: several instances sharing a PostgreSQL database would each
 * run it (harmless but wasteful; a lock such as pg_try_advisory_lock is not in place yet).
 */
@Injectable()
export class GapScanJob {
  constructor(private readonly alerts: GapAlertsService) {}

  @Interval(GAP_SCAN_INTERVAL_MS)
  async run(): Promise<number> {
    // scanAll logs and skips a failing team; a job must never crash the process.
    return this.alerts.scanAll(Date.now());
  }
}
