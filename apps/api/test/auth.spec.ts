import type { CurrentUser, LoginResponse } from '@shiftdesk/shared-api-contract';
import { createHash } from 'node:crypto';
import { SessionCleanupService } from '../src/modules/auth/session-cleanup.service';
import { SessionEntity } from '../src/modules/auth/session.entity';
import { agentRequest, createAgent, createTeam } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs in with email and password and returns a 12-hour bearer token', async () => {
    const before = Date.now();
    const login = await t.login(ADMIN.email, ADMIN.password);
    expect(login.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    const lifetime = Date.parse(login.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(11.9 * 3600_000);
    expect(lifetime).toBeLessThanOrEqual(12 * 3600_000 + 5000);
    expect(login.user).toMatchObject({ email: ADMIN.email, role: 'manager', agentId: null });

    const me = await t.http().get('/api/auth/me').set(bearer(login.token)).expect(200);
    expect((me.body as CurrentUser).email).toBe(ADMIN.email);
  });

  it('stores only the SHA-256 of the token', async () => {
    const login = await t.login(ADMIN.email, ADMIN.password);
    const sessions = await t.dataSource.getRepository(SessionEntity).find();
    expect(sessions.some((session) => session.tokenHash === login.token)).toBe(false);
    expect(sessions.some((session) => session.tokenHash === createHash('sha256').update(login.token).digest('hex'))).toBe(true);
  });

  it('accepts the email in any case', async () => {
    const login = await t.login(ADMIN.email.toUpperCase(), ADMIN.password);
    expect(login.user.email).toBe(ADMIN.email);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrongPassword = await t.http().post('/api/auth/login').send({ email: ADMIN.email, password: 'not-the-password' }).expect(401);
    const unknownEmail = await t.http().post('/api/auth/login').send({ email: 'nobody@example.com', password: 'not-the-password' }).expect(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Email or password is incorrect' });
  });

  it('names the missing field when the login body is incomplete', async () => {
    const response = await t.http().post('/api/auth/login').send({ email: ADMIN.email }).expect(400);
    expect(response.body.fields).toEqual([{ field: 'password', message: expect.stringMatching(/^password: /) }]);
  });

  it('refuses requests without a token, with a malformed header, or with an unknown token', async () => {
    const none = await t.http().get('/api/auth/me').expect(401);
    expect(none.body.message).toMatch(/Bearer/);
    await t.http().get('/api/auth/me').set('Authorization', 'Basic abc').expect(401);
    await t.http().get('/api/auth/me').set(bearer('x'.repeat(43))).expect(401);
  });

  it('logs out: the token stops working', async () => {
    const login = await t.login(ADMIN.email, ADMIN.password);
    await expectStatus(t.http().post('/api/auth/logout').set(bearer(login.token)), 204);
    await expectStatus(t.http().get('/api/auth/me').set(bearer(login.token)), 401);
  });

  it('refuses an expired token', async () => {
    const login = await t.login(ADMIN.email, ADMIN.password);
    const tokenHash = createHash('sha256').update(login.token).digest('hex');
    await t.dataSource.getRepository(SessionEntity).update({ tokenHash }, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    const response = await t.http().get('/api/auth/me').set(bearer(login.token)).expect(401);
    expect(response.body.message).toMatch(/expired/);
    // The hourly job removes it.
    expect(await t.app.get(SessionCleanupService).removeExpired()).toBeGreaterThanOrEqual(1);
    expect(await t.dataSource.getRepository(SessionEntity).countBy({ tokenHash })).toBe(0);
  });

  it('signs in an agent created with a password, linked to its agent record and team', async () => {
    const admin = await t.login(ADMIN.email, ADMIN.password);
    const team = await createTeam(t, admin.token);
    const agent = await createAgent(t, admin.token, agentRequest(team.id, { email: 'Login.Agent@Example.com', password: 'agent-password' }));
    expect(agent.email).toBe('login.agent@example.com');
    expect(agent.hasLogin).toBe(true);
    const login: LoginResponse = await t.login('login.agent@example.com', 'agent-password');
    expect(login.user).toEqual({
      id: expect.any(String),
      email: 'login.agent@example.com',
      role: 'agent',
      displayName: agent.displayName,
      agentId: agent.id,
      teamIds: [team.id],
      passwordExpiresAt: null,
    });
  });
});
