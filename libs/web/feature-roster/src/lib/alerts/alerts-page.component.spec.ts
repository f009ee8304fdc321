import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { GapAlert } from '@shiftdesk/shared-api-contract';
import { AlertsStore, OpenAlertsStore } from '@shiftdesk/web-data-access-schedule';
import { TeamContextStore } from '../shared/team-context.store';
import { AlertsPageComponent } from './alerts-page.component';
import { settle } from '@shiftdesk/web-util/testing';

const HOUR = 3_600_000;

/** Alerts relative to the real clock: the page reads NowService. */
function alert(id: string, startInHours: number, status: GapAlert['status'] = 'open'): GapAlert {
  const start = Date.now() + startInHours * HOUR;
  return {
    id, teamId: 't1', ruleId: 'r1', ruleName: '16 h a day', severity: 'uncovered', start: new Date(start).toISOString(), end: new Date(start + 8 * HOUR).toISOString(),
    required: 1, present: 0, status, firstSeenAt: new Date().toISOString(), lastSeenAt: new Date().toISOString(), resolvedAt: status === 'resolved' ? new Date().toISOString() : null, acknowledgedAt: null,
  };
}

describe('AlertsPageComponent', () => {
  let http: HttpTestingController;

  async function render(alerts: GapAlert[], rules: unknown[] = [{ id: 'r1' }]) {
    TestBed.configureTestingModule({
      imports: [AlertsPageComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), TeamContextStore, AlertsStore],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AlertsPageComponent);
    fixture.detectChanges();
    http.expectOne('/api/teams').flush([{ id: 't1', name: 'Tier 2', description: null, timeZone: 'UTC', agentCount: 3, createdAt: '2026-01-01T00:00:00Z' }]);
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/agents').flush({ items: [], total: 0, page: 1, pageSize: 200 });
    await settle(fixture);
    http.expectOne('/api/teams/t1/alerts').flush({ teamId: 't1', openCount: alerts.filter((a) => a.status === 'open').length, alerts });
    await settle(fixture);
    http.expectOne('/api/teams/t1/coverage-rules').flush(rules);
    await settle(fixture);
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => http.verify());

  it('lists open alerts by day with span, staffing and an acknowledge button; acknowledging moves one out', async () => {
    const { fixture, el } = await render([alert('later', 50), alert('soon', 26), alert('done', 30, 'resolved'), alert('missed', -30)]);
    const items = () => Array.from(el.querySelectorAll('[data-testid="alert-item"]'));
    expect(items().map((item) => item.getAttribute('data-status'))).toEqual(['open', 'open']);
    expect(items()[0]?.textContent).toMatch(/\d\d:\d\d–\d\d:\d\d UTC/);
    expect(items()[0]?.textContent).toContain('0 of 1 agent on shift');
    expect(items()[0]?.textContent).toContain('Nobody on shift');
    expect(el.querySelector('[data-testid="alerts-tab-open"]')?.textContent).toContain('2');
    expect(el.querySelector('[data-testid="alerts-tab-passed"]')?.textContent).toContain('1');
    expect(TestBed.inject(OpenAlertsStore).total()).toBe(2);

    (items()[0]?.querySelector('[data-testid="alert-acknowledge"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect((items()[0]?.querySelector('[data-testid="alert-acknowledge"]') as HTMLButtonElement).textContent).toContain('Acknowledging…');
    http.expectOne('/api/teams/t1/alerts/soon/acknowledge').flush({ ...alert('soon', 26), status: 'acknowledged', acknowledgedAt: new Date().toISOString() });
    await settle(fixture);
    fixture.detectChanges();
    expect(items()).toHaveLength(1);
    expect(el.querySelector('[data-testid="alerts-tab-acknowledged"]')?.textContent).toContain('1');
    expect(TestBed.inject(OpenAlertsStore).total()).toBe(1);
  });

  it('says all is well when nothing is open, and asks for a target when the team has none', async () => {
    const { el } = await render([alert('done', 30, 'resolved')]);
    expect(el.querySelector('[data-testid="alerts-empty"]')?.textContent).toContain('No open alerts');
    TestBed.resetTestingModule();
    const none = await render([], []);
    expect(none.el.querySelector('.empty-state-title')?.textContent).toBe('No coverage targets yet');
    expect(none.el.querySelector('a.btn-primary')?.getAttribute('href')).toBe('/coverage?team=t1');
  });
});
