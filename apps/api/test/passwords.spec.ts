import type { Agent, LoginResponse } from '@shiftdesk/shared-api-contract';
import { agentRequest, createAgent, createTeam, insertManager, insertShift } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

// Changing one's own password (POST /api/auth/password) and a manager giving an agent a login or
// a new password (PUT /api/agents/:id/password).

describe('passwords', () => {
  let t: TestApp;
  let admin: LoginResponse;
  let teamId: string;

  beforeAll(async () => {
    // Three failures lock an email here, so the lock-out tests need few requests.
    t = await bootTestApp({ lockout: { maxFailures: 3, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } });
    admin = await t.login(ADMIN.email, ADMIN.password);
    teamId = (await createTeam(t, admin.token)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const change = (token: string, body: object) => t.http().post('/api/auth/password').set(bearer(token)).send(body);
  const setPassword = (token: string, agentId: string, body: object) => t.http().put(`/api/agents/${agentId}/password`).set(bearer(token)).send(body);
  const signIn = (email: string, password: string) => t.http().post('/api/auth/login').send({ email, password });

  describe('changing your own password', () => {
    it('changes it: the old password stops working, the new one signs in, this session stays and the others end', async () => {
      await insertManager(t, 'changer@example.com', 'first-password');
      const here = await t.login('changer@example.com', 'first-password');
      const elsewhere = await t.login('changer@example.com', 'first-password');

      await expectStatus(change(here.token, { currentPassword: 'first-password', newPassword: 'second-password' }), 204);

      await expectStatus(t.http().get('/api/auth/me').set(bearer(here.token)), 200);
      await expectStatus(t.http().get('/api/auth/me').set(bearer(elsewhere.token)), 401);
      await expectStatus(signIn('changer@example.com', 'first-password'), 401);
      await expectStatus(signIn('changer@example.com', 'second-password'), 200);
    });

    it('lets an agent change theirs', async () => {
      await createAgent(t, admin.token, agentRequest(teamId, { email: 'self.agent@example.com', password: 'agent-password' }));
      const agent = await t.login('self.agent@example.com', 'agent-password');
      await expectStatus(change(agent.token, { currentPassword: 'agent-password', newPassword: 'my-own-password' }), 204);
      await expectStatus(signIn('self.agent@example.com', 'my-own-password'), 200);
    });

    it('refuses a wrong current password, naming the field, and keeps the old one', async () => {
      await insertManager(t, 'wrong-current@example.com', 'right-password');
      const login = await t.login('wrong-current@example.com', 'right-password');
      const response = await expectStatus(change(login.token, { currentPassword: 'not-it-at-all', newPassword: 'another-password' }), 400);
      expect(response.body.fields).toEqual([{ field: 'currentPassword', message: expect.stringMatching(/^currentPassword: is not your current password/) }]);
      await expectStatus(signIn('wrong-current@example.com', 'right-password'), 200);
      await expectStatus(signIn('wrong-current@example.com', 'another-password'), 401);
    });

    it('counts wrong current passwords as failed sign-ins: a stolen session cannot guess the password', async () => {
      await insertManager(t, 'guessed@example.com', 'right-password');
      const login = await t.login('guessed@example.com', 'right-password');
      await expectStatus(change(login.token, { currentPassword: 'guess-one', newPassword: 'another-password' }), 400);
      await expectStatus(change(login.token, { currentPassword: 'guess-two', newPassword: 'another-password' }), 400);
      // The third failure locks the email: for changing the password and for signing in.
      await expectStatus(change(login.token, { currentPassword: 'guess-three', newPassword: 'another-password' }), 429);
      const locked = await expectStatus(change(login.token, { currentPassword: 'right-password', newPassword: 'another-password' }), 429);
      expect(locked.body.message).toMatch(/signing in is paused/);
      await expectStatus(signIn('guessed@example.com', 'right-password'), 429);
    });

    it('names the field for a short, missing or unchanged new password, and for a missing current one', async () => {
      await insertManager(t, 'rules@example.com', 'right-password');
      const login = await t.login('rules@example.com', 'right-password');
      const short = await expectStatus(change(login.token, { currentPassword: 'right-password', newPassword: 'short' }), 400);
      expect(short.body.fields).toEqual([{ field: 'newPassword', message: 'newPassword: must be at least 8 characters long' }]);
      const missing = await expectStatus(change(login.token, { newPassword: 'long-enough-1' }), 400);
      expect(missing.body.fields.map((f: { field: string }) => f.field)).toEqual(['currentPassword']);
      const same = await expectStatus(change(login.token, { currentPassword: 'right-password', newPassword: 'right-password' }), 400);
      expect(same.body.fields).toEqual([{ field: 'newPassword', message: 'newPassword: must differ from the current password' }]);
      await expectStatus(signIn('rules@example.com', 'right-password'), 200);
    });

    it('needs a session', async () => {
      await expectStatus(t.http().post('/api/auth/password').send({ currentPassword: ADMIN.password, newPassword: 'another-password' }), 401);
    });
  });

  describe('a manager setting an agent\'s password', () => {
    it('gives a login to an agent added without one', async () => {
      const agent = await createAgent(t, admin.token, agentRequest(teamId, { email: 'no.login@example.com' }));
      expect(agent.hasLogin).toBe(false);
      await expectStatus(signIn('no.login@example.com', 'given-password'), 401);
      const response = await expectStatus(setPassword(admin.token, agent.id, { password: 'given-password' }), 200);
      expect((response.body as Agent).hasLogin).toBe(true);
      const login = (await expectStatus(signIn('no.login@example.com', 'given-password'), 200)).body as LoginResponse;
      expect(login.user).toMatchObject({ role: 'agent', agentId: agent.id, teamIds: [teamId], displayName: agent.displayName });
    });

    it('resets a forgotten password: the old one and the agent\'s sessions stop working, a lock-out is lifted', async () => {
      const agent = await createAgent(t, admin.token, agentRequest(teamId, { email: 'forgot@example.com', password: 'old-password' }));
      const session = await t.login('forgot@example.com', 'old-password');
      for (let i = 0; i < 3; i++) await signIn('forgot@example.com', 'misremembered');
      await expectStatus(signIn('forgot@example.com', 'old-password'), 429);

      await expectStatus(setPassword(admin.token, agent.id, { password: 'fresh-password' }), 200);

      await expectStatus(t.http().get('/api/auth/me').set(bearer(session.token)), 401);
      await expectStatus(signIn('forgot@example.com', 'old-password'), 401);
      await expectStatus(signIn('forgot@example.com', 'fresh-password'), 200);
    });

    it('refuses a short password, naming the field', async () => {
      const agent = await createAgent(t, admin.token, agentRequest(teamId));
      const response = await expectStatus(setPassword(admin.token, agent.id, { password: 'short' }), 400);
      expect(response.body.fields).toEqual([{ field: 'password', message: 'password: must be at least 8 characters long' }]);
      const after = await t.http().get(`/api/agents/${agent.id}`).set(bearer(admin.token)).expect(200);
      expect((after.body as Agent).hasLogin).toBe(false);
    });

    it('refuses an email another account signs in with, and leaves the agent without a login', async () => {
      await insertManager(t, 'shared.address@example.com', 'manager-password');
      const agent = await createAgent(t, admin.token, agentRequest(teamId, { email: 'shared.address@example.com' }));
      const response = await expectStatus(setPassword(admin.token, agent.id, { password: 'agent-password' }), 409);
      expect(response.body.fields).toEqual([{ field: 'email', message: expect.stringMatching(/^email: another account already signs in with shared.address@example.com/) }]);
      await expectStatus(signIn('shared.address@example.com', 'manager-password'), 200);
      await expectStatus(signIn('shared.address@example.com', 'agent-password'), 401);
    });

    it('is for managers of the agent\'s team only', async () => {
      const agent = await createAgent(t, admin.token, agentRequest(teamId, { email: 'colleague@example.com', password: 'colleague-password' }));
      await createAgent(t, admin.token, agentRequest(teamId, { email: 'intruder@example.com', password: 'intruder-password' }));
      const intruder = await t.login('intruder@example.com', 'intruder-password');
      await expectStatus(setPassword(intruder.token, agent.id, { password: 'taken-over-1' }), 403);
      await insertManager(t, 'other.manager@example.com', 'other-password');
      const otherManager = await t.login('other.manager@example.com', 'other-password');
      await expectStatus(setPassword(otherManager.token, agent.id, { password: 'taken-over-2' }), 403);
      await expectStatus(signIn('colleague@example.com', 'colleague-password'), 200);
    });

    it('refuses an archived agent, who may not sign in', async () => {
      const agent = await createAgent(t, admin.token, agentRequest(teamId, { email: 'archived@example.com' }));
      await insertShift(t, agent);
      await expectStatus(t.http().delete(`/api/agents/${agent.id}`).set(bearer(admin.token)), 200);
      const response = await expectStatus(setPassword(admin.token, agent.id, { password: 'archived-password' }), 409);
      expect(response.body.message).toMatch(/^password: archived agents cannot sign in/);
      await expectStatus(signIn('archived@example.com', 'archived-password'), 401);
    });

    it('answers 404 for an unknown agent', async () => {
      await expectStatus(setPassword(admin.token, '00000000-0000-4000-8000-000000000000', { password: 'whatever-1' }), 404);
    });
  });
});
