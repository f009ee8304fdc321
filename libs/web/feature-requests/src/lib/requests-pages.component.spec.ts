import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RequestImpact, ShiftRequest } from '@shiftdesk/shared-api-contract';
import { ApprovalsStore, MyRequestsStore } from '@shiftdesk/web-data-access-requests';
import { ApprovalsPageComponent } from './approvals-page.component';
import { RequestsPageComponent } from './requests-page.component';
import { timeOffBody } from './time-off-form.component';
import { settle } from '@shiftdesk/web-util/testing';

function request(id: string, over: Partial<ShiftRequest> = {}): ShiftRequest {
  return {
    id, teamId: 't1', kind: 'give-away', state: 'pending', awaiting: 'taker', requesterAgentId: 'a1', requesterName: 'Anna Smirnova', targetAgentId: null, targetName: null, offered: true,
    shift: { shiftId: 's1', agentId: 'a1', start: '2026-11-25T06:00:00.000Z', end: '2026-11-25T14:00:00.000Z', timeZone: 'Europe/Moscow', channel: null, label: null },
    targetShift: null, timeOff: null, note: null, createdByName: 'Anna Smirnova', decidedByName: null, decisionComment: null, expiresAt: '2026-11-25T06:00:00.000Z',
    createdAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z', appliedAt: null, undoneAt: null, version: 1, actions: [], ...over,
  };
}

const GAP_IMPACT: RequestImpact = {
  computedAt: '2026-11-23T12:00:00.000Z', stale: false, staleReason: null, blockers: [], warnings: [], gapsClosed: [], clean: false,
  gapsOpened: [{ ruleId: 'r1', ruleName: 'Phones 16 h', start: '', end: '', localStart: '2026-11-25T09:00', localEnd: '2026-11-25T17:00', required: 2, presentBefore: 2, presentAfter: 1, language: null, channel: null }],
};

const page = (items: ShiftRequest[]) => ({ items, total: items.length, page: 1, pageSize: 200 });

