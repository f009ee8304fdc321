import type { AlertsResponse, ApiError, CoverageRule, GapAlert, ManualShift, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { GapAlertsService } from '../src/modules/alerts/gap-alerts.service';
import { readGapScanWeeks } from '../src/modules/alerts/gap-scan.config';
import { GapScanJob } from '../src/modules/alerts/gap-scan.job';
import { agentRequest, createAgent } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, type TestApp } from './support/test-app';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('gap alerts', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  let rule: CoverageRule;
  let agentToken: string;
  let agentIds: string[];
  // A day inside the scan horizon (today + 3, UTC team): the rule asks for one agent all that day.
  const day = addDays(new Date().toISOString().slice(0, 10), 3);
  const alertsUrl = () => `/api/teams/${team.id}/alerts`;
  const alerts = async () => (await t.http().get(alertsUrl()).set(bearer(admin)).expect(200)).body as AlertsResponse;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Alerts ${randomUUID().slice(0, 6)}`, timeZone: 'UTC' }).expect(201)).body as Team;
    const first = await createAgent(t, admin, agentRequest(team.id, { timeZone: 'UTC', email: `alerts.${randomUUID().slice(0, 6)}@example.com`, password: 'agent-password' }));
    const second = await createAgent(t, admin, agentRequest(team.id, { timeZone: 'UTC' }));
    agentIds = [first.id, second.id];
    agentToken = (await t.login(first.email, 'agent-password')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens an alert when a change leaves a gap, lets a manager acknowledge it, resolves it when filled', async () => {
    rule = (
      await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '24/7', minAgents: 1, validFrom: day, validTo: day }).expect(201)
    ).body as CoverageRule;
    const opened = await alerts();
    expect(opened.openCount).toBe(1);
    expect(opened.alerts).toEqual([
      expect.objectContaining({
        id: `gap:${rule.id}:${day}T00:00:00Z`,
        ruleId: rule.id,
        severity: 'uncovered',
        start: `${day}T00:00:00.000Z`,
        end: `${addDays(day, 1)}T00:00:00.000Z`,
        required: 1,
        present: 0,
        status: 'open',
        resolvedAt: null,
        acknowledgedAt: null,
      }),
    ]);
    const id = opened.alerts[0].id;

    const acknowledged = (await t.http().post(`${alertsUrl()}/${encodeURIComponent(id)}/acknowledge`).set(bearer(admin)).expect(200)).body as GapAlert;
    expect(acknowledged).toMatchObject({ id, status: 'acknowledged', acknowledgedAt: expect.any(String) });
    expect((await alerts()).openCount).toBe(0);

    const shifts: ManualShift[] = [];
    for (const [index, agentId] of agentIds.entries()) {
      const start = `${day}T${index === 0 ? '00' : '12'}:00:00Z`;
      const end = index === 0 ? `${day}T12:00:00Z` : `${addDays(day, 1)}T00:00:00Z`;
      shifts.push((await t.http().post(`/api/teams/${team.id}/shifts`).set(bearer(admin)).send({ agentId, start, end, timeZone: 'UTC' }).expect(201)).body as ManualShift);
    }
    // The morning shift turned the whole-day gap into an afternoon one (new start, new id); the
    // afternoon shift closed that one too.
    const resolved = await alerts();
    expect(resolved.openCount).toBe(0);
    expect(resolved.alerts).toEqual([
      expect.objectContaining({ id, status: 'resolved', resolvedAt: expect.any(String) }),
      expect.objectContaining({ id: `gap:${rule.id}:${day}T12:00:00Z`, status: 'resolved' }),
    ]);

    // The afternoon comes back uncovered: its alert reopens; the whole-day one stays resolved.
    await t.http().delete(`/api/teams/${team.id}/shifts/${shifts[1].id}`).set(bearer(admin)).expect(204);
    const back = await alerts();
    expect(back.openCount).toBe(1);
    expect(back.alerts.map((a) => [a.start, a.status])).toEqual([
      [`${day}T00:00:00.000Z`, 'resolved'],
      [`${day}T12:00:00.000Z`, 'open'],
    ]);
    const openOnly = (await t.http().get(`${alertsUrl()}?status=open`).set(bearer(admin)).expect(200)).body as AlertsResponse;
    expect(openOnly.alerts).toHaveLength(1);
  });

  it('the hourly job rescans every team', async () => {
    const job = t.app.get(GapScanJob);
    expect(await job.run()).toBeGreaterThanOrEqual(1);
    const result = await t.app.get(GapAlertsService).scanTeam(team.id, Date.now());
    expect(result).toMatchObject({ opened: 0, open: 1 });
    // Scans of one team that overlap (two writes at once) run in turn instead of colliding.
    const service = t.app.get(GapAlertsService);
    const results = await Promise.all([1, 2, 3].map(() => service.scanTeam(team.id, Date.now())));
    expect(results.map((r) => r.open)).toEqual([1, 1, 1]);
  });

  it('a gap that passed unfilled stays listed as open but no longer counts as open', async () => {
    const past = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Past ${randomUUID().slice(0, 6)}`, timeZone: 'UTC' }).expect(201)).body as Team;
    const lastWeek = addDays(new Date().toISOString().slice(0, 10), -7);
    await t.http().post(`/api/teams/${past.id}/coverage-rules`).set(bearer(admin)).send({ preset: '24/7', minAgents: 1, validFrom: lastWeek, validTo: lastWeek }).expect(201);
    // A scan as of ten days ago saw last week's day ahead of it, uncovered.
    const scanned = await t.app.get(GapAlertsService).scanTeam(past.id, Date.now() - 10 * 86_400_000);
    expect(scanned).toMatchObject({ opened: 1, open: 1 });
    const listed = (await t.http().get(`/api/teams/${past.id}/alerts`).set(bearer(admin)).expect(200)).body as AlertsResponse;
    expect(listed.alerts).toEqual([expect.objectContaining({ start: `${lastWeek}T00:00:00.000Z`, status: 'open' })]);
    expect(listed.openCount).toBe(0);
  });

  it('keeps alerts to the team’s managers and names unknown alerts', async () => {
    await t.http().get(alertsUrl()).set(bearer(agentToken)).expect(403);
    await t.http().post(`${alertsUrl()}/x/acknowledge`).set(bearer(agentToken)).expect(403);
    await t.http().get(alertsUrl()).expect(401);
    const missing = await t.http().post(`${alertsUrl()}/gap:nothing/acknowledge`).set(bearer(admin)).expect(404);
    expect((missing.body as ApiError).message).toContain('gap:nothing');
    await t.http().get(`${alertsUrl()}?status=closed`).set(bearer(admin)).expect(400);
  });

  it('validates SHIFTDESK_GAP_SCAN_WEEKS', () => {
    expect(readGapScanWeeks({})).toBe(4);
    expect(readGapScanWeeks({ SHIFTDESK_GAP_SCAN_WEEKS: '6' })).toBe(6);
    expect(() => readGapScanWeeks({ SHIFTDESK_GAP_SCAN_WEEKS: 'four' })).toThrow(/SHIFTDESK_GAP_SCAN_WEEKS: "four" must be a whole number of weeks/);
    expect(() => readGapScanWeeks({ SHIFTDESK_GAP_SCAN_WEEKS: '0' })).toThrow(/from 1 to 13/);
  });
});
