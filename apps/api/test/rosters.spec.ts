import type { Agent, ApiError, ApplyRosterResponse, GapsResponse, GenerateRosterAccepted, ManualShift, RosterJob, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { ShiftEntity } from '../src/modules/shifts/shift.entity';
import { agentRequest, createAgent, createTeam } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

// Roster generation over HTTP on a real database (SQLite, or PostgreSQL with
// SHIFTDESK_TEST_DATABASE_URL). The solver runs in a real worker thread (ts-node from sources).

const DAY_MS = 86_400_000;
const WEEK = { from: '2026-03-02', to: '2026-03-08' }; // Monday … Sunday
const MONDAY_MOSCOW = '2026-03-01T21:00:00.000Z';
const NEXT_MONDAY_MOSCOW = '2026-03-08T21:00:00.000Z';
const SHAPES = [
  { name: 'Early', start: '07:00', lengthMinutes: 480 },
  { name: 'Late', start: '15:00', lengthMinutes: 480 },
];

describe('roster generation', () => {
  let t: TestApp;
  let admin: string;
  let agentToken: string;
  let team: Team;
  let agents: Agent[];

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = await createTeam(t, admin); // Europe/Moscow
    agents = [];
    for (let i = 0; i < 4; i++) {
      const email = `roster.${i}.${randomUUID().slice(0, 6)}@example.com`;
      agents.push(await createAgent(t, admin, agentRequest(team.id, { email, password: 'roster-password', contractHoursPerWeek: 40 })));
    }
    agentToken = (await t.login(agents[0].email, 'roster-password')).token;
    await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1, name: 'Desk 07–23' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  const url = (path = '') => `/api/teams/${team.id}/rosters${path}`;
  const generate = (body: object, token = admin) => t.http().post(url('/generate')).set(bearer(token)).send(body);
  const getJob = async (id: string) => (await t.http().get(url(`/jobs/${id}`)).set(bearer(admin)).expect(200)).body as RosterJob;
  const waitFor = async (id: string, done: (job: RosterJob) => boolean, timeoutMs = 90_000): Promise<RosterJob> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const job = await getJob(id);
      if (done(job)) return job;
      if (Date.now() > until) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const finished = (job: RosterJob) => ['done', 'failed', 'cancelled'].includes(job.status);
  const start = async (body: object): Promise<string> => ((await expectStatus(generate(body), 202)).body as GenerateRosterAccepted).jobId;
  /** Runs a generation for another team to its end. */
  const generateFor = async (teamId: string, body: object): Promise<{ job: RosterJob; jobId: string }> => {
    const { jobId } = (await expectStatus(t.http().post(`/api/teams/${teamId}/rosters/generate`).set(bearer(admin)).send(body), 202)).body as GenerateRosterAccepted;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const job = (await t.http().get(`/api/teams/${teamId}/rosters/jobs/${jobId}`).set(bearer(admin)).expect(200)).body as RosterJob;
      if (finished(job)) return { job, jobId };
    }
  };
  const teamShifts = async (): Promise<ManualShift[]> =>
    (await t.http().get(`/api/teams/${team.id}/shifts?from=${MONDAY_MOSCOW}&to=${NEXT_MONDAY_MOSCOW}`).set(bearer(admin)).expect(200)).body as ManualShift[];

  describe('validation', () => {
    const valid = { ...WEEK, shapes: SHAPES };
    it.each([
      ['from is missing', { ...valid, from: undefined }, 'from', 'from: must be a calendar date YYYY-MM-DD, e.g. 2026-01-05'],
      ['to is not a date', { ...valid, to: '2026-02-30' }, 'to', 'to: must be a calendar date YYYY-MM-DD, e.g. 2026-01-05'],
      ['to is before from', { ...valid, to: '2026-03-01' }, 'to', 'to: must be on or after from (2026-03-02)'],
      ['the period is longer than a year', { ...valid, to: '2027-03-08' }, 'to', 'to: the period may span at most 366 days'],
      ['shapes is empty', { ...valid, shapes: [] }, 'shapes', 'shapes: must list at least one shift shape'],
      ['shapes is missing', { ...valid, shapes: undefined }, 'shapes', expect.stringMatching(/^shapes: must be a list of shift shapes/)],
      ['a start is not HH:mm', { ...valid, shapes: [{ ...SHAPES[0], start: '7:00' }] }, 'shapes.0.start', 'shapes.0.start: must be a local time HH:mm (00:00–23:59) in the team zone, e.g. 07:00'],
      ['a length is too long', { ...valid, shapes: [SHAPES[0], { ...SHAPES[1], lengthMinutes: 1500 }] }, 'shapes.1.lengthMinutes', 'shapes.1.lengthMinutes: must be a whole number of minutes from 60 to 1440'],
      ['a channel is unknown', { ...valid, shapes: [{ ...SHAPES[0], channel: 'fax' }] }, 'shapes.0.channel', 'shapes.0.channel: must be one of email, tickets, chat, phone, or null'],
      ['a language is not ISO 639-1', { ...valid, shapes: [{ ...SHAPES[0], language: 'French' }] }, 'shapes.0.language', 'shapes.0.language: must be an ISO 639-1 language code in lower case, e.g. fr'],
      ['a cap per agent is not whole', { ...valid, shapes: [SHAPES[0], { ...SHAPES[1], maxPerAgent: 2.5 }] }, 'shapes.1.maxPerAgent', 'shapes.1.maxPerAgent: must be a whole number of shifts from 0 to 366, or null for no cap'],
      ['a cap per agent is negative', { ...valid, shapes: [{ ...SHAPES[0], maxPerAgent: -1 }] }, 'shapes.0.maxPerAgent', 'shapes.0.maxPerAgent: must be a whole number of shifts from 0 to 366, or null for no cap'],
      ['two shapes share a name', { ...valid, shapes: [SHAPES[0], { ...SHAPES[1], name: 'Early' }] }, 'shapes.1.name', 'shapes.1.name: "Early" is used by another shape; names must be unique'],
      ['the time limit is over 600 s', { ...valid, timeLimitSeconds: 601 }, 'timeLimitSeconds', 'timeLimitSeconds: must be a whole number of seconds from 1 to 600'],
      ['the seed is negative', { ...valid, seed: -1 }, 'seed', 'seed: must be a whole number from 0 to 2147483647'],
      ['an unknown field is sent', { ...valid, shifts: [] }, 'shifts', 'shifts: is not a field of this request; remove it'],
      ['a fairness weight is above 1', { ...valid, fairness: { nights: 2 } }, 'fairness.nights', 'fairness.nights: must be a number from 0 (off) to 1 (the default)'],
      ['a fairness weight is not a number', { ...valid, fairness: { isolatedDays: 'yes' } }, 'fairness.isolatedDays', 'fairness.isolatedDays: must be a number from 0 (off) to 1 (the default)'],
    ])('answers 400 when %s', async (_name, body, field, message) => {
      const response = await expectStatus(generate(body), 400);
      const error = response.body as ApiError;
      expect(error.fields?.find((f) => f.field === field)?.message).toEqual(message);
      expect(error.message).toEqual(message);
    });

    it('is 403 for an agent, 401 without a token, 404 for an unknown job', async () => {
      await expectStatus(generate(valid, agentToken), 403);
      await expectStatus(t.http().post(url('/generate')).send(valid), 401);
      await expectStatus(t.http().get(url(`/jobs/${randomUUID()}`)).set(bearer(agentToken)), 403);
      await expectStatus(t.http().get(url(`/jobs/${randomUUID()}`)).set(bearer(admin)), 404);
    });
  });

  describe('a week for a 16 h target', () => {
    let published: ShiftEntity;
    let oldDraftId: string;
    let firstApplied: ManualShift[];

    beforeAll(async () => {
      // A published Early shift on Wednesday stays as it is (and counts as that day's Early);
      // a manual draft on Thursday is replaced by the roster.
      const now = new Date().toISOString();
      published = {
        id: randomUUID(),
        teamId: team.id,
        agentId: agents[0].id,
        startAt: '2026-03-04T04:00:00.000Z',
        endAt: '2026-03-04T12:00:00.000Z',
        timeZone: 'Europe/Moscow',
        channel: null,
        label: 'Kept',
        breaks: '[]',
        status: 'published',
        source: 'manual',
        locked: false,
        createdAt: now,
        updatedAt: now,
      };
      oldDraftId = randomUUID();
      await t.dataSource.getRepository(ShiftEntity).insert([published, { ...published, id: oldDraftId, agentId: agents[1].id, startAt: '2026-03-05T20:00:00.000Z', endAt: '2026-03-05T20:30:00.000Z', label: 'Old draft', status: 'draft' }]);
    });

    it('generates a roster without gaps, reports progress, and applies it as drafts next to the published shift', async () => {
      const jobId = await start({ ...WEEK, shapes: SHAPES, timeLimitSeconds: 20, seed: 7 });
      const job = await waitFor(jobId, finished);
      expect(job).toMatchObject({ id: jobId, teamId: team.id, status: 'done', from: WEEK.from, to: WEEK.to, error: null });
      expect(job.progress).toMatchObject({ phase: expect.any(String), bestObjective: 0 });
      expect(job.result).toMatchObject({ feasible: true, objective: 0, breakdown: { coverUnder: 0, coverOver: 0, shiftOn: 0, shiftOff: 0, cost: 0 }, unfilled: [] });
      // 14 day × shape cells, one taken by the published shift.
      expect(job.result?.shifts).toHaveLength(13);
      expect(job.result?.shifts.find((s) => s.date === '2026-03-04' && s.shape === 'Early')).toBeUndefined();
      expect(job.result?.shifts[0]).toMatchObject({ date: '2026-03-02', shape: 'Early', start: '2026-03-02T04:00:00.000Z', end: '2026-03-02T12:00:00.000Z', timeZone: 'Europe/Moscow', channel: null });
      for (const agent of agents) expect(job.result?.shifts.filter((s) => s.agentId === agent.id).length).toBeLessThanOrEqual(5);

      const applied = (await t.http().post(url(`/jobs/${jobId}/apply`)).set(bearer(admin)).expect(200)).body as ApplyRosterResponse;
      expect(applied).toEqual({ created: 13, replaced: 1 });
      const shifts = await teamShifts();
      expect(shifts.find((s) => s.id === oldDraftId)).toBeUndefined();
      expect(shifts.find((s) => s.id === published.id)).toMatchObject({ status: 'published', label: 'Kept', start: published.startAt, end: published.endAt, updatedAt: published.updatedAt });
      firstApplied = shifts.filter((s) => s.status === 'draft');
      expect(firstApplied).toHaveLength(13);

      const gaps = (await t.http().get(`/api/teams/${team.id}/gaps?from=${MONDAY_MOSCOW}&to=${NEXT_MONDAY_MOSCOW}&warnings=false`).set(bearer(admin)).expect(200)).body as GapsResponse;
      expect(gaps.gaps).toEqual([]);
    });

    it('applies all or nothing: a clash with a shift published since the generation changes nothing', async () => {
      const jobId = await start({ ...WEEK, shapes: SHAPES, timeLimitSeconds: 20, seed: 8 });
      const job = await waitFor(jobId, finished);
      expect(job.status).toBe('done');
      const victim = job.result?.shifts.at(-1);
      if (!victim) throw new Error('no draft shift');
      const now = new Date().toISOString();
      await t.dataSource.getRepository(ShiftEntity).insert({ ...published, id: randomUUID(), agentId: victim.agentId, startAt: victim.start, endAt: victim.end, label: 'Published meanwhile', createdAt: now, updatedAt: now });

      const response = await expectStatus(t.http().post(url(`/jobs/${jobId}/apply`)).set(bearer(admin)), 409);
      expect((response.body as ApiError).message).toMatch(/^shifts: .* already has shift .* overlapping the draft/);
      const drafts = (await teamShifts()).filter((s) => s.status === 'draft');
      expect(drafts.map((s) => s.id).sort()).toEqual(firstApplied.map((s) => s.id).sort());
    });

    it('keeps a draft the manager locked: the next roster plans around it and applying it replaces only the others', async () => {
      const pinned = firstApplied[0];
      const locked = (await t.http().patch(`/api/teams/${team.id}/shifts/${pinned.id}`).set(bearer(admin)).send({ locked: true }).expect(200)).body as ManualShift;
      expect(locked).toMatchObject({ id: pinned.id, status: 'draft', locked: true });
      const jobId = await start({ ...WEEK, shapes: SHAPES, timeLimitSeconds: 20, seed: 9 });
      const job = await waitFor(jobId, finished);
      expect(job.result).toMatchObject({ feasible: true, unfilled: [] });
      // 14 cells less the two published ones (the first, and the one "published meanwhile") and the locked one.
      expect(job.result?.shifts).toHaveLength(11);
      expect(job.result?.shifts.some((s) => s.start === pinned.start && s.end === pinned.end)).toBe(false);
      const applied = (await t.http().post(url(`/jobs/${jobId}/apply`)).set(bearer(admin)).expect(200)).body as ApplyRosterResponse;
      expect(applied).toEqual({ created: 11, replaced: 12 });
      const drafts = (await teamShifts()).filter((s) => s.status === 'draft');
      expect(drafts).toHaveLength(12);
      expect(drafts.find((s) => s.id === pinned.id)).toMatchObject({ locked: true, agentId: pinned.agentId, start: pinned.start });
    });

    it('publishes the drafts of a window', async () => {
      const response = await t.http().post(`/api/teams/${team.id}/shifts/publish?from=${MONDAY_MOSCOW}&to=${NEXT_MONDAY_MOSCOW}`).set(bearer(admin)).expect(200);
      expect(response.body).toEqual({ published: 12 });
      expect((await teamShifts()).filter((s) => s.status === 'draft')).toEqual([]);
      await expectStatus(t.http().post(`/api/teams/${team.id}/shifts/publish`).set(bearer(agentToken)), 403);
    });
  });

  it('cancels a running job and keeps the best roster so far', async () => {
    // A year for four agents and three shapes is past the full-MIP size, and 21 shifts a week
    // need more than four 40 h contracts give: the search cannot prove anything and runs until
    // its time limit, so the job is still running when the cancel arrives.
    const shapes = [...SHAPES, { name: 'Mid', start: '11:00', lengthMinutes: 480 }];
    const jobId = await start({ from: '2027-01-04', to: '2027-12-31', shapes, timeLimitSeconds: 120 });
    const early = await getJob(jobId);
    expect(early.status === 'queued' || early.progress?.elapsedSeconds !== undefined).toBe(true);
    const running = await waitFor(jobId, (job) => finished(job) || (job.status === 'running' && job.progress !== null && job.progress.bestObjective !== null));
    expect(running.status).toBe('running');
    const cancelled = (await t.http().post(url(`/jobs/${jobId}/cancel`)).set(bearer(admin)).expect(200)).body as RosterJob;
    expect(cancelled).toMatchObject({ status: 'cancelled', error: null, result: { solverStatus: 'stopped', feasible: true } });
    expect(cancelled.result?.shifts.length).toBeGreaterThan(300);
    expect(cancelled.finishedAt).not.toBeNull();
    // The best roster so far can be applied.
    const applied = (await t.http().post(url(`/jobs/${jobId}/apply`)).set(bearer(admin)).expect(200)).body as ApplyRosterResponse;
    expect(applied).toEqual({ created: cancelled.result?.shifts.length, replaced: 0 });
  });

  it('counts published shifts earlier in the same week against the contract, and says so', async () => {
    const small = await createTeam(t, admin);
    const ana = await createAgent(t, admin, agentRequest(small.id, { contractHoursPerWeek: 24 }));
    await t.http().post(`/api/teams/${small.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1 }).expect(201);
    const now = new Date().toISOString();
    // Monday 16 March, 07:00–15:00 Moscow: 8 of Ana's 24 h that week.
    await t.dataSource.getRepository(ShiftEntity).insert({ id: randomUUID(), teamId: small.id, agentId: ana.id, startAt: '2026-03-16T04:00:00.000Z', endAt: '2026-03-16T12:00:00.000Z', timeZone: 'Europe/Moscow', channel: null, label: null, breaks: '[]', status: 'published', source: 'manual', locked: false, createdAt: now, updatedAt: now });
    const { job, jobId } = await generateFor(small.id, { from: '2026-03-18', to: '2026-03-22', shapes: [SHAPES[0]], timeLimitSeconds: 10 });
    expect(job.status).toBe('done');
    expect(job.result?.shifts).toHaveLength(2);
    expect(job.result?.unfilled.map((u) => [u.date, u.reason, u.message])).toEqual(
      ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22']
        .filter((date) => !job.result?.shifts.some((s) => s.date === date))
        .map((date) => [date, 'weekly-hours', 'Every eligible agent is at the weekly-hours limit of their contract (1 agent)']),
    );
    // The other team's job is not visible here.
    await expectStatus(t.http().get(url(`/jobs/${jobId}`)).set(bearer(admin)), 404);
  });

  it('spreads the team’s public holidays (from its pay settings) by fairness, and leaves them alone when told to', async () => {
    const small = await createTeam(t, admin); // Europe/Moscow
    await createAgent(t, admin, agentRequest(small.id));
    await createAgent(t, admin, agentRequest(small.id));
    await t.http().post(`/api/teams/${small.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1 }).expect(201);
    await t.http().patch(`/api/teams/${small.id}/pay/settings`).set(bearer(admin)).send({ publicHolidays: [{ date: '2026-03-09', countryCode: null, name: 'Holiday' }] }).expect(200);
    const body = { from: '2026-03-09', to: '2026-03-10', shapes: [SHAPES[0]], timeLimitSeconds: 10 };
    // One holiday, one shift on it, two agents: whoever works it is half a holiday above the share.
    const { job } = await generateFor(small.id, body);
    expect(job.result?.unfilled).toEqual([]);
    expect(job.result?.breakdown.holidays).toBeCloseTo(1);
    const { job: plain } = await generateFor(small.id, { ...body, fairness: { holidays: 0 } });
    expect(plain.result?.breakdown.holidays).toBe(0);
  });

  it('keeps the team’s minimum runs of working days and of days off, which the labour check also flags', async () => {
    const small = await createTeam(t, admin); // Europe/Moscow
    const ana = await createAgent(t, admin, agentRequest(small.id));
    await t.http().post(`/api/teams/${small.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1 }).expect(201);
    await t.http().patch(`/api/teams/${small.id}/settings`).set(bearer(admin)).send({ labourRules: { minConsecutiveDays: 2, minConsecutiveDaysOff: 2 } }).expect(200);
    const bad = await expectStatus(t.http().patch(`/api/teams/${small.id}/settings`).set(bearer(admin)).send({ labourRules: { minConsecutiveDaysOff: 15 } }), 400);
    expect((bad.body as ApiError).fields?.[0]).toEqual({ field: 'labourRules.minConsecutiveDaysOff', message: 'labourRules.minConsecutiveDaysOff: must be a number from 0 to 14' });

    // Two weeks, one agent on 40 h: ten working days in runs of 2+ with 2+ days off between.
    const { job } = await generateFor(small.id, { from: '2026-03-02', to: '2026-03-15', shapes: [SHAPES[0]], timeLimitSeconds: 10 });
    expect(job.status).toBe('done');
    const worked = new Set(job.result?.shifts.map((shift) => shift.date));
    const pattern = Array.from({ length: 14 }, (_, i) => (worked.has(new Date(Date.parse('2026-03-02') + i * DAY_MS).toISOString().slice(0, 10)) ? 'W' : '-')).join('');
    // Runs at the period's edges may go on outside it; inside, no lone working day or day off.
    expect(pattern).not.toMatch(/-W-/);
    expect(pattern).not.toMatch(/W-W/);
    expect(worked.size).toBeGreaterThanOrEqual(8);

    // A hand-built single day off between two working days is flagged by the labour check.
    for (const day of ['2026-04-06', '2026-04-07', '2026-04-09', '2026-04-10']) {
      await t.http().post(`/api/teams/${small.id}/shifts`).set(bearer(admin)).send({ agentId: ana.id, start: `${day}T06:00:00Z`, end: `${day}T14:00:00Z`, timeZone: 'Europe/Moscow' }).expect(201);
    }
    const found = (await t.http().get(`/api/teams/${small.id}/violations?from=2026-04-06T00:00:00Z&to=2026-04-11T00:00:00Z`).set(bearer(admin)).expect(200)).body as { violations: { code: string; message: string }[] };
    expect(found.violations.filter((v) => v.code === 'min-days-off').map((v) => v.message)).toEqual(['Only 1 day off between 2026-04-07 and 2026-04-09; at least 2 required']);
  });

  it("caps a shape per agent (at most 2 Early each in a week): the rest of the Early cells stay open, named as the cap", async () => {
    const small = await createTeam(t, admin);
    for (const i of [0, 1]) await createAgent(t, admin, agentRequest(small.id, { email: `roster.cap.${i}.${randomUUID().slice(0, 6)}@example.com`, password: 'roster-password' }));
    await t.http().post(`/api/teams/${small.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1 }).expect(201);
    const { job } = await generateFor(small.id, { ...WEEK, shapes: [{ ...SHAPES[0], maxPerAgent: 2 }], timeLimitSeconds: 10 });
    expect(job.status).toBe('done');
    const perAgent = new Map<string, number>();
    for (const shift of job.result?.shifts ?? []) perAgent.set(shift.agentId, (perAgent.get(shift.agentId) ?? 0) + 1);
    expect([...perAgent.values()]).toEqual([2, 2]);
    expect(job.result?.unfilled.map((u) => u.reason)).toEqual(['shape-cap', 'shape-cap', 'shape-cap']);
    expect(job.result?.unfilled[0].message).toBe('Every eligible agent already works as many of this shape as the generation allows per agent (2 agents)');
  });

  it('keeps an agent with approved time off free, and names time off as the reason', async () => {
    const small = await createTeam(t, admin);
    const email = `roster.off.${randomUUID().slice(0, 6)}@example.com`;
    await createAgent(t, admin, agentRequest(small.id, { email, password: 'roster-password' }));
    await t.http().post(`/api/teams/${small.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1 }).expect(201);
    const day = new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);
    const anaToken = (await t.login(email, 'roster-password')).token;
    const off = (await t.http().post('/api/requests').set(bearer(anaToken)).send({ kind: 'time-off', timeOff: { firstDate: day, lastDate: day, reason: 'vacation' } }).expect(201)).body as { id: string };
    await t.http().post(`/api/requests/${off.id}/approve`).set(bearer(admin)).send({}).expect(200);
    const { job } = await generateFor(small.id, { from: day, to: day, shapes: [SHAPES[0]], timeLimitSeconds: 10 });
    expect(job.result?.shifts).toEqual([]);
    expect(job.result?.unfilled.map((u) => [u.date, u.reason])).toEqual([[day, 'time-off']]);
  });

  it('never rosters a remote agent outside their availability (Lisbon 08:00–20:00 vs a 07:00 Moscow shape), and says so', async () => {
    const small = await createTeam(t, admin); // Europe/Moscow
    const daytime = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((day) => [day, [{ start: '08:00', end: '20:00' }]]));
    const joana = await createAgent(t, admin, agentRequest(small.id, { timeZone: 'Europe/Lisbon', workMode: 'remote', availability: daytime }));
    const ivan = await createAgent(t, admin, agentRequest(small.id, { contractHoursPerWeek: 16 }));
    await t.http().post(`/api/teams/${small.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1 }).expect(201);
    // Monday 9 – Wednesday 11 March 2026: 07:00 Moscow is 04:00 in Lisbon, 15:00 Moscow is 12:00.
    const body = { from: '2026-03-09', to: '2026-03-11', shapes: [{ name: 'Early', start: '07:00', lengthMinutes: 480 }, { name: 'Late', start: '15:00', lengthMinutes: 480 }], timeLimitSeconds: 10 };
    const accepted = (await expectStatus(t.http().post(`/api/teams/${small.id}/rosters/generate`).set(bearer(admin)).send(body), 202)).body as GenerateRosterAccepted;
    let job: RosterJob;
    do {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (await t.http().get(`/api/teams/${small.id}/rosters/jobs/${accepted.jobId}`).set(bearer(admin)).expect(200)).body as RosterJob;
    } while (!finished(job));
    expect(job.status).toBe('done');
    const shifts = job.result?.shifts ?? [];
    expect(shifts.filter((s) => s.agentId === joana.id).map((s) => s.shape)).toEqual(['Late', 'Late', 'Late']);
    // Ivan's 16 h take two early shifts; the third early shift is short, and only availability keeps Joana off it.
    expect(shifts.filter((s) => s.agentId === ivan.id).map((s) => s.shape)).toEqual(['Early', 'Early']);
    expect(job.result?.unfilled.map((u) => [u.shape, u.reason, u.message])).toEqual([['Early', 'mixed', 'Every eligible agent is blocked: 1 outside their availability, 1 at the weekly-hours limit']]);
  });

  it('names availability when it is the only thing keeping every eligible agent off a shape', async () => {
    const small = await createTeam(t, admin);
    await createAgent(t, admin, agentRequest(small.id, { timeZone: 'Europe/Lisbon', workMode: 'remote', availability: { 1: [{ start: '08:00', end: '20:00' }] } }));
    await t.http().post(`/api/teams/${small.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1 }).expect(201);
    const body = { from: '2026-03-09', to: '2026-03-09', shapes: [{ name: 'Early', start: '07:00', lengthMinutes: 480 }], timeLimitSeconds: 10 };
    const accepted = (await expectStatus(t.http().post(`/api/teams/${small.id}/rosters/generate`).set(bearer(admin)).send(body), 202)).body as GenerateRosterAccepted;
    let job: RosterJob;
    do {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (await t.http().get(`/api/teams/${small.id}/rosters/jobs/${accepted.jobId}`).set(bearer(admin)).expect(200)).body as RosterJob;
    } while (!finished(job));
    expect(job.result?.shifts).toEqual([]);
    expect(job.result?.unfilled.map((u) => [u.date, u.reason, u.message])).toEqual([['2026-03-09', 'availability', 'Nobody eligible is available then (1 agent is outside their availability)']]);
  });

  it('keeps an agent free when their imported calendar says they are busy', async () => {
    const small = await createTeam(t, admin);
    const ana = await createAgent(t, admin, agentRequest(small.id));
    await t.http().post(`/api/teams/${small.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1 }).expect(201);
    const day = new Date(Date.now() + 40 * DAY_MS).toISOString().slice(0, 10);
    const compact = day.replaceAll('-', '');
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', `UID:busy-${compact}@test`, `DTSTAMP:${compact}T000000Z`, `DTSTART;VALUE=DATE:${compact}`, 'SUMMARY:Moving house', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    await t.http().post(`/api/agents/${ana.id}/calendar-imports`).set(bearer(admin)).send({ ics, label: 'Personal' }).expect(201);
    const { job } = await generateFor(small.id, { from: day, to: day, shapes: [SHAPES[0]], timeLimitSeconds: 10 });
    expect(job.result?.shifts).toEqual([]);
    expect(job.result?.unfilled.map((u) => [u.date, u.reason])).toEqual([[day, 'time-off']]);
  });

  it('explains a shape nobody can take', async () => {
    await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1, name: 'French desk', language: { code: 'fr', minLevel: 'native' }, weekdays: [1] }).expect(201);
    const jobId = await start({ from: '2026-03-09', to: '2026-03-09', shapes: [...SHAPES, { name: 'French', start: '09:00', lengthMinutes: 480, language: 'fr' }], timeLimitSeconds: 10 });
    const job = await waitFor(jobId, finished);
    expect(job.status).toBe('done');
    expect(job.result?.unfilled).toEqual([
      { date: '2026-03-09', shape: 'French', start: '2026-03-09T06:00:00.000Z', end: '2026-03-09T14:00:00.000Z', required: 1, assigned: 0, reason: 'no-eligible-agent', message: 'Nobody eligible: no active agent speaks French (fr) at native level or better' },
    ]);
  });
});
