import type { LoginResponse, Team, TeamManager } from '@shiftdesk/shared-api-contract';
import { agentRequest, createAgent, createTeam, insertManager } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

// The managers of a team: GET/POST /api/teams/:teamId/managers, DELETE …/:userId.

describe('team managers', () => {
  let t: TestApp;
  let admin: LoginResponse;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.login(ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await t.close();
  });

  const list = (token: string, teamId: string) => t.http().get(`/api/teams/${teamId}/managers`).set(bearer(token));
  const add = (token: string, teamId: string, body: object) => t.http().post(`/api/teams/${teamId}/managers`).set(bearer(token)).send(body);
  const remove = (token: string, teamId: string, userId: string) => t.http().delete(`/api/teams/${teamId}/managers/${userId}`).set(bearer(token));

  it('lists the creator as the first manager of a new team', async () => {
    const team = await createTeam(t, admin.token);
    const managers = (await expectStatus(list(admin.token, team.id), 200)).body as TeamManager[];
    expect(managers).toEqual([{ userId: admin.user.id, email: ADMIN.email, displayName: 'Administrator', since: expect.any(String) }]);
  });

  it('creates a manager account for a new email; the new manager signs in and manages the team at once', async () => {
    const team = await createTeam(t, admin.token);
    const response = await expectStatus(add(admin.token, team.id, { email: ' Olga.Lead@Example.com ', displayName: 'Olga Lead', password: 'first-password' }), 201);
    expect(response.body).toEqual({ userId: expect.any(String), email: 'olga.lead@example.com', displayName: 'Olga Lead', since: expect.any(String) });

    const olga = await t.login('olga.lead@example.com', 'first-password');
    expect(olga.user).toMatchObject({ role: 'manager', teamIds: [team.id] });
    await expectStatus(t.http().get(`/api/teams/${team.id}`).set(bearer(olga.token)), 200);
    const agent = await createAgent(t, olga.token, agentRequest(team.id));
    expect(agent.teamId).toBe(team.id);
    const names = ((await expectStatus(list(olga.token, team.id), 200)).body as TeamManager[]).map((m) => m.displayName);
    expect(names).toEqual(['Administrator', 'Olga Lead']);
  });

  it('links an existing manager account to another team without touching its password', async () => {
    const first = await createTeam(t, admin.token);
    const second = await createTeam(t, admin.token);
    await insertManager(t, 'two.teams@example.com', 'own-password');
    await expectStatus(add(admin.token, first.id, { email: 'two.teams@example.com' }), 201);
    // A name and password sent for an existing account are ignored: the person keeps theirs.
    await expectStatus(add(admin.token, second.id, { email: 'two.teams@example.com', displayName: 'Someone Else', password: 'not-their-password' }), 201);
    const login = await t.login('two.teams@example.com', 'own-password');
    expect([...login.user.teamIds].sort()).toEqual([first.id, second.id].sort());
    expect(login.user.displayName).toBe('Other Manager');
  });

  it('names the missing name or password for a new account, and refuses agents\' logins and repeats', async () => {
    const team = await createTeam(t, admin.token);
    const noName = await expectStatus(add(admin.token, team.id, { email: 'nobody.yet@example.com', password: 'first-password' }), 400);
    expect(noName.body.fields).toEqual([{ field: 'displayName', message: expect.stringMatching(/^displayName: is required: nobody signs in with nobody.yet@example.com yet/) }]);
    const noPassword = await expectStatus(add(admin.token, team.id, { email: 'nobody.yet@example.com', displayName: 'Nobody Yet' }), 400);
    expect(noPassword.body.fields).toEqual([{ field: 'password', message: expect.stringMatching(/^password: is required/) }]);
    const badEmail = await expectStatus(add(admin.token, team.id, { email: 'not-an-email' }), 400);
    expect(badEmail.body.fields.map((f: { field: string }) => f.field)).toEqual(['email']);

    await createAgent(t, admin.token, agentRequest(team.id, { email: 'an.agent@example.com', password: 'agent-password' }));
    const agentLogin = await expectStatus(add(admin.token, team.id, { email: 'an.agent@example.com' }), 409);
    expect(agentLogin.body.fields).toEqual([{ field: 'email', message: "email: an.agent@example.com is an agent's login; a manager needs an address of their own" }]);
    const again = await expectStatus(add(admin.token, team.id, { email: ADMIN.email }), 409);
    expect(again.body.message).toBe('email: Administrator already manages this team');
    expect(((await expectStatus(list(admin.token, team.id), 200)).body as TeamManager[]).length).toBe(1);
  });

  it('removes a manager, who loses the team at once, but never the only one', async () => {
    const team = await createTeam(t, admin.token);
    const added = (await expectStatus(add(admin.token, team.id, { email: 'leaving@example.com', displayName: 'Leaving Manager', password: 'leaving-password' }), 201)).body as TeamManager;
    const leaving = await t.login('leaving@example.com', 'leaving-password');
    await expectStatus(remove(admin.token, team.id, added.userId), 204);
    await expectStatus(t.http().get(`/api/teams/${team.id}`).set(bearer(leaving.token)), 403);
    expect(((await expectStatus(t.http().get('/api/teams').set(bearer(leaving.token)), 200)).body as Team[]).map((x) => x.id)).not.toContain(team.id);

    const only = await expectStatus(remove(admin.token, team.id, admin.user.id), 409);
    expect(only.body.message).toBe("Administrator is this team's only manager; add another manager first");
    await expectStatus(remove(admin.token, team.id, added.userId), 404);
  });

  it('is for the team\'s managers only', async () => {
    const team = await createTeam(t, admin.token);
    await insertManager(t, 'outsider@example.com', 'outsider-password');
    const outsider = await t.login('outsider@example.com', 'outsider-password');
    await expectStatus(list(outsider.token, team.id), 403);
    await expectStatus(add(outsider.token, team.id, { email: 'outsider@example.com' }), 403);
    await expectStatus(remove(outsider.token, team.id, admin.user.id), 403);

    await createAgent(t, admin.token, agentRequest(team.id, { email: 'member@example.com', password: 'member-password' }));
    const member = await t.login('member@example.com', 'member-password');
    await expectStatus(list(member.token, team.id), 403);
    await expectStatus(add(member.token, team.id, { email: 'member.boss@example.com', displayName: 'Member Boss', password: 'member-boss-1' }), 403);
    await expectStatus(t.http().post('/api/auth/login').send({ email: 'member.boss@example.com', password: 'member-boss-1' }), 401);
    await expectStatus(list(admin.token, '00000000-0000-4000-8000-000000000000'), 404);
  });
});
