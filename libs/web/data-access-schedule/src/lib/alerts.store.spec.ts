import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { GapAlert } from '@shiftdesk/shared-api-contract';
import { AlertsStore } from './alerts.store';
import { OpenAlertsStore } from './open-alerts.store';

const NOW = Date.parse('2026-11-23T12:00:00Z');

function alert(id: string, status: GapAlert['status'] = 'open', start = '2026-11-25T09:30:00Z', end = '2026-11-25T17:30:00Z'): GapAlert {
  return {
    id, teamId: 't1', ruleId: 'r1', ruleName: '16 h a day', severity: 'uncovered', start, end, required: 1, present: 0, status,
    firstSeenAt: '2026-11-23T09:00:00Z', lastSeenAt: '2026-11-23T11:00:00Z', resolvedAt: null, acknowledgedAt: null,
  };
}

/** The microtask queue drains between two HTTP answers of one awaited Promise.all. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('gap alert stores', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), AlertsStore] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('counts each team\u2019s open alerts that have not passed; a failing team keeps its last count', async () => {
    const store = TestBed.inject(OpenAlertsStore);
    const first = store.refresh(['t1', 't2'], NOW);
    const t1 = http.expectOne('/api/teams/t1/alerts?status=open');
    // An open alert from yesterday went by unfilled: history, not counted.
    t1.flush({ teamId: 't1', openCount: 3, alerts: [alert('a'), alert('b'), alert('old', 'open', '2026-11-22T09:00:00Z', '2026-11-22T17:00:00Z')] });
    http.expectOne('/api/teams/t2/alerts?status=open').flush({ teamId: 't2', openCount: 1, alerts: [alert('c')] });
    await first;
    expect(store.total()).toBe(3);
    expect(store.byTeam().get('t1')).toBe(2);

    const second = store.refresh(['t1', 't2'], NOW);
    http.expectOne('/api/teams/t1/alerts?status=open').flush({ teamId: 't1', openCount: 0, alerts: [] });
    http.expectOne('/api/teams/t2/alerts?status=open').flush({ message: 'down' }, { status: 503, statusText: 'Service Unavailable' });
    await second;
    expect([...store.byTeam()]).toEqual([['t1', 0], ['t2', 1]]);

    store.clear();
    expect(store.total()).toBe(0);
    expect(store.loaded()).toBe(false);
  });

  it('lets only the latest refresh apply', async () => {
    const store = TestBed.inject(OpenAlertsStore);
    const older = store.refresh(['t1'], NOW);
    const newer = store.refresh(['t1'], NOW);
    const [late, fresh] = http.match('/api/teams/t1/alerts?status=open');
    fresh?.flush({ teamId: 't1', openCount: 0, alerts: [] });
    await newer;
    late?.flush({ teamId: 't1', openCount: 1, alerts: [alert('a')] });
    await older;
    expect(store.total()).toBe(0);
  });

  it('loads a team\u2019s alerts with its targets, acknowledges one and keeps the badge in step', async () => {
    const store = TestBed.inject(AlertsStore);
    const badge = TestBed.inject(OpenAlertsStore);
    const loading = store.load('t1', NOW);
    expect(store.loading()).toBe(true);
    http.expectOne('/api/teams/t1/alerts').flush({ teamId: 't1', openCount: 2, alerts: [alert('a'), alert('b')] });
    await tick();
    http.expectOne('/api/teams/t1/coverage-rules').flush([{ id: 'r1' }]);
    await loading;
    expect(store.alerts().map((a) => a.id)).toEqual(['a', 'b']);
    expect(store.hasRules()).toBe(true);
    expect(badge.byTeam().get('t1')).toBe(2);

    const acknowledging = store.acknowledge('t1', 'b', NOW);
    expect(store.acknowledging().has('b')).toBe(true);
    const request = http.expectOne('/api/teams/t1/alerts/b/acknowledge');
    expect(request.request.method).toBe('POST');
    request.flush({ ...alert('b'), status: 'acknowledged', acknowledgedAt: '2026-11-23T12:00:00Z' });
    await acknowledging;
    expect(store.alerts().map((a) => a.status)).toEqual(['open', 'acknowledged']);
    expect(store.acknowledging().size).toBe(0);
    expect(badge.byTeam().get('t1')).toBe(1);
  });

  it('says why a load or an acknowledge failed', async () => {
    const store = TestBed.inject(AlertsStore);
    const loading = store.load('t1', NOW);
    http.expectOne('/api/teams/t1/alerts').flush({ message: 'You do not manage this team' }, { status: 403, statusText: 'Forbidden' });
    await tick();
    http.match('/api/teams/t1/coverage-rules').forEach((r) => r.flush([]));
    await loading;
    expect(store.error()).toBe('You do not manage this team');
    expect(store.loaded()).toBe(false);

    const acknowledging = store.acknowledge('t1', 'gone', NOW);
    http.expectOne('/api/teams/t1/alerts/gone/acknowledge').flush({ message: 'No gap alert with id gone in this team' }, { status: 404, statusText: 'Not Found' });
    await acknowledging;
    expect(store.actionError()).toBe('No gap alert with id gone in this team');
  });
});
