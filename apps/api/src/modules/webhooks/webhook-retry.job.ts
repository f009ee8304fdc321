import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Instant } from '@shiftdesk/scheduling';
import { JobLeaseService } from '../jobs/job-lease.service';
import { WebhooksService } from './webhooks.service';

/** Every minute (ms): the shortest backoff step. */
export const WEBHOOK_RETRY_INTERVAL_MS = 60_000;

/** Retries due webhook deliveries; one process at a time (job lease `webhook-retries`). */
@Injectable()
export class WebhookRetryJob {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly leases: JobLeaseService,
  ) {}

  /** `now` is a parameter so tests can move the clock; the timer calls it without one. */
  @Interval(WEBHOOK_RETRY_INTERVAL_MS)
  async run(now: Instant = Date.now()): Promise<number> {
    // deliverDue logs and skips a failing delivery; a job must never crash the process.
    return (await this.leases.runExclusive('webhook-retries', { now, ttlMs: WEBHOOK_RETRY_INTERVAL_MS + 30_000 }, () => this.webhooks.deliverDue(now))) ?? 0;
  }
}
