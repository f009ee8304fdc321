import type { ApiError, CoverageRule, GapAlert, ManualShift, Team, TeamSettings, WebhookDeliveriesResponse, WebhookDelivery, WebhookEvent, GapWebhookEvent } from '@shiftdesk/shared-api-contract';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookRetryJob } from '../src/modules/webhooks/webhook-retry.job';
import { WEBHOOK_MAX_ATTEMPTS, WebhooksService } from '../src/modules/webhooks/webhooks.service';
import { agentRequest, createAgent } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, type TestApp } from './support/test-app';

const MINUTE_MS = 60_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1 (port 0): records every POST and answers with the next
 * queued status (200 once the queue is empty).
 */
class Receiver {
  readonly received: Received[] = [];
  private readonly statuses: number[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(this.statuses.shift() ?? 200, { 'Content-Type': 'text/plain' }).end('thanks');
        this.waiters = this.waiters.filter((waiter) => (this.received.length >= waiter.count ? (waiter.resolve(), false) : true));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/shiftdesk`;
  }

  answer(...statuses: number[]): void {
    this.statuses.push(...statuses);
  }

  /** Resolves once `count` requests have arrived in all (fails the test after 5 s). */
  waitFor(count: number): Promise<Received[]> {
    if (this.received.length >= count) return Promise.resolve(this.received.slice(0, count));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the receiver got ${this.received.length} of ${count} requests`)), 5000);
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.received.slice(0, count));
        },
      });
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** What a receiver should do: HMAC-SHA256 over `<timestamp>.<raw body>`, compared in constant time. */
function verifySignature(received: Received, secret: string): boolean {
  const timestamp = String(received.headers['x-shiftdesk-timestamp']);
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${received.body}`).digest('hex')}`);
  const given = Buffer.from(String(received.headers['x-shiftdesk-signature']));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('team webhooks', () => {
  let t: TestApp;
  let admin: string;
  let agentToken: string;
  let team: Team;
  let receiver: Receiver;
  let secret: string;
  let agentIds: string[];
  let dayShift: ManualShift;
  // A day inside the scan horizon (today + 3, UTC team).
  const day = addDays(new Date().toISOString().slice(0, 10), 3);
  const settingsUrl = () => `/api/teams/${team.id}/settings`;
  const deliveriesUrl = () => `/api/teams/${team.id}/webhooks/deliveries`;
  const patchSettings = (body: object, token = admin) => t.http().patch(settingsUrl()).set(bearer(token)).send(body);
  const deliveries = async (query = '') => (await t.http().get(`${deliveriesUrl()}${query}`).set(bearer(admin)).expect(200)).body as WebhookDeliveriesResponse;
  const latest = async (): Promise<WebhookDelivery> => (await deliveries()).items[0];
  const idle = () => t.app.get(WebhooksService).idle();
  const fieldOf = (body: unknown) => (body as ApiError).fields?.[0];

  beforeAll(async () => {
    receiver = new Receiver();
    await receiver.start();
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Hooks ${randomUUID().slice(0, 6)}`, timeZone: 'UTC' }).expect(201)).body as Team;
    const first = await createAgent(t, admin, agentRequest(team.id, { timeZone: 'UTC', email: `hooks.${randomUUID().slice(0, 6)}@example.com`, password: 'agent-password' }));
    agentIds = [first.id];
    agentToken = (await t.login(first.email, 'agent-password')).token;
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
  });

  it('refuses webhook URLs that are not http(s), too long or not text, naming the field', async () => {
    for (const [webhookUrl, message] of [
      ['ftp://hooks.example.com/x', /^webhookUrl: must use http or https, not ftp$/],
      ['not a url', /^webhookUrl: must be an http\(s\) URL/],
      ['', /^webhookUrl: must be an http\(s\) URL/],
      [`https://hooks.example.com/${'a'.repeat(2048)}`, /^webhookUrl: must be at most 2048 characters long$/],
      [42, /^webhookUrl: must be an http\(s\) URL/],
    ] as const) {
      const response = await patchSettings({ webhookUrl }).expect(400);
      expect(fieldOf(response.body)).toEqual({ field: 'webhookUrl', message: expect.stringMatching(message) });
    }
    expect(fieldOf((await patchSettings({ rotateWebhookSecret: 'yes' }).expect(400)).body)).toEqual({ field: 'rotateWebhookSecret', message: 'rotateWebhookSecret: must be true or false' });
    const noUrl = await patchSettings({ rotateWebhookSecret: true }).expect(400);
    expect(fieldOf(noUrl.body)).toEqual({ field: 'rotateWebhookSecret', message: expect.stringMatching(/^rotateWebhookSecret: needs a webhook URL/) });
    const settings = (await t.http().get(settingsUrl()).set(bearer(admin)).expect(200)).body as TeamSettings;
    expect(settings).toMatchObject({ webhookUrl: null, webhookSecretSet: false });
    expect(settings).not.toHaveProperty('webhookSecret');
  });

  it('generates the secret with the first URL and shows it only in that answer; agents never see settings', async () => {
    const set = (await patchSettings({ webhookUrl: ` ${receiver.url} ` }).expect(200)).body as TeamSettings;
    expect(set).toMatchObject({ webhookUrl: receiver.url, webhookSecretSet: true, webhookSecret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    secret = set.webhookSecret as string;

    const read = (await t.http().get(settingsUrl()).set(bearer(admin)).expect(200)).body as TeamSettings;
    expect(read).toMatchObject({ webhookUrl: receiver.url, webhookSecretSet: true });
    expect(read).not.toHaveProperty('webhookSecret');
    // The same URL again (or any other change) keeps the secret and does not show it.
    const again = (await patchSettings({ webhookUrl: receiver.url, shrinkage: 0.25 }).expect(200)).body as TeamSettings;
    expect(again).toMatchObject({ webhookSecretSet: true, shrinkage: 0.25 });
    expect(again).not.toHaveProperty('webhookSecret');

    await t.http().get(settingsUrl()).set(bearer(agentToken)).expect(403);
    await patchSettings({ webhookUrl: receiver.url }, agentToken).expect(403);
    await t.http().get(deliveriesUrl()).set(bearer(agentToken)).expect(403);
  });

  it('POSTs a signed gap.opened when a change opens a gap', async () => {
    const rule = (
      await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '24/7', minAgents: 1, validFrom: day, validTo: day }).expect(201)
    ).body as CoverageRule;
    const [request] = await receiver.waitFor(1);
    await idle();

    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'x-shiftdesk-event': 'gap.opened',
      'x-shiftdesk-delivery': expect.stringMatching(/^[0-9a-f-]{36}$/),
      'x-shiftdesk-timestamp': expect.stringMatching(/^\d{10}$/),
      'x-shiftdesk-signature': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
    expect(Math.abs(Number(request.headers['x-shiftdesk-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(verifySignature(request, secret)).toBe(true);
    expect(verifySignature(request, secret.replace(/^./, (c) => (c === '0' ? '1' : '0')))).toBe(false);
    const event = JSON.parse(request.body) as WebhookEvent;
    expect(event).toEqual({
      type: 'gap.opened',
      teamId: team.id,
      occurredAt: expect.any(String),
      alert: expect.objectContaining({ id: `gap:${rule.id}:${day}T00:00:00Z`, status: 'open', severity: 'uncovered', start: `${day}T00:00:00.000Z`, required: 1, present: 0 }),
    });

    const log = await deliveries();
    expect(log).toMatchObject({ total: 1, page: 1, pageSize: 25 });
    expect(log.items[0]).toMatchObject({
      id: request.headers['x-shiftdesk-delivery'],
      teamId: team.id,
      eventType: 'gap.opened',
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: expect.any(String),
      payload: event,
    });
  });

  it('retries a delivery the receiver refused (HTTP 500) after a minute, with the same id and a fresh signature', async () => {
    receiver.answer(500);
    const before = receiver.received.length;
    dayShift = (
      await t.http().post(`/api/teams/${team.id}/shifts`).set(bearer(admin)).send({ agentId: agentIds[0], start: `${day}T00:00:00Z`, end: `${addDays(day, 1)}T00:00:00Z`, timeZone: 'UTC' }).expect(201)
    ).body as ManualShift;
    const failed = (await receiver.waitFor(before + 1))[before];
    await idle();
    expect(failed.headers['x-shiftdesk-event']).toBe('gap.resolved');
    expect((JSON.parse(failed.body) as GapWebhookEvent).alert).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });

    const pending = await latest();
    expect(pending).toMatchObject({ eventType: 'gap.resolved', status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'the receiver answered HTTP 500', deliveredAt: null });
    const firstAttemptAt = Date.parse(pending.createdAt);
    expect(Date.parse(pending.nextAttemptAt as string) - firstAttemptAt).toBe(MINUTE_MS);

    // The retry job with the clock moved: not yet due 59 s later, due after a minute.
    const job = t.app.get(WebhookRetryJob);
    expect(await job.run(firstAttemptAt + 59_000)).toBe(0);
    expect(await job.run(firstAttemptAt + MINUTE_MS)).toBe(1);
    const retried = receiver.received[before + 1];
    expect(retried.headers['x-shiftdesk-delivery']).toBe(failed.headers['x-shiftdesk-delivery']);
    expect(retried.body).toBe(failed.body);
    expect(Number(retried.headers['x-shiftdesk-timestamp'])).toBe(Math.floor((firstAttemptAt + MINUTE_MS) / 1000));
    expect(verifySignature(retried, secret)).toBe(true);
    expect(await latest()).toMatchObject({ id: pending.id, status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
  });

  it('backs off exponentially and gives up after the last attempt', async () => {
    receiver.answer(...Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, () => 503));
    const before = receiver.received.length;
    // Removing the shift opens the day's gap again.
    await t.http().delete(`/api/teams/${team.id}/shifts/${dayShift.id}`).set(bearer(admin)).expect(204);
    await receiver.waitFor(before + 1);
    await idle();

    const job = t.app.get(WebhookRetryJob);
    const waits: number[] = [];
    let delivery = await latest();
    expect(delivery).toMatchObject({ eventType: 'gap.opened', status: 'pending', attempts: 1, lastStatusCode: 503 });
    let attemptAt = Date.parse(delivery.createdAt);
    while (delivery.status === 'pending') {
      const due = Date.parse(delivery.nextAttemptAt as string);
      waits.push((due - attemptAt) / MINUTE_MS);
      expect(await job.run(due - 1)).toBe(0);
      expect(await job.run(due)).toBe(1);
      attemptAt = due;
      delivery = await latest();
    }
    expect(waits).toEqual([1, 4, 16, 64, 256]);
    expect(delivery).toMatchObject({ status: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS, lastStatusCode: 503, nextAttemptAt: null, deliveredAt: null });
    expect(receiver.received).toHaveLength(before + WEBHOOK_MAX_ATTEMPTS);
    // A failed delivery is never tried again.
    expect(await job.run(attemptAt + 24 * 60 * MINUTE_MS)).toBe(0);
  });

  it('sends gap.acknowledged and records connection failures', async () => {
    const open = (await t.http().get(`/api/teams/${team.id}/alerts?status=open`).set(bearer(admin)).expect(200)).body as { alerts: GapAlert[] };
    const before = receiver.received.length;
    await t.http().post(`/api/teams/${team.id}/alerts/${encodeURIComponent(open.alerts[0].id)}/acknowledge`).set(bearer(admin)).expect(200);
    const [acknowledged] = (await receiver.waitFor(before + 1)).slice(before);
    await idle();
    expect(acknowledged.headers['x-shiftdesk-event']).toBe('gap.acknowledged');
    expect(verifySignature(acknowledged, secret)).toBe(true);

    // Nobody listens on the new URL (the receiver's port, closed): the error is logged, not thrown.
    const closed = new Receiver();
    await closed.start();
    await closed.stop();
    await patchSettings({ webhookUrl: closed.url }).expect(200);
    await t.http().post(`/api/teams/${team.id}/shifts`).set(bearer(admin)).send({ agentId: agentIds[0], start: `${day}T00:00:00Z`, end: `${day}T12:00:00Z`, timeZone: 'UTC' }).expect(201);
    await idle();
    const refused = await deliveries('?status=pending');
    expect(refused.items.length).toBeGreaterThanOrEqual(1);
    expect(refused.items[0]).toMatchObject({ attempts: 1, lastStatusCode: null, lastError: 'ECONNREFUSED' });
  });

  it('pages the delivery log and validates its query', async () => {
    const all = await deliveries();
    expect(all.total).toBeGreaterThanOrEqual(5);
    const first = await deliveries('?pageSize=2');
    const second = await deliveries('?pageSize=2&page=2');
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 2 });
    expect([...first.items, ...second.items].map((d) => d.id)).toEqual(all.items.slice(0, 4).map((d) => d.id));
    // Newest first.
    const created = all.items.map((d) => d.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect((await deliveries('?status=failed')).items.map((d) => d.status)).toEqual(['failed']);
    const bad = await t.http().get(`${deliveriesUrl()}?status=lost`).set(bearer(admin)).expect(400);
    expect(fieldOf(bad.body)?.field).toBe('status');
    await t.http().get(`${deliveriesUrl()}?pageSize=500`).set(bearer(admin)).expect(400);
    await t.http().get('/api/teams/no-such-team/webhooks/deliveries').set(bearer(admin)).expect(403);
  });

  it('removing the URL removes the secret and stops queuing; a new URL gets a new secret; rotation replaces it', async () => {
    const cleared = (await patchSettings({ webhookUrl: null }).expect(200)).body as TeamSettings;
    expect(cleared).toMatchObject({ webhookUrl: null, webhookSecretSet: false });
    const total = (await deliveries()).total;
    await t.http().post(`/api/teams/${team.id}/shifts`).set(bearer(admin)).send({ agentId: agentIds[0], start: `${day}T12:00:00Z`, end: `${day}T18:00:00Z`, timeZone: 'UTC' }).expect(201);
    expect((await deliveries()).total).toBe(total);

    const again = (await patchSettings({ webhookUrl: receiver.url }).expect(200)).body as TeamSettings;
    expect(again.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(again.webhookSecret).not.toBe(secret);
    const rotated = (await patchSettings({ rotateWebhookSecret: true }).expect(200)).body as TeamSettings;
    expect(rotated).toMatchObject({ webhookUrl: receiver.url, webhookSecretSet: true, webhookSecret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(rotated.webhookSecret).not.toBe(again.webhookSecret);
    expect((await patchSettings({ rotateWebhookSecret: false }).expect(200)).body).not.toHaveProperty('webhookSecret');
  });
});
