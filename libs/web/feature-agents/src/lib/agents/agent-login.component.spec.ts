import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Agent } from '@shiftdesk/shared-api-contract';
import { AgentLoginComponent } from './agent-login.component';
import { settle } from '@shiftdesk/web-util/testing';

const AGENT: Agent = {
  id: 'a1', teamId: 't1', displayName: 'Joana Silva', email: 'joana@desk.test', timeZone: 'Europe/Lisbon', languages: [], channels: [],
  regionId: null, regionName: null, workMode: 'remote', contractHoursPerWeek: 40, availability: null, archivedAt: null, hasLogin: false, passwordExpiresAt: null,
  active: true, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

describe('AgentLoginComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [AgentLoginComponent], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(agent: Agent) {
    const fixture = TestBed.createComponent(AgentLoginComponent);
    fixture.componentRef.setInput('agent', agent);
    const changed: Agent[] = [];
    fixture.componentInstance.changed.subscribe((a) => changed.push(a));
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    const type = (value: string) => {
      const input = el.querySelector<HTMLInputElement>('[data-testid="agent-new-password"]');
      if (!input) throw new Error('no password input');
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      el.querySelector('form')?.dispatchEvent(new Event('submit'));
      await settle(fixture);
    };
    return { fixture, el, type, submit, changed };
  }

  it('gives an agent without a login one, and tells the manager how they sign in', async () => {
    const { el, type, submit, changed, fixture } = await open(AGENT);
    expect(el.querySelector('[data-testid="agent-login-state"]')?.textContent).toContain('has no login yet');
    expect(el.querySelector('[data-testid="agent-set-password"]')?.textContent).toContain('Give a login');
    type('given-password');
    await submit();
    const call = http.expectOne('/api/agents/a1/password');
    expect(call.request.method).toBe('PUT');
    expect(call.request.body).toEqual({ password: 'given-password' });
    call.flush({ ...AGENT, hasLogin: true });
    await settle(fixture);
    expect(el.querySelector('[data-testid="agent-login-notice"]')?.textContent).toContain('Joana Silva can now sign in with joana@desk.test');
    expect(changed.map((a) => a.hasLogin)).toEqual([true]);
    expect(el.querySelector<HTMLInputElement>('[data-testid="agent-new-password"]')?.value).toBe('');
  });

  it('refuses a short password before sending, and shows the API\'s refusal', async () => {
    const { el, type, submit, fixture } = await open({ ...AGENT, hasLogin: true });
    expect(el.querySelector('[data-testid="agent-set-password"]')?.textContent).toContain('Set new password');
    type('short');
    await submit();
    expect(el.querySelector('[data-testid="agent-login-error"]')?.textContent).toContain('at least 8 characters');
    http.expectNone('/api/agents/a1/password');
    type('long-enough');
    await submit();
    http.expectOne('/api/agents/a1/password').flush({ statusCode: 403, error: 'Forbidden', message: 'You do not manage this agent\'s team' }, { status: 403, statusText: 'Forbidden' });
    await settle(fixture);
    expect(el.querySelector('[data-testid="agent-login-error"]')?.textContent).toContain('You do not manage this agent');
  });

  it('offers no password for an archived agent', async () => {
    const { el } = await open({ ...AGENT, hasLogin: true, archivedAt: '2026-02-01T00:00:00Z' });
    expect(el.querySelector('[data-testid="agent-login-state"]')?.textContent).toContain('can no longer sign in');
    expect(el.querySelector('form')).toBeNull();
  });

  it('says when the login still has the temporary password an import made', async () => {
    const { el } = await open({ ...AGENT, hasLogin: true, passwordExpiresAt: '2026-12-21T10:00:00Z' });
    const state = el.querySelector('[data-testid="agent-login-state"]')?.textContent ?? '';
    expect(state).toContain('has a temporary password until');
    expect(state).toContain('2026');
    expect(state).toContain('has not signed in to choose their own yet');
  });
});
