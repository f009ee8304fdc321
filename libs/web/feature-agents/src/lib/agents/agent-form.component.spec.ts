import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { DirectoryStore } from '../shared/directory.store';
import { AgentFormComponent } from './agent-form.component';
import { AgentsListStore } from './agents-list.store';
import { settle } from '@shiftdesk/web-util/testing';


/** Lets promise chains after a flushed response finish, then renders. */
describe('AgentFormComponent', () => {
  let http: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({
      imports: [AgentFormComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), AgentsListStore, DirectoryStore],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AgentFormComponent);
    fixture.detectChanges();
    http.expectOne('/api/teams').flush([{ id: 't1', name: 'First line', description: null, timeZone: 'Europe/Moscow', agentCount: 0, createdAt: '2026-01-01T00:00:00Z' }]);
    http.expectOne('/api/regions').flush([{ id: 'r1', name: 'Lisbon', countryCode: 'PT', defaultTimeZone: 'Europe/Lisbon', currency: 'EUR' }]);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    const type = (selector: string, value: string) => {
      const input = el.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
      if (!input) throw new Error(`no ${selector}`);
      input.value = value;
      input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    };
    return { fixture, el, type };
  }

  afterEach(() => http.verify());

  it('pre-selects the only team and pre-fills the zone when a region is picked', async () => {
    const { fixture, el, type } = await render();
    const component = fixture.componentInstance;
    expect(component.form.controls.teamId.value).toBe('t1');
    type('#regionId', 'r1');
    await settle(fixture);
    expect(el.querySelector<HTMLInputElement>('#timeZone')?.value).toBe('Europe/Lisbon');
  });

  it('refuses an unknown zone before sending anything, next to the field', async () => {
    const { fixture, el, type } = await render();
    type('#displayName', 'Anna Petrova');
    type('#email', 'anna@desk.test');
    type('#timeZone', 'Europe/Atlantis');
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(el.querySelector('#timeZone-error')?.textContent).toContain('Unknown time zone');
    expect(el.querySelector('#timeZone')?.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('#channels-error')?.textContent).toContain('Add at least one channel.');
    http.expectNone('/api/agents');
  });

  it('shows the server field errors next to their fields and the message on top', async () => {
    const { fixture, el, type } = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    type('#displayName', 'Anna Petrova');
    type('#email', 'anna@desk.test');
    type('#timeZone', 'Europe/Kyiv');
    type('#language-0-code', 'fr');
    el.querySelector<HTMLInputElement>('#channel-chat')?.click();
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);

    const post = http.expectOne({ method: 'POST', url: '/api/agents' });
    expect(post.request.body).toMatchObject({ teamId: 't1', displayName: 'Anna Petrova', timeZone: 'Europe/Kyiv', languages: [{ code: 'fr', level: 'fluent' }], channels: ['chat'], regionId: null });
    expect(post.request.body).not.toHaveProperty('password');
    post.flush(
      { statusCode: 400, error: 'Bad Request', message: 'Check the highlighted fields.', fields: [
        { field: 'timeZone', message: 'timeZone: "Europe/Kyiv" is not an IANA time zone' },
        { field: 'languages.0.code', message: 'is not spoken on this desk' },
      ] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(el.querySelector('[data-testid="form-error"]')?.textContent).toContain('Check the highlighted fields.');
    expect(el.querySelector('#timeZone-error')?.textContent).toContain('"Europe/Kyiv" is not an IANA time zone');
    expect(el.querySelector('#language-0-code-error')?.textContent).toContain('Is not spoken on this desk');
    expect(navigate).not.toHaveBeenCalled();
    expect(el.querySelector<HTMLButtonElement>('[data-testid="save-agent"]')?.disabled).toBe(false);
  });

  it('sends availability windows in the agent’s zone and shows the API’s window errors next to the times', async () => {
    const { fixture, el, type } = await render();
    type('#displayName', 'Joana Silva');
    type('#email', 'joana@desk.test');
    type('#timeZone', 'Europe/Lisbon');
    type('#language-0-code', 'pt');
    el.querySelector<HTMLInputElement>('#channel-chat')?.click();
    await settle(fixture);
    expect(el.querySelector('[data-testid="availability-zone"]')?.textContent).toBe('Europe/Lisbon');
    el.querySelector<HTMLInputElement>('#availabilityAnyTime')?.click();
    await settle(fixture);
    // Switching "Any time" off proposes a Monday window; copy it to the other weekdays.
    type('#availability-1-0-start', '08:00');
    type('#availability-1-0-end', '20:00');
    el.querySelector<HTMLButtonElement>('[data-testid="copy-monday"]')?.click();
    await settle(fixture);
    expect(el.querySelector<HTMLInputElement>('#availability-5-0-end')?.value).toBe('20:00');
    expect(el.querySelector('[data-testid="availability-day-6"]')?.textContent).toContain('Not available');
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);

    const post = http.expectOne({ method: 'POST', url: '/api/agents' });
    const daytime = [{ start: '08:00', end: '20:00' }];
    expect(post.request.body.availability).toEqual({ 1: daytime, 2: daytime, 3: daytime, 4: daytime, 5: daytime });
    post.flush(
      { statusCode: 400, error: 'Bad Request', message: 'availability.3.0.end: must be a time HH:mm from 00:00 to 24:00', fields: [
        { field: 'availability.3.0.end', message: 'availability.3.0.end: must be a time HH:mm from 00:00 to 24:00' },
      ] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(el.querySelector('#availability-3-0-end-error')?.textContent).toContain('Must be a time HH:mm from 00:00 to 24:00');
    expect(el.querySelector('#availability-3-0-end')?.getAttribute('aria-invalid')).toBe('true');
  });
});
