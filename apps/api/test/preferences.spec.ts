import type { Agent, ApiError, GenerateRosterAccepted, RosterJob, ShiftPreference, ShiftPreferencesResponse, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { AuditEntryEntity } from '../src/modules/audit/audit-entry.entity';
import { ShiftPreferenceEntity } from '../src/modules/preferences/shift-preference.entity';
import { agentRequest, createAgent, createTeam } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const PASSWORD = 'agent-password-1';

/** Issue 4, preferences over HTTP: who may keep them, what is refused and why, and the generator honouring them. */
describe('shift preferences', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  let anna: { agent: Agent; token: string };
  let boris: { agent: Agent; token: string };

  const member = async (teamId: string, name: string) => {
    const email = `${name.split(' ')[0].toLowerCase()}.${randomUUID().slice(0, 6)}@example.com`;
    const agent = await createAgent(t, admin, agentRequest(teamId, { displayName: name, email, password: PASSWORD }));
    return { agent, token: (await t.login(email, PASSWORD)).token };
  };
  const create = async (token: string, body: object, status = 201) => (await expectStatus(t.http().post('/api/preferences').set(bearer(token)).send(body), status)).body as ShiftPreference & ApiError;
  const list = async (token: string, agentId: string, status = 200) => (await expectStatus(t.http().get(`/api/preferences?agentId=${agentId}`).set(bearer(token)), status)).body as ShiftPreferencesResponse & ApiError;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = await createTeam(t, admin);
    anna = await member(team.id, 'Anna Petrova');
    boris = await member(team.id, 'Boris Ivanov');
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets an agent keep their own preferences, in their own zone, and a manager see and change them', async () => {
    const day = dateIn(10);
    const off = await create(anna.token, { agentId: anna.agent.id, kind: 'off', date: day, strength: 'strong', note: '  Family dinner  ' });
    expect(off).toMatchObject({ agentId: anna.agent.id, kind: 'off', date: day, weekdays: [], startTime: null, endTime: null, timeZone: anna.agent.timeZone, strength: 'strong', note: 'Family dinner' });
    const weekly = await create(anna.token, { agentId: anna.agent.id, kind: 'work', weekdays: [5, 1, 3], startTime: '15:00', endTime: '23:00' });
    expect(weekly).toMatchObject({ date: null, weekdays: [1, 3, 5], startTime: '15:00', endTime: '23:00', strength: 'normal' });

    // Weekly ones first, then by date.
    expect((await list(anna.token, anna.agent.id)).items.map((p) => p.id)).toEqual([weekly.id, off.id]);
    expect((await list(admin, anna.agent.id)).items).toHaveLength(2);

    const changed = (await t.http().patch(`/api/preferences/${weekly.id}`).set(bearer(admin)).send({ strength: 'low', date: dateIn(12) }).expect(200)).body as ShiftPreference;
    // Giving a date turns the weekly preference into a dated one.
    expect(changed).toMatchObject({ strength: 'low', date: dateIn(12), weekdays: [] });
    const trail = await t.dataSource.getRepository(AuditEntryEntity).find({ where: { entityId: weekly.id }, order: { seq: 'ASC' } });
    expect(trail.map((e) => [e.action, e.actorName])).toEqual([
      ['created', anna.agent.displayName],
      ['updated', 'Administrator'],
    ]);

    await t.http().delete(`/api/preferences/${weekly.id}`).set(bearer(anna.token)).expect(204);
    await expectStatus(t.http().delete(`/api/preferences/${weekly.id}`).set(bearer(anna.token)), 404);
    expect((await list(anna.token, anna.agent.id)).items.map((p) => p.id)).toEqual([off.id]);
  });

  it('keeps agents to their own preferences and managers to their own teams', async () => {
    const mine = await create(anna.token, { agentId: anna.agent.id, kind: 'off', weekdays: [7] });
    expect((await create(boris.token, { agentId: anna.agent.id, kind: 'off', weekdays: [6] }, 403)).message).toBe('Agents keep their own preferences only');
    await list(boris.token, anna.agent.id, 403);
    await expectStatus(t.http().patch(`/api/preferences/${mine.id}`).set(bearer(boris.token)).send({ strength: 'low' }), 403);
    await expectStatus(t.http().delete(`/api/preferences/${mine.id}`).set(bearer(boris.token)), 403);
    await expectStatus(t.http().get(`/api/preferences?agentId=${anna.agent.id}`), 401);
    const unknown = await create(admin, { agentId: randomUUID(), kind: 'off', weekdays: [6] }, 400);
    expect(unknown.fields?.[0]?.field).toBe('agentId');
  });

  it.each([
    [{ kind: 'off' }, 'date', 'give either a date'],
    [{ kind: 'off', date: '2026-01-01', weekdays: [1] }, 'weekdays', 'not both'],
    [{ kind: 'off', date: '2020-01-01' }, 'date', 'or later'],
    [{ kind: 'off', date: '2026-02-30' }, 'date', 'calendar date'],
    [{ kind: 'off', weekdays: [0, 8] }, 'weekdays', 'ISO weekdays'],
    [{ kind: 'off', weekdays: [1, 1] }, 'weekdays', 'each once'],
    [{ kind: 'off', weekdays: [1], startTime: '18:00' }, 'endTime', 'both startTime and endTime'],
    [{ kind: 'off', weekdays: [1], startTime: '18:00', endTime: '18:00' }, 'endTime', 'must differ'],
    [{ kind: 'off', weekdays: [1], startTime: '24:00', endTime: '02:00' }, 'startTime', 'HH:mm'],
    [{ kind: 'maybe', weekdays: [1] }, 'kind', 'work (give me a shift then) or off'],
    [{ kind: 'off', weekdays: [1], strength: 'very' }, 'strength', 'low, normal, strong'],
    [{ kind: 'off', weekdays: [1], note: 'x'.repeat(201) }, 'note', 'at most 200'],
    [{ kind: 'off', weekdays: [1], colour: 'red' }, 'colour', ''],
  ])('refuses %j, naming %s', async (body, field, words) => {
    const before = await t.dataSource.getRepository(ShiftPreferenceEntity).count();
    const error = await create(anna.token, { agentId: anna.agent.id, ...body }, 400);
    expect(error.fields?.map((f) => f.field)).toContain(field);
    expect(error.message).toContain(words);
    expect(await t.dataSource.getRepository(ShiftPreferenceEntity).count()).toBe(before);
  });

  it('caps the preferences one agent keeps, and does not count those whose date has passed', async () => {
    const carl = await member(team.id, 'Carl Berg');
    const now = new Date().toISOString();
    const row = (date: string | null) => ({ id: randomUUID(), agentId: carl.agent.id, kind: 'off', date, weekdays: date ? '' : '6', startTime: null, endTime: null, timeZone: 'UTC', strength: 'normal', note: null, createdAt: now, updatedAt: now });
    await t.dataSource.getRepository(ShiftPreferenceEntity).insert([...Array.from({ length: 99 }, () => row(null)), row('2020-01-01')]);
    await create(carl.token, { agentId: carl.agent.id, kind: 'off', weekdays: [7] });
    const refused = await create(carl.token, { agentId: carl.agent.id, kind: 'off', weekdays: [7] }, 409);
    expect(refused.message).toContain('already has 100 preferences');
    expect((await list(carl.token, carl.agent.id)).items).toHaveLength(100);
  });

  it('the roster generator honours them where cover allows, and reports the outcome', async () => {
    const small = await createTeam(t, admin); // Europe/Moscow
    const dora = await member(small.id, 'Dora Klein');
    const egor = await member(small.id, 'Egor Smirnov');
    await t.http().post(`/api/teams/${small.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1 }).expect(201);
    const day = dateIn(20);
    const generate = async (extra: object = {}): Promise<RosterJob> => {
      const body = { from: day, to: day, shapes: [{ name: 'Early', start: '07:00', lengthMinutes: 480 }], timeLimitSeconds: 10, ...extra };
      const { jobId } = (await expectStatus(t.http().post(`/api/teams/${small.id}/rosters/generate`).set(bearer(admin)).send(body), 202)).body as GenerateRosterAccepted;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const job = (await t.http().get(`/api/teams/${small.id}/rosters/jobs/${jobId}`).set(bearer(admin)).expect(200)).body as RosterJob;
        if (['done', 'failed', 'cancelled'].includes(job.status)) return job;
      }
    };
    // Dora wants the day off: Egor works it.
    const wish = await create(dora.token, { agentId: dora.agent.id, kind: 'off', date: day });
    let job = await generate();
    expect(job.result?.shifts.map((s) => s.agentName)).toEqual(['Egor Smirnov']);
    expect(job.result?.preferences).toEqual({ total: 1, met: 1, unmet: [] });
    // A manager may generate without them: none is weighed or counted.
    expect((await generate({ preferences: false })).result?.preferences).toEqual({ total: 0, met: 0, unmet: [] });
    // Both want it off: cover wins, and the roster says whose wish it could not meet.
    await create(egor.token, { agentId: egor.agent.id, kind: 'off', date: day, strength: 'strong' });
    job = await generate();
    expect(job.result?.shifts.map((s) => s.agentName)).toEqual(['Dora Klein']);
    expect(job.result?.unfilled).toEqual([]);
    expect(job.result?.preferences).toEqual({ total: 2, met: 1, unmet: [{ preferenceId: wish.id, agentId: dora.agent.id, agentName: 'Dora Klein', kind: 'off', date: day }] });
    expect(job.result?.breakdown.shiftOff).toBe(3);
  });
});
