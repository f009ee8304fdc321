import type { AuditEntry, FeedSecret, Team } from '@shiftdesk/shared-api-contract';
import { AuditEntryEntity } from '../src/modules/audit/audit-entry.entity';
import { emailKey } from '../src/modules/auth/login-lockouts.service';
import { LoginLockoutEntity } from '../src/modules/auth/login-lockout.entity';
import { UserEntity } from '../src/modules/auth/user.entity';
import { agentRequest, createAgent, createTeam } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, createTestDatabase, expectStatus, type TestApp } from './support/test-app';

const NO_LOCKOUT = { maxFailures: 1000, windowMs: 60_000, lockMs: 60_000 };
const UNLIMITED = { limit: 1_000_000, windowMs: 60_000 };

const login = (t: TestApp, email: string, password: string) => t.http().post('/api/auth/login').send({ email, password });

describe('rate limits', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  beforeAll(async () => {
    t = await bootTestApp({ rateLimits: { login: { limit: 3, windowMs: 60_000 }, feed: { limit: 2, windowMs: 60_000 } }, lockout: NO_LOCKOUT });
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = await createTeam(t, admin);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the sign-in attempt over the limit (per address and email) with 429, Retry-After and when to retry', async () => {
    const email = 'someone@example.com';
    for (let attempt = 1; attempt <= 3; attempt++) await expectStatus(login(t, email, `guess-${attempt}`), 401);
    const limited = await expectStatus(login(t, email.toUpperCase(), 'guess-4'), 429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: `Too many sign-in attempts for this email from this address: try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}` });
    // Another email from the same address has its own budget (admin already signed in once).
    await expectStatus(login(t, 'someone.else@example.com', 'guess'), 401);
    await expectStatus(login(t, ADMIN.email, ADMIN.password), 200);
    // Other routes are never counted.
    for (let i = 0; i < 10; i++) await expectStatus(t.http().get('/api/auth/me').set(bearer(admin)), 200);
  });

  it('limits each feed URL on its own, 304s included, and says when to retry', async () => {
    const first = (await expectStatus(t.http().post('/api/feeds').set(bearer(admin)).send({ kind: 'team', teamId: team.id }), 201)).body as FeedSecret;
    const second = (await expectStatus(t.http().post('/api/feeds').set(bearer(admin)).send({ kind: 'gaps', teamId: team.id }), 201)).body as FeedSecret;
    const etag = (await expectStatus(t.http().get(first.path), 200)).headers['etag'] as string;
    await expectStatus(t.http().get(first.path).set('If-None-Match', etag), 304);
    const limited = await expectStatus(t.http().get(first.path), 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body.message).toMatch(/^This calendar feed was requested too often; calendar apps should poll it every few minutes at most: try again in \d+ seconds?$/);
    await expectStatus(t.http().get(second.path), 200);
  });

  it('counts by the connection address unless told to trust a proxy, then by X-Forwarded-For', async () => {
    const limits = { login: { limit: 1, windowMs: 60_000 }, feed: UNLIMITED };
    const direct = await bootTestApp({ rateLimits: limits, lockout: NO_LOCKOUT });
    const proxied = await bootTestApp({ rateLimits: limits, lockout: NO_LOCKOUT, trustProxy: 'loopback' });
    try {
      // A client cannot buy a fresh budget by making up a forwarded address.
      await expectStatus(login(direct, ADMIN.email, ADMIN.password).set('X-Forwarded-For', '203.0.113.1'), 200);
      await expectStatus(login(direct, ADMIN.email, ADMIN.password).set('X-Forwarded-For', '203.0.113.2'), 429);
      // Behind a trusted proxy on this machine, each client has its own.
      await expectStatus(login(proxied, ADMIN.email, ADMIN.password).set('X-Forwarded-For', '203.0.113.1'), 200);
      await expectStatus(login(proxied, ADMIN.email, ADMIN.password).set('X-Forwarded-For', '203.0.113.2'), 200);
      await expectStatus(login(proxied, ADMIN.email, ADMIN.password).set('X-Forwarded-For', '203.0.113.1'), 429);
    } finally {
      await proxied.close();
      await direct.close();
    }
  });

  it('lets requests through again once the window has passed', async () => {
    const quick = await bootTestApp({ rateLimits: { login: { limit: 1, windowMs: 1000 }, feed: UNLIMITED }, lockout: NO_LOCKOUT });
    try {
      await expectStatus(login(quick, ADMIN.email, ADMIN.password), 200);
      await expectStatus(login(quick, ADMIN.email, ADMIN.password), 429);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      await expectStatus(login(quick, ADMIN.email, ADMIN.password), 200);
    } finally {
      await quick.close();
    }
  });
});

