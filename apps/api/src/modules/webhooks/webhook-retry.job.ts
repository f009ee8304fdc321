import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Instant } from '@shiftdesk/scheduling';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { WebhooksService } from './webhooks.service';

/** Every minute (ms): the shortest backoff step. */
export const WEBHOOK_RETRY_INTERVAL_MS = 60_000;
const WEBHOOK_RETRY_JOB = 'webhook-retries';

/** Retries due webhook deliveries; once per tick across API processes (job lease `webhook-retries`). */
@Injectable()
export class WebhookRetryJob implements OnModuleInit {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly scheduler: JobScheduler,
  ) {}

  onModuleInit(): void {
    // deliverDue logs and skips a failing delivery; a job must never crash the process.
    this.scheduler.register({ name: WEBHOOK_RETRY_JOB, intervalMs: WEBHOOK_RETRY_INTERVAL_MS, work: (now) => this.webhooks.deliverDue(now) });
  }

  /** One tick, here if this process holds the lease; `now` is a parameter so tests can move the clock. */
  run(now: Instant = Date.now()): Promise<number> {
    return this.scheduler.runTick(WEBHOOK_RETRY_JOB, now);
  }
}
