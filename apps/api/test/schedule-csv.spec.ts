import type { Agent, ApiError, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { agentRequest, createAgent, insertManager } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, type TestApp } from './support/test-app';

/** RFC 4180 records of a CSV body: quoted fields may hold commas, CRLF and doubled quotes. */
function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const next = text[i + 1];
    if (quoted && char === '"' && next === '"') {
      value += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      record.push(value);
      value = '';
    } else if (!quoted && char === '\r' && next === '\n') {
      record.push(value);
      records.push(record);
      record = [];
      value = '';
      i++;
    } else {
      value += char;
    }
  }
  return records;
}

describe('roster as CSV', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  let joana: Agent;
  let ivan: Agent;
  // Monday 30 March 2026: Lisbon has just moved to summer time (UTC+1); Moscow stays at UTC+3.
  const window = `from=${encodeURIComponent('2026-03-29T21:00:00.000Z')}&to=${encodeURIComponent('2026-03-30T21:00:00.000Z')}`;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Desk ${randomUUID().slice(0, 8)}`, timeZone: 'Europe/Moscow' }).expect(201)).body as Team;
    joana = await createAgent(t, admin, agentRequest(team.id, { displayName: 'Joana Silva', timeZone: 'Europe/Lisbon', password: 'joana-password' }));
    ivan = await createAgent(t, admin, agentRequest(team.id, { displayName: 'Ivan Petrov' }));
    const shift = (body: object) => t.http().post(`/api/teams/${team.id}/shifts`).set(bearer(admin)).send({ timeZone: 'Europe/Moscow', ...body }).expect(201);
    // 15:00–23:00 Moscow with a 30-minute break; a label a spreadsheet would run as a formula.
    await shift({
      agentId: joana.id,
      start: '2026-03-30T12:00:00Z',
      end: '2026-03-30T20:00:00Z',
      breaks: [{ start: '2026-03-30T16:00:00Z', end: '2026-03-30T16:30:00Z' }],
      label: '=HYPERLINK("x"), late',
      channel: 'chat',
    });
    await shift({ agentId: ivan.id, start: '2026-03-30T04:00:00Z', end: '2026-03-30T12:00:00Z', status: 'draft' });
    // The day before: outside the window.
    await shift({ agentId: ivan.id, start: '2026-03-29T04:00:00Z', end: '2026-03-29T12:00:00Z' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives managers every shift of the window, each time on the team, agent and UTC clocks, with paid hours', async () => {
    const response = await t.http().get(`/api/teams/${team.id}/schedule.csv?${window}`).set(bearer(admin)).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="roster-2026-03-30-2026-03-30.csv"');
    expect(response.headers['cache-control']).toBe('no-store');
    const [header, ...rows] = parseCsv(response.text);
    expect(header).toEqual([
      'date (Europe/Moscow)',
      'agent',
      'agent time zone',
      'start (Europe/Moscow)',
      'end (Europe/Moscow)',
      'start (agent zone)',
      'end (agent zone)',
      'start (UTC)',
      'end (UTC)',
      'paid hours',
      'break minutes',
      'status',
      'source',
      'label',
      'channel',
    ]);
    expect(rows).toEqual([
      ['2026-03-30', 'Ivan Petrov', 'Europe/Moscow', '2026-03-30 07:00', '2026-03-30 15:00', '2026-03-30 07:00', '2026-03-30 15:00', '2026-03-30T04:00:00.000Z', '2026-03-30T12:00:00.000Z', '8.00', '0', 'draft', 'manual', '', ''],
      [
        '2026-03-30',
        'Joana Silva',
        'Europe/Lisbon',
        '2026-03-30 15:00',
        '2026-03-30 23:00',
        '2026-03-30 13:00',
        '2026-03-30 21:00',
        '2026-03-30T12:00:00.000Z',
        '2026-03-30T20:00:00.000Z',
        '7.50',
        '30',
        'published',
        'manual',
        `'=HYPERLINK("x"), late`,
        'chat',
      ],
    ]);
  });

  it('gives an agent the published shifts only, as the board does', async () => {
    const agent = (await t.login(joana.email, 'joana-password')).token;
    const rows = parseCsv((await t.http().get(`/api/teams/${team.id}/schedule.csv?${window}`).set(bearer(agent)).expect(200)).text).slice(1);
    expect(rows.map((row) => row[1])).toEqual(['Joana Silva']);
  });

  it('refuses a bad window by field, and a manager of another team as the JSON schedule does', async () => {
    const bad = await t.http().get(`/api/teams/${team.id}/schedule.csv?from=monday`).set(bearer(admin)).expect(400);
    expect((bad.body as ApiError).fields?.map((field) => field.field)).toEqual(['from']);
    await insertManager(t, 'other.csv@example.com', 'other-password');
    const other = (await t.login('other.csv@example.com', 'other-password')).token;
    const json = await t.http().get(`/api/teams/${team.id}/schedule?${window}`).set(bearer(other));
    expect(json.status).toBeGreaterThanOrEqual(403);
    await t.http().get(`/api/teams/${team.id}/schedule.csv?${window}`).set(bearer(other)).expect(json.status);
    await t.http().get(`/api/teams/${team.id}/schedule.csv?${window}`).expect(401);
  });
});
