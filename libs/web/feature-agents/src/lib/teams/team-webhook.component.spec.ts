import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { TeamSettings } from '@shiftdesk/shared-api-contract';
import { TeamWebhookComponent } from './team-webhook.component';
import { settle } from '@shiftdesk/web-util/testing';

const SETTINGS: TeamSettings = { teamId: 't1', shrinkage: 0.3, contractHoursPerWeek: 40, labourRulePreset: 'default', labourRules: {}, webhookUrl: null, webhookSecretSet: false, requestApproval: 'manager' };
const EMPTY_LOG = { items: [], total: 0, page: 1, pageSize: 20 };

/** Lets promise chains after a flushed response finish, then renders. */
describe('TeamWebhookComponent', () => {
  let http: HttpTestingController;

  async function render(settings: TeamSettings = SETTINGS) {
    TestBed.configureTestingModule({ imports: [TeamWebhookComponent], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(TeamWebhookComponent);
    fixture.componentRef.setInput('teamId', 't1');
    fixture.componentRef.setInput('zone', 'Europe/Berlin');
    fixture.detectChanges();
    http.expectOne('/api/teams/t1/settings').flush(settings);
    http.expectOne((r) => r.url === '/api/teams/t1/webhooks/deliveries' && r.params.get('page') === '1' && r.params.get('pageSize') === '20' && !r.params.has('status')).flush(EMPTY_LOG);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    const type = (value: string) => {
      const input = el.querySelector<HTMLInputElement>('#webhook-url');
      if (!input) throw new Error('no URL field');
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      el.querySelector('form')?.dispatchEvent(new Event('submit'));
      await settle(fixture);
    };
    return { fixture, el, type, submit };
  }

  afterEach(() => http.verify());

  it('shows the empty log and the state of a team without a webhook', async () => {
    const { el } = await render();
    expect(el.querySelector('[data-testid="webhook-secret-state"]')?.textContent).toContain('No webhook');
    expect(el.querySelector('[data-testid="deliveries-empty"]')?.textContent).toContain('No deliveries yet.');
    expect(el.querySelector('[data-testid="deliveries-zone"]')?.textContent).toContain('times in Europe/Berlin');
  });

  it('refuses a non-http URL next to the field without asking the API', async () => {
    const { el, type, submit } = await render();
    type('ftp://files.example.com/in');
    await submit();
    expect(el.querySelector('#webhook-url-error')?.textContent).toContain('Use http or https, not ftp.');
    expect(el.querySelector('#webhook-url')?.getAttribute('aria-invalid')).toBe('true');
  });

  it("saves a first URL and shows the secret from that answer once, with a warning that it won't be shown again", async () => {
    const { fixture, el, type, submit } = await render();
    type(' https://hooks.example.com/shiftdesk ');
    await submit();
    const patch = http.expectOne('/api/teams/t1/settings');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ webhookUrl: 'https://hooks.example.com/shiftdesk' });
    patch.flush({ ...SETTINGS, webhookUrl: 'https://hooks.example.com/shiftdesk', webhookSecretSet: true, webhookSecret: 'whsec_once' });
    await settle(fixture);
    const panel = el.querySelector('[data-testid="webhook-secret"]');
    expect(panel?.textContent).toContain("It won't be shown again.");
    expect(el.querySelector<HTMLInputElement>('[data-testid="webhook-secret-value"]')?.value).toBe('whsec_once');
    expect(el.querySelector('[data-testid="webhook-notice"]')?.textContent).toContain('Webhook saved, with a new signing secret.');
    expect(el.querySelector('[data-testid="webhook-secret-state"]')?.textContent).toContain('Signing secret set');
    // Hidden once dismissed, and nothing can fetch it again.
    el.querySelector<HTMLButtonElement>('[data-testid="dismiss-secret"]')?.click();
    await settle(fixture);
    expect(el.querySelector('[data-testid="webhook-secret"]')).toBeNull();
    expect(el.textContent).not.toContain('whsec_once');
  });

  it("puts the API's validation message under the field", async () => {
    const { fixture, el, type, submit } = await render();
    type('http://hooks.example.com/in');
    await submit();
    http
      .expectOne('/api/teams/t1/settings')
      .flush({ statusCode: 400, error: 'Bad Request', message: 'webhookUrl: must be an http(s) URL', fields: [{ field: 'webhookUrl', message: 'webhookUrl: must be an http(s) URL' }] }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);
    expect(el.querySelector('#webhook-url-error')?.textContent).toContain('Must be an http(s) URL.');
    expect(el.querySelector('[data-testid="webhook-secret"]')).toBeNull();
  });

  it('lists deliveries in the team zone and filters them by status', async () => {
    const { fixture, el } = await render({ ...SETTINGS, webhookUrl: 'https://a.test/h', webhookSecretSet: true });
    const select = el.querySelector<HTMLSelectElement>('[data-testid="deliveries-status"]');
    if (!select) throw new Error('no status filter');
    select.value = 'failed';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/teams/t1/webhooks/deliveries' && r.params.get('status') === 'failed').flush({
      items: [
        {
          id: 'd1', teamId: 't1', eventType: 'gap.resolved', payload: null, status: 'failed', attempts: 6, lastStatusCode: 500, lastError: 'answered 500 Internal Server Error',
          nextAttemptAt: null, deliveredAt: null, createdAt: '2026-07-01T08:00:00.000Z',
        },
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    await settle(fixture);
    const row = el.querySelector('[data-testid="delivery-row"]');
    expect(row?.getAttribute('data-status')).toBe('failed');
    expect(row?.textContent).toContain('Gap resolved');
    expect(row?.textContent).toContain('6 attempts');
    expect(row?.textContent).toContain('HTTP 500');
    expect(row?.textContent).not.toContain('answered 500');
    expect(row?.textContent).toContain('2026-07-01 10:00 CEST');
  });
});
