import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MyShiftsResponse, ScheduledShift } from '@shiftdesk/shared-api-contract';
import { ColleaguesStore, MyShiftsStore } from '@shiftdesk/web-data-access-requests';
import { MyShiftsPageComponent } from './my-shifts-page.component';
import { settle } from '@shiftdesk/web-util/testing';

const HOUR = 3_600_000;

/** Shifts relative to the real clock: the page reads Date.now(). */
function shift(id: string, startInHours: number, agentId = 'a1'): ScheduledShift {
  const start = Math.floor((Date.now() + startInHours * HOUR) / 60_000) * 60_000;
  return { id, agentId, start: new Date(start).toISOString(), end: new Date(start + 8 * HOUR).toISOString(), timeZone: 'Europe/Moscow', channel: 'chat', label: null, breaks: [], status: 'published', source: 'manual', rotationId: null, locked: false };
}

function response(shifts: ScheduledShift[]): MyShiftsResponse {
  const period = { from: '', to: '', scheduledHours: 24, workedHours: 8, contractHours: 40 };
  return { agentId: 'a1', timeZone: 'Europe/Lisbon', teamId: 't1', teamTimeZone: 'Europe/Moscow', contractHoursPerWeek: 40, from: '', to: '', shifts, week: period, month: { ...period, scheduledHours: 180, contractHours: 171.43 } };
}

const IMPACT = {
  computedAt: new Date().toISOString(), stale: false, staleReason: null, blockers: [], warnings: [], gapsClosed: [], clean: false,
  gapsOpened: [{ ruleId: 'r1', ruleName: 'Chat 16 h', start: '', end: '', localStart: '2026-11-25T09:00', localEnd: '2026-11-25T17:00', required: 1, presentBefore: 1, presentAfter: 0, language: null, channel: 'chat' }],
};

