import type { Agent, ApiError, CurrentUser, ImportAgentsResponse, LoginResponse, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { UserEntity } from '../src/modules/auth/user.entity';
import { ADMIN, bearer, bootTestApp, type TestApp } from './support/test-app';

// Agents imported from a CSV can get logins at once: a temporary password each, shown once to
// the manager, good for 14 days and only for choosing a password of their own.

describe('logins with temporary passwords for imported agents', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  const suffix = randomUUID().slice(0, 8);
  const email = (name: string) => `${name}.${suffix}@example.com`;
  const csv = (...names: string[]) => ['name,email,time zone,languages,channels', ...names.map((name) => `${name[0]?.toUpperCase()}${name.slice(1)} Test,${email(name)},Europe/Berlin,en,email`)].join('\n');
  const importCsv = (text: string, extra: object = {}) => t.http().post('/api/agents/import').set(bearer(admin)).send({ teamId: team.id, csv: text, logins: true, ...extra });

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Logins ${suffix}`, timeZone: 'Europe/Berlin' }).expect(201)).body as Team;
  });

  afterAll(async () => {
    await t.close();
  });

  it('makes a login per agent on import, none on a dry run, and shows each password once', async () => {
    const dry = (await importCsv(csv('dora'), { dryRun: true }).expect(200)).body as ImportAgentsResponse;
    expect(dry.logins).toEqual([]);
    const before = Date.now();
    const body = (await importCsv(csv('ada', 'bo')).expect(200)).body as ImportAgentsResponse;
    expect(body.created.map((agent) => agent.hasLogin)).toEqual([true, true]);
    expect(body.logins.map((login) => [login.displayName, login.email])).toEqual([
      ['Ada Test', email('ada')],
      ['Bo Test', email('bo')],
    ]);
    for (const login of body.logins) {
      expect(login.temporaryPassword).toMatch(/^[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}$/);
      const days = (Date.parse(login.passwordExpiresAt) - before) / 86_400_000;
      expect(days).toBeGreaterThan(13.99);
      expect(days).toBeLessThan(14.01);
    }
    expect(body.logins[0]?.temporaryPassword).not.toBe(body.logins[1]?.temporaryPassword);
    // Only the hash is kept.
    const stored = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ email: email('ada') });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain(body.logins[0]?.temporaryPassword);
  });

  it('lets a temporary password do nothing but choose a password of one’s own', async () => {
    const [login] = ((await importCsv(csv('cleo')).expect(200)).body as ImportAgentsResponse).logins;
    if (!login) throw new Error('no login');
    const session = (await t.http().post('/api/auth/login').send({ email: login.email, password: login.temporaryPassword }).expect(200)).body as LoginResponse;
    expect(session.user.passwordExpiresAt).toBe(login.passwordExpiresAt);
    const token = session.token;
    expect(((await t.http().get('/api/auth/me').set(bearer(token)).expect(200)).body as CurrentUser).passwordExpiresAt).toBe(login.passwordExpiresAt);
    const refused = (await t.http().get(`/api/teams/${team.id}/schedule?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z`).set(bearer(token)).expect(403)).body as ApiError;
    expect(refused.message).toContain('Choose your own password first');

    const pending = (await t.http().get(`/api/agents/${login.agentId}`).set(bearer(admin)).expect(200)).body as Agent;
    expect(pending.passwordExpiresAt).toBe(login.passwordExpiresAt);

    await t.http().post('/api/auth/password').set(bearer(token)).send({ currentPassword: login.temporaryPassword, newPassword: 'cleo-own-password' }).expect(204);
    expect(((await t.http().get(`/api/agents/${login.agentId}`).set(bearer(admin)).expect(200)).body as Agent).passwordExpiresAt).toBeNull();
    expect(((await t.http().get('/api/auth/me').set(bearer(token)).expect(200)).body as CurrentUser).passwordExpiresAt).toBeNull();
    await t.http().get(`/api/teams/${team.id}/schedule?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z`).set(bearer(token)).expect(200);
    // The temporary password is gone; their own works.
    await t.http().post('/api/auth/login').send({ email: login.email, password: login.temporaryPassword }).expect(401);
    expect((await t.login(login.email, 'cleo-own-password')).user.passwordExpiresAt).toBeNull();
  });

  it('refuses an expired temporary password, and a manager’s new password replaces it for good', async () => {
    const [login] = ((await importCsv(csv('dan')).expect(200)).body as ImportAgentsResponse).logins;
    if (!login) throw new Error('no login');
    // Signed in while it was good; it expires during the session: it no longer changes anything.
    const token = (await t.login(login.email, login.temporaryPassword)).token;
    await t.dataSource.getRepository(UserEntity).update({ email: login.email }, { passwordExpiresAt: new Date(Date.now() - 1000).toISOString() });
    const expired = (await t.http().post('/api/auth/login').send({ email: login.email, password: login.temporaryPassword }).expect(401)).body as ApiError;
    expect(expired.message).toContain('temporary password has expired');
    const late = (await t.http().post('/api/auth/password').set(bearer(token)).send({ currentPassword: login.temporaryPassword, newPassword: 'dan-own-password' }).expect(400)).body as ApiError;
    expect(late.fields).toEqual([{ field: 'currentPassword', message: expect.stringContaining('expired') }]);
    // A wrong password still gets the one message for every failed sign-in.
    const wrong = (await t.http().post('/api/auth/login').send({ email: login.email, password: 'not-the-password' }).expect(401)).body as ApiError;
    expect(wrong.message).toBe('Email or password is incorrect');

    await t.http().put(`/api/agents/${login.agentId}/password`).set(bearer(admin)).send({ password: 'set-by-manager-1' }).expect(200);
    expect((await t.login(login.email, 'set-by-manager-1')).user.passwordExpiresAt).toBeNull();
  });

  it('refuses logins for emails another account already signs in with, naming the line', async () => {
    const error = (await importCsv(['name,email,time zone,languages,channels', `Boss Double,${ADMIN.email.toUpperCase()},Europe/Berlin,en,email`].join('\n')).expect(400)).body as ApiError;
    expect(error.fields).toEqual([{ field: 'rows.2.email', message: expect.stringContaining(`another account already signs in with ${ADMIN.email}`) }]);
  });
});
