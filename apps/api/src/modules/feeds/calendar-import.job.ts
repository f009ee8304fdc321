import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Instant } from '@shiftdesk/scheduling';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { CalendarImportsService } from './calendar-imports.service';

/** Every 5 minutes (ms); each tick fetches the URL imports older than SHIFTDESK_CALENDAR_IMPORT_MINUTES. */
export const CALENDAR_IMPORT_TICK_MS = 5 * 60_000;
const CALENDAR_IMPORT_JOB = 'calendar-imports';

/**
 * Re-fetches imported calendar URLs; once per tick across API processes (job lease
 * `calendar-imports`). A tick may take a while (20 fetches of up to 10 s); one still running at the
 * next tick is not started again (JobScheduler).
 */
@Injectable()
export class CalendarImportJob implements OnModuleInit {
  constructor(
    private readonly imports: CalendarImportsService,
    private readonly scheduler: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: CALENDAR_IMPORT_JOB, intervalMs: CALENDAR_IMPORT_TICK_MS, work: (now) => this.imports.refreshDue(now) });
  }

  /** One tick, here if this process holds the lease; `now` is a parameter so tests can move the clock. */
  run(now: Instant = Date.now()): Promise<number> {
    return this.scheduler.runTick(CALENDAR_IMPORT_JOB, now);
  }
}
