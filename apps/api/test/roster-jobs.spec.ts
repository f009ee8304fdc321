import type { ApplyRosterResponse, GenerateRosterAccepted, RosterJob, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { RosterJobEntity } from '../src/modules/rosters/roster-job.entity';
import { agentRequest, createAgent, createTeam } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

const SHAPES = [
  { name: 'Early', start: '07:00', lengthMinutes: 480 },
  { name: 'Late', start: '15:00', lengthMinutes: 480 },
];
const finished = (job: RosterJob) => ['done', 'failed', 'cancelled'].includes(job.status);

/**
 * Two API processes on one database (issue 4 × 8): a roster job runs in the process that accepted
 * it, and the other one reads its progress and result, applies it and cancels it through the
 * roster_jobs table; a job whose process stopped shows as failed.
 */
describe('roster jobs across API processes', () => {
  let a: TestApp;
  let b: TestApp;
  let tokenA: string;
  let tokenB: string;
  let team: Team;

  const url = (path: string) => `/api/teams/${team.id}/rosters${path}`;
  const getJob = async (app: TestApp, token: string, id: string) => (await app.http().get(url(`/jobs/${id}`)).set(bearer(token)).expect(200)).body as RosterJob;
  const waitFor = async (app: TestApp, token: string, id: string, done: (job: RosterJob) => boolean, timeoutMs = 90_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const job = await getJob(app, token, id);
      if (done(job) || Date.now() > until) return job;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  beforeAll(async () => {
    a = await bootTestApp();
    b = await bootTestApp({ database: a.database });
    tokenA = (await a.login(ADMIN.email, ADMIN.password)).token;
    tokenB = (await b.login(ADMIN.email, ADMIN.password)).token;
    team = await createTeam(a, tokenA);
    for (let i = 0; i < 4; i++) await createAgent(a, tokenA, agentRequest(team.id, { contractHoursPerWeek: 40 }));
    await a.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(tokenA)).send({ preset: '16h', minAgents: 1 }).expect(201);
  });
  afterAll(async () => {
    await b?.close({ keepDatabase: true });
    await a?.close();
  });

  it('shows a job started in one process to the other, with its roster, which the other can apply', async () => {
    const { jobId } = (await expectStatus(a.http().post(url('/generate')).set(bearer(tokenA)).send({ from: '2027-03-01', to: '2027-03-07', shapes: SHAPES, timeLimitSeconds: 20 }), 202)).body as GenerateRosterAccepted;
    const seenByB = await waitFor(b, tokenB, jobId, finished);
    expect(seenByB).toMatchObject({ id: jobId, teamId: team.id, status: 'done', result: { feasible: true, unfilled: [] } });
    expect(seenByB.result?.shifts).toHaveLength(14);
    const applied = (await b.http().post(url(`/jobs/${jobId}/apply`)).set(bearer(tokenB)).expect(200)).body as ApplyRosterResponse;
    expect(applied).toEqual({ created: 14, replaced: 0 });
    // An unknown job is 404 in the other process too.
    await expectStatus(b.http().get(url(`/jobs/${randomUUID()}`)).set(bearer(tokenB)), 404);
  }, 120_000);

  it('cancels from the other process: the runner stops at its next heartbeat and keeps the best roster so far', async () => {
    // A year for four agents is past the full-MIP size and short of staff: it runs to its time limit.
    const { jobId } = (await expectStatus(a.http().post(url('/generate')).set(bearer(tokenA)).send({ from: '2028-01-03', to: '2028-12-31', shapes: [...SHAPES, { name: 'Mid', start: '11:00', lengthMinutes: 480 }], timeLimitSeconds: 120 }), 202))
      .body as GenerateRosterAccepted;
    const running = await waitFor(b, tokenB, jobId, (job) => finished(job) || (job.status === 'running' && job.progress?.bestObjective !== null && job.progress !== null));
    expect(running.status).toBe('running');
    const cancelled = (await b.http().post(url(`/jobs/${jobId}/cancel`)).set(bearer(tokenB)).expect(200)).body as RosterJob;
    expect(cancelled).toMatchObject({ status: 'cancelled', result: { solverStatus: 'stopped', feasible: true } });
    expect((await getJob(a, tokenA, jobId)).status).toBe('cancelled');
  }, 180_000);

  it('reports a job whose process stopped (no heartbeat for a minute) as failed', async () => {
    const id = randomUUID();
    const stale = new Date(Date.now() - 5 * 60_000).toISOString();
    const job: RosterJob = { id, teamId: team.id, status: 'running', from: '2027-04-05', to: '2027-04-11', createdAt: stale, startedAt: stale, finishedAt: null, progress: null, result: null, error: null };
    await b.dataSource.getRepository(RosterJobEntity).insert({ id, teamId: team.id, status: 'running', job: JSON.stringify(job), drafts: null, owner: 'gone:1:dead', cancelRequested: false, heartbeatAt: stale, createdAt: stale });
    const seen = await getJob(b, tokenB, id);
    expect(seen).toMatchObject({ status: 'failed', error: 'The API process running this job stopped before it finished; generate again', finishedAt: expect.any(String) });
    expect((await b.dataSource.getRepository(RosterJobEntity).findOneByOrFail({ id })).status).toBe('failed');
    await expectStatus(b.http().post(url(`/jobs/${id}/apply`)).set(bearer(tokenB)), 409);
  });
});
