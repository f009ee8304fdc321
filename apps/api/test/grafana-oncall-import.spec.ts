import type { Agent, ApiError, ImportScheduleResponse, Page, Rotation, ScheduleResponse, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { agentRequest, createAgent } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, type TestApp } from './support/test-app';

// A team moving from Grafana OnCall pastes its schedule's shifts (GET /api/v1/on_call_shifts/)
// and users (GET /api/v1/users/) and gets rotations that continue the turn order.

describe('importing Grafana OnCall rotations', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  let anna: Agent;
  let boris: Agent;
  let agentToken: string;
  const suffix = randomUUID().slice(0, 8);
  const annaEmail = `anna.${suffix}@example.com`;
  const borisEmail = `boris.${suffix}@example.com`;

  const users = () => ({ count: 2, next: null, previous: null, results: [{ id: 'UANNA', email: annaEmail, username: 'anna' }, { id: 'UBORIS', email: borisEmail.toUpperCase(), username: 'boris' }] });
  /** A week-long rolling rotation from Monday 5 January 2026 09:00 (the schedule's zone), and a one-off. */
  const shifts = (rolling: string[][]) => ({
    count: 2,
    next: null,
    results: [
      { id: 'O1', name: 'Primary', type: 'rolling_users', team_id: null, time_zone: null, level: 0, start: '2026-01-05T09:00:00', duration: 604800, frequency: 'weekly', interval: 1, week_start: 'MO', by_day: null, by_month: null, by_monthday: null, rolling_users: rolling, start_rotation_from_user_index: null },
      { id: 'O2', name: 'Launch night', type: 'single_event', team_id: null, time_zone: null, level: 0, start: '2026-01-20T20:00:00', duration: 21600, users: ['UANNA'] },
    ],
  });
  const pagesOfUsers = () => {
    const [first, second] = users().results;
    return `${JSON.stringify({ next: '…?page=2', results: [first] }, null, 2)}\n${JSON.stringify({ next: null, results: [second] }, null, 2)}`;
  };
  const path = () => `/api/teams/${team.id}/rotations/import/grafana-oncall`;
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

  it('previews on a dry run, says what it leaves out, and writes nothing', async () => {
    const response = await t
      .http()
      .post(path())
      .set(bearer(admin))
      .send({ shifts: shifts([['UANNA'], ['UBORIS']]), users: users(), timeZone: 'Europe/Berlin', from: '2026-03-25', dryRun: true })
      .expect(200);
    const body = response.body as ImportScheduleResponse;
    expect(body).toMatchObject({ scheduleName: 'Grafana OnCall', timeZone: 'Europe/Berlin', from: '2026-03-25', dryRun: true, created: [] });
    expect(body.rotations.map((r) => [r.name, r.localStartTime, r.localEndTime, r.rrule, r.handoff])).toEqual([['Primary', '09:00', '09:00', 'FREQ=DAILY', { mode: 'turns', every: 7 }]]);
    // 11 weeks done on 23 March (week 12 is Boris's): Boris until Sunday 29th, then Anna from Monday.
    expect(body.rotations[0]?.next.map((o) => `${o.localDate} ${o.agentIds.join()}`).slice(0, 6)).toEqual([
      `2026-03-25 ${boris.id}`,
      `2026-03-26 ${boris.id}`,
      `2026-03-27 ${boris.id}`,
      `2026-03-28 ${boris.id}`,
      `2026-03-29 ${boris.id}`,
      `2026-03-30 ${anna.id}`,
    ]);
    expect(body.warnings).toEqual([expect.stringContaining('"Launch night" is a one-off event')]);
    expect(await rotations()).toEqual([]);
  });

  it('imports shifts and users sent as text (users as two pages); the roster shows the shifts on the Berlin clock after the DST change', async () => {
    const response = await t
      .http()
      .post(path())
      .set(bearer(admin))
      // The users as two pages of OnCall's paged list, pasted one after the other.
      .send({ shifts: JSON.stringify(shifts([['UANNA'], ['UBORIS']])), users: pagesOfUsers(), timeZone: 'Europe/Berlin', from: '2026-03-25' })
      .expect(200);
    const body = response.body as ImportScheduleResponse;
    expect(body.created.map((r) => [r.name, r.startDate, r.agentIds])).toEqual([['Primary', '2026-03-25', [anna.id, boris.id]]]);
    expect((await rotations()).map((r) => r.id)).toEqual(body.created.map((r) => r.id));
    const schedule = (await t.http().get(`/api/teams/${team.id}/schedule?from=2026-03-30T00:00:00Z&to=2026-03-30T12:00:00Z`).set(bearer(admin)).expect(200)).body as ScheduleResponse;
    const starting = schedule.shifts.filter((s) => s.start.startsWith('2026-03-30')).map((s) => `${s.agentId === anna.id ? 'anna' : 'boris'} ${s.start}–${s.end}`);
    expect(starting).toEqual(['anna 2026-03-30T07:00:00.000Z–2026-03-31T07:00:00.000Z']);
  });

  it('refuses someone who is not an agent here, or an OnCall user missing from the users list, and writes nothing', async () => {
    const before = (await rotations()).length;
    const stranger = await t
      .http()
      .post(path())
      .set(bearer(admin))
      .send({ shifts: shifts([['UANNA'], ['UZOE']]), users: { results: [...users().results, { id: 'UZOE', email: 'zoe@elsewhere.example' }] }, timeZone: 'Europe/Berlin' })
      .expect(400);
    expect((stranger.body as ApiError).fields).toEqual([{ field: 'shifts', message: expect.stringContaining('zoe@elsewhere.example is not an agent of this team') }]);
    const unknown = await t.http().post(path()).set(bearer(admin)).send({ shifts: shifts([['UANNA'], ['UZOE']]), users: users(), timeZone: 'Europe/Berlin' }).expect(400);
    expect((unknown.body as ApiError).fields).toEqual([{ field: 'users', message: expect.stringContaining('UZOE: this OnCall user is not in the users list') }]);
    expect((await rotations()).length).toBe(before);
  });

  it('adds the people who are not agents yet, named and zoned as OnCall says, with the rotations in one transaction', async () => {
    const zoeEmail = `zoe.${suffix}@example.com`;
    const yuriEmail = `yuri.${suffix}@example.com`;
    const withNewcomers = {
      results: [
        ...users().results,
        { id: 'UZOE', email: zoeEmail, username: 'zoe', name: 'Zoé Martin', timezone: 'Europe/Paris' },
        { id: 'UYURI', email: yuriEmail, username: 'yuri', timezone: null },
      ],
    };
    const body = { shifts: shifts([['UANNA'], ['UZOE'], ['UYURI']]), users: withNewcomers, timeZone: 'Europe/Berlin', from: '2026-03-25', addMissingAgents: true };
    const agentsOfTeam = async () => ((await t.http().get(`/api/agents?teamId=${team.id}&pageSize=100`).set(bearer(admin)).expect(200)).body as Page<Agent>).items;
    const before = { rotations: (await rotations()).length, agents: (await agentsOfTeam()).length };

    // A dry run names who would be added and writes nothing.
    const preview = (await t.http().post(path()).set(bearer(admin)).send({ ...body, dryRun: true }).expect(200)).body as ImportScheduleResponse;
    expect(preview.addedAgents.map(({ displayName, email, timeZone }) => ({ displayName, email, timeZone }))).toEqual([
      // Yuri: no name and no zone in OnCall, so the username and the team's zone.
      { displayName: 'yuri', email: yuriEmail, timeZone: 'Europe/Berlin' },
      { displayName: 'Zoé Martin', email: zoeEmail, timeZone: 'Europe/Paris' },
    ]);
    expect(preview.rotations[0]?.agentIds).toEqual([anna.id, ...['Zoé Martin', 'yuri'].map((name) => preview.addedAgents.find((a) => a.displayName === name)?.id)]);
    expect((await agentsOfTeam()).length).toBe(before.agents);

    const imported = (await t.http().post(path()).set(bearer(admin)).send(body).expect(200)).body as ImportScheduleResponse;
    const zoe = imported.addedAgents.find((a) => a.email === zoeEmail);
    const agents = await agentsOfTeam();
    expect(agents).toHaveLength(before.agents + 2);
    expect(agents.find((a) => a.email === zoeEmail)).toMatchObject({ id: zoe?.id, displayName: 'Zoé Martin', timeZone: 'Europe/Paris', workMode: 'remote', contractHoursPerWeek: 40, languages: [], channels: [] });
    expect(imported.created[0]?.agentIds).toEqual([anna.id, zoe?.id, imported.addedAgents.find((a) => a.email === yuriEmail)?.id]);
    expect((await rotations()).length).toBe(before.rotations + 1);

    // Again: they are agents now, so nobody is added and the same paste imports as it is.
    const again = (await t.http().post(path()).set(bearer(admin)).send({ ...body, dryRun: true }).expect(200)).body as ImportScheduleResponse;
    expect(again.addedAgents).toEqual([]);
    expect(again.rotations[0]?.agentIds).toEqual(imported.created[0]?.agentIds);
  });

  it('adds nobody whose email another team’s agent has, and writes nothing', async () => {
    const other = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Other ${suffix}`, timeZone: 'Europe/Berlin' }).expect(201)).body as Team;
    const takenEmail = `taken.${suffix}@example.com`;
    await createAgent(t, admin, agentRequest(other.id, { email: takenEmail }));
    const before = (await rotations()).length;
    const refused = await t
      .http()
      .post(path())
      .set(bearer(admin))
      .send({ shifts: shifts([['UANNA'], ['UTAKEN']]), users: { results: [...users().results, { id: 'UTAKEN', email: takenEmail }] }, timeZone: 'Europe/Berlin', addMissingAgents: true })
      .expect(409);
    expect((refused.body as ApiError).fields).toEqual([{ field: 'addMissingAgents', message: `addMissingAgents: ${takenEmail} is already an agent of another team or archived: move or restore them to this team, then import again` }]);
    expect((await rotations()).length).toBe(before);
  });

  it('names the field of bad input', async () => {
    const field = async (body: object) => ((await t.http().post(path()).set(bearer(admin)).send(body).expect(400)).body as ApiError).fields?.map((f) => f.field);
    expect(await field({})).toEqual(['shifts']);
    expect(await field({ shifts: '{"results": ', users: users() })).toEqual(['shifts']);
    expect(await field({ shifts: shifts([['UANNA']]), users: '[{' })).toEqual(['users']);
    expect(await field({ shifts: shifts([['UANNA']]), users: users() })).toEqual(['shifts.0.time_zone']);
    expect(await field({ shifts: shifts([['UANNA']]), users: users(), timeZone: 'Berlin' })).toEqual(['timeZone']);
    expect(await field({ shifts: shifts([['UANNA']]), users: users(), timeZone: 'Europe/Berlin', from: '25/03/2026' })).toEqual(['from']);
    expect(await field({ shifts: shifts([['UANNA']]), users: users(), timeZone: 'Europe/Berlin', addMissingAgents: 'yes' })).toEqual(['addMissingAgents']);
    // A shift naming someone by something that is not an email an agent can have: not added.
    expect(await field({ shifts: shifts([['UANNA'], ['zoe@@example']]), users: users(), timeZone: 'Europe/Berlin', addMissingAgents: true })).toEqual(['addMissingAgents']);
  });

  it('is for managers only', async () => {
    const response = await t.http().post(path()).set(bearer(agentToken)).send({ shifts: shifts([['UANNA']]), users: users(), timeZone: 'Europe/Berlin' }).expect(403);
    expect((response.body as ApiError).statusCode).toBe(403);
  });
});
