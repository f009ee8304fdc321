import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Instant } from '@shiftdesk/scheduling';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { RequestsService } from './requests.service';

/** Every 5 minutes; reads and transitions also expire a due request themselves, so this only tidies up. */
export const REQUEST_EXPIRY_INTERVAL_MS = 5 * 60_000;
const REQUEST_EXPIRY_JOB = 'request-expiry';

/** Expires open requests whose shift or time off has started, once per tick across API processes. */
@Injectable()
export class RequestExpiryJob implements OnModuleInit {
  constructor(
    private readonly requests: RequestsService,
    private readonly scheduler: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: REQUEST_EXPIRY_JOB, intervalMs: REQUEST_EXPIRY_INTERVAL_MS, work: (now) => this.requests.expireDue(now) });
  }

  /** One tick, here if this process holds the lease; `now` is a parameter so tests can move the clock. */
  run(now: Instant = Date.now()): Promise<number> {
    return this.scheduler.runTick(REQUEST_EXPIRY_JOB, now);
  }
}