describe('requests screens', () => {
  let http: HttpTestingController;

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('lets an agent take an open shift and shows a 409 \u201calready taken\u201d plainly', async () => {
    TestBed.configureTestingModule({ imports: [RequestsPageComponent], providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), MyRequestsStore] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RequestsPageComponent);
    const el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    const offer = request('offer', { requesterAgentId: 'a3', requesterName: 'Leyla Aliyeva', actions: ['take'], version: 2 });
    const asked = request('asked', { kind: 'swap', offered: false, requesterAgentId: 'a3', requesterName: 'Leyla Aliyeva', awaiting: 'colleague', targetAgentId: 'a2', targetName: 'Marie Dubois', actions: ['accept', 'decline'] });
    http.expectOne('/api/requests?scope=mine&pageSize=200').flush(page([asked]));
    http.expectOne('/api/requests?scope=open-shifts&pageSize=200').flush(page([offer]));
    http.expectOne('/api/me/profile').flush({ id: 'a2', timeZone: 'Europe/Lisbon' });
    await settle(fixture);
    // The offer's impact as if this agent took it, shown before Take.
    http.expectOne('/api/requests/asked').flush({ ...asked, impact: { ...GAP_IMPACT, gapsOpened: [], clean: true }, history: [] });
    http.expectOne('/api/requests/offer').flush({ ...offer, impact: { ...GAP_IMPACT, gapsOpened: [], clean: true }, history: [] });
    await settle(fixture);
    expect(el.querySelector('[data-testid="open-shifts"] [data-testid="impact-headline"]')?.textContent).toContain('Clean');

    expect(el.querySelector('[data-testid="incoming"]')?.textContent).toContain('Swap with Marie Dubois');
    expect(el.querySelector('[data-testid="incoming"] [data-testid="request-accept"]')).not.toBeNull();
    const open = el.querySelector('[data-testid="open-shifts"]') as HTMLElement;
    // Times on the agent's clock (Lisbon), not the team's.
    expect(open.querySelector('[data-testid="request-shift"]')?.textContent).toContain('Wed 25 Nov · 06:00–14:00 WET');
    expect(el.querySelector('[data-testid="my-requests"]')?.textContent).toContain('No requests yet');

    (open.querySelector('[data-testid="request-take"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const take = http.expectOne('/api/requests/offer/take');
    expect(take.request.body).toEqual({ version: 2 });
    take.flush({ statusCode: 409, error: 'Conflict', message: 'Someone else already took this shift.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    http.expectOne('/api/requests?scope=mine&pageSize=200').flush(page([asked]));
    http.expectOne('/api/requests?scope=open-shifts&pageSize=200').flush(page([]));
    await settle(fixture);
    http.expectOne('/api/requests/asked').flush({ ...asked, impact: null, history: [] });
    await settle(fixture);
    http.expectOne('/api/me/notices').flush({ items: [], unread: 0 });
    await settle(fixture);
    expect(el.querySelector('[data-testid="requests-action-error"]')?.textContent).toBe('Someone else already took this shift.');
    expect(open.textContent).toContain('No colleague is offering a shift');
  });

  it('gives the manager the impact inline and one-click approval with a comment', async () => {
    TestBed.configureTestingModule({ imports: [ApprovalsPageComponent], providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), ApprovalsStore] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ApprovalsPageComponent);
    const el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    const waiting = request('r1', { state: 'accepted', awaiting: 'manager', targetAgentId: 'a2', targetName: 'Marie Dubois', actions: ['approve', 'decline'], version: 5 });
    http.expectOne('/api/teams').flush([{ id: 't1', name: 'Support Desk', timeZone: 'Europe/Moscow' }]);
    await settle(fixture);
    http.expectOne('/api/teams/t1/settings').flush({ teamId: 't1', requestApproval: 'auto-when-clean' });
    http.expectOne('/api/requests?scope=team&teamId=t1&awaiting=manager&page=1&pageSize=20').flush(page([waiting]));
    await settle(fixture);
    http.expectOne('/api/requests/r1').flush({ ...waiting, impact: GAP_IMPACT, history: [] });
    await settle(fixture);

    const card = el.querySelector('[data-testid="request-item"]') as HTMLElement;
    expect(card.textContent).toContain('Offered shift, taken by Marie Dubois');
    expect(card.querySelector('[data-testid="impact-headline"]')?.textContent).toContain('Needs a manager: opens 1 coverage gap.');
    expect(card.querySelector('[data-testid="impact-gaps-opened"]')?.textContent).toContain('Wed 25 Nov 09:00–17:00 · Phones 16 h · 2 of 2 agents → 1 of 2');
    expect((el.querySelector('[data-testid="policy-auto"]') as HTMLInputElement).checked).toBe(true);

    const comment = card.querySelector('[data-testid="request-comment"]') as HTMLInputElement;
    comment.value = 'Late shift covers it';
    comment.dispatchEvent(new Event('input'));
    (card.querySelector('[data-testid="request-approve"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const approve = http.expectOne('/api/requests/r1/approve');
    expect(approve.request.body).toEqual({ version: 5, comment: 'Late shift covers it' });
    approve.flush({ ...waiting, state: 'approved', awaiting: null, actions: ['undo'], impact: null, history: [] });
    await settle(fixture);
    http.expectOne('/api/requests?scope=team&teamId=t1&awaiting=manager&page=1&pageSize=20').flush(page([]));
    await settle(fixture);
    http.expectOne('/api/me/notices').flush({ items: [], unread: 0 });
    await settle(fixture);
    expect(el.querySelector('[data-testid="approvals-notice"]')?.textContent).toContain('Approved: the schedule has changed.');
    expect(el.textContent).toContain('Nothing waits for you');

    (el.querySelector('[data-testid="approvals-tab-approved"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne('/api/requests?scope=team&teamId=t1&state=approved&page=1&pageSize=20').flush(page([{ ...waiting, state: 'approved', awaiting: null, actions: ['undo'] }]));
    await settle(fixture);
    http.expectOne('/api/requests/r1').flush({ ...waiting, state: 'approved', awaiting: null, actions: ['undo'], impact: null, history: [] });
    await settle(fixture);
    expect(el.querySelector('[data-testid="request-undo"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="request-approve"]')).toBeNull();
  });

  it('turns a time-off draft into whole local days or instants of local hours', () => {
    const base = { allDay: true, firstDate: '2026-12-01', lastDate: '2026-12-03', date: '', fromTime: '09:00', toTime: '13:00', reason: 'vacation' as const, note: ' ' };
    expect(timeOffBody(base, 'Europe/Lisbon')).toEqual({ body: { kind: 'time-off', timeOff: { firstDate: '2026-12-01', lastDate: '2026-12-03', reason: 'vacation' } } });
    // One day when the last day is left empty.
    expect(timeOffBody({ ...base, lastDate: '' }, 'Europe/Lisbon')).toMatchObject({ body: { timeOff: { firstDate: '2026-12-01', lastDate: '2026-12-01' } } });
    expect(timeOffBody({ ...base, lastDate: '2026-11-30' }, 'Europe/Lisbon')).toEqual({ problem: 'The last day comes before the first day: pick a last day on or after it.', field: 'lastDate' });
    expect(timeOffBody({ ...base, firstDate: '' }, 'Europe/Lisbon')).toMatchObject({ field: 'firstDate' });
    const hours = { ...base, allDay: false, date: '2026-12-01', reason: 'personal' as const, note: 'Dentist' };
    expect(timeOffBody(hours, 'Europe/Moscow')).toEqual({ body: { kind: 'time-off', timeOff: { start: '2026-12-01T06:00:00.000Z', end: '2026-12-01T10:00:00.000Z', reason: 'personal' }, note: 'Dentist' } });
    // A night: the end is on the next day.
    expect(timeOffBody({ ...hours, fromTime: '22:00', toTime: '06:00' }, 'Europe/Moscow')).toMatchObject({ body: { timeOff: { start: '2026-12-01T19:00:00.000Z', end: '2026-12-02T03:00:00.000Z' } } });
    expect(timeOffBody({ ...hours, date: '' }, 'Europe/Moscow')).toMatchObject({ field: 'date' });
  });
});
