import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Instant } from '@shiftdesk/scheduling';
import { JobLeaseService } from '../jobs/job-lease.service';
import { CalendarImportsService } from './calendar-imports.service';

/** Every 5 minutes (ms); each tick fetches the URL imports older than SHIFTDESK_CALENDAR_IMPORT_MINUTES. */
export const CALENDAR_IMPORT_TICK_MS = 5 * 60_000;

/** Re-fetches imported calendar URLs; one process at a time (job lease `calendar-imports`). */
@Injectable()
export class CalendarImportJob {
  constructor(
    private readonly imports: CalendarImportsService,
    private readonly leases: JobLeaseService,
  ) {}

  /** `now` is a parameter so tests can move the clock; the timer calls it without one. */
  @Interval(CALENDAR_IMPORT_TICK_MS)
  async run(now: Instant = Date.now()): Promise<number> {
    // A tick may take a while (20 fetches of up to 10 s): the lease outlives it.
    return (await this.leases.runExclusive('calendar-imports', { now, ttlMs: CALENDAR_IMPORT_TICK_MS + 5 * 60_000 }, () => this.imports.refreshDue(now))) ?? 0;
  }
}
