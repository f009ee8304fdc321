import type { TeamSettings, WebhookDelivery } from '@shiftdesk/shared-api-contract';
import { describeDelivery, describeSaved, planWebhookChange, placeWebhookError, checkWebhookUrl } from './webhook-settings';

const SETTINGS: TeamSettings = {
  teamId: 't1',
  shrinkage: 0.3,
  contractHoursPerWeek: 40,
  labourRulePreset: 'default',
  labourRules: {},
  webhookUrl: null,
  webhookSecretSet: false,
  requestApproval: 'manager',
};

describe('checkWebhookUrl', () => {
  it('accepts http(s) URLs and an empty field (no webhook)', () => {
    expect(checkWebhookUrl('https://hooks.example.com/shiftdesk')).toBeNull();
    expect(checkWebhookUrl('http://10.0.0.5:8080/in')).toBeNull();
    expect(checkWebhookUrl('  ')).toBeNull();
  });

  it('says what is wrong with anything else', () => {
    expect(checkWebhookUrl('hooks.example.com')).toBe('Enter a full http(s) URL, such as https://hooks.example.com/shiftdesk.');
    expect(checkWebhookUrl('ftp://files.example.com/in')).toBe('Use http or https, not ftp.');
    expect(checkWebhookUrl(`https://example.com/${'x'.repeat(2100)}`)).toBe('Use at most 2048 characters.');
  });
});

describe('planWebhookChange', () => {
  it('sends nothing when the field still holds the stored URL', () => {
    expect(planWebhookChange('https://a.test/h ', 'https://a.test/h')).toEqual({ kind: 'unchanged' });
    expect(planWebhookChange('', null)).toEqual({ kind: 'unchanged' });
  });

  it('sets a trimmed URL, removes on an emptied field, refuses a bad one before the API', () => {
    expect(planWebhookChange(' https://a.test/h ', null)).toEqual({ kind: 'set', request: { webhookUrl: 'https://a.test/h' } });
    expect(planWebhookChange('', 'https://a.test/h')).toEqual({ kind: 'remove', request: { webhookUrl: null } });
    expect(planWebhookChange('mailto:ops@a.test', 'https://a.test/h')).toEqual({ kind: 'invalid', message: 'Use http or https, not mailto.' });
  });
});

describe('describeSaved', () => {
  it('shows the secret of a first URL once', () => {
    const answer = { ...SETTINGS, webhookUrl: 'https://a.test/h', webhookSecretSet: true, webhookSecret: 'whsec_abc' };
    expect(describeSaved(SETTINGS, answer)).toEqual({ message: 'Webhook saved, with a new signing secret.', secret: 'whsec_abc' });
  });

  it('tells a rotation from a first URL, and a changed URL keeps the secret', () => {
    const stored = { ...SETTINGS, webhookUrl: 'https://a.test/h', webhookSecretSet: true };
    expect(describeSaved(stored, { ...stored, webhookSecret: 'whsec_new' })).toEqual({ message: 'New signing secret generated: the old one no longer verifies deliveries.', secret: 'whsec_new' });
    expect(describeSaved(stored, { ...stored, webhookUrl: 'https://b.test/h' })).toEqual({ message: 'Webhook URL saved; the signing secret stays the same.', secret: null });
  });

  it('says that removing the URL removed the secret too', () => {
    const stored = { ...SETTINGS, webhookUrl: 'https://a.test/h', webhookSecretSet: true };
    expect(describeSaved(stored, SETTINGS).message).toBe('Webhook removed: no more events are sent, and its signing secret is gone.');
  });
});

describe('placeWebhookError', () => {
  it("puts the API's field message under the URL field", () => {
    const error = { statusCode: 400, error: 'Bad Request', message: 'webhookUrl: must use http or https, not ftp', fields: [{ field: 'webhookUrl', message: 'webhookUrl: must use http or https, not ftp' }] };
    expect(placeWebhookError(error)).toEqual({ field: 'Must use http or https, not ftp.', form: '' });
  });

  it('keeps any other refusal for the top of the form', () => {
    expect(placeWebhookError({ statusCode: 403, error: 'Forbidden', message: 'You do not manage this team' })).toEqual({ field: null, form: 'You do not manage this team' });
  });
});

describe('describeDelivery', () => {
  const delivery: WebhookDelivery = {
    id: 'd1',
    teamId: 't1',
    eventType: 'gap.opened',
    payload: {
      type: 'gap.opened',
      teamId: 't1',
      occurredAt: '2026-03-28T09:00:00.000Z',
      alert: {
        id: 'a1', teamId: 't1', ruleId: 'r1', ruleName: 'Desk 16 h', severity: 'uncovered', start: '2026-03-29T13:00:00.000Z', end: '2026-03-29T21:00:00.000Z',
        required: 1, present: 0, status: 'open', firstSeenAt: '2026-03-28T09:00:00.000Z', lastSeenAt: '2026-03-28T09:00:00.000Z', resolvedAt: null, acknowledgedAt: null,
      },
    },
    status: 'pending',
    attempts: 2,
    lastStatusCode: 503,
    lastError: 'timed out after 10 s, then answered',
    nextAttemptAt: '2026-03-28T09:05:00.000Z',
    deliveredAt: null,
    createdAt: '2026-03-28T09:00:00.000Z',
  };

  it('reads a retried delivery in the team zone, across the Berlin spring-forward', () => {
    const row = describeDelivery({ delivery, zone: 'Europe/Berlin', now: Date.parse('2026-03-28T09:01:00.000Z') });
    expect(row).toMatchObject({
      event: 'Gap opened',
      statusLabel: 'Retrying',
      attempts: '2 attempts',
      lastAnswer: 'HTTP 503 · timed out after 10 s, then answered',
      lastOk: false,
      nextAttempt: '2026-03-28 10:05 CET (in 4 min)',
      created: '2026-03-28 10:00 CET',
      // The alert is on the Sunday, after the change: CEST.
      about: 'Desk 16 h · 2026-03-29 15:00 CEST',
      delivered: '',
    });
  });

  it('reads a delivered one and a never-tried one', () => {
    const delivered = describeDelivery({ delivery: { ...delivery, status: 'delivered', attempts: 1, lastStatusCode: 204, lastError: null, nextAttemptAt: null, deliveredAt: '2026-03-28T09:00:01.000Z' }, zone: 'UTC', now: 0 });
    expect(delivered).toMatchObject({ statusLabel: 'Delivered', attempts: '1 attempt', lastAnswer: 'HTTP 204', lastOk: true, nextAttempt: '', delivered: '2026-03-28 09:00 UTC' });
    const fresh = describeDelivery({ delivery: { ...delivery, attempts: 0, lastStatusCode: null, lastError: null }, zone: 'UTC', now: Date.parse('2026-03-28T09:05:00.000Z') });
    expect(fresh).toMatchObject({ statusLabel: 'Queued', attempts: 'none yet', lastAnswer: '—', nextAttempt: '2026-03-28 09:05 UTC (due now)' });
    const repeated = describeDelivery({ delivery: { ...delivery, lastError: 'the receiver answered HTTP 503' }, zone: 'UTC', now: 0 });
    expect(repeated.lastAnswer).toBe('HTTP 503');
    const refused = describeDelivery({ delivery: { ...delivery, status: 'failed', attempts: 6, lastStatusCode: null, lastError: 'connect ECONNREFUSED', nextAttemptAt: null }, zone: 'UTC', now: 0 });
    expect(refused).toMatchObject({ statusLabel: 'Failed', lastAnswer: 'connect ECONNREFUSED', nextAttempt: '' });
  });
});
