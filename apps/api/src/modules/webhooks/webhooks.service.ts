import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { WebhookDeliveriesQuery, WebhookDeliveriesResponse, WebhookEvent } from '@shiftdesk/shared-api-contract';
import type { Instant } from '@shiftdesk/scheduling';
import { randomUUID } from 'node:crypto';
import { LessThan, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { pageOf } from '../../common/page-query.dto';
import { Transactions } from '../../database/transactions';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { TeamSettingsEntity } from '../coverage/team-settings.entity';
import { toIso } from '../schedule/instants';
import { ScheduleSource } from '../schedule/schedule-source.service';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { toWebhookDelivery } from './webhook-delivery.mapper';
import { signWebhook } from './webhook-signature';

const MINUTE_MS = 60_000;
/** Attempts per delivery, the first included; then it is `failed`. */
export const WEBHOOK_MAX_ATTEMPTS = 6;

/**
 * Exponential backoff: the wait after failed attempt `n` (1-based) is 4^(n-1) minutes, so 1, 4,
 * 16, 64 and 256 min between the 6 attempts (about 5 h 41 min from the first to the last).
 */
export function webhookRetryDelayMs(failedAttempt: number): number {
  return MINUTE_MS * 4 ** (failedAttempt - 1);
}
/** A receiver gets this long to answer (ms). */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** While an attempt is in flight its row is due this much later, so no other runner takes it (ms). */
const IN_FLIGHT_MS = 2 * MINUTE_MS;
/** Rows per retry tick; the rest wait for the next tick. */
const BATCH = 50;

/** An event to queue: a gap alert's or a request's change (the team id is added on queueing). */
export type QueuedEvent = DistributiveOmit<WebhookEvent, 'teamId'>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/**
 * Team webhooks. Events are queued as `webhook_deliveries` rows in the SAME transaction as the
 * change that caused them (so an event is never lost nor sent for a rolled-back change), then
 * sent after the commit without holding up the request that caused them. Failed attempts are
 * retried by WebhookRetryJob with exponential backoff (`webhookRetryDelayMs`), at most
 * `WEBHOOK_MAX_ATTEMPTS` attempts in all.
 *
 * Each attempt first claims its row with a conditional UPDATE (due, still pending, attempts
 * left) that also counts the attempt, so the immediate send and the retry job (in this or another
 * process) never send one row twice at the same time, and an attempt lost with its process still
 * counts towards the bound. A receiver may still see an event twice (e.g. it answered after the
 * timeout): `X-Shiftdesk-Delivery` lets it drop duplicates.
 */
@Injectable()
export class WebhooksService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly source: ScheduleSource,
    private readonly transactions: Transactions,
  ) {}

  /** Queues events for the team's webhook inside the caller's transaction; ids to `dispatch` after commit. */
  async enqueue(manager: EntityManager, teamId: string, events: QueuedEvent[]): Promise<string[]> {
    if (events.length === 0) return [];
    const settings = await manager.findOne(TeamSettingsEntity, { select: { teamId: true, webhookUrl: true }, where: { teamId } });
    if (!settings?.webhookUrl) return [];
    const rows: WebhookDeliveryEntity[] = events.map((event) => {
      const payload = { ...event, teamId } as WebhookEvent;
      return {
        id: randomUUID(),
        teamId,
        eventType: event.type,
        payload: JSON.stringify(payload),
        status: 'pending',
        attempts: 0,
        lastStatusCode: null,
        lastError: null,
        nextAttemptAt: event.occurredAt,
        deliveredAt: null,
        createdAt: event.occurredAt,
      };
    });
    for (let i = 0; i < rows.length; i += 100) await manager.insert(WebhookDeliveryEntity, rows.slice(i, i + 100));
    return rows.map((row) => row.id);
  }

  /**
   * First attempt of freshly queued deliveries, in the background: the caller never waits for it.
   * `now` is the instant the events were queued at (their due time), so it can claim them.
   */
  dispatch(ids: string[], now: Instant): void {
    if (ids.length === 0) return;
    this.track(this.deliver(ids, now));
  }

  /** The retry job's tick: attempts every pending delivery due at `now`. Returns how many were attempted. */
  async deliverDue(now: Instant): Promise<number> {
    // Attempts lost with their process (the row stayed claimed, none left): give up on them.
    await this.transactions.run((manager) =>
      manager.update(
        WebhookDeliveryEntity,
        { status: 'pending', nextAttemptAt: LessThanOrEqual(toIso(now)), attempts: MoreThanOrEqual(WEBHOOK_MAX_ATTEMPTS) },
        { status: 'failed', nextAttemptAt: null, lastError: 'the last attempt never finished (the API process stopped)' },
      ),
    );
    const due = await this.source.manager.find(WebhookDeliveryEntity, {
      select: { id: true },
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(toIso(now)) },
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
      take: BATCH,
    });
    // Tracked like `dispatch`, so a shutdown waits for the tick's attempts too.
    const work = this.deliver(
      due.map((row) => row.id),
      now,
    );
    this.track(work);
    return work;
  }

  /** The team's delivery log, newest first, a page at a time; managers of the team only. */
  async list(user: AuthenticatedUser, teamId: string, query: WebhookDeliveriesQuery): Promise<WebhookDeliveriesResponse> {
    await this.source.managedTeamForRead(user, teamId);
    const { page, pageSize, skip } = pageOf(query);
    const [rows, total] = await this.source.manager.findAndCount(WebhookDeliveryEntity, {
      where: { teamId, ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip,
      take: pageSize,
    });
    return { items: rows.map(toWebhookDelivery), total, page, pageSize };
  }

  /** Resolves once no attempt (from `dispatch` or a retry tick) is in flight any more. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Lets in-flight attempts finish (each is bounded by the timeout) while the database is still
   * open: TypeORM closes it in `onApplicationShutdown`, which runs after this hook.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.idle();
  }

  private async deliver(ids: string[], now: Instant): Promise<number> {
    let attempted = 0;
    for (const id of ids) {
      try {
        if (await this.attempt(id, now)) attempted += 1;
      } catch (error) {
        this.logger.error(`webhook delivery ${id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    return attempted;
  }

  /** One attempt at one delivery, if it can be claimed; false when it was not due, taken or out of attempts. */
  private async attempt(id: string, now: Instant): Promise<boolean> {
    const claimed = await this.transactions.run((manager) =>
      manager.update(
        WebhookDeliveryEntity,
        { id, status: 'pending', nextAttemptAt: LessThanOrEqual(toIso(now)), attempts: LessThan(WEBHOOK_MAX_ATTEMPTS) },
        { attempts: () => 'attempts + 1', nextAttemptAt: toIso(now + IN_FLIGHT_MS) },
      ),
    );
    if (claimed.affected !== 1) return false;
    const row = await this.source.manager.findOneByOrFail(WebhookDeliveryEntity, { id });
    const settings = await this.source.manager.findOneBy(TeamSettingsEntity, { teamId: row.teamId });
    const outcome = settings?.webhookUrl
      ? await this.post({ url: settings.webhookUrl, secret: settings.webhookSecret, row, now })
      : { ok: false, statusCode: null, error: 'the team has no webhook URL any more' };
    const last = row.attempts >= WEBHOOK_MAX_ATTEMPTS || !settings?.webhookUrl;
    await this.transactions.run((manager) =>
      manager.update(
        WebhookDeliveryEntity,
        { id },
        {
          lastStatusCode: outcome.statusCode,
          lastError: outcome.error?.slice(0, 500) ?? null,
          status: outcome.ok ? 'delivered' : last ? 'failed' : 'pending',
          deliveredAt: outcome.ok ? toIso(now) : null,
          nextAttemptAt: outcome.ok || last ? null : toIso(now + webhookRetryDelayMs(row.attempts)),
        },
      ),
    );
    return true;
  }

  /** POSTs the stored body, signed; never throws (a failure is an outcome to log). */
  private async post(input: { url: string; secret: string | null; row: WebhookDeliveryEntity; now: Instant }): Promise<{ ok: boolean; statusCode: number | null; error: string | null }> {
    const timestamp = Math.floor(input.now / 1000);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'Shiftdesk-Webhooks/1',
      'X-Shiftdesk-Event': input.row.eventType,
      'X-Shiftdesk-Delivery': input.row.id,
      'X-Shiftdesk-Timestamp': String(timestamp),
    };
    if (input.secret) headers['X-Shiftdesk-Signature'] = signWebhook({ secret: input.secret, timestamp, body: input.row.payload });
    try {
      // No redirects: a 3xx is a failure to fix on the receiver's side, not a hop to follow.
      const response = await fetch(input.url, { method: 'POST', headers, body: input.row.payload, redirect: 'manual', signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
      await response.body?.cancel().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return { ok, statusCode: response.status, error: ok ? null : `the receiver answered HTTP ${response.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const message = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : (cause?.code ?? cause?.message ?? String(error));
      return { ok: false, statusCode: null, error: message };
    }
  }

  private track(work: Promise<unknown>): void {
    const settled = work.catch((error: unknown) => this.logger.error(String(error)));
    this.inFlight.add(settled);
    void settled.finally(() => this.inFlight.delete(settled));
  }
}
