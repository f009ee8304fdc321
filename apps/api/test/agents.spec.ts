import type { Agent, AgentSummary, ApiError, CreateAgentRequest, Page, Region } from '@shiftdesk/shared-api-contract';
import { AgentEntity } from '../src/modules/agents/agent.entity';
import { UserEntity } from '../src/modules/auth/user.entity';
import { agentRequest, createAgent, createTeam, insertManager, insertShift } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

describe('agents', () => {
  let t: TestApp;
  let admin: string;
  let teamId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    teamId = (await createTeam(t, admin, 'Agents Desk')).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (body: unknown) => t.http().post('/api/agents').set(bearer(admin)).send(body as object);

  describe('create and read', () => {
    it('creates an agent with languages and channels and reads it back', async () => {
      const region = (await t.http().post('/api/regions').set(bearer(admin)).send({ name: 'Kazan', countryCode: 'ru', defaultTimeZone: 'Europe/Moscow', currency: 'rub' }).expect(201)).body as Region;
      expect(region).toMatchObject({ countryCode: 'RU', currency: 'RUB' });
      const response = await post(
        agentRequest(teamId, {
          displayName: '  Anna Smirnova ',
          email: 'Anna.Smirnova@Example.com',
          timeZone: 'europe/moscow',
          regionId: region.id,
          workMode: 'remote',
          languages: [{ code: 'en', level: 'fluent' }, { code: 'ru', level: 'native' }],
          channels: ['phone', 'email'],
          contractHoursPerWeek: 37.5,
        }),
      ).expect(201);
      const agent = response.body as Agent;
      expect(agent).toEqual({
        id: expect.any(String),
        teamId,
        displayName: 'Anna Smirnova',
        email: 'anna.smirnova@example.com',
        timeZone: 'Europe/Moscow',
        regionId: region.id,
        regionName: 'Kazan',
        workMode: 'remote',
        languages: [{ code: 'ru', level: 'native' }, { code: 'en', level: 'fluent' }],
        channels: ['email', 'phone'],
        contractHoursPerWeek: 37.5,
        availability: null,
        active: true,
        archivedAt: null,
        hasLogin: false,
        passwordExpiresAt: null,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        updatedAt: agent.createdAt,
      });
      const read = await t.http().get(`/api/agents/${agent.id}`).set(bearer(admin)).expect(200);
      expect(read.body).toEqual(agent);
    });

    it('answers 404 for an unknown id', async () => {
      const response = await t.http().get('/api/agents/00000000-0000-4000-8000-000000000000').set(bearer(admin)).expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    });
  });

  describe('validation names the field and says why', () => {
    const expectField = async (body: unknown, field: string, message: string | RegExp) => {
      const response = await post(body).expect(400);
      const error = response.body as ApiError;
      const entry = error.fields?.find((candidate) => candidate.field === field);
      if (!entry) throw new Error(`no error for ${field}: ${JSON.stringify(error)}`);
      if (typeof message === 'string') expect(entry.message).toBe(message);
      else expect(entry.message).toMatch(message);
      return error;
    };

    it('rejects a misspelt time zone and suggests the right one', async () => {
      const error = await expectField(agentRequest(teamId, { timeZone: 'Europe/Moskva' }), 'timeZone', 'timeZone: "Europe/Moskva" is not an IANA time zone; use a name such as Europe/Moscow');
      expect(error).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'timeZone: "Europe/Moskva" is not an IANA time zone; use a name such as Europe/Moscow',
        fields: [{ field: 'timeZone', message: error.message }],
      });
    });

    it('rejects unknown and malformed language codes with their position', async () => {
      await expectField(agentRequest(teamId, { languages: [{ code: 'ru', level: 'native' }, { code: 'xx', level: 'basic' }] }), 'languages.1.code', /^languages\.1\.code: "xx" is not a supported ISO 639-1/);
      await expectField(agentRequest(teamId, { languages: [{ code: 'english', level: 'native' }] }), 'languages.0.code', /two lower-case letters/);
      await expectField(agentRequest(teamId, { languages: [{ code: 'en', level: 'expert' as never }] }), 'languages.0.level', 'languages.0.level: must be one of native, fluent, basic');
    });

    it('rejects a language listed twice', async () => {
      await expectField(agentRequest(teamId, { languages: [{ code: 'en', level: 'native' }, { code: 'en', level: 'basic' }] }), 'languages', /"en" twice/);
    });

    it('rejects unknown fields', async () => {
      await expectField({ ...agentRequest(teamId), salary: 100000 }, 'salary', 'salary: is not a field of this request; remove it');
    });

    it('rejects wrong types', async () => {
      await expectField(agentRequest(teamId, { contractHoursPerWeek: 'forty' as never }), 'contractHoursPerWeek', /^contractHoursPerWeek: must be a number/);
      await expectField(agentRequest(teamId, { active: 'yes' as never }), 'active', 'active: must be true or false');
      await expectField(agentRequest(teamId, { languages: 'ru' as never }), 'languages', /^languages: must be a list/);
      await expectField(agentRequest(teamId, { channels: ['fax' as never] }), 'channels', /may only contain email, tickets, chat, phone/);
    });

    it('rejects contract hours outside 1–60', async () => {
      await expectField(agentRequest(teamId, { contractHoursPerWeek: 61 }), 'contractHoursPerWeek', 'contractHoursPerWeek: must be between 1 and 60 hours per week');
      await expectField(agentRequest(teamId, { contractHoursPerWeek: 0 }), 'contractHoursPerWeek', 'contractHoursPerWeek: must be between 1 and 60 hours per week');
    });

    it('requires a real display name and an email', async () => {
      await expectField(agentRequest(teamId, { displayName: '12345' }), 'displayName', /must be a name with letters/);
      await expectField(agentRequest(teamId, { displayName: '   ' }), 'displayName', /2 to 120 characters/);
      await expectField(agentRequest(teamId, { displayName: 'A'.repeat(121) }), 'displayName', /2 to 120 characters/);
      await expectField(agentRequest(teamId, { email: 'not-an-email' }), 'email', /must be an email address/);
      const { email: _email, ...withoutEmail } = agentRequest(teamId);
      await expectField(withoutEmail, 'email', /must be an email address/);
    });

    it('rejects a region that does not exist and a team that does not exist', async () => {
      await expectField(agentRequest(teamId, { regionId: 'no-such-region' }), 'regionId', 'regionId: no region with id "no-such-region"');
      await expectField(agentRequest('no-such-team'), 'teamId', 'teamId: no team with id "no-such-team"');
    });

    it('answers 409 naming the email when another agent has it', async () => {
      const first = await createAgent(t, admin, agentRequest(teamId));
      const response = await post(agentRequest(teamId, { email: first.email.toUpperCase() })).expect(409);
      expect(response.body.fields).toEqual([{ field: 'email', message: expect.stringMatching(/^email: /) }]);
    });

    it('refuses a null for a required field on PATCH', async () => {
      const agent = await createAgent(t, admin, agentRequest(teamId));
      const response = await t.http().patch(`/api/agents/${agent.id}`).set(bearer(admin)).send({ displayName: null }).expect(400);
      expect(response.body.fields[0].field).toBe('displayName');
    });
  });

  describe('a failing multi-row write leaves nothing behind', () => {
    it('rolls back the agent when its login email belongs to another user', async () => {
      const before = await t.dataSource.getRepository(AgentEntity).count();
      // The admin's address is free among agents but taken among users: the agent row is
      // inserted first, then the login insert fails and the transaction must undo both.
      const response = await post(agentRequest(teamId, { email: ADMIN.email, password: 'a-password' })).expect(409);
      expect(response.body).toMatchObject({ statusCode: 409, fields: [{ field: 'email', message: expect.stringMatching(/^email: /) }] });
      expect(await t.dataSource.getRepository(AgentEntity).count()).toBe(before);
      expect(await t.dataSource.getRepository(AgentEntity).countBy({ email: ADMIN.email })).toBe(0);
    });
  });

  describe('paging and filtering', () => {
    let pagingTeam: string;
    let region: Region;
    beforeAll(async () => {
      pagingTeam = (await createTeam(t, admin, 'Paging Desk')).id;
      region = (await t.http().post('/api/regions').set(bearer(admin)).send({ name: 'Lisbon', countryCode: 'PT', defaultTimeZone: 'Europe/Lisbon', currency: 'EUR' }).expect(201)).body as Region;
      const people: Array<Parameters<typeof agentRequest>[1]> = [
        { displayName: 'Carlos García', email: 'carlos@example.es', languages: [{ code: 'es', level: 'native' }], channels: ['phone'], workMode: 'remote', regionId: region.id },
        { displayName: 'Joana Silva', email: 'joana@example.pt', languages: [{ code: 'pt', level: 'native' }, { code: 'en', level: 'fluent' }], channels: ['chat'], workMode: 'remote', regionId: region.id },
        { displayName: 'Marie Dubois', email: 'marie@example.fr', languages: [{ code: 'fr', level: 'native' }], channels: ['email', 'chat'], active: false },
        { displayName: 'Dmitri Volkov', email: 'dmitri@example.ru', languages: [{ code: 'ru', level: 'native' }, { code: 'en', level: 'basic' }], channels: ['tickets'] },
        { displayName: 'Eleni Papadopoulou', email: 'eleni@example.gr', languages: [{ code: 'el', level: 'native' }], channels: ['email'] },
      ];
      for (const person of people) await createAgent(t, admin, agentRequest(pagingTeam, person));
    });

    const list = async (query: string) =>
      (await t.http().get(`/api/agents?teamId=${pagingTeam}&${query}`).set(bearer(admin)).expect(200)).body as Page<Agent>;
    const names = (page: Page<Agent>) => page.items.map((agent) => agent.displayName);

    it('pages in name order', async () => {
      const first = await list('page=1&pageSize=2');
      expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(names(first)).toEqual(['Carlos García', 'Dmitri Volkov']);
      expect(names(await list('page=3&pageSize=2'))).toEqual(['Marie Dubois']);
      expect((await list('page=4&pageSize=2')).items).toEqual([]);
    });

    it('uses the default page size', async () => {
      expect(await list('')).toMatchObject({ page: 1, pageSize: 25, total: 5 });
    });

    it('refuses bad paging values naming the parameter', async () => {
      const tooBig = await t.http().get('/api/agents?pageSize=500').set(bearer(admin)).expect(400);
      expect(tooBig.body.fields).toEqual([{ field: 'pageSize', message: 'pageSize: must be at most 200' }]);
      const zero = await t.http().get('/api/agents?page=0').set(bearer(admin)).expect(400);
      expect(zero.body.fields[0].field).toBe('page');
      const text = await t.http().get('/api/agents?page=two').set(bearer(admin)).expect(400);
      expect(text.body.fields[0]).toEqual({ field: 'page', message: 'page: must be a whole number' });
      const unknown = await t.http().get('/api/agents?salary=1').set(bearer(admin)).expect(400);
      expect(unknown.body.fields[0].field).toBe('salary');
    });

    it('filters by language, channel, work mode, region, active flag and search', async () => {
      expect(names(await list('language=en'))).toEqual(['Dmitri Volkov', 'Joana Silva']);
      expect(names(await list('channel=chat'))).toEqual(['Joana Silva', 'Marie Dubois']);
      expect(names(await list('workMode=remote'))).toEqual(['Carlos García', 'Joana Silva']);
      expect(names(await list(`regionId=${region.id}`))).toEqual(['Carlos García', 'Joana Silva']);
      expect(names(await list('active=false'))).toEqual(['Marie Dubois']);
      expect(names(await list('active=true&channel=email'))).toEqual(['Eleni Papadopoulou']);
      expect(names(await list('search=VOLK'))).toEqual(['Dmitri Volkov']);
      expect(names(await list('search=example.pt'))).toEqual(['Joana Silva']);
      expect(names(await list('search=%25'))).toEqual([]);
    });

    it('validates filter values', async () => {
      const response = await t.http().get('/api/agents?language=xx&active=maybe').set(bearer(admin)).expect(400);
      expect(response.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['active', 'language']);
    });
  });

  describe('what agents see', () => {
    let own: Agent;
    let colleague: Agent;
    let agentToken: string;
    beforeAll(async () => {
      const team = await createTeam(t, admin, 'Visibility Desk');
      own = await createAgent(t, admin, agentRequest(team.id, { displayName: 'Leyla Aliyeva', email: 'leyla@example.az', password: 'leyla-password' }));
      colleague = await createAgent(t, admin, agentRequest(team.id, { displayName: 'Sanne de Vries', email: 'sanne@example.nl', contractHoursPerWeek: 30 }));
      agentToken = (await t.login('leyla@example.az', 'leyla-password')).token;
    });

    it('lists colleagues as summaries without private fields, and themselves in full', async () => {
      const page = (await t.http().get('/api/agents').set(bearer(agentToken)).expect(200)).body as Page<Agent | AgentSummary>;
      expect(page.total).toBe(2);
      const other = page.items.find((item) => item.id === colleague.id) as AgentSummary;
      expect(Object.keys(other).sort()).toEqual(['active', 'channels', 'displayName', 'id', 'languages', 'teamId', 'timeZone']);
      expect(other).not.toHaveProperty('email');
      expect(other).not.toHaveProperty('contractHoursPerWeek');
      const self = page.items.find((item) => item.id === own.id) as Agent;
      expect(self.email).toBe('leyla@example.az');
    });

    it('reads a colleague as a summary and itself in full', async () => {
      const other = await t.http().get(`/api/agents/${colleague.id}`).set(bearer(agentToken)).expect(200);
      expect(other.body).not.toHaveProperty('email');
      expect(other.body).not.toHaveProperty('regionId');
      expect(other.body).not.toHaveProperty('workMode');
      const self = await t.http().get(`/api/agents/${own.id}`).set(bearer(agentToken)).expect(200);
      expect(self.body.contractHoursPerWeek).toBe(40);
    });

    it('cannot search or filter on private fields', async () => {
      const bySearch = await t.http().get('/api/agents?search=example.nl').set(bearer(agentToken)).expect(200);
      expect(bySearch.body.total).toBe(0);
      await t.http().get('/api/agents?workMode=office').set(bearer(agentToken)).expect(403);
      await t.http().get('/api/agents?regionId=x').set(bearer(agentToken)).expect(403);
    });

    it('cannot read agents of another team', async () => {
      const otherAgent = await createAgent(t, admin, agentRequest(teamId));
      await expectStatus(t.http().get(`/api/agents/${otherAgent.id}`).set(bearer(agentToken)), 403);
      await expectStatus(t.http().get(`/api/agents?teamId=${teamId}`).set(bearer(agentToken)), 403);
    });

    it('reads its own profile', async () => {
      const profile = await t.http().get('/api/me/profile').set(bearer(agentToken)).expect(200);
      expect(profile.body).toMatchObject({ id: own.id, email: 'leyla@example.az', hasLogin: true, languages: own.languages });
      await t.http().get('/api/me/profile').set(bearer(admin)).expect(403);
    });
  });

  describe('update', () => {
    it('replaces languages and channels, clears the region, and moves the login email along', async () => {
      const agent = await createAgent(t, admin, agentRequest(teamId, { email: 'before@example.com', password: 'before-password' }));
      const response = await t.http()
        .patch(`/api/agents/${agent.id}`)
        .set(bearer(admin))
        .send({ email: 'after@example.com', languages: [{ code: 'fr', level: 'fluent' }], channels: ['chat'], regionId: null, timeZone: 'Asia/Baku' })
        .expect(200);
      expect(response.body).toMatchObject({ email: 'after@example.com', languages: [{ code: 'fr', level: 'fluent' }], channels: ['chat'], regionId: null, timeZone: 'Asia/Baku' });
      expect(response.body.updatedAt >= agent.updatedAt).toBe(true);
      await t.login('after@example.com', 'before-password');
      await t.http().post('/api/auth/login').send({ email: 'before@example.com', password: 'before-password' }).expect(401);
    });
  });

  describe('availability', () => {
    const lisbonDaytime = { 1: [{ start: '08:00', end: '20:00' }], 5: [{ start: '22:00', end: '06:00' }], 6: [{ start: '16:00', end: '24:00' }] };

    it('stores windows in the agent’s zone, shows them to the agent in their profile, and clears them with null', async () => {
      const created = await createAgent(
        t,
        admin,
        agentRequest(teamId, { email: 'joana.availability@example.pt', timeZone: 'Europe/Lisbon', availability: lisbonDaytime, password: 'joana-password' }),
      );
      expect(created.availability).toEqual(lisbonDaytime);
      expect((await t.http().get(`/api/agents/${created.id}`).set(bearer(admin)).expect(200)).body.availability).toEqual(lisbonDaytime);
      const token = (await t.login('joana.availability@example.pt', 'joana-password')).token;
      expect((await t.http().get('/api/me/profile').set(bearer(token)).expect(200)).body.availability).toEqual(lisbonDaytime);

      const patch = (body: object) => t.http().patch(`/api/agents/${created.id}`).set(bearer(admin)).send(body);
      // Other fields leave it alone; a new map replaces it; null means any time again.
      expect((await patch({ contractHoursPerWeek: 30 }).expect(200)).body.availability).toEqual(lisbonDaytime);
      expect((await patch({ availability: { 2: [{ start: '09:00', end: '17:00' }] } }).expect(200)).body.availability).toEqual({ 2: [{ start: '09:00', end: '17:00' }] });
      expect((await patch({ availability: {} }).expect(200)).body.availability).toEqual({});
      expect((await patch({ availability: null }).expect(200)).body.availability).toBeNull();
    });

    it('answers 400 naming the weekday and window of a bad time or an overlap, and changes nothing', async () => {
      const bad = async (availability: unknown, field: string, message: string | RegExp) => {
        const error = (await post(agentRequest(teamId, { availability: availability as CreateAgentRequest['availability'] })).expect(400)).body as ApiError;
        const entry = error.fields?.find((candidate) => candidate.field === field);
        if (!entry) throw new Error(`no error for ${field}: ${JSON.stringify(error)}`);
        if (typeof message === 'string') expect(entry.message).toBe(message);
        else expect(entry.message).toMatch(message);
      };
      await bad({ 1: [{ start: '8:00', end: '20:00' }] }, 'availability.1.0.start', 'availability.1.0.start: must be a time HH:mm from 00:00 to 23:59');
      await bad({ 3: [{ start: '08:00', end: '20:00' }, { start: '09:00', end: '25:00' }] }, 'availability.3.1.end', /^availability\.3\.1\.end: must be a time HH:mm/);
      await bad({ 2: [{ start: '08:00', end: '14:00' }, { start: '12:00', end: '20:00' }] }, 'availability.2.1', 'availability.2.1: overlaps availability.2.0; join them into one window');
      await bad({ 8: [{ start: '08:00', end: '20:00' }] }, 'availability.8', /ISO weekdays 1 \(Monday\)/);
      await bad([{ start: '08:00', end: '20:00' }], 'availability', /^availability: must be null \(available any time\) or map ISO weekdays/);

      const agent = await createAgent(t, admin, agentRequest(teamId, { availability: lisbonDaytime }));
      const error = (await t.http().patch(`/api/agents/${agent.id}`).set(bearer(admin)).send({ displayName: 'Renamed Person', availability: { 1: [{ start: 'noon', end: '20:00' }] } }).expect(400)).body as ApiError;
      expect(error.message).toBe('availability.1.0.start: must be a time HH:mm from 00:00 to 23:59');
      const after = (await t.http().get(`/api/agents/${agent.id}`).set(bearer(admin)).expect(200)).body as Agent;
      expect([after.displayName, after.availability]).toEqual([agent.displayName, lisbonDaytime]);
    });
  });

  describe('delete', () => {
    it('deletes an agent without shifts, with its login', async () => {
      const agent = await createAgent(t, admin, agentRequest(teamId, { password: 'some-password' }));
      const response = await t.http().delete(`/api/agents/${agent.id}`).set(bearer(admin)).expect(200);
      expect(response.body).toEqual({ outcome: 'deleted' });
      await t.http().get(`/api/agents/${agent.id}`).set(bearer(admin)).expect(404);
      expect(await t.dataSource.getRepository(UserEntity).countBy({ email: agent.email })).toBe(0);
    });

    it('archives an agent who has shifts: hidden by default, kept for history, no longer able to sign in', async () => {
      const agent = await createAgent(t, admin, agentRequest(teamId, { password: 'some-password' }));
      const session = await t.login(agent.email, 'some-password');
      await insertShift(t, agent);

      const response = await t.http().delete(`/api/agents/${agent.id}`).set(bearer(admin)).expect(200);
      expect(response.body).toEqual({ outcome: 'archived' });

      const archived = (await t.http().get(`/api/agents/${agent.id}`).set(bearer(admin)).expect(200)).body as Agent;
      expect(archived.archivedAt).not.toBeNull();
      expect(archived.active).toBe(false);
      const visible = (await t.http().get(`/api/agents?teamId=${teamId}&pageSize=200`).set(bearer(admin)).expect(200)).body as Page<Agent>;
      expect(visible.items.map((item) => item.id)).not.toContain(agent.id);
      const all = (await t.http().get(`/api/agents?teamId=${teamId}&pageSize=200&includeArchived=true`).set(bearer(admin)).expect(200)).body as Page<Agent>;
      expect(all.items.map((item) => item.id)).toContain(agent.id);

      await t.http().get('/api/auth/me').set(bearer(session.token)).expect(401);
      await t.http().post('/api/auth/login').send({ email: agent.email, password: 'some-password' }).expect(401);
      // Deleting again is harmless.
      expect((await t.http().delete(`/api/agents/${agent.id}`).set(bearer(admin)).expect(200)).body).toEqual({ outcome: 'archived' });
    });
  });

  describe('team scoping between managers', () => {
    let other: string;
    let agent: Agent;
    beforeAll(async () => {
      await insertManager(t, 'other.manager@example.com', 'other-password');
      other = (await t.login('other.manager@example.com', 'other-password')).token;
      agent = await createAgent(t, admin, agentRequest(teamId));
    });

    it('sees no agents of teams it does not manage', async () => {
      const page = await t.http().get('/api/agents').set(bearer(other)).expect(200);
      expect(page.body).toMatchObject({ items: [], total: 0 });
      await t.http().get(`/api/agents?teamId=${teamId}`).set(bearer(other)).expect(403);
    });

    it('cannot read, change, delete or add agents in another manager\'s team', async () => {
      await expectStatus(t.http().get(`/api/agents/${agent.id}`).set(bearer(other)), 403);
      await expectStatus(t.http().patch(`/api/agents/${agent.id}`).set(bearer(other)).send({ active: false }), 403);
      await expectStatus(t.http().delete(`/api/agents/${agent.id}`).set(bearer(other)), 403);
      await expectStatus(t.http().post('/api/agents').set(bearer(other)).send(agentRequest(teamId)), 403);
    });

    it('manages the team it creates, and cannot move agents into a team it does not manage', async () => {
      const own = await createTeam(t, other, 'Other Desk');
      const mine = await createAgent(t, other, agentRequest(own.id));
      await t.http().patch(`/api/agents/${mine.id}`).set(bearer(other)).send({ teamId }).expect(403);
      const page = await t.http().get('/api/agents').set(bearer(other)).expect(200);
      expect(page.body.total).toBe(1);
    });
  });
});
