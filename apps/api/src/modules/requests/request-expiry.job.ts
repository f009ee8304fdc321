import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Instant } from '@shiftdesk/scheduling';
import { JobLeaseService } from '../jobs/job-lease.service';
import { RequestsService } from './requests.service';

/** Every 5 minutes; reads and transitions also expire a due request themselves, so this only tidies up. */
export const REQUEST_EXPIRY_INTERVAL_MS = 5 * 60_000;

/** Expires open requests whose shift or time off has started, once per tick across API processes. */
@Injectable()
export class RequestExpiryJob {
  constructor(
    private readonly requests: RequestsService,
    private readonly leases: JobLeaseService,
  ) {}

  @Interval(REQUEST_EXPIRY_INTERVAL_MS)
  async run(now: Instant = Date.now()): Promise<number> {
    return (await this.leases.runExclusive('request-expiry', { now, ttlMs: REQUEST_EXPIRY_INTERVAL_MS + 60_000 }, () => this.requests.expireDue(now))) ?? 0;
  }
}
