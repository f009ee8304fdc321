import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { signal } from '@angular/core';
import type { CoverageRule, ScheduledShift, Team } from '@shiftdesk/shared-api-contract';
import { NowService } from '@shiftdesk/web-ui';
import { HomeComponent } from './home.component';
import { settle } from '@shiftdesk/web-util/testing';

const TEAM: Team = { id: 't1', name: 'Support Desk', description: null, timeZone: 'Europe/Moscow', agentCount: 20, createdAt: '2026-01-01T00:00:00Z' };
const page = (total: number) => ({ items: [], total, page: 1, pageSize: 1 });

describe('HomeComponent', () => {
  let http: HttpTestingController;

  // 10:30 UTC on 1 June: already 2 June 00:30 in Kiritimati (UTC+14), still 31 May 23:30 in Pago Pago (UTC-11).
  const now = signal(new Date('2026-06-01T10:30:00Z'));

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [HomeComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: NowService, useValue: { now: now.asReadonly() } }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(rules: Partial<CoverageRule>[], shifts: ScheduledShift[] = []) {
    const fixture = TestBed.createComponent(HomeComponent);
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/agents' && !r.params.has('active')).flush(page(20));
    http.expectOne((r) => r.url === '/api/agents' && r.params.get('active') === 'true').flush(page(20));
    http.expectOne('/api/teams').flush([TEAM]);
    await settle(fixture);
    http.expectOne('/api/teams/t1/coverage-rules').flush(rules);
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/teams/t1/alerts').flush({ teamId: 't1', openCount: 0, alerts: [] });
    const schedule = http.expectOne((r) => r.url === '/api/teams/t1/schedule');
    // A day from now: the current shift and the next handover.
    expect(Date.parse(schedule.request.params.get('to') ?? '') - Date.parse(schedule.request.params.get('from') ?? '')).toBe(24 * 3_600_000);
    schedule.flush({ teamId: 't1', from: '', to: '', shifts });
    http
      .expectOne((r) => r.url === '/api/agents' && r.params.get('teamId') === 't1')
      .flush({ items: [{ id: 'anna', displayName: 'Anna Smirnova' }, { id: 'marie', displayName: 'Marie Dubois' }], total: 2, page: 1, pageSize: 200 });
    await settle(fixture);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('says nothing is checked while no team has a coverage target, and shows the next step', async () => {
    // A rule that ended long ago is no target.
    const el = await open([{ id: 'r1', timeZone: 'Europe/Moscow', validFrom: '2020-01-01', validTo: '2020-12-31' }]);
    expect(el.querySelector('[data-testid="stat-alerts"]')?.textContent).toContain('No coverage target yet, so nothing is checked');
    expect(el.querySelector('[data-testid="stat-alerts"]')?.textContent).not.toContain('met');
    expect(el.querySelector('[data-testid="team-no-target"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="next-step-target"]')?.textContent).toContain('Support Desk has no coverage target');
  });

  it('says every target is met when a team has one and nothing is open', async () => {
    const el = await open([{ id: 'r1', timeZone: 'Europe/Moscow', validFrom: null, validTo: null }]);
    expect(el.querySelector('[data-testid="stat-alerts"]')?.textContent).toContain('Every coverage target is met');
    expect(el.querySelector('[data-testid="team-no-target"]')).toBeNull();
    expect(el.querySelector('[data-testid="next-step-target"]')).toBeNull();
  });

  it("reads a target's last day on the target's own clock, not in UTC", async () => {
    // Ended yesterday in Kiritimati, though it is still that day in UTC: no target any more.
    const ended = await open([{ id: 'r1', timeZone: 'Pacific/Kiritimati', validFrom: null, validTo: '2026-06-01' }]);
    expect(ended.querySelector('[data-testid="team-no-target"]')).not.toBeNull();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [HomeComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: NowService, useValue: { now: now.asReadonly() } }],
    });
    http = TestBed.inject(HttpTestingController);
    // Its last day is still today in Pago Pago, though that day has passed in UTC: still checked.
    const running = await open([{ id: 'r1', timeZone: 'Pacific/Pago_Pago', validFrom: null, validTo: '2026-05-31' }]);
    expect(running.querySelector('[data-testid="team-no-target"]')).toBeNull();
    expect(running.querySelector('[data-testid="stat-alerts"]')?.textContent).toContain('Every coverage target is met');
  });

  it("shows who is on shift now and who takes over next, on the team's clock", async () => {
    // 10:30 UTC is 13:30 in Moscow: Anna until 15:00, Marie from 15:00; a draft does not count.
    const shift = (id: string, agentId: string, start: string, end: string, status: ScheduledShift['status'] = 'published'): ScheduledShift => ({
      id, agentId, start, end, status, timeZone: 'Europe/Moscow', channel: null, label: null, breaks: [], source: 'manual', rotationId: null, locked: false,
    });
    const el = await open(
      [{ id: 'r1', timeZone: 'Europe/Moscow', validFrom: null, validTo: null }],
      [
        shift('1', 'anna', '2026-06-01T04:00:00Z', '2026-06-01T12:00:00Z'),
        shift('2', 'marie', '2026-06-01T12:00:00Z', '2026-06-01T20:00:00Z'),
        shift('3', 'marie', '2026-06-01T08:00:00Z', '2026-06-01T11:00:00Z', 'draft'),
      ],
    );
    expect(el.querySelector('[data-testid="on-shift"]')?.textContent).toMatch(/On shift:\s+Anna Smirnova until 15:00 (GMT\+3|MSK)/);
    expect(el.querySelector('[data-testid="next-shift"]')?.textContent).toMatch(/Next:\s+Marie Dubois at 15:00 (GMT\+3|MSK), in 1 h 30 min/);
  });
});
