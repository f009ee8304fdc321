import type { Agent, AgentPay, AuditEntry, Band, BandReport, CostReport, LoginResponse, Region, Salary, Team, UpdateBandResponse, WhatIfReport } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { DEMO_AGENT_PASSWORD, DEMO_MANAGER } from '../src/modules/demo/demo-desk';
import { DEMO_BELOW_BAND_AGENT, DEMO_PAY } from '../src/modules/demo/demo-pay';
import { ShiftEntity } from '../src/modules/shifts/shift.entity';
import { agentRequest, createAgent, createTeam, insertManager } from './support/fixtures';
import { fillPath, loadRoutes } from './support/openapi';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

const todayUtc = () => new Date().toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Method = 'get' | 'post' | 'patch' | 'put';
interface Endpoint {
  method: Method;
  path: () => string;
  body?: () => object;
  /** 200 or 201 for the manager of the team. */
  ok: number;
  /** Team data: a manager of another team gets 403. Shared tables (rates, minimum wages) are not. */
  scoped: boolean;
}

describe('pay: who may call what', () => {
  let t: TestApp;
  let admin: string;
  let agentToken: string;
  let otherManager: string;
  let team: Team;
  let agent: Agent;
  let band: Band;
  let region: Region;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = await createTeam(t, admin, 'Pay Desk');
    region = (await t.http().post('/api/regions').set(bearer(admin)).send({ name: 'Kazan', countryCode: 'RU', defaultTimeZone: 'Europe/Moscow', currency: 'RUB' }).expect(201)).body as Region;
    agent = await createAgent(t, admin, agentRequest(team.id, { email: 'pay.agent@example.com', password: 'pay-agent-password', regionId: region.id }));
    agentToken = (await t.login('pay.agent@example.com', 'pay-agent-password')).token;
    await insertManager(t, 'pay.other@example.com', 'other-password');
    otherManager = (await t.login('pay.other@example.com', 'other-password')).token;
    await createTeam(t, otherManager, 'Other Desk');
    band = (await expectStatus(t.http().post(`/api/teams/${team.id}/pay/bands`).set(bearer(admin)).send({ level: 'junior', regionId: null, workMode: 'office', currency: 'RUB', period: 'month', minMinor: 16_000_00, midMinor: 18_000_00, maxMinor: 20_000_00 }), 201)).body as Band;
  });
  afterAll(async () => {
    await t.close();
  });

  const base = () => `/api/teams/${team.id}/pay`;
  const endpoints: Endpoint[] = [
    { method: 'get', path: () => `${base()}/bands`, ok: 200, scoped: true },
    { method: 'get', path: () => `${base()}/bands.csv`, ok: 200, scoped: true },
    { method: 'get', path: () => `${base()}/bands/versions`, ok: 200, scoped: true },
    { method: 'post', path: () => `${base()}/bands`, body: () => ({ level: 'middle', regionId: null, workMode: 'remote', currency: 'RUB', period: 'month', minMinor: 1, midMinor: 2, maxMinor: 3 }), ok: 201, scoped: true },
    { method: 'patch', path: () => `${base()}/bands/${band.id}`, body: () => ({ maxMinor: 21_000_00 }), ok: 200, scoped: true },
    { method: 'get', path: () => `${base()}/agents/${agent.id}`, ok: 200, scoped: true },
    { method: 'put', path: () => `${base()}/agents/${agent.id}/level`, body: () => ({ level: 'junior' }), ok: 200, scoped: true },
    { method: 'post', path: () => `${base()}/agents/${agent.id}/salaries`, body: () => ({ amountMinor: 30_000_00, currency: 'RUB', period: 'month', effectiveFrom: '2026-01-01' }), ok: 201, scoped: true },
    { method: 'get', path: () => `${base()}/settings`, ok: 200, scoped: true },
    { method: 'patch', path: () => `${base()}/settings`, body: () => ({ onCostPercent: 30.2 }), ok: 200, scoped: true },
    { method: 'get', path: () => `${base()}/cost?from=2026-03-02&to=2026-03-08`, ok: 200, scoped: true },
    { method: 'get', path: () => `${base()}/cost.csv?from=2026-03-02&to=2026-03-08`, ok: 200, scoped: true },
    { method: 'get', path: () => `${base()}/what-if?weekStart=2026-03-02`, ok: 200, scoped: true },
    { method: 'get', path: () => `${base()}/audit`, ok: 200, scoped: true },
    { method: 'get', path: () => '/api/pay/exchange-rates', ok: 200, scoped: false },
    { method: 'post', path: () => '/api/pay/exchange-rates', body: () => ({ from: 'EUR', to: 'RUB', rate: '93.5', date: '2026-05-05' }), ok: 201, scoped: false },
    { method: 'get', path: () => '/api/pay/minimum-wages', ok: 200, scoped: false },
    { method: 'post', path: () => '/api/pay/minimum-wages', body: () => ({ countryCode: 'RU', currency: 'RUB', period: 'month', amountMinor: 27_093_00, effectiveFrom: '2026-01-01', source: 'MROT 2026' }), ok: 201, scoped: false },
  ];

  const call = (endpoint: Endpoint, token?: string) => {
    let pending = t.http()[endpoint.method](endpoint.path());
    if (token) pending = pending.set(bearer(token));
    return endpoint.body ? pending.send(endpoint.body()) : pending;
  };
  const label = (endpoint: Endpoint) => `${endpoint.method.toUpperCase()} ${endpoint.path.toString().replace(/^\(\) => /, '')}`;
  const cases = (list: Endpoint[]) => list.map((endpoint) => [label(endpoint), endpoint] as const);

  it.each(cases(endpoints))('%s needs a token (401 without)', async (_name, endpoint) => {
    await expectStatus(call(endpoint), 401);
  });

  it.each(cases(endpoints))('%s is 403 for an agent, with no amount in the answer', async (_name, endpoint) => {
    const response = await expectStatus(call(endpoint, agentToken), 403);
    expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    expect(JSON.stringify(response.body)).not.toMatch(/Minor|\d{5,}/);
  });

  it.each(cases(endpoints.filter((endpoint) => endpoint.scoped)))('%s is 403 for the manager of another team', async (_name, endpoint) => {
    await expectStatus(call(endpoint, otherManager), 403);
  });

  it.each(cases(endpoints))('%s answers the manager of the team', async (_name, endpoint) => {
    const response = await expectStatus(call(endpoint, admin), endpoint.ok);
    if (endpoint.path().includes('.csv')) {
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('pay: validation names the field', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  let agent: Agent;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = await createTeam(t, admin, 'Validation Desk');
    agent = await createAgent(t, admin, agentRequest(team.id));
  });
  afterAll(async () => {
    await t.close();
  });

  const goodBand = { level: 'junior', regionId: null, workMode: 'office', currency: 'RUB', period: 'month', minMinor: 100, midMinor: 200, maxMinor: 300 };
  it.each([
    ['a float amount', `bands`, { ...goodBand, minMinor: 100.5 }, 'minMinor', /whole number of minor units/],
    ['text as an amount', `bands`, { ...goodBand, maxMinor: '300' }, 'maxMinor', /whole number/],
    ['mid below min', `bands`, { ...goodBand, midMinor: 50 }, 'midMinor', /at least minMinor/],
    ['max below mid', `bands`, { ...goodBand, maxMinor: 150 }, 'maxMinor', /at least midMinor/],
    ['a lower-case currency', `bands`, { ...goodBand, currency: 'rub' }, 'currency', /ISO 4217/],
    ['an unknown level', `bands`, { ...goodBand, level: 'guru' }, 'level', /junior, middle, senior, lead/],
    ['a missing region', `bands`, { ...goodBand, regionId: undefined }, 'regionId', /null for any region/],
    ['an unknown region', `bands`, { ...goodBand, regionId: randomUUID() }, 'regionId', /no region/],
    ['a start in the past', `bands`, { ...goodBand, effectiveFrom: '2020-01-01' }, 'effectiveFrom', /today .* or later/],
    ['an unknown field', `bands`, { ...goodBand, salary: 1 }, 'salary', /not a field/],
  ])('POST bands with %s → 400 naming the field', async (_name, path, body, field, message) => {
    const response = await expectStatus(t.http().post(`/api/teams/${team.id}/pay/${path}`).set(bearer(admin)).send(body), 400);
    expect(response.body.fields[0]).toEqual({ field, message: expect.stringMatching(message) });
    expect(response.body.message).toMatch(new RegExp(`^${field}: `));
  });

  it('refuses bad salaries, levels, rates, settings and periods with the field named', async () => {
    const post = (path: string, body: object) => t.http().post(path).set(bearer(admin)).send(body);
    const fieldOf = async (pending: ReturnType<typeof post>) => ((await expectStatus(pending, 400)).body as { fields: { field: string }[] }).fields[0].field;
    expect(await fieldOf(post(`/api/teams/${team.id}/pay/agents/${agent.id}/salaries`, { amountMinor: 30_000_00, currency: 'RUB', period: 'month' }))).toBe('effectiveFrom');
    expect(await fieldOf(post(`/api/teams/${team.id}/pay/agents/${agent.id}/salaries`, { amountMinor: -1, currency: 'RUB', period: 'month', effectiveFrom: '2026-01-01' }))).toBe('amountMinor');
    expect(await fieldOf(post(`/api/teams/${team.id}/pay/agents/${agent.id}/salaries`, { amountMinor: 1, currency: 'RUB', period: 'week', effectiveFrom: '2026-01-01' }))).toBe('period');
    expect(await fieldOf(t.http().put(`/api/teams/${team.id}/pay/agents/${agent.id}/level`).set(bearer(admin)).send({ level: 'boss' }))).toBe('level');
    expect(await fieldOf(post('/api/pay/exchange-rates', { from: 'EUR', to: 'RUB', rate: '93,5', date: '2026-01-01' }))).toBe('rate');
    expect(await fieldOf(post('/api/pay/exchange-rates', { from: 'EUR', to: 'RUB', rate: '0', date: '2026-01-01' }))).toBe('rate');
    expect(await fieldOf(post('/api/pay/exchange-rates', { from: 'EUR', to: 'EUR', rate: '1', date: '2026-01-01' }))).toBe('to');
    expect(await fieldOf(post('/api/pay/minimum-wages', { countryCode: 'RU', currency: 'RUB', period: 'month', amountMinor: 1, effectiveFrom: '2026-01-01' }))).toBe('source');
    expect(await fieldOf(t.http().patch(`/api/teams/${team.id}/pay/settings`).set(bearer(admin)).send({ nightPremiumPercent: 20.123 }))).toBe('nightPremiumPercent');
    expect(await fieldOf(t.http().patch(`/api/teams/${team.id}/pay/settings`).set(bearer(admin)).send({ publicHolidays: [{ date: '2026-13-01', countryCode: 'RU', name: 'x' }] }))).toBe('publicHolidays.0.date');
    expect(await fieldOf(t.http().get(`/api/teams/${team.id}/pay/cost?to=2026-03-08`).set(bearer(admin)))).toBe('from');
    expect(await fieldOf(t.http().get(`/api/teams/${team.id}/pay/cost?from=2026-03-08&to=2026-03-01`).set(bearer(admin)))).toBe('to');
    expect(await fieldOf(t.http().get(`/api/teams/${team.id}/pay/cost?from=2026-01-01&to=2027-06-01`).set(bearer(admin)))).toBe('to');
    expect(await fieldOf(t.http().get(`/api/teams/${team.id}/pay/what-if?minAgents=0`).set(bearer(admin)))).toBe('minAgents');
    // Nothing half-written: no salary row exists after the refusals.
    const pay = (await expectStatus(t.http().get(`/api/teams/${team.id}/pay/agents/${agent.id}`).set(bearer(admin)), 200)).body as AgentPay;
    expect(pay.salaries).toEqual([]);
    await expectStatus(t.http().get(`/api/teams/${team.id}/pay/agents/${randomUUID()}`).set(bearer(admin)), 404);
  });
});

