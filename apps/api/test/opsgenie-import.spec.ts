import type { Agent, ApiError, ImportScheduleResponse, Rotation, ScheduleResponse, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { agentRequest, createAgent } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, type TestApp } from './support/test-app';

// A team moving from Opsgenie pastes its schedule (GET /v2/schedules/{id}) and gets rotations
// that continue the turn order, its people matched by email.

describe('importing an Opsgenie schedule', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  let anna: Agent;
  let boris: Agent;
  let agentToken: string;
  const suffix = randomUUID().slice(0, 8);
  const annaEmail = `anna.${suffix}@example.com`;
  const borisEmail = `boris.${suffix}@example.com`;

  /** Weekly 24 h on-call from Monday 5 January 2026 09:00 Berlin, and office hours on weekdays. */
  const opsgenie = (participants: string[]) => ({
    data: {
      id: 'c3b1b8e6',
      name: 'Platform on-call',
      timezone: 'Europe/Berlin',
      enabled: true,
      rotations: [
        { id: 'r1', name: 'Primary', type: 'weekly', length: 1, startDate: '2026-01-05T08:00:00Z', participants: participants.map((username) => ({ type: 'user', username })) },
        {
          id: 'r2',
          name: 'Office',
          type: 'weekly',
          length: 1,
          startDate: '2026-01-05T00:00:00+01:00',
          participants: [{ type: 'user', username: borisEmail.toUpperCase() }, { type: 'team', name: 'SRE' }],
          timeRestriction: { type: 'time-of-day', restriction: { startHour: 9, startMin: 0, endHour: 17, endMin: 0 } },
        },
      ],
    },
    took: 0.01,
    requestId: 'x',
  });
  const path = () => `/api/teams/${team.id}/rotations/import/opsgenie`;
  const rotations = async () => (await t.http().get(`/api/teams/${team.id}/rotations`).set(bearer(admin)).expect(200)).body as Rotation[];

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Platform ${suffix}`, timeZone: 'Europe/Berlin' }).expect(201)).body as Team;
    anna = await createAgent(t, admin, agentRequest(team.id, { displayName: 'Anna Weber', email: annaEmail, timeZone: 'Europe/Berlin', password: 'anna-password-1' }));
    boris = await createAgent(t, admin, agentRequest(team.id, { displayName: 'Boris Lang', email: borisEmail, timeZone: 'Europe/Berlin' }));
    agentToken = (await t.login(annaEmail, 'anna-password-1')).token;
  });

  afterAll(async () => {
    await t.close();
  });

  it('previews on a dry run and writes nothing', async () => {
    const response = await t.http().post(path()).set(bearer(admin)).send({ schedule: opsgenie([annaEmail, borisEmail]), from: '2026-03-25', dryRun: true }).expect(200);
    const body = response.body as ImportScheduleResponse;
    expect(body).toMatchObject({ scheduleName: 'Platform on-call', timeZone: 'Europe/Berlin', from: '2026-03-25', dryRun: true, created: [] });
    expect(body.rotations.map((r) => [r.name, r.localStartTime, r.localEndTime, r.handoff])).toEqual([
      ['Platform on-call · Primary', '09:00', '09:00', { mode: 'turns', every: 7 }],
      ['Platform on-call · Office', '09:00', '17:00', { mode: 'all' }],
    ]);
    // 11 weeks done on 23 March (week 12 is Boris's, the second): Boris until Sunday 29th, then Anna.
    const primary = body.rotations[0];
    expect(primary?.next.map((o) => `${o.localDate} ${o.agentIds.join()}`).slice(0, 6)).toEqual([
      `2026-03-25 ${boris.id}`,
      `2026-03-26 ${boris.id}`,
      `2026-03-27 ${boris.id}`,
      `2026-03-28 ${boris.id}`,
      `2026-03-29 ${boris.id}`,
      `2026-03-30 ${anna.id}`,
    ]);
    expect(body.warnings).toEqual([expect.stringContaining('team participant (SRE)')]);
    expect(await rotations()).toEqual([]);
  });

  it('imports the schedule sent as text, and the roster shows its shifts on the Berlin clock', async () => {
    const response = await t.http().post(path()).set(bearer(admin)).send({ schedule: JSON.stringify(opsgenie([annaEmail, borisEmail])), from: '2026-03-25' }).expect(200);
    const body = response.body as ImportScheduleResponse;
    expect(body.dryRun).toBe(false);
    expect(body.created.map((r) => [r.name, r.startDate, r.agentIds])).toEqual([
      ['Platform on-call · Primary', '2026-03-25', [anna.id, boris.id]],
      ['Platform on-call · Office', '2026-03-25', [boris.id]],
    ]);
    expect((await rotations()).map((r) => r.id).sort()).toEqual(body.created.map((r) => r.id).sort());

    // Monday 30 March, after the DST change: Anna's 24 h from 09:00 CEST (07:00 UTC), Boris in the office.
    const schedule = (await t.http().get(`/api/teams/${team.id}/schedule?from=2026-03-30T00:00:00Z&to=2026-03-30T12:00:00Z`).set(bearer(admin)).expect(200)).body as ScheduleResponse;
    const starting = schedule.shifts.filter((s) => s.start.startsWith('2026-03-30')).map((s) => `${s.agentId === anna.id ? 'anna' : 'boris'} ${s.start}–${s.end} ${s.source}`);
    expect(starting.sort()).toEqual(['anna 2026-03-30T07:00:00.000Z–2026-03-31T07:00:00.000Z rotation', 'boris 2026-03-30T07:00:00.000Z–2026-03-30T15:00:00.000Z rotation']);
  });

  it('refuses a schedule naming someone who is not an agent here, and writes nothing', async () => {
    const before = (await rotations()).length;
    const response = await t.http().post(path()).set(bearer(admin)).send({ schedule: opsgenie([annaEmail, 'zoe@elsewhere.example']) }).expect(400);
    const error = response.body as ApiError;
    expect(error.fields).toEqual([{ field: 'schedule.rotations.participants', message: expect.stringContaining('zoe@elsewhere.example is not an agent of this team') }]);
    expect((await rotations()).length).toBe(before);
  });

  it('with addMissingAgents, adds the participants who are not agents yet, named by email, in the team’s zone', async () => {
    const zoeEmail = `Zoe.${suffix}@Example.com`;
    const response = await t.http().post(path()).set(bearer(admin)).send({ schedule: opsgenie([annaEmail, zoeEmail]), from: '2026-01-05', addMissingAgents: true, dryRun: true }).expect(200);
    const body = response.body as ImportScheduleResponse;
    expect(body.addedAgents).toEqual([{ id: expect.any(String), displayName: `zoe.${suffix}`, email: zoeEmail.toLowerCase(), timeZone: 'Europe/Berlin' }]);
    expect(body.rotations[0]?.agentIds).toEqual([anna.id, body.addedAgents[0]?.id]);
  });

  it('names the field of bad input', async () => {
    const send = (body: object) => t.http().post(path()).set(bearer(admin)).send(body).expect(400);
    const field = async (body: object) => ((await send(body)).body as ApiError).fields?.map((f) => f.field);
    expect(await field({})).toEqual(['schedule']);
    expect(await field({ schedule: '{"data": ' })).toEqual(['schedule']);
    expect(await field({ schedule: { timezone: 'Europe/Berlin', rotations: [{ type: 'daily', startDate: 'Monday', participants: [] }] } })).toEqual(['schedule.rotations.0.startDate']);
    expect(await field({ schedule: opsgenie([annaEmail]), from: '25/03/2026' })).toEqual(['from']);
    expect(await field({ schedule: opsgenie([annaEmail]), dryRun: 'yes', addMissingAgents: 1 })).toEqual(['addMissingAgents', 'dryRun']);
  });

  it('is for managers only', async () => {
    const before = (await rotations()).length;
    const response = await t.http().post(path()).set(bearer(agentToken)).send({ schedule: opsgenie([annaEmail]) }).expect(403);
    expect((response.body as ApiError).statusCode).toBe(403);
    expect((await rotations()).length).toBe(before);
  });
});
