import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ScheduledShift } from '@shiftdesk/shared-api-contract';
import { ScheduleStore } from './schedule.store';

const SHIFT: ScheduledShift = {
  id: 's1', agentId: 'anna', start: '2026-01-06T06:00:00.000Z', end: '2026-01-06T14:00:00.000Z', timeZone: 'Europe/Moscow',
  channel: null, label: null, breaks: [], status: 'published', source: 'manual', rotationId: null, locked: false,
};
const MOVED: ScheduledShift = { ...SHIFT, agentId: 'ivan', start: '2026-01-08T06:00:00.000Z', end: '2026-01-08T14:00:00.000Z' };
const REQUEST = { agentId: 'ivan', start: MOVED.start, end: MOVED.end, timeZone: 'Europe/Moscow', breaks: [] };
const SCHEDULE_URL = (r: { url: string }) => r.url === '/api/teams/t1/schedule';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ScheduleStore.moveShift', () => {
  let http: HttpTestingController;
  let store: ScheduleStore;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), ScheduleStore] });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ScheduleStore);
    store.load('t1', '2026-01-04T00:00:00.000Z', '2026-01-12T00:00:00.000Z');
    http.expectOne(SCHEDULE_URL).flush({ teamId: 't1', from: '', to: '', shifts: [SHIFT] });
  });

  afterEach(() => http.verify());

  it('shows the move at once, PATCHes it, then reloads what the API resolved', async () => {
    const done = store.moveShift('t1', 's1', REQUEST, MOVED);
    expect(store.shifts()).toEqual([MOVED]);
    expect(store.saving().has('s1')).toBe(true);
    const patch = http.expectOne('/api/teams/t1/shifts/s1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual(REQUEST);
    patch.flush({ ...MOVED, teamId: 't1', createdAt: '', updatedAt: '' });
    await done;
    expect(store.saving().size).toBe(0);
    http.expectOne(SCHEDULE_URL).flush({ teamId: 't1', from: '', to: '', shifts: [MOVED] });
    expect(store.byAgent().get('ivan')).toEqual([MOVED]);
  });

  it("puts the shift back and rethrows the API's refusal (409 overlap)", async () => {
    const done = store.moveShift('t1', 's1', REQUEST, MOVED);
    const message = 'start: Ivan Petrov already has shift x (2026-01-08T05:00:00.000Z – 2026-01-08T13:00:00.000Z) overlapping this one';
    http.expectOne('/api/teams/t1/shifts/s1').flush({ statusCode: 409, error: 'Conflict', message }, { status: 409, statusText: 'Conflict' });
    await expect(done).rejects.toMatchObject({ statusCode: 409, message });
    await tick();
    expect(store.shifts()).toEqual([SHIFT]);
    expect(store.saving().size).toBe(0);
  });
});