describe('login lock-out', () => {
  const LOCKOUT = { maxFailures: 3, windowMs: 60_000, lockMs: 120_000 };
  let t: TestApp;
  let team: Team;
  const agentEmail = 'locked.agent@example.com';
  const agentPassword = 'agent-password-42';
  const countingEmail = 'counting.agent@example.com';

  beforeAll(async () => {
    t = await bootTestApp({ lockout: LOCKOUT });
    const admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = await createTeam(t, admin);
    await createAgent(t, admin, agentRequest(team.id, { email: agentEmail, password: agentPassword }));
    await createAgent(t, admin, agentRequest(team.id, { email: countingEmail, password: agentPassword }));
  });
  afterAll(async () => {
    await t.close();
  });

  const lockMessage = /^Too many failed sign-ins for this email address: signing in is paused for 2 minutes, until \d{4}-\d\d-\d\d \d\d:\d\d UTC\. Check the email and password, then try again after that\.$/;

  it('locks an account after repeated failures, refuses even the right password, and audits it', async () => {
    await expectStatus(login(t, agentEmail, 'wrong-1'), 401);
    await expectStatus(login(t, agentEmail, 'wrong-2'), 401);
    const locking = await expectStatus(login(t, agentEmail, 'wrong-3'), 429);
    expect(locking.body.message).toMatch(lockMessage);
    const right = await expectStatus(login(t, agentEmail, agentPassword), 429);
    expect(right.body.message).toMatch(lockMessage);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(100);
    expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(120);

    const user = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ email: agentEmail });
    const entries = await t.dataSource.getRepository(AuditEntryEntity).find({ where: { entityType: 'user', entityId: user.id } });
    expect(entries.map((entry) => ({ action: entry.action, teamId: entry.teamId, actorName: entry.actorName, after: JSON.parse(entry.after ?? 'null') as AuditEntry['after'] }))).toEqual([
      { action: 'locked', teamId: team.id, actorName: 'Shiftdesk', after: { failures: 3, lockedUntil: expect.stringMatching(/Z$/) } },
    ]);

    // When the lock has run out (moved into the past here), the right password works and clears the count.
    await t.dataSource.getRepository(LoginLockoutEntity).update({ emailHash: emailKey(agentEmail) }, { lockedUntil: new Date(Date.now() - 1000).toISOString() });
    await expectStatus(login(t, agentEmail, agentPassword), 200);
    expect(await t.dataSource.getRepository(LoginLockoutEntity).countBy({ emailHash: emailKey(agentEmail) })).toBe(0);
  });

  it('answers an unknown email exactly like a real one, without storing it', async () => {
    const answers = async (email: string) => {
      const statuses: number[] = [];
      const bodies: unknown[] = [];
      for (const password of ['wrong-1', 'wrong-2', 'wrong-3', 'wrong-4']) {
        const response = await login(t, email, password);
        statuses.push(response.status);
        bodies.push(JSON.parse(JSON.stringify(response.body).replace(/\d\d:\d\d UTC/, 'HH:MM UTC')));
      }
      return { statuses, bodies };
    };
    const real = await answers(ADMIN.email);
    const unknown = await answers('nobody.here@example.com');
    expect(real.statuses).toEqual([401, 401, 429, 429]);
    expect(unknown).toEqual(real);
    const rows = await t.dataSource.getRepository(LoginLockoutEntity).find();
    expect(JSON.stringify(rows)).not.toContain('nobody.here');
    // No audit entry: there is no account to attach it to.
    expect(await t.dataSource.getRepository(AuditEntryEntity).countBy({ action: 'locked' })).toBe(2);
  });

  it('starts the count over after a successful sign-in and after the window', async () => {
    const email = countingEmail;
    await expectStatus(login(t, email, 'wrong-1'), 401);
    await expectStatus(login(t, email, 'wrong-2'), 401);
    await expectStatus(login(t, email, agentPassword), 200);
    await expectStatus(login(t, email, 'wrong-3'), 401);
    await expectStatus(login(t, email, 'wrong-4'), 401);
    // Failures older than the window no longer count.
    await t.dataSource.getRepository(LoginLockoutEntity).update({ emailHash: emailKey(email) }, { windowStartedAt: new Date(Date.now() - 61_000).toISOString() });
    await expectStatus(login(t, email, 'wrong-5'), 401);
    await expectStatus(login(t, email, 'wrong-6'), 401);
    await expectStatus(login(t, email, 'wrong-7'), 429);
  });

  it('counts failures seen by several API instances on one database together', async () => {
    const database = await createTestDatabase();
    const first = await bootTestApp({ database, lockout: LOCKOUT });
    const second = await bootTestApp({ database, lockout: LOCKOUT });
    try {
      await expectStatus(login(first, ADMIN.email, 'wrong-1'), 401);
      await expectStatus(login(second, ADMIN.email, 'wrong-2'), 401);
      await expectStatus(login(first, ADMIN.email, 'wrong-3'), 429);
      const refused = await expectStatus(login(second, ADMIN.email, ADMIN.password), 429);
      expect(refused.body.message).toMatch(lockMessage);
    } finally {
      await second.close({ keepDatabase: true });
      await first.close();
    }
  });
});