describe('pay: bands are versioned, salaries and changes audited, costs computed', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  let region: Region;
  let agent: Agent;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = await createTeam(t, admin, 'Cost Desk');
    region = (await t.http().post('/api/regions').set(bearer(admin)).send({ name: 'Moscow', countryCode: 'RU', defaultTimeZone: 'Europe/Moscow', currency: 'RUB' }).expect(201)).body as Region;
    agent = await createAgent(t, admin, agentRequest(team.id, { regionId: region.id, displayName: 'Anna Testova' }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('versions a band in force instead of editing it, and never changes the past', async () => {
    const today = todayUtc();
    // Team zone is Europe/Moscow: its "today" may be UTC's tomorrow; start the band from there.
    const start = addDays(today, 1);
    const created = (await expectStatus(t.http().post(`/api/teams/${team.id}/pay/bands`).set(bearer(admin)).send({ level: 'junior', regionId: region.id, workMode: 'office', currency: 'RUB', period: 'month', minMinor: 25_000_00, midMinor: 30_000_00, maxMinor: 35_000_00, effectiveFrom: start }), 201)).body as Band;
    // Not started yet: edited in place.
    const edited = (await expectStatus(t.http().patch(`/api/teams/${team.id}/pay/bands/${created.id}`).set(bearer(admin)).send({ maxMinor: 36_000_00, effectiveFrom: start }), 200)).body as UpdateBandResponse;
    expect(edited).toMatchObject({ outcome: 'edited', band: { id: created.id, maxMinor: 36_000_00 } });
    // Change from a later date: a new version from there, the old one ends there (exclusive).
    const later = addDays(start, 10);
    const versioned = (await expectStatus(t.http().patch(`/api/teams/${team.id}/pay/bands/${created.id}`).set(bearer(admin)).send({ minMinor: 27_093_00, effectiveFrom: later }), 200)).body as UpdateBandResponse;
    expect(versioned).toMatchObject({ outcome: 'versioned', band: { minMinor: 27_093_00, maxMinor: 36_000_00, effectiveFrom: later, effectiveTo: null, previousVersionId: created.id }, previous: { id: created.id, effectiveTo: later, minMinor: 25_000_00 } });
    const before = (await expectStatus(t.http().get(`/api/teams/${team.id}/pay/bands?date=${addDays(later, -1)}`).set(bearer(admin)), 200)).body as BandReport;
    expect(before.bands.map((row) => row.band.minMinor)).toEqual([25_000_00]);
    const after = (await expectStatus(t.http().get(`/api/teams/${team.id}/pay/bands?date=${later}`).set(bearer(admin)), 200)).body as BandReport;
    expect(after.bands.map((row) => row.band.minMinor)).toEqual([27_093_00]);
    // The old version cannot be changed after its end, and nothing goes into the past.
    await expectStatus(t.http().patch(`/api/teams/${team.id}/pay/bands/${created.id}`).set(bearer(admin)).send({ maxMinor: 40_000_00, effectiveFrom: addDays(later, 1) }), 409);
    const past = await expectStatus(t.http().patch(`/api/teams/${team.id}/pay/bands/${versioned.band.id}`).set(bearer(admin)).send({ maxMinor: 40_000_00, effectiveFrom: addDays(today, -2) }), 400);
    expect(past.body.fields[0].field).toBe('effectiveFrom');
    const versions = (await expectStatus(t.http().get(`/api/teams/${team.id}/pay/bands/versions`).set(bearer(admin)), 200)).body as Band[];
    expect(versions).toHaveLength(2);

    const audit = (await expectStatus(t.http().get(`/api/teams/${team.id}/pay/audit`).set(bearer(admin)), 200)).body as AuditEntry[];
    expect(audit.map((entry) => `${entry.entityType} ${entry.action}`)).toEqual(['band versioned', 'band updated', 'band created']);
    expect(audit[0]).toMatchObject({ actorName: 'Administrator', before: { minMinor: 25_000_00 }, after: { minMinor: 27_093_00 } });
  });

  it('places the agent in the band, flags below band and below the minimum wage, and clears both after a raise', async () => {
    const date = addDays(todayUtc(), 1);
    await expectStatus(t.http().post('/api/pay/minimum-wages').set(bearer(admin)).send({ countryCode: 'RU', currency: 'RUB', period: 'month', amountMinor: 27_093_00, effectiveFrom: '2026-01-01', source: 'MROT 2026' }), 201);
    const noLevel = (await expectStatus(t.http().get(`/api/teams/${team.id}/pay/agents/${agent.id}?date=${date}`).set(bearer(admin)), 200)).body as AgentPay;
    expect(noLevel.position.flags).toEqual(['no salary', 'no band']);
    await expectStatus(t.http().put(`/api/teams/${team.id}/pay/agents/${agent.id}/level`).set(bearer(admin)).send({ level: 'junior' }), 200);
    const salary = (await expectStatus(t.http().post(`/api/teams/${team.id}/pay/agents/${agent.id}/salaries`).set(bearer(admin)).send({ amountMinor: 22_000_00, currency: 'RUB', period: 'month', effectiveFrom: '2026-01-01', comment: 'hired' }), 201)).body as Salary;
    expect(salary).toMatchObject({ amountMinor: 22_000_00, createdBy: 'Administrator', comment: 'hired' });
    const low = (await expectStatus(t.http().get(`/api/teams/${team.id}/pay/agents/${agent.id}?date=${date}`).set(bearer(admin)), 200)).body as AgentPay;
    expect(low.position).toMatchObject({ level: 'junior', flags: ['below band', 'below minimum wage'], compaRatio: 0.7333, rangePenetration: -0.2727, minimumWageMinor: 27_093_00 });
    expect(low.band?.minMinor).toBe(25_000_00);
    await expectStatus(t.http().post(`/api/teams/${team.id}/pay/agents/${agent.id}/salaries`).set(bearer(admin)).send({ amountMinor: 30_000_00, currency: 'RUB', period: 'month', effectiveFrom: date }), 201);
    const raised = (await expectStatus(t.http().get(`/api/teams/${team.id}/pay/agents/${agent.id}?date=${date}`).set(bearer(admin)), 200)).body as AgentPay;
    expect(raised.position).toMatchObject({ flags: [], compaRatio: 1 });
    expect(raised.salaries.map((row) => row.amountMinor)).toEqual([30_000_00, 22_000_00]);
    const report = (await expectStatus(t.http().get(`/api/teams/${team.id}/pay/bands?date=${date}`).set(bearer(admin)), 200)).body as BandReport;
    expect(report.bands[0].agents.map((row) => row.displayName)).toEqual(['Anna Testova']);
    // The band's 25 000 minimum is under the federal 27 093.
    expect(report.bands[0].belowMinimumWage).toEqual([expect.objectContaining({ countryCode: 'RU', regionName: 'Moscow', minimumWageMinor: 27_093_00 })]);
    const audit = (await expectStatus(t.http().get(`/api/teams/${team.id}/pay/audit`).set(bearer(admin)), 200)).body as AuditEntry[];
    expect(audit.filter((entry) => entry.entityType === 'salary')).toHaveLength(2);
    expect(audit.some((entry) => entry.entityType === 'agent level' && (entry.after as { level: string }).level === 'junior')).toBe(true);
  });

  it('costs the final schedule in the reporting currency with premiums, overtime and the rates used, also as CSV', async () => {
    const costAgent = await createAgent(t, admin, agentRequest(team.id, { regionId: region.id, displayName: 'Boris Kostov' }));
    const other = await createAgent(t, admin, agentRequest(team.id, { displayName: 'Eva Euro', timeZone: 'Europe/Lisbon' }));
    // 52 000 RUB a month full time → 300 RUB an hour; 520 EUR at 100 → the same.
    await expectStatus(t.http().post(`/api/teams/${team.id}/pay/agents/${costAgent.id}/salaries`).set(bearer(admin)).send({ amountMinor: 52_000_00, currency: 'RUB', period: 'month', effectiveFrom: '2026-01-01' }), 201);
    await expectStatus(t.http().post(`/api/teams/${team.id}/pay/agents/${other.id}/salaries`).set(bearer(admin)).send({ amountMinor: 6_240_00, currency: 'EUR', period: 'year', effectiveFrom: '2026-01-01' }), 201);
    await expectStatus(t.http().post('/api/pay/exchange-rates').set(bearer(admin)).send({ from: 'EUR', to: 'RUB', rate: '100', date: '2026-02-01' }), 201);
    await expectStatus(t.http().post('/api/pay/exchange-rates').set(bearer(admin)).send({ from: 'EUR', to: 'RUB', rate: '100', date: '2026-02-01' }), 409);
    const now = new Date().toISOString();
    const shift = (agentId: string, start: string, end: string) => ({ id: randomUUID(), teamId: team.id, agentId, startAt: start, endAt: end, timeZone: 'Europe/Moscow', channel: null, label: null, breaks: '[]', status: 'published' as const, source: 'manual' as const, locked: false, createdAt: now, updatedAt: now });
    // Mon–Fri 09:00–17:00 Moscow (06:00–14:00 UTC) and a Saturday night 22:00–06:00 Moscow.
    await t.dataSource.getRepository(ShiftEntity).insert([
      ...[2, 3, 4, 5, 6].map((day) => shift(costAgent.id, `2026-03-0${day}T06:00:00.000Z`, `2026-03-0${day}T14:00:00.000Z`)),
      shift(costAgent.id, '2026-03-07T19:00:00.000Z', '2026-03-08T03:00:00.000Z'),
    ]);
    const report = (await expectStatus(t.http().get(`/api/teams/${team.id}/pay/cost?from=2026-03-02&to=2026-03-08`).set(bearer(admin)), 200)).body as CostReport;
    const boris = report.agents.find((row) => row.displayName === 'Boris Kostov');
    expect(boris).toMatchObject({ hourlyRateMinor: 300_00, workedHours: 48, overtimeHours: 8, nightHours: 8, weekendHours: 8, baseMinor: 12_000_00, overtimeMinor: 3_600_00, premiumsMinor: 2_880_00, onCostMinor: 5_580_96, totalMinor: 24_060_96 });
    const eva = report.agents.find((row) => row.displayName === 'Eva Euro');
    expect(eva).toMatchObject({ hourlyRateMinor: 300_00, workedHours: 0, baseMinor: 12_000_00, totalMinor: 15_624_00 });
    // Anna's salary (22 000, later 30 000) is priced too; an agent without salary is listed as missing.
    expect(report).toMatchObject({ currency: 'RUB', coveredHours: 48, rateDate: '2026-03-02', ratesUsed: [{ from: 'EUR', to: 'RUB', rate: '100', date: '2026-02-01', inverted: false }] });
    expect(report.totalMinor).toBe(report.agents.reduce((sum, row) => sum + row.totalMinor, 0));

    const csv = await expectStatus(t.http().get(`/api/teams/${team.id}/pay/cost.csv?from=2026-03-02&to=2026-03-08`).set(bearer(admin)), 200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toMatch(/^from,to,currency,agent,contract hours/);
    expect(lines.find((line) => line.includes('Boris Kostov'))).toContain(',24060.96,');
    expect(lines.some((line) => line.includes('rate EUR→RUB of 2026-02-01'))).toBe(true);
    const bandsCsv = await expectStatus(t.http().get(`/api/teams/${team.id}/pay/bands.csv`).set(bearer(admin)), 200);
    expect(bandsCsv.text.split('\r\n')[0]).toMatch(/^date,agent,level,region/);

    const whatIf = (await expectStatus(t.http().get(`/api/teams/${team.id}/pay/what-if?weekStart=2026-03-02&minAgents=2`).set(bearer(admin)), 200)).body as WhatIfReport;
    expect(whatIf).toMatchObject({ estimate: true, minAgents: 2, currency: 'RUB', method: expect.stringMatching(/estimate/i) });
    expect(whatIf.options.map((option) => [option.preset, option.agentsNeeded])).toEqual([
      ['12h', 6],
      ['14h', 7],
      ['16h', 8],
      ['18h', 9],
      ['24/7', 12],
    ]);
    expect(whatIf.options.every((option, index) => index === 0 || option.costPerWeekMinor > whatIf.options[index - 1].costPerWeekMinor)).toBe(true);
  });
});

/** Keys and values that would reveal pay. */
const PAY_KEY = /salar|band|amount|cost|minor|compa|penetration|wage|premium|exchange/i;

/** Every key path whose name looks like pay, and every seeded amount found in the text. */
function findPayLeaks(body: unknown, text: string, amounts: readonly number[]): string[] {
  const leaks: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (PAY_KEY.test(key)) leaks.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
    }
  };
  walk(body, '');
  for (const amount of amounts) if (new RegExp(`(^|[^\\d])${amount}([^\\d]|$)`).test(text)) leaks.push(`value ${amount}`);
  return leaks;
}

