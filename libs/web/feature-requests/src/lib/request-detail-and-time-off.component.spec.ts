import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RequestImpact, ShiftRequestDetail } from '@shiftdesk/shared-api-contract';
import { RequestDetailStore } from '@shiftdesk/web-data-access-requests';
import { RequestDetailComponent } from './request-detail.component';
import { TimeOffFormComponent } from './time-off-form.component';
import { settle } from '@shiftdesk/web-util/testing';

const CLEAN: RequestImpact = { computedAt: '2026-11-23T12:00:00.000Z', stale: false, staleReason: null, blockers: [], warnings: [], gapsOpened: [], gapsClosed: [], clean: true };

function detail(over: Partial<ShiftRequestDetail> = {}): ShiftRequestDetail {
  return {
    id: 'r1', teamId: 't1', kind: 'swap', state: 'pending', awaiting: 'colleague', requesterAgentId: 'a1', requesterName: 'Anna Smirnova', targetAgentId: 'a2', targetName: 'Marie Dubois', offered: false,
    shift: { shiftId: 's1', agentId: 'a1', start: '2026-11-25T06:00:00.000Z', end: '2026-11-25T14:00:00.000Z', timeZone: 'Europe/Moscow', channel: null, label: 'Early' },
    targetShift: { shiftId: 's2', agentId: 'a2', start: '2026-11-26T06:00:00.000Z', end: '2026-11-26T14:00:00.000Z', timeZone: 'Europe/Moscow', channel: null, label: null },
    timeOff: null, note: 'Family visit', createdByName: 'Anna Smirnova', decidedByName: null, decisionComment: null, expiresAt: '2026-11-25T06:00:00.000Z',
    createdAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z', appliedAt: null, undoneAt: null, version: 1, actions: ['accept', 'decline'],
    impact: CLEAN,
    history: [{ id: 'h1', teamId: 't1', entityType: 'swap request', entityId: 'r1', action: 'created', actorUserId: 'u1', actorName: 'Anna Smirnova', before: null, after: {}, comment: null, at: '2026-11-23T10:00:00.000Z' }],
    ...over,
  };
}

describe('request detail and time off', () => {
  let http: HttpTestingController;

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('shows both shifts, the impact and the history; a 409 on accept is shown and the request reloaded', async () => {
    TestBed.configureTestingModule({ imports: [RequestDetailComponent], providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), RequestDetailStore] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RequestDetailComponent);
    fixture.componentRef.setInput('id', 'r1');
    const el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/requests/r1').flush(detail());
    await settle(fixture);
    expect(el.querySelector('[data-testid="request-shift"]')?.textContent).toMatch(/Wed 25 Nov · 09:00–17:00 (MSK|UTC\+3) · Early/);
    expect(el.querySelector('[data-testid="request-target-shift"]')?.textContent).toMatch(/Thu 26 Nov · 09:00–17:00/);
    expect(el.querySelector('[data-testid="impact-headline"]')?.textContent).toContain('Clean');
    expect(el.querySelector('[data-testid="request-history"]')?.textContent).toContain('Anna Smirnova filed it');

    (el.querySelector('[data-testid="request-accept"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const accept = http.expectOne('/api/requests/r1/accept');
    expect(accept.request.body).toEqual({ version: 1 });
    accept.flush({ message: 'Anna Smirnova cancelled this request: it can no longer be accepted.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    http.expectOne('/api/requests/r1').flush(detail({ state: 'cancelled', awaiting: null, actions: [], impact: null, version: 2 }));
    await settle(fixture);
    http.expectOne('/api/me/notices').flush({ items: [], unread: 0 });
    await settle(fixture);
    expect(el.querySelector('[data-testid="request-error"]')?.textContent).toContain('Anna Smirnova cancelled this request');
    expect(el.querySelector('[data-testid="request-state"]')?.textContent).toContain('Cancelled');
    expect(el.querySelector('[data-testid="request-accept"]')).toBeNull();
    expect(el.textContent).toContain('This request is closed');
  });

  it('previews whole days off in the agent\u2019s zone and sends them; a blocker keeps Send off', async () => {
    TestBed.configureTestingModule({ imports: [TimeOffFormComponent], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(TimeOffFormComponent);
    fixture.componentRef.setInput('zone', 'Europe/Lisbon');
    const el = fixture.nativeElement as HTMLElement;
    const created: ShiftRequestDetail[] = [];
    fixture.componentInstance.created.subscribe((request) => created.push(request));
    fixture.detectChanges();
    const send = () => el.querySelector('[data-testid="time-off-send"]') as HTMLButtonElement;
    expect(send().disabled).toBe(true);
    expect(el.textContent).toContain('In your zone, Europe/Lisbon.');

    const set = (testId: string, value: string) => {
      const input = el.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement | HTMLSelectElement;
      input.value = value;
      input.dispatchEvent(new Event('change'));
      fixture.detectChanges();
    };
    set('time-off-first', '2026-12-03');
    http.expectOne('/api/requests/impact').flush(CLEAN);
    set('time-off-last', '2026-12-01');
    expect(el.querySelector('[data-testid="time-off-problem"]')?.textContent).toContain('The last day comes before the first day');
    expect(send().disabled).toBe(true);

    set('time-off-last', '2026-12-04');
    const blocked = http.expectOne('/api/requests/impact');
    expect(blocked.request.body).toEqual({ kind: 'time-off', timeOff: { firstDate: '2026-12-03', lastDate: '2026-12-04', reason: 'vacation' } });
    blocked.flush({ ...CLEAN, clean: false, blockers: [{ agentId: 'a1', agentName: 'Marie Dubois', code: 'time-off', message: 'Already on time off on Thu 3 Dec.' }] });
    await settle(fixture);
    expect(el.querySelector('[data-testid="impact-blockers"]')?.textContent).toContain('Already on time off on Thu 3 Dec.');
    expect(send().disabled).toBe(true);

    set('time-off-reason', 'training');
    const preview = http.expectOne('/api/requests/impact');
    expect(preview.request.body).toEqual({ kind: 'time-off', timeOff: { firstDate: '2026-12-03', lastDate: '2026-12-04', reason: 'training' } });
    preview.flush({ ...CLEAN, clean: false, gapsOpened: [{ ruleId: 'r1', ruleName: 'Desk', start: '', end: '', localStart: '2026-12-03T09:00', localEnd: '2026-12-03T17:00', required: 1, presentBefore: 1, presentAfter: 0, language: null, channel: null }] });
    await settle(fixture);
    expect(el.querySelector('[data-testid="impact-headline"]')?.textContent).toContain('Needs a manager');
    expect(send().disabled).toBe(false);

    send().click();
    fixture.detectChanges();
    const filed = http.expectOne({ method: 'POST', url: '/api/requests' });
    expect(filed.request.body).toEqual({ kind: 'time-off', timeOff: { firstDate: '2026-12-03', lastDate: '2026-12-04', reason: 'training' } });
    filed.flush(detail({ id: 'r9', kind: 'time-off' }), { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(created.map((r) => r.id)).toEqual(['r9']);
    expect((el.querySelector('[data-testid="time-off-first"]') as HTMLInputElement).value).toBe('');
  });
});
