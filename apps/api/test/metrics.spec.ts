import { randomUUID } from 'node:crypto';
import { GapAlertEntity } from '../src/modules/alerts/gap-alert.entity';
import type { GenerateRosterAccepted, RosterJob } from '@shiftdesk/shared-api-contract';
import { agentRequest, createAgent, createTeam } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

/** The value of one sample (`name{labels} value`) in the Prometheus text format, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[4]);
  }
  return undefined;
}

describe('/metrics', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves Prometheus text to loopback: request latency by route template, process metrics, open gap alerts', async () => {
    const team = await createTeam(t, admin);
    await expectStatus(t.http().get(`/api/teams/${team.id}`).set(bearer(admin)), 200);
    await expectStatus(t.http().get(`/api/teams/${randomUUID()}`).set(bearer(admin)), 404);
    // A rule in the past: the gap scan it triggers finds nothing, so the alerts below are all there are.
    const rule = (await expectStatus(t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '24/7', minAgents: 1, validFrom: '2020-01-06', validTo: '2020-01-06' }), 201)).body as { id: string };
    const now = Date.now();
    const alert = (severity: string, status: string, endOffsetMs: number): GapAlertEntity => ({
      id: randomUUID(),
      teamId: team.id,
      ruleId: rule.id,
      ruleName: 'Weekdays',
      severity: severity as GapAlertEntity['severity'],
      startAt: new Date(now - 3_600_000).toISOString(),
      endAt: new Date(now + endOffsetMs).toISOString(),
      required: 2,
      present: 1,
      status: status as GapAlertEntity['status'],
      firstSeenAt: new Date(now).toISOString(),
      lastSeenAt: new Date(now).toISOString(),
      resolvedAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
    });
    await t.dataSource.getRepository(GapAlertEntity).insert([
      alert('understaffed', 'open', 3_600_000),
      alert('understaffed', 'open', 7_200_000),
      alert('uncovered', 'open', 3_600_000),
      alert('uncovered', 'open', -60_000), // over: no longer needs anyone
      alert('uncovered', 'resolved', 3_600_000),
      alert('uncovered', 'acknowledged', 3_600_000),
    ]);

    const response = await expectStatus(t.http().get('/metrics'), 200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.text;
    expect(sample(text, 'shiftdesk_http_request_duration_seconds_count', { method: 'GET', route: '/api/teams/:id', status: '200' })).toBe(1);
    expect(sample(text, 'shiftdesk_http_request_duration_seconds_count', { method: 'GET', route: '/api/teams/:id', status: '404' })).toBe(1);
    expect(sample(text, 'shiftdesk_http_request_duration_seconds_count', { method: 'POST', route: '/api/auth/login', status: '200' })).toBe(1);
    expect(sample(text, 'shiftdesk_http_request_duration_seconds_bucket', { method: 'GET', route: '/api/teams/:id', status: '200', le: '+Inf' })).toBe(1);
    expect(sample(text, 'shiftdesk_gap_alerts_open', { severity: 'understaffed' })).toBe(2);
    expect(sample(text, 'shiftdesk_gap_alerts_open', { severity: 'uncovered' })).toBe(1);
    expect(sample(text, 'shiftdesk_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'shiftdesk_roster_jobs_running')).toBe(0);
    // Ids, emails and tokens never become labels.
    expect(text).not.toContain(team.id);
    expect(text).not.toContain(ADMIN.email);
    expect(text).not.toContain(admin);
  });

  it('is refused to requests that came through a proxy when no token is configured', async () => {
    const response = await expectStatus(t.http().get('/metrics').set('X-Forwarded-For', '203.0.113.9'), 403);
    expect(response.body.message).toBe('Metrics are only served to loopback connections; set SHIFTDESK_METRICS_TOKEN to read them from elsewhere with a bearer token');
  });

  it('needs the bearer token when SHIFTDESK_METRICS_TOKEN is set', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const guarded = await bootTestApp({ metricsToken: token });
    try {
      const none = await expectStatus(guarded.http().get('/metrics'), 401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      await expectStatus(guarded.http().get('/metrics').set(bearer('metrics-token-0123456789abcdeX')), 401);
      // A user's session token is not the metrics token.
      const session = (await guarded.login(ADMIN.email, ADMIN.password)).token;
      await expectStatus(guarded.http().get('/metrics').set(bearer(session)), 401);
      const ok = await expectStatus(guarded.http().get('/metrics').set(bearer(token)).set('X-Forwarded-For', '203.0.113.9'), 200);
      expect(ok.text).toContain('shiftdesk_http_request_duration_seconds');
    } finally {
      await guarded.close();
    }
  });

  it('counts roster jobs started and finished by outcome, and none left running', async () => {
    const team = await createTeam(t, admin);
    for (let i = 0; i < 4; i++) await createAgent(t, admin, agentRequest(team.id));
    await expectStatus(t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1 }), 201);
    const shapes = [
      { name: 'Early', start: '07:00', lengthMinutes: 480 },
      { name: 'Late', start: '15:00', lengthMinutes: 480 },
    ];
    const { jobId } = (await expectStatus(t.http().post(`/api/teams/${team.id}/rosters/generate`).set(bearer(admin)).send({ from: '2027-03-01', to: '2027-03-07', shapes, timeLimitSeconds: 20 }), 202)).body as GenerateRosterAccepted;
    let job: RosterJob;
    const until = Date.now() + 90_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = (await expectStatus(t.http().get(`/api/teams/${team.id}/rosters/jobs/${jobId}`).set(bearer(admin)), 200)).body as RosterJob;
    } while (!['done', 'failed', 'cancelled'].includes(job.status) && Date.now() < until);
    expect(job.status).toBe('done');
    const text = (await expectStatus(t.http().get('/metrics'), 200)).text;
    expect(sample(text, 'shiftdesk_roster_jobs_started_total')).toBe(1);
    expect(sample(text, 'shiftdesk_roster_jobs_finished_total', { outcome: 'done' })).toBe(1);
    expect(sample(text, 'shiftdesk_roster_jobs_running')).toBe(0);
  }, 120_000);
});
