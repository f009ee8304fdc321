import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { TeamManager } from '@shiftdesk/shared-api-contract';
import { TeamManagersComponent } from './team-managers.component';
import { TeamsNoticeStore } from './teams-notice.store';
import { settle } from '@shiftdesk/web-util/testing';

const IRINA: TeamManager = { userId: 'u1', email: 'irina@desk.test', displayName: 'Irina Belova', since: '2026-01-05T09:00:00Z' };
const PAVEL: TeamManager = { userId: 'u2', email: 'pavel@desk.test', displayName: 'Pavel Orlov', since: '2026-02-01T09:00:00Z' };

describe('TeamManagersComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [TeamManagersComponent], providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), TeamsNoticeStore] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(managers: TeamManager[]) {
    const fixture = TestBed.createComponent(TeamManagersComponent);
    fixture.componentRef.setInput('teamId', 't1');
    await settle(fixture);
    http.expectOne('/api/teams/t1/managers').flush(managers);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    const type = (id: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`#${id}`);
      if (!input) throw new Error(id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      el.querySelector('[data-testid="add-manager-form"]')?.dispatchEvent(new Event('submit'));
      await settle(fixture);
    };
    return { fixture, el, type, submit };
  }

  it('lists the managers and offers no removal of the only one', async () => {
    const { el } = await open([IRINA]);
    const rows = el.querySelectorAll('[data-testid="manager-row"]');
    expect(rows.length).toBe(1);
    expect(rows[0].textContent).toContain('Irina Belova');
    expect(rows[0].textContent).toContain('irina@desk.test');
    expect(el.querySelector('[data-testid="remove-manager"]')).toBeNull();
  });

  it('adds an existing manager by email alone, then lists them', async () => {
    const { el, type, submit, fixture } = await open([IRINA]);
    type('manager-email', ' pavel@desk.test ');
    await submit();
    const call = http.expectOne({ method: 'POST', url: '/api/teams/t1/managers' });
    expect(call.request.body).toEqual({ email: 'pavel@desk.test' });
    call.flush(PAVEL);
    await settle(fixture);
    http.expectOne('/api/teams/t1/managers').flush([IRINA, PAVEL]);
    await settle(fixture);
    expect(el.querySelector('[data-testid="managers-notice"]')?.textContent).toContain('Pavel Orlov now manages this team.');
    expect(el.querySelectorAll('[data-testid="manager-row"]').length).toBe(2);
    expect(el.querySelector<HTMLInputElement>('#manager-email')?.value).toBe('');
  });

  it('shows the API\'s field errors under the fields (a new account needs a name)', async () => {
    const { el, type, submit, fixture } = await open([IRINA]);
    type('manager-email', 'new.person@desk.test');
    type('manager-password', 'first-password');
    await submit();
    const call = http.expectOne({ method: 'POST', url: '/api/teams/t1/managers' });
    expect(call.request.body).toEqual({ email: 'new.person@desk.test', password: 'first-password' });
    const message = 'displayName: is required: nobody signs in with new.person@desk.test yet, so a manager account is created and needs the person\'s name';
    call.flush({ statusCode: 400, error: 'Bad Request', message, fields: [{ field: 'displayName', message }] }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);
    expect(el.querySelector('#manager-name-error')?.textContent).toContain('Is required: nobody signs in with new.person@desk.test yet');
    expect(el.querySelector('[data-testid="managers-error"]')).toBeNull();
  });

  it('checks the email and the password length before sending', async () => {
    const { el, type, submit } = await open([IRINA]);
    await submit();
    expect(el.querySelector('#manager-email-error')?.textContent).toContain('Email is required.');
    type('manager-email', 'not-an-email');
    type('manager-password', 'short');
    await submit();
    expect(el.querySelector('#manager-email-error')?.textContent).toContain('Enter an email address');
    expect(el.querySelector('#manager-password-error')?.textContent).toContain('at least 8 characters');
    http.expectNone({ method: 'POST', url: '/api/teams/t1/managers' });
  });

  it('removes a manager after asking', async () => {
    const { el, fixture } = await open([IRINA, PAVEL]);
    el.querySelector<HTMLButtonElement>('[data-testid="manager-row"][data-email="pavel@desk.test"] [data-testid="remove-manager"]')?.click();
    await settle(fixture);
    expect(el.querySelector('dialog')?.textContent).toContain('Remove Pavel Orlov as a manager?');
    el.querySelector<HTMLButtonElement>('dialog [data-testid="confirm"]')?.click();
    await settle(fixture);
    http.expectOne({ method: 'DELETE', url: '/api/teams/t1/managers/u2' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    http.expectOne('/api/teams/t1/managers').flush([IRINA]);
    await settle(fixture);
    expect(el.querySelector('[data-testid="managers-notice"]')?.textContent).toContain('Pavel Orlov no longer manages this team.');
    expect(el.querySelectorAll('[data-testid="manager-row"]').length).toBe(1);
  });
});
