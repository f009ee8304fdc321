import type { Region, Team } from '@shiftdesk/shared-api-contract';
import { agentRequest, createAgent, createTeam } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

describe('regions and teams', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('regions', () => {
    it('creates, lists, updates and deletes a region', async () => {
      const created = (await expectStatus(t.http().post('/api/regions').set(bearer(admin)).send({ name: 'Novosibirsk', countryCode: 'RU', defaultTimeZone: 'Asia/Novosibirsk', currency: 'RUB' }), 201)).body as Region;
      expect(created).toEqual({ id: expect.any(String), name: 'Novosibirsk', countryCode: 'RU', defaultTimeZone: 'Asia/Novosibirsk', currency: 'RUB' });
      const list = await expectStatus(t.http().get('/api/regions').set(bearer(admin)), 200);
      expect(list.body).toContainEqual(created);
      const updated = await expectStatus(t.http().patch(`/api/regions/${created.id}`).set(bearer(admin)).send({ name: 'Novosibirsk Oblast' }), 200);
      expect(updated.body.name).toBe('Novosibirsk Oblast');
      await expectStatus(t.http().delete(`/api/regions/${created.id}`).set(bearer(admin)), 204);
      await expectStatus(t.http().get(`/api/regions/${created.id}`).set(bearer(admin)), 404);
    });

    it('validates codes and zones, naming the field', async () => {
      const response = await expectStatus(t.http().post('/api/regions').set(bearer(admin)).send({ name: 'X', countryCode: 'RUS', defaultTimeZone: 'Mars/Olympus', currency: 'R' }), 400);
      expect(response.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['countryCode', 'currency', 'defaultTimeZone', 'name']);
    });

    it('refuses a duplicate name (any case) with 409 on name', async () => {
      await expectStatus(t.http().post('/api/regions').set(bearer(admin)).send({ name: 'Athens', countryCode: 'GR', defaultTimeZone: 'Europe/Athens', currency: 'EUR' }), 201);
      const response = await expectStatus(t.http().post('/api/regions').set(bearer(admin)).send({ name: 'ATHENS', countryCode: 'GR', defaultTimeZone: 'Europe/Athens', currency: 'EUR' }), 409);
      expect(response.body.fields).toEqual([{ field: 'name', message: 'name: a region called "ATHENS" already exists' }]);
    });

    it('refuses to delete a region agents are in', async () => {
      const region = (await t.http().post('/api/regions').set(bearer(admin)).send({ name: 'Madrid', countryCode: 'ES', defaultTimeZone: 'Europe/Madrid', currency: 'EUR' })).body as Region;
      const team = await createTeam(t, admin);
      await createAgent(t, admin, agentRequest(team.id, { regionId: region.id }));
      const response = await expectStatus(t.http().delete(`/api/regions/${region.id}`).set(bearer(admin)), 409);
      expect(response.body.message).toMatch(/used by 1 agent/);
    });
  });

  describe('teams', () => {
    it('creates a team the creator then manages, with an agent count', async () => {
      const team = await createTeam(t, admin, 'Night Desk');
      expect(team).toEqual({ id: expect.any(String), name: 'Night Desk', description: null, timeZone: 'Europe/Moscow', agentCount: 0, createdAt: expect.any(String) });
      await createAgent(t, admin, agentRequest(team.id));
      const read = await expectStatus(t.http().get(`/api/teams/${team.id}`).set(bearer(admin)), 200);
      expect(read.body.agentCount).toBe(1);
      const me = await expectStatus(t.http().get('/api/auth/me').set(bearer(admin)), 200);
      expect(me.body.teamIds).toContain(team.id);
    });

    it('updates name, description and zone', async () => {
      const team = await createTeam(t, admin);
      const response = await expectStatus(t.http().patch(`/api/teams/${team.id}`).set(bearer(admin)).send({ description: 'Weekend cover', timeZone: 'Asia/Yekaterinburg' }), 200);
      expect(response.body as Team).toMatchObject({ description: 'Weekend cover', timeZone: 'Asia/Yekaterinburg' });
      const cleared = await expectStatus(t.http().patch(`/api/teams/${team.id}`).set(bearer(admin)).send({ description: null }), 200);
      expect(cleared.body.description).toBeNull();
      const bad = await expectStatus(t.http().patch(`/api/teams/${team.id}`).set(bearer(admin)).send({ timeZone: 'Asia/Ekaterinburg' }), 400);
      expect(bad.body.message).toBe('timeZone: "Asia/Ekaterinburg" is not an IANA time zone; use a name such as Asia/Yekaterinburg');
    });

    it('deletes an empty team and refuses one with agents', async () => {
      const empty = await createTeam(t, admin);
      await expectStatus(t.http().delete(`/api/teams/${empty.id}`).set(bearer(admin)), 204);
      const busy = await createTeam(t, admin);
      await createAgent(t, admin, agentRequest(busy.id));
      const response = await expectStatus(t.http().delete(`/api/teams/${busy.id}`).set(bearer(admin)), 409);
      expect(response.body.message).toMatch(/1 agent/);
    });

    it('shows an agent only its own team', async () => {
      const mine = await createTeam(t, admin);
      const other = await createTeam(t, admin);
      await createAgent(t, admin, agentRequest(mine.id, { email: 'team.agent@example.com', password: 'team-password' }));
      const token = (await t.login('team.agent@example.com', 'team-password')).token;
      const list = await expectStatus(t.http().get('/api/teams').set(bearer(token)), 200);
      expect((list.body as Team[]).map((team) => team.id)).toEqual([mine.id]);
      await expectStatus(t.http().get(`/api/teams/${mine.id}`).set(bearer(token)), 200);
      await expectStatus(t.http().get(`/api/teams/${other.id}`).set(bearer(token)), 403);
      // Region names are for everyone: agents pick theirs from the list.
      await expectStatus(t.http().get('/api/regions').set(bearer(token)), 200);
    });
  });
});
