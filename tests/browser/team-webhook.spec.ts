import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_MANAGER } from '../../apps/api/src/modules/demo/demo-desk';
import { logIn, openBrowser, type Session, shot } from './support/browser';
import { api } from './support/helpers';

// A team webhook set up in the team's edit screen. The team is the test's own (named to sort
// after the demo desk, so the other screens still open on the demo desk); its coverage rule is
// deleted at the end, so it leaves no open alert behind for the home screen's counts.
// The receiver is a plain HTTP server in this process: it refuses its first call with 503 and
// accepts the rest, so the log shows a retrying delivery beside delivered ones.

const TEAM_NAME = 'Webhook Desk';
const ZONE = 'Europe/Berlin';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

function startReceiver(received: Received[]): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = received.length === 1 ? 503 : 204;
      response.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/shiftdesk` })));
}

describe('team webhook in the browser', () => {
  let s: Session;

  beforeEach(async () => {
    s = await openBrowser({ width: 1360, height: 1000 });
  });

  afterEach(async () => {
    await s.close();
  });

  it('sets a webhook URL, shows the signing secret once, lists deliveries with their retries, rotates and removes it', async () => {
    const { page } = s;
    const received: Received[] = [];
    const receiver = await startReceiver(received);
    const { token } = await api<{ token: string }>('/auth/login', { method: 'POST', body: { email: DEMO_MANAGER.email, password: DEMO_MANAGER.password } });
    const team = await api<{ id: string }>('/teams', { method: 'POST', token, body: { name: TEAM_NAME, timeZone: ZONE, description: 'Webhook checks' } });
    let ruleId: string | null = null;
    try {
      await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
      await page.getByTestId('teams-table').getByRole('link', { name: TEAM_NAME, exact: true }).click();
      const settings = page.getByTestId('webhook-settings');
      await settings.getByTestId('webhook-secret-state').getByText('No webhook').waitFor();
      await page.getByTestId('deliveries-empty').getByText('No deliveries yet.').waitFor();
      expect(await page.getByTestId('deliveries-zone').textContent()).toContain(`times in ${ZONE}`);

      // A URL the API could not call is refused next to the field, before anything is sent.
      const url = settings.getByLabel('Webhook URL');
      await url.fill('ftp://files.example.com/in');
      await settings.getByTestId('save-webhook').click();
      await settings.getByTestId('webhook-url-error').getByText('Use http or https, not ftp.').waitFor();
      expect(await url.getAttribute('aria-invalid')).toBe('true');

      // The first URL: saved, and the secret shown once.
      await url.fill(receiver.url);
      await settings.getByTestId('save-webhook').click();
      await settings.getByTestId('webhook-notice').getByText('Webhook saved, with a new signing secret.').waitFor();
      const secretPanel = settings.getByTestId('webhook-secret');
      await secretPanel.getByText("It won't be shown again.", { exact: false }).waitFor();
      const secret = await secretPanel.getByTestId('webhook-secret-value').inputValue();
      expect(secret.length).toBeGreaterThanOrEqual(32);
      await secretPanel.getByTestId('copy-secret').click();
      await secretPanel.getByText('Copied').waitFor();
      await shot(page, '45-team-webhook-secret');
      await secretPanel.getByTestId('dismiss-secret').click();
      await secretPanel.waitFor({ state: 'detached' });
      await settings.getByTestId('webhook-secret-state').getByText('Signing secret set').waitFor();

      // A 16 h target on a team with nobody: gap alerts open, each one is POSTed, signed with that secret.
      ruleId = (await api<{ id: string }>(`/teams/${team.id}/coverage-rules`, { method: 'POST', token, body: { preset: '16h', minAgents: 1, name: 'Desk 07–23' } })).id;
      // Wait until every queued delivery has had its first attempt: only the refused one is left pending.
      const deadline = Date.now() + 30_000;
      const log = (status = '') => api<{ total: number; items: { attempts: number }[] }>(`/teams/${team.id}/webhooks/deliveries?pageSize=200${status}`, { token });
      for (;;) {
        const [all, pending] = await Promise.all([log(), log('&status=pending')]);
        if (all.total >= 3 && pending.total === 1 && pending.items[0]?.attempts === 1) break;
        if (Date.now() > deadline) throw new Error(`deliveries did not settle: ${all.total} in all, ${pending.total} pending`);
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(received.length).toBeGreaterThanOrEqual(3);
      const first = received[0];
      const expected = 'sha256=' + createHmac('sha256', secret).update(`${first?.headers['x-shiftdesk-timestamp']}.${first?.body}`).digest('hex');
      expect(first?.headers['x-shiftdesk-signature']).toBe(expected);

      // The log: the refused first call is retrying (HTTP 503, next attempt in about a minute), the others delivered.
      const deliveries = page.getByTestId('webhook-deliveries');
      await page.getByTestId('refresh-deliveries').click();
      await deliveries.getByTestId('delivery-row').first().waitFor();
      expect(await deliveries.locator('[data-testid="delivery-row"][data-status="delivered"]').count()).toBeGreaterThanOrEqual(2);
      // Deliveries queued by one scan share their time, so the refused one may sit on any page:
      // the status filter finds it.
      await page.getByTestId('deliveries-status').selectOption('pending');
      const retrying = deliveries.locator('[data-testid="delivery-row"][data-status="pending"]');
      // The unfiltered list also holds the pending row until the filtered answer replaces it:
      // wait for the list to be exactly that one row.
      await page.waitForFunction(() => {
        const rows = document.querySelectorAll('[data-testid="webhook-deliveries"] [data-testid="delivery-row"]');
        return rows.length === 1 && rows[0].getAttribute('data-status') === 'pending';
      });
      expect(await deliveries.getByTestId('delivery-row').count()).toBe(1);
      const retryText = (await retrying.first().textContent()) ?? '';
      expect(retryText).toContain('Gap opened');
      expect(retryText).toContain('HTTP 503');
      expect(retryText).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d CES?T \((in \d+ min|due now)\)/);
      await shot(page, '46-team-webhook-log');

      await page.getByTestId('deliveries-status').selectOption('failed');
      await page.getByTestId('deliveries-empty').getByText('No failed deliveries.').waitFor();
      await page.getByTestId('deliveries-status').selectOption('');
      await deliveries.getByTestId('delivery-row').first().waitFor();

      // Rotating asks first, then shows the new secret once; a reload never shows it again.
      await settings.getByTestId('rotate-secret').click();
      const confirm = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
      await confirm.getByTestId('confirm').click();
      await settings.getByTestId('webhook-notice').getByText('New signing secret generated', { exact: false }).waitFor();
      const rotated = await secretPanel.getByTestId('webhook-secret-value').inputValue();
      expect(rotated).not.toBe(secret);
      await page.reload();
      await settings.getByTestId('webhook-secret-state').getByText('Signing secret set').waitFor();
      expect(await page.getByTestId('webhook-secret').count()).toBe(0);
      expect(await url.inputValue()).toBe(receiver.url);

      // Removing asks too; the log stays.
      await settings.getByTestId('remove-webhook').click();
      await page.getByRole('dialog', { name: 'Remove the webhook?' }).getByTestId('confirm').click();
      await settings.getByTestId('webhook-notice').getByText('Webhook removed', { exact: false }).waitFor();
      await settings.getByTestId('webhook-secret-state').getByText('No webhook').waitFor();
      expect(await deliveries.getByTestId('delivery-row').count()).toBeGreaterThanOrEqual(3);
    } finally {
      if (ruleId) await api(`/teams/${team.id}/coverage-rules/${ruleId}`, { method: 'DELETE', token });
      await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
    }
  });
});
