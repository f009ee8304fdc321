import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { GenerateRosterRequest, RosterJob } from '@shiftdesk/shared-api-contract';
import { ROSTER_POLL_INTERVAL_MS, RosterJobStore } from './roster-job.store';

const REQUEST: GenerateRosterRequest = { from: '2026-11-30', to: '2026-12-06', shapes: [{ name: 'Early', start: '07:00', lengthMinutes: 480 }], timeLimitSeconds: 5 };
const JOB_URL = '/api/teams/t1/rosters/jobs/j1';
const RESULT = { solverStatus: 'optimal', feasible: true, objective: 0, breakdown: { coverUnder: 0, coverOver: 0, shiftOn: 0, shiftOff: 0, cost: 0 }, bound: 0, shifts: [], unfilled: [], preferences: { total: 0, met: 0, unmet: [] } };

function job(status: RosterJob['status'], extra: Partial<RosterJob> = {}): RosterJob {
  return { id: 'j1', teamId: 't1', status, from: REQUEST.from, to: REQUEST.to, createdAt: '', startedAt: null, finishedAt: null, progress: null, result: null, error: null, ...extra };
}

/** Lets the store's awaited HTTP answers settle. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('RosterJobStore', () => {
  let http: HttpTestingController;
  let store: RosterJobStore;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), RosterJobStore] });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(RosterJobStore);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  async function started(): Promise<void> {
    const start = store.start('t1', REQUEST);
    const post = http.expectOne('/api/teams/t1/rosters/generate');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual(REQUEST);
    post.flush({ jobId: 'j1', status: 'queued' });
    await settle();
    http.expectOne(JOB_URL).flush(job('running', { progress: { phase: 'construction', bestObjective: null, bound: null, gap: null, elapsedSeconds: 0.2 } }));
    await start;
  }

  it('polls while running and stops once the job is done', async () => {
    await started();
    expect(store.running()).toBe(true);
    jest.advanceTimersByTime(ROSTER_POLL_INTERVAL_MS);
    http.expectOne(JOB_URL).flush(job('running', { progress: { phase: 'lns', bestObjective: 4, bound: 0, gap: 1, elapsedSeconds: 1.2 } }));
    await settle();
    expect(store.job()?.progress?.bestObjective).toBe(4);
    jest.advanceTimersByTime(ROSTER_POLL_INTERVAL_MS);
    http.expectOne(JOB_URL).flush(job('done', { result: RESULT }));
    await settle();
    expect(store.status()).toBe('done');
    expect(store.result()).toEqual(RESULT);
    jest.advanceTimersByTime(ROSTER_POLL_INTERVAL_MS * 5);
    http.expectNone(JOB_URL);
  });

  it('stops polling on failure and keeps the message', async () => {
    await started();
    jest.advanceTimersByTime(ROSTER_POLL_INTERVAL_MS);
    http.expectOne(JOB_URL).flush(job('failed', { error: 'the solver ran out of memory' }));
    await settle();
    expect(store.job()?.error).toBe('the solver ran out of memory');
    jest.advanceTimersByTime(ROSTER_POLL_INTERVAL_MS * 5);
    http.expectNone(JOB_URL);
  });

  it('cancels: the answer (best so far) replaces the job and polling stops', async () => {
    await started();
    const cancel = store.cancel();
    expect(store.busy()).toBe('cancel');
    http.expectOne(`${JOB_URL}/cancel`).flush(job('cancelled', { result: { ...RESULT, solverStatus: 'stopped', objective: 3 } }));
    await cancel;
    expect(store.status()).toBe('cancelled');
    expect(store.result()?.objective).toBe(3);
    expect(store.busy()).toBeNull();
    jest.advanceTimersByTime(ROSTER_POLL_INTERVAL_MS * 5);
    http.expectNone(JOB_URL);
  });

  it('stops asking about a job the API no longer knows (404)', async () => {
    await started();
    jest.advanceTimersByTime(ROSTER_POLL_INTERVAL_MS);
    http.expectOne(JOB_URL).flush({ statusCode: 404, error: 'Not Found', message: 'No roster job j1' }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(store.error()).toBe('No roster job j1');
    jest.advanceTimersByTime(ROSTER_POLL_INTERVAL_MS * 5);
    http.expectNone(JOB_URL);
  });

  it('cancels a job still running before it starts the next one', async () => {
    await started();
    const next = store.start('t1', { ...REQUEST, seed: 2 });
    http.expectOne(`${JOB_URL}/cancel`).flush(job('cancelled'));
    await settle();
    http.expectOne('/api/teams/t1/rosters/generate').flush({ jobId: 'j2', status: 'queued' });
    await settle();
    http.expectOne('/api/teams/t1/rosters/jobs/j2').flush({ ...job('running'), id: 'j2' });
    await next;
    expect(store.job()?.id).toBe('j2');
    expect(store.request()?.seed).toBe(2);
    // Only the new job is polled.
    jest.advanceTimersByTime(ROSTER_POLL_INTERVAL_MS);
    http.expectOne('/api/teams/t1/rosters/jobs/j2').flush({ ...job('done', { result: RESULT }), id: 'j2' });
    await settle();
    http.expectNone(JOB_URL);
  });

  it("rejects with the API's 400 and starts nothing", async () => {
    const start = store.start('t1', REQUEST);
    const message = 'shapes.0.lengthMinutes: must be a whole number of minutes from 60 to 1440';
    http.expectOne('/api/teams/t1/rosters/generate').flush({ statusCode: 400, error: 'Bad Request', message, fields: [{ field: 'shapes.0.lengthMinutes', message }] }, { status: 400, statusText: 'Bad Request' });
    await expect(start).rejects.toMatchObject({ statusCode: 400, fields: [{ field: 'shapes.0.lengthMinutes' }] });
    expect(store.job()).toBeNull();
  });

  it('applies, then publishes the period as UTC instants of the local days', async () => {
    await started();
    jest.advanceTimersByTime(ROSTER_POLL_INTERVAL_MS);
    http.expectOne(JOB_URL).flush(job('done', { result: RESULT }));
    await settle();
    const apply = store.apply();
    http.expectOne(`${JOB_URL}/apply`).flush({ created: 14, replaced: 2 });
    expect(await apply).toEqual({ created: 14, replaced: 2 });
    expect(store.applied()).toEqual({ created: 14, replaced: 2 });
    const publish = store.publish('Europe/Moscow');
    const post = http.expectOne((r) => r.url === '/api/teams/t1/shifts/publish');
    expect(post.request.params.get('from')).toBe('2026-11-29T21:00:00.000Z');
    expect(post.request.params.get('to')).toBe('2026-12-06T21:00:00.000Z');
    post.flush({ published: 14 });
    expect(await publish).toEqual({ published: 14 });
  });
});
