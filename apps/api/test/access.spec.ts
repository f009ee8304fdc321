import type { Agent, Region, Team } from '@shiftdesk/shared-api-contract';
import { agentRequest, createAgent, createTeam, insertManager } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

type Method = 'get' | 'post' | 'patch' | 'delete';
interface Endpoint {
  method: Method;
  path: () => string;
  body?: () => object;
  /** Who may call it: anyone signed in, managers only, or agents only. */
  audience: 'signed-in' | 'manager' | 'agent';
  /** Team-scoped: a manager of another team must get 403. */
  scoped?: boolean;
}

/** Any id: the guards and the team check answer before the job is looked up. */
const JOB_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Every guarded endpoint of this issue, with who may call it. A new endpoint belongs here:
 * the matrix proves no token → 401, the wrong role → 403, another team's manager → 403.
 */
describe('access matrix', () => {
  let t: TestApp;
  let admin: string;
  let agentToken: string;
  let otherManager: string;
  let team: Team;
  let agent: Agent;
  let region: Region;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = await createTeam(t, admin, 'Matrix Desk');
    region = (await t.http().post('/api/regions').set(bearer(admin)).send({ name: 'Baku', countryCode: 'AZ', defaultTimeZone: 'Asia/Baku', currency: 'AZN' }).expect(201)).body as Region;
    agent = await createAgent(t, admin, agentRequest(team.id, { email: 'matrix.agent@example.com', password: 'matrix-password' }));
    agentToken = (await t.login('matrix.agent@example.com', 'matrix-password')).token;
    await insertManager(t, 'matrix.other@example.com', 'other-password');
    otherManager = (await t.login('matrix.other@example.com', 'other-password')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const endpoints: Endpoint[] = [
    { method: 'get', path: () => '/api/auth/me', audience: 'signed-in' },
    { method: 'post', path: () => '/api/auth/logout', audience: 'signed-in' },
    { method: 'get', path: () => '/api/regions', audience: 'signed-in' },
    { method: 'get', path: () => `/api/regions/${region.id}`, audience: 'signed-in' },
    { method: 'post', path: () => '/api/regions', body: () => ({ name: 'Tbilisi', countryCode: 'GE', defaultTimeZone: 'Asia/Tbilisi', currency: 'GEL' }), audience: 'manager' },
    { method: 'patch', path: () => `/api/regions/${region.id}`, body: () => ({ currency: 'AZN' }), audience: 'manager' },
    { method: 'delete', path: () => `/api/regions/${region.id}`, audience: 'manager' },
    { method: 'get', path: () => '/api/teams', audience: 'signed-in' },
    { method: 'get', path: () => `/api/teams/${team.id}`, audience: 'signed-in', scoped: true },
    { method: 'post', path: () => '/api/teams', body: () => ({ name: 'Another Desk', timeZone: 'UTC' }), audience: 'manager' },
    { method: 'patch', path: () => `/api/teams/${team.id}`, body: () => ({ description: 'x' }), audience: 'manager', scoped: true },
    { method: 'delete', path: () => `/api/teams/${team.id}`, audience: 'manager', scoped: true },
    { method: 'get', path: () => '/api/agents', audience: 'signed-in' },
    { method: 'get', path: () => `/api/agents/${agent.id}`, audience: 'signed-in', scoped: true },
    { method: 'post', path: () => '/api/agents', body: () => agentRequest(team.id), audience: 'manager', scoped: true },
    { method: 'patch', path: () => `/api/agents/${agent.id}`, body: () => ({ active: true }), audience: 'manager', scoped: true },
    { method: 'delete', path: () => `/api/agents/${agent.id}`, audience: 'manager', scoped: true },
    { method: 'get', path: () => '/api/me/profile', audience: 'agent' },
    // Team settings hold the webhook URL (and return its secret once): managers of the team only.
    { method: 'get', path: () => `/api/teams/${team.id}/settings`, audience: 'manager', scoped: true },
    { method: 'patch', path: () => `/api/teams/${team.id}/settings`, body: () => ({ shrinkage: 0.3 }), audience: 'manager', scoped: true },
    { method: 'get', path: () => `/api/teams/${team.id}/webhooks/deliveries`, audience: 'manager', scoped: true },
    // Roster generation (issue 4) and publishing drafts.
    { method: 'post', path: () => `/api/teams/${team.id}/rosters/generate`, body: () => ({ from: '2026-03-02', to: '2026-03-08', shapes: [{ name: 'Early', start: '07:00', lengthMinutes: 480 }] }), audience: 'manager', scoped: true },
    { method: 'get', path: () => `/api/teams/${team.id}/rosters/jobs/${JOB_ID}`, audience: 'manager', scoped: true },
    { method: 'post', path: () => `/api/teams/${team.id}/rosters/jobs/${JOB_ID}/cancel`, audience: 'manager', scoped: true },
    { method: 'post', path: () => `/api/teams/${team.id}/rosters/jobs/${JOB_ID}/apply`, audience: 'manager', scoped: true },
    { method: 'post', path: () => `/api/teams/${team.id}/shifts/publish`, audience: 'manager', scoped: true },
    // Agents' requests and notices (issue 5): who may act on a request is decided per request.
    { method: 'get', path: () => '/api/me/shifts', audience: 'agent' },
    { method: 'get', path: () => '/api/me/notices', audience: 'signed-in' },
    { method: 'post', path: () => '/api/me/notices/read', body: () => ({}), audience: 'signed-in' },
    { method: 'get', path: () => '/api/requests', audience: 'signed-in' },
    { method: 'post', path: () => '/api/requests', body: () => ({ kind: 'time-off' }), audience: 'signed-in' },
    { method: 'post', path: () => '/api/requests/impact', body: () => ({ kind: 'time-off' }), audience: 'signed-in' },
    { method: 'get', path: () => `/api/requests/${JOB_ID}`, audience: 'signed-in' },
    ...(['accept', 'take', 'decline', 'cancel', 'approve', 'undo'] as const).map((action) => ({ method: 'post' as const, path: () => `/api/requests/${JOB_ID}/${action}`, body: () => ({}), audience: 'signed-in' as const })),
    // Shift preferences (issue 4): an agent's own, or their managers'.
    { method: 'get', path: () => `/api/preferences?agentId=${agent.id}`, audience: 'signed-in', scoped: true },
    { method: 'post', path: () => '/api/preferences', body: () => ({ agentId: agent.id, kind: 'off', weekdays: [6] }), audience: 'signed-in', scoped: true },
    { method: 'patch', path: () => `/api/preferences/${JOB_ID}`, body: () => ({ strength: 'low' }), audience: 'signed-in' },
    { method: 'delete', path: () => `/api/preferences/${JOB_ID}`, audience: 'signed-in' },
  ];

  const call = (endpoint: Endpoint, token?: string) => {
    let pending = t.http()[endpoint.method](endpoint.path());
    if (token) pending = pending.set(bearer(token));
    return endpoint.body ? pending.send(endpoint.body()) : pending;
  };
  const label = (endpoint: Endpoint) => `${endpoint.method.toUpperCase()} ${endpoint.path.toString().replace(/^\(\) => /, '')}`;

  it.each(endpoints.map((endpoint) => [label(endpoint), endpoint] as const))('%s needs a token (401 without)', async (_name, endpoint) => {
    const response = await expectStatus(call(endpoint), 401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it.each(endpoints.filter((endpoint) => endpoint.audience === 'manager').map((endpoint) => [label(endpoint), endpoint] as const))(
    '%s is 403 for an agent',
    async (_name, endpoint) => {
      const response = await expectStatus(call(endpoint, agentToken), 403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.stringMatching(/manager/) });
    },
  );

  it.each(endpoints.filter((endpoint) => endpoint.audience === 'agent').map((endpoint) => [label(endpoint), endpoint] as const))(
    '%s is 403 for a manager',
    async (_name, endpoint) => {
      await expectStatus(call(endpoint, admin), 403);
    },
  );

  it.each(endpoints.filter((endpoint) => endpoint.scoped).map((endpoint) => [label(endpoint), endpoint] as const))(
    '%s is 403 for the manager of another team',
    async (_name, endpoint) => {
      await expectStatus(call(endpoint, otherManager), 403);
    },
  );

  it('leaves health and login public', async () => {
    await expectStatus(t.http().get('/api/health'), 200);
    await expectStatus(t.http().post('/api/auth/login').send({ email: 'x@example.com', password: 'wrong-password' }), 401);
  });
});