describe('MyShiftsPageComponent', () => {
  let http: HttpTestingController;

  const MINE = '/api/requests?scope=mine&pageSize=200';

  async function render(shifts: ScheduledShift[], requests: unknown[] = []) {
    TestBed.configureTestingModule({
      imports: [MyShiftsPageComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), MyShiftsStore, ColleaguesStore],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MyShiftsPageComponent);
    fixture.detectChanges();
    const load = http.expectOne((r) => r.url === '/api/me/shifts');
    expect(load.request.params.has('from')).toBe(true);
    load.flush(response(shifts));
    http.expectOne(MINE).flush({ items: requests, total: requests.length, page: 1, pageSize: 200 });
    await settle(fixture);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('shows the next shift as a countdown, hours against contract, and each shift on both clocks', async () => {
    const { fixture, el } = await render([shift('past', -30), shift('next', 5), shift('later', 50)]);
    expect(el.querySelector('[data-testid="countdown"]')?.textContent).toMatch(/in [45] h \d\d min/);
    expect(el.querySelector('[data-testid="hours-week"]')?.textContent).toContain('24 of 40 h');
    expect(el.querySelector('[data-testid="hours-week"]')?.textContent).toContain('16 h short of contract');
    expect(el.querySelector('[data-testid="hours-month"]')?.textContent).toContain('over contract');
    const rows = Array.from(el.querySelectorAll('[data-testid="shift-item"]'));
    expect(rows.map((row) => row.getAttribute('data-shift-id'))).toEqual(['next', 'later']);
    // Lisbon (the agent) and Moscow (the team) read the same instant three hours apart.
    expect(rows[0]?.querySelector('.shift-span')?.textContent).toMatch(/\d\d:\d\d–\d\d:\d\d WE(S)?T/);
    expect(rows[0]?.querySelector('[data-testid="team-time"]')?.textContent).toMatch(/^Team: .* \d\d:\d\d–\d\d:\d\d (MSK|UTC\+3)/);
    expect(el.querySelector('[data-testid="my-zone"]')?.textContent).toContain('Europe/Lisbon');
    expect(el.querySelector('[data-testid="past-shifts"]')).toBeNull();
    (el.querySelector('[data-testid="toggle-past"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="toggle-past"]')?.getAttribute('aria-expanded')).toBe('true');
    expect(el.querySelectorAll('[data-testid="past-shifts"] li')).toHaveLength(1);
  });

  it('offers a shift to everyone: shows the impact (needs a manager) before sending, then says what happens next', async () => {
    const { fixture, el } = await render([shift('next', 5)]);
    (el.querySelector('[data-testid="shift-give-away"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/agents').flush({ items: [{ id: 'a1', displayName: 'Me', timeZone: 'Europe/Lisbon', active: true }, { id: 'a2', displayName: 'Marie Dubois', timeZone: 'Europe/Lisbon', active: true }], total: 2, page: 1, pageSize: 200 });
    http.expectOne((r) => r.url === '/api/teams/t1/schedule').flush({ teamId: 't1', from: '', to: '', shifts: [] });
    await settle(fixture);
    const send = () => el.querySelector('[data-testid="trade-send"]') as HTMLButtonElement;
    expect(send().disabled).toBe(true);
    // Only colleagues, never the agent themself.
    expect(Array.from(el.querySelectorAll('[data-testid="trade-colleague"] option')).map((o) => o.textContent?.trim())).toEqual(['Choose a colleague', 'Marie Dubois (Europe/Lisbon)']);

    (el.querySelector('[data-testid="give-offer"]') as HTMLInputElement).click();
    fixture.detectChanges();
    const preview = http.expectOne('/api/requests/impact');
    expect(preview.request.body).toEqual({ kind: 'give-away', shiftId: 'next', offer: true });
    preview.flush(IMPACT);
    await settle(fixture);
    expect(el.querySelector('[data-testid="impact-headline"]')?.textContent).toContain('Needs a manager: opens 1 coverage gap.');
    expect(el.querySelector('[data-testid="impact-gaps-opened"]')?.textContent).toContain('Wed 25 Nov 09:00–17:00 · Chat 16 h · chat · 1 of 1 agent → 0 of 1');
    expect(send().disabled).toBe(false);

    send().click();
    fixture.detectChanges();
    const filed: TestRequest = http.expectOne({ method: 'POST', url: '/api/requests' });
    expect(filed.request.body).toEqual({ kind: 'give-away', shiftId: 'next', offer: true });
    filed.flush({ id: 'r1', state: 'pending', awaiting: 'taker', offered: true, targetName: null, impact: IMPACT, history: [] }, { status: 201, statusText: 'Created' });
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/me/shifts').flush(response([shift('next', 5)]));
    http.expectOne(MINE).flush({ items: [{ id: 'r1', kind: 'give-away', state: 'pending', awaiting: 'taker', offered: true, targetName: null, shift: { shiftId: 'next' }, targetShift: null }], total: 1, page: 1, pageSize: 200 });
    http.expectOne('/api/me/notices').flush({ items: [], unread: 0 });
    await settle(fixture);
    expect(el.querySelector('[data-testid="trade-sent"]')?.textContent).toContain('Shift offered. Colleagues who can take it see it under open shifts.');
    expect(el.querySelector('[data-testid="trade-panel"]')).toBeNull();
    // The shift now says it is on offer, linking to the request.
    const badge = el.querySelector('[data-shift-id="next"] [data-testid="shift-request"]');
    expect(badge?.textContent).toBe('Shift offered to everyone · Open to every eligible colleague');
    expect(badge?.getAttribute('href')).toBe('/requests/r1');
  });

  it('swaps for one of a colleague\u2019s upcoming shifts and keeps Send off while a rule blocks it', async () => {
    const { fixture, el } = await render([shift('mine', 5)]);
    (el.querySelector('[data-testid="shift-swap"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/agents').flush({ items: [{ id: 'a2', displayName: 'Marie Dubois', timeZone: 'Europe/Lisbon', active: true }, { id: 'a3', displayName: 'Gone', timeZone: 'UTC', active: false }], total: 2, page: 1, pageSize: 200 });
    http.expectOne((r) => r.url === '/api/teams/t1/schedule').flush({ teamId: 't1', from: '', to: '', shifts: [shift('theirs', 30, 'a2'), shift('their-past', -10, 'a2'), shift('other', 40, 'a4')] });
    await settle(fixture);
    const colleague = el.querySelector('[data-testid="trade-colleague"]') as HTMLSelectElement;
    expect(colleague.options).toHaveLength(2);
    colleague.value = 'a2';
    colleague.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    const theirs = el.querySelector('[data-testid="trade-their-shift"]') as HTMLSelectElement;
    expect(Array.from(theirs.options).map((o) => o.value)).toEqual(['', 'theirs']);
    theirs.value = 'theirs';
    theirs.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    const preview = http.expectOne('/api/requests/impact');
    expect(preview.request.body).toEqual({ kind: 'swap', shiftId: 'mine', targetAgentId: 'a2', targetShiftId: 'theirs' });
    preview.flush({ ...IMPACT, gapsOpened: [], blockers: [{ agentId: 'a2', agentName: 'Marie Dubois', code: 'min-rest', message: 'Only 8 h of rest; at least 11 h are required.' }] });
    await settle(fixture);
    expect(el.querySelector('[data-testid="impact-headline"]')?.textContent).toContain('Not allowed');
    expect(el.querySelector('[data-testid="impact-blockers"]')?.textContent).toContain('Marie Dubois: Only 8 h of rest; at least 11 h are required.');
    expect((el.querySelector('[data-testid="trade-send"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says so when nothing is planned, and shows the API message when loading fails', async () => {
    const { el } = await render([]);
    expect(el.querySelector('[data-testid="next-shift"]')?.textContent).toContain('None planned');
    expect(el.textContent).toContain('No upcoming shifts');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ imports: [MyShiftsPageComponent], providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), MyShiftsStore, ColleaguesStore] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MyShiftsPageComponent);
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/me/shifts').flush({ message: 'Only agents have shifts of their own.' }, { status: 403, statusText: 'Forbidden' });
    http.expectOne(MINE).flush({ message: 'Only agents have shifts of their own.' }, { status: 403, statusText: 'Forbidden' });
    await settle(fixture);
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain('Only agents have shifts of their own.');
  });
});
