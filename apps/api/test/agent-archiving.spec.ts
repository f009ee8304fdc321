import type { Agent, CoverageRule, GapsResponse, Rotation, ScheduleResponse, Team } from '@shiftdesk/shared-api-contract';
import { agentRequest, createAgent } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, type TestApp } from './support/test-app';

/**
 * Deleting an agent the plan still points at archives it, and archived or inactive agents get
 * no more rotation turns: their turns stay in place (the others' order does not move) and show
 * up as uncovered gaps for a manager to fill.
 */
describe('agent archiving and rotations', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  const week = 'from=2026-02-02T00:00:00Z&to=2026-02-06T00:00:00Z';

  const newAgent = (): Promise<Agent> => createAgent(t, admin, agentRequest(team.id, { timeZone: 'UTC' }));
  const newRotation = async (agentIds: string[]): Promise<Rotation> =>
    (
      await t.http().post(`/api/teams/${team.id}/rotations`).set(bearer(admin)).send({
        name: 'Day desk',
        timeZone: 'UTC',
        localStartTime: '09:00',
        localEndTime: '17:00',
        rrule: 'FREQ=DAILY',
        agentIds,
        handoff: { mode: 'turns', every: 1 },
        startDate: '2026-02-02',
      }).expect(201)
    ).body as Rotation;
  const schedule = async () =>
    ((await t.http().get(`/api/teams/${team.id}/schedule?${week}`).set(bearer(admin)).expect(200)).body as ScheduleResponse).shifts.map((s) => [s.start.slice(0, 10), s.agentId]);
  const gaps = async () =>
    ((await t.http().get(`/api/teams/${team.id}/gaps?${week}&warnings=false`).set(bearer(admin)).expect(200)).body as GapsResponse).gaps.map((g) => [g.start, g.end]);

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: 'Archive Desk', timeZone: 'UTC' }).expect(201)).body as Team;
    const rule = (
      await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({
        name: 'Day',
        kind: 'window',
        timeZone: 'UTC',
        minAgents: 1,
        windows: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((day) => [String(day), [{ start: '09:00', end: '17:00' }]])),
      }).expect(201)
    ).body as CoverageRule;
    expect(rule.minAgents).toBe(1);
  });
  afterAll(async () => {
    await t.close();
  });

  it('archives (not a 409) an agent who is in a rotation, and turns the archived agent\'s turns into gaps', async () => {
    const [anna, boris, cleo] = [await newAgent(), await newAgent(), await newAgent()];
    const rotation = await newRotation([anna.id, boris.id, cleo.id]);
    expect(await schedule()).toEqual([
      ['2026-02-02', anna.id],
      ['2026-02-03', boris.id],
      ['2026-02-04', cleo.id],
      ['2026-02-05', anna.id],
    ]);
    expect(await gaps()).toEqual([]);

    const response = await t.http().delete(`/api/agents/${boris.id}`).set(bearer(admin)).expect(200);
    expect(response.body).toEqual({ outcome: 'archived' });
    const archived = (await t.http().get(`/api/agents/${boris.id}`).set(bearer(admin)).expect(200)).body as Agent;
    expect(archived).toMatchObject({ active: false, archivedAt: expect.any(String) });

    // Everyone else keeps their day; boris's day is uncovered and reported as a gap.
    expect(await schedule()).toEqual([
      ['2026-02-02', anna.id],
      ['2026-02-04', cleo.id],
      ['2026-02-05', anna.id],
    ]);
    expect(await gaps()).toEqual([['2026-02-03T09:00:00.000Z', '2026-02-03T17:00:00.000Z']]);
    // The rotation still lists boris in his place (its history is unchanged).
    const stored = (await t.http().get(`/api/teams/${team.id}/rotations/${rotation.id}`).set(bearer(admin)).expect(200)).body as Rotation;
    expect(stored.agentIds).toEqual([anna.id, boris.id, cleo.id]);

    // An override fills the turn with someone available.
    await t.http().post(`/api/teams/${team.id}/overrides`).set(bearer(admin)).send({
      agentId: cleo.id,
      start: '2026-02-03T09:00:00Z',
      end: '2026-02-03T17:00:00Z',
      timeZone: 'UTC',
      rotationId: rotation.id,
      replacesAgentId: boris.id,
    }).expect(201);
    expect(await gaps()).toEqual([]);
  });

  it('archives an agent named only by an override, and deletes one nothing points at', async () => {
    const [dana, emil, free] = [await newAgent(), await newAgent(), await newAgent()];
    await t.http().post(`/api/teams/${team.id}/overrides`).set(bearer(admin)).send({
      agentId: emil.id,
      start: '2026-03-02T09:00:00Z',
      end: '2026-03-02T17:00:00Z',
      timeZone: 'UTC',
      replacesAgentId: dana.id,
    }).expect(201);
    expect((await t.http().delete(`/api/agents/${emil.id}`).set(bearer(admin)).expect(200)).body).toEqual({ outcome: 'archived' });
    expect((await t.http().delete(`/api/agents/${dana.id}`).set(bearer(admin)).expect(200)).body).toEqual({ outcome: 'archived' });
    expect((await t.http().delete(`/api/agents/${free.id}`).set(bearer(admin)).expect(200)).body).toEqual({ outcome: 'deleted' });
    await t.http().get(`/api/agents/${free.id}`).set(bearer(admin)).expect(404);
  });

  it('gives an inactive agent no rotation turns until reactivated', async () => {
    const solo = await createAgent(t, admin, agentRequest(team.id, { timeZone: 'UTC' }));
    const other = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: 'Inactive Desk', timeZone: 'UTC' }).expect(201)).body as Team;
    await t.http().patch(`/api/agents/${solo.id}`).set(bearer(admin)).send({ teamId: other.id }).expect(200);
    const rotation = (
      await t.http().post(`/api/teams/${other.id}/rotations`).set(bearer(admin)).send({
        name: 'Solo',
        timeZone: 'UTC',
        localStartTime: '09:00',
        localEndTime: '17:00',
        rrule: 'FREQ=DAILY',
        agentIds: [solo.id],
        handoff: { mode: 'all' },
        startDate: '2026-02-02',
      }).expect(201)
    ).body as Rotation;
    const shifts = async () => ((await t.http().get(`/api/teams/${other.id}/schedule?${week}`).set(bearer(admin)).expect(200)).body as ScheduleResponse).shifts;
    expect(await shifts()).toHaveLength(4);
    await t.http().patch(`/api/agents/${solo.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    expect(await shifts()).toEqual([]);
    await t.http().patch(`/api/agents/${solo.id}`).set(bearer(admin)).send({ active: true }).expect(200);
    expect((await shifts()).map((s) => s.rotationId)).toEqual([rotation.id, rotation.id, rotation.id, rotation.id]);
  });
});
