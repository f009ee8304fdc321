import { type ApiError, type TeamSettings, type UpdateTeamSettingsRequest, WEBHOOK_URL_MAX_LENGTH, type WebhookDelivery, type WebhookDeliveryStatus, type WebhookEventType } from '@shiftdesk/shared-api-contract';
import { formatZonedDateTime } from '@shiftdesk/web-util';

/*
 * The logic of the team's webhook settings, apart from Angular: what the URL field sends, what
 * the answer means for the one-time secret, and how a delivery reads in the log. Instants are UTC;
 * every time shown carries the zone it is shown in; the clock is a parameter.
 */

/** Said before the API is asked; the API checks the same (and its message wins when it answers). */
export function checkWebhookUrl(value: string): string | null {
  const url = value.trim();
  if (!url) return null;
  if (url.length > WEBHOOK_URL_MAX_LENGTH) return `Use at most ${WEBHOOK_URL_MAX_LENGTH} characters.`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter a full http(s) URL, such as https://hooks.example.com/shiftdesk.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `Use http or https, not ${parsed.protocol.slice(0, -1)}.`;
  return null;
}

export type WebhookChange =
  | { kind: 'unchanged' }
  | { kind: 'invalid'; message: string }
  /** `remove`: the field was emptied: the webhook and its secret go. */
  | { kind: 'set' | 'remove'; request: UpdateTeamSettingsRequest };

/** What saving the URL field would send, given the stored URL. */
export function planWebhookChange(input: string, current: string | null): WebhookChange {
  const url = input.trim();
  if (url === (current ?? '')) return { kind: 'unchanged' };
  if (!url) return { kind: 'remove', request: { webhookUrl: null } };
  const problem = checkWebhookUrl(url);
  return problem ? { kind: 'invalid', message: problem } : { kind: 'set', request: { webhookUrl: url } };
}

/** The sentence after a save, and the secret to show ONCE when the answer carries one. */
export function describeSaved(previous: TeamSettings, answer: TeamSettings): { message: string; secret: string | null } {
  const secret = answer.webhookSecret ?? null;
  if (answer.webhookUrl === null) return { message: previous.webhookUrl ? 'Webhook removed: no more events are sent, and its signing secret is gone.' : 'Saved.', secret: null };
  if (secret && previous.webhookSecretSet && previous.webhookUrl === answer.webhookUrl) return { message: 'New signing secret generated: the old one no longer verifies deliveries.', secret };
  if (secret) return { message: 'Webhook saved, with a new signing secret.', secret };
  return { message: 'Webhook URL saved; the signing secret stays the same.', secret: null };
}

/** The API's word on the URL (400 with `fields`), or its whole message for anything else. */
export function placeWebhookError(error: ApiError): { field: string | null; form: string } {
  const field = error.fields?.find((f) => f.field === 'webhookUrl' || f.field === 'rotateWebhookSecret');
  if (field) return { field: capitalise(field.message.replace(/^webhookUrl:\s*/, '')), form: '' };
  return { field: null, form: error.message };
}

function capitalise(text: string): string {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

export const WEBHOOK_EVENT_LABELS: Readonly<Record<WebhookEventType, string>> = {
  'gap.opened': 'Gap opened',
  'gap.resolved': 'Gap resolved',
  'gap.acknowledged': 'Gap acknowledged',
  'request.created': 'Request filed',
  'request.accepted': 'Request accepted',
  'request.approved': 'Request approved',
  'request.declined': 'Request declined',
  'request.cancelled': 'Request cancelled',
  'request.expired': 'Request expired',
  'request.undone': 'Request undone',
};

export const DELIVERY_STATUS_LABELS: Readonly<Record<WebhookDeliveryStatus, string>> = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' };

export interface DeliveryRow {
  id: string;
  event: string;
  eventType: WebhookEventType;
  /** The alert it is about: `Desk 16 h · 2026-11-25 15:00 GMT+3`. */
  about: string;
  status: WebhookDeliveryStatus;
  statusLabel: string;
  attempts: string;
  /** `HTTP 500 · Internal Server Error`, `connection refused`, `HTTP 200`, or `—` before the first attempt. */
  lastAnswer: string;
  lastOk: boolean;
  /** `2026-11-23 14:09 GMT+3 (in 4 min)`; empty once delivered or failed. */
  nextAttempt: string;
  created: string;
  delivered: string;
}

/** One delivery as the log shows it, times in `zone`, the next attempt relative to `now` (epoch ms). */
export function describeDelivery({ delivery, zone, now }: { delivery: WebhookDelivery; zone: string; now: number }): DeliveryRow {
  const at = (iso: string | null) => (iso ? formatZonedDateTime(new Date(iso), zone) : '');
  const code = delivery.lastStatusCode;
  // The API's error often repeats the status ("the receiver answered HTTP 503"): say it once.
  const error = delivery.lastError && !(code !== null && delivery.lastError.includes(String(code))) ? delivery.lastError : null;
  const lastAnswer = delivery.attempts === 0 ? '—' : [code !== null ? `HTTP ${code}` : null, error].filter(Boolean).join(' · ') || delivery.lastError || 'No answer';
  const next = delivery.status === 'pending' && delivery.nextAttemptAt ? `${at(delivery.nextAttemptAt)} (${relative(Date.parse(delivery.nextAttemptAt) - now)})` : '';
  const payload = delivery.payload;
  const alert = payload && 'alert' in payload ? payload.alert : null;
  const request = payload && 'request' in payload ? payload.request : null;
  return {
    id: delivery.id,
    event: WEBHOOK_EVENT_LABELS[delivery.eventType] ?? delivery.eventType,
    eventType: delivery.eventType,
    about: alert ? `${alert.ruleName} · ${at(alert.start)}` : request ? `${request.kind} · ${request.requesterName}` : '',
    status: delivery.status,
    // Pending before its first attempt is simply queued; after a failed one it is retrying.
    statusLabel: delivery.status === 'pending' ? (delivery.attempts === 0 ? 'Queued' : 'Retrying') : (DELIVERY_STATUS_LABELS[delivery.status] ?? delivery.status),
    attempts: delivery.attempts === 0 ? 'none yet' : delivery.attempts === 1 ? '1 attempt' : `${delivery.attempts} attempts`,
    lastAnswer,
    lastOk: code !== null && code >= 200 && code < 300,
    nextAttempt: next,
    created: at(delivery.createdAt),
    delivered: at(delivery.deliveredAt),
  };
}

/** `in 4 min`, `in 2 h 5 min`, `due now`. */
function relative(ms: number): string {
  if (ms <= 30_000) return 'due now';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `in ${hours} h${rest ? ` ${rest} min` : ''}`;
}