describe('pay: the leak test', () => {
  let t: TestApp;
  let manager: LoginResponse;
  let agent: LoginResponse;

  beforeAll(async () => {
    t = await bootTestApp({ demo: true });
    manager = await t.login(DEMO_MANAGER.email, DEMO_MANAGER.password);
    agent = await t.login('ivan.petrov@demo.shiftdesk.local', DEMO_AGENT_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  // Every demo salary in minor and major units (e.g. 2200000 and 22000).
  const amounts = [...new Set(Object.values(DEMO_PAY).flatMap((pay) => [pay.salary * 100, pay.salary]))].filter((amount) => amount >= 10_000);

  it('finds pay in a manager report (the detector works)', async () => {
    const teamId = agent.user.teamIds[0];
    const response = await expectStatus(t.http().get(`/api/teams/${teamId}/pay/bands`).set(bearer(manager.token)), 200);
    const leaks = findPayLeaks(response.body, response.text, amounts);
    expect(leaks).toEqual(expect.arrayContaining(['.bands[0].band', `value ${DEMO_PAY[DEMO_BELOW_BAND_AGENT].salary * 100}`]));
  });

  it('walks every GET route of the OpenAPI document as an agent: pay routes are 403, no other answer carries pay', async () => {
    const { routes } = await loadRoutes(t);
    const teamId = agent.user.teamIds[0];
    const agentId = agent.user.agentId as string;
    const fill = (path: string) => fillPath(path, (name) => (name === 'teamId' ? teamId : name === 'agentId' || name === 'id' ? agentId : undefined));
    const payRoutes = routes.filter((route) => /\/pay(\/|$)/.test(route.path));
    expect(payRoutes.length).toBeGreaterThanOrEqual(18);
    for (const route of payRoutes) {
      const response = await t.http()[route.method as 'get'](fill(route.path)).set(bearer(agent.token)).send({});
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({ route: `${route.method} ${route.path}`, status: 403 });
    }
    const reads = routes.filter((route) => route.method === 'get' && !payRoutes.includes(route));
    expect(reads.length).toBeGreaterThan(10);
    let answered = 0;
    for (const route of reads) {
      // Once bare and once with the query most reads take, so routes that need one are reached.
      for (const query of ['', '?from=2026-03-02&to=2026-03-09', '?from=2026-03-01T21:00:00Z&to=2026-03-08T21:00:00Z']) {
        const response = await t.http().get(`${fill(route.path)}${query}`).set(bearer(agent.token));
        if (response.status < 300) answered += 1;
        const leaks = findPayLeaks(response.body, response.text ?? '', amounts);
        expect({ route: `${route.path}${query}`, leaks }).toEqual({ route: `${route.path}${query}`, leaks: [] });
      }
    }
    expect(answered).toBeGreaterThan(5);
  });

  it('puts no pay in the calendar feeds an agent can subscribe to', async () => {
    const teamId = agent.user.teamIds[0];
    // A shift tomorrow, so the feeds carry an event to inspect.
    const now = new Date().toISOString();
    const start = new Date(Date.now() + 86_400_000).toISOString().slice(0, 13) + ':00:00.000Z';
    const end = new Date(Date.parse(start) + 8 * 3_600_000).toISOString();
    await t.dataSource.getRepository(ShiftEntity).insert({ id: randomUUID(), teamId, agentId: agent.user.agentId as string, startAt: start, endAt: end, timeZone: 'Europe/Moscow', channel: null, label: null, breaks: '[]', status: 'published', source: 'manual', locked: false, createdAt: now, updatedAt: now });
    const paths: string[] = [];
    for (const body of [{ kind: 'agent', agentId: agent.user.agentId }, { kind: 'team', teamId }]) {
      const created = await t.http().post('/api/feeds').set(bearer(agent.token)).send(body);
      if (created.status === 201) paths.push((created.body as { path: string }).path);
    }
    expect(paths.length).toBeGreaterThanOrEqual(1);
    for (const path of paths) {
      const feed = await expectStatus(t.http().get(path), 200);
      expect(feed.text).toMatch(/^BEGIN:VCALENDAR/);
      expect(feed.text).toContain('BEGIN:VEVENT');
      // iCal date-times (20261124T160000Z) are not amounts: 160000 is also 1 600 EUR in cents.
      expect({ path, leaks: findPayLeaks({}, feed.text.replace(/\d{8}T\d{6}Z?/g, 'DATETIME'), amounts), words: feed.text.match(/salary|band|wage|compa/gi) }).toEqual({ path, leaks: [], words: null });
    }
  });
});
