import type { Agent, ApiError, CalendarImport, Team, UnavailabilityResponse } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CalendarImportJob } from '../src/modules/feeds/calendar-import.job';
import { agentRequest, createAgent } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A calendar server on 127.0.0.1 whose answer the test changes (the machine has no internet). */
class CalendarServer {
  status = 200;
  type = 'text/calendar; charset=utf-8';
  body = '';
  requests = 0;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.requests += 1;
      response.writeHead(this.status, { 'Content-Type': this.type }).end(this.body);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/private/basic.ics`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const ymd = (instant: number) => new Date(instant).toISOString().slice(0, 10).replace(/-/g, '');

/** Next year's spring-forward week in Berlin keeps the expectations independent of today. */
function calendar(extra: string[] = []): string {
  const year = new Date().getUTCFullYear() + 1;
  const tomorrow = Math.floor(Date.now() / DAY) * DAY + DAY;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Imports//EN',
    // Weekly 09:00–10:00 Berlin, 3 times from the Monday before the DST change (UTC+1 → UTC+2).
    'BEGIN:VEVENT',
    'UID:weekly@test',
    `DTSTART;TZID=Europe/Berlin:${year}0322T090000`,
    `DTEND;TZID=Europe/Berlin:${year}0322T100000`,
    'RRULE:FREQ=WEEKLY;COUNT=3',
    'SUMMARY:Physio',
    'END:VEVENT',
    // Whole day, read in the agent's zone.
    'BEGIN:VEVENT',
    'UID:holiday@test',
    `DTSTART;VALUE=DATE:${ymd(tomorrow)}`,
    `DTEND;VALUE=DATE:${ymd(tomorrow + DAY)}`,
    'SUMMARY:Public holiday',
    'END:VEVENT',
    // Free time and cancelled events are no unavailability.
    'BEGIN:VEVENT',
    'UID:free@test',
    `DTSTART:${ymd(tomorrow)}T120000Z`,
    `DTEND:${ymd(tomorrow)}T130000Z`,
    'TRANSP:TRANSPARENT',
    'SUMMARY:Maybe lunch',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:cancelled@test',
    `DTSTART:${ymd(tomorrow)}T140000Z`,
    `DTEND:${ymd(tomorrow)}T150000Z`,
    'STATUS:CANCELLED',
    'SUMMARY:Called off',
    'END:VEVENT',
    ...extra,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe('calendar imports (unavailability)', () => {
  let t: TestApp;
  let admin: string;
  let agentToken: string;
  let team: Team;
  let agent: Agent;
  let server: CalendarServer;
  const base = () => `/api/agents/${agent.id}`;
  const spans = async () => {
    const year = new Date().getUTCFullYear() + 1;
    const from = new Date(Math.floor(Date.now() / DAY) * DAY).toISOString();
    const first = (await t.http().get(`${base()}/unavailability?from=${from}&to=${new Date(Date.parse(from) + 10 * DAY).toISOString()}`).set(bearer(admin)).expect(200)).body as UnavailabilityResponse;
    const spring = (await t.http().get(`${base()}/unavailability?from=${year}-03-20T00:00:00Z&to=${year}-04-20T00:00:00Z`).set(bearer(admin)).expect(200)).body as UnavailabilityResponse;
    return { near: first.spans, spring: spring.spans };
  };

  beforeAll(async () => {
    server = new CalendarServer();
    await server.start();
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Imports ${randomUUID().slice(0, 6)}`, timeZone: 'Europe/Berlin' }).expect(201)).body as Team;
    agent = await createAgent(t, admin, agentRequest(team.id, { timeZone: 'Asia/Tokyo', email: `imp.${randomUUID().slice(0, 6)}@example.com`, password: 'agent-password' }));
    agentToken = (await t.login(agent.email, 'agent-password')).token;
  });
  afterAll(async () => {
    await t?.close();
    await server?.stop();
  });

  it('imports a URL: RRULE expanded across DST, whole days in the agent zone, free and cancelled events skipped', async () => {
    server.body = calendar();
    const created = (await t.http().post(`${base()}/calendar-imports`).set(bearer(admin)).send({ url: server.url, label: 'Personal' }).expect(201)).body as CalendarImport;
    expect(created).toMatchObject({ url: server.url, label: 'Personal', lastStatus: 'ok', lastError: null, spanCount: 4 });
    const { near, spring } = await spans();
    const year = new Date().getUTCFullYear() + 1;
    expect(spring.map((span) => [span.start, span.end, span.timeZone, span.summary])).toEqual([
      [`${year}-03-22T08:00:00.000Z`, `${year}-03-22T09:00:00.000Z`, 'Europe/Berlin', 'Physio'],
      // After the change to summer time 09:00 Berlin is 07:00 UTC.
      [`${year}-03-29T07:00:00.000Z`, `${year}-03-29T08:00:00.000Z`, 'Europe/Berlin', 'Physio'],
      [`${year}-04-05T07:00:00.000Z`, `${year}-04-05T08:00:00.000Z`, 'Europe/Berlin', 'Physio'],
    ]);
    const tomorrow = Math.floor(Date.now() / DAY) * DAY + DAY;
    // Midnight to midnight in Tokyo (UTC+9).
    expect(near.map((span) => [span.start, span.end, span.allDay, span.summary])).toEqual([
      [new Date(tomorrow - 9 * HOUR).toISOString(), new Date(tomorrow + DAY - 9 * HOUR).toISOString(), true, 'Public holiday'],
    ]);
    expect((await t.http().get(`${base()}/calendar-imports`).set(bearer(admin)).expect(200)).body).toEqual([created]);
  });

  it('refuses an HTML sign-in page or a broken calendar with a clear 400 and keeps the previous import', async () => {
    const [existing] = (await t.http().get(`${base()}/calendar-imports`).set(bearer(admin)).expect(200)).body as CalendarImport[];
    server.type = 'text/html; charset=utf-8';
    server.body = '<!DOCTYPE html><html><body><form>Sign in to your calendar</form></body></html>';
    const refused = await t.http().post(`${base()}/calendar-imports/${existing.id}/refresh`).set(bearer(admin)).send({}).expect(400);
    expect((refused.body as ApiError).message).toMatch(/^url: the address answered an HTML page \(perhaps a sign-in page\), not an iCalendar file; .*the previous import \(4 busy spans\) is kept$/);
    const after = ((await t.http().get(`${base()}/calendar-imports`).set(bearer(admin)).expect(200)).body as CalendarImport[])[0];
    expect(after).toMatchObject({ lastStatus: 'failed', spanCount: 4, lastSucceededAt: existing.lastSucceededAt });
    expect(after.lastError).toMatch(/HTML page/);
    expect((await spans()).spring).toHaveLength(3);

    // A new import whose first read is bad is not created at all.
    const before = ((await t.http().get(`${base()}/calendar-imports`).set(bearer(admin)).expect(200)).body as CalendarImport[]).length;
    server.type = 'text/calendar';
    server.status = 404;
    expect(((await t.http().post(`${base()}/calendar-imports`).set(bearer(admin)).send({ url: server.url }).expect(400)).body as ApiError).message).toBe('url: the calendar address answered HTTP 404');
    server.status = 200;
    for (const [ics, message] of [
      ['<html><body>Login</body></html>', /^ics: this is an HTML page/],
      ['{"events": []}', /^ics: this is not an iCalendar file: it must begin with BEGIN:VCALENDAR$/],
      ['BEGIN:VCALENDAR\r\nthis line is broken\r\nEND:VCALENDAR', /^ics: the iCalendar file cannot be read: /],
      ['', /^ics: the calendar is empty$/],
    ] as const) {
      expect(((await t.http().post(`${base()}/calendar-imports`).set(bearer(admin)).send({ ics }).expect(400)).body as ApiError).message).toMatch(message);
    }
    expect(((await t.http().post(`${base()}/calendar-imports`).set(bearer(admin)).send({ url: 'ftp://example.com/cal.ics' }).expect(400)).body as ApiError).message).toBe('url: must use http, https or webcal, not ftp');
    expect(((await t.http().post(`${base()}/calendar-imports`).set(bearer(admin)).send({}).expect(400)).body as ApiError).message).toMatch(/^url: give either/);
    expect(((await t.http().get(`${base()}/calendar-imports`).set(bearer(admin)).expect(200)).body as CalendarImport[]).length).toBe(before);
  });

  it('re-fetches URL imports on the schedule, once the refresh interval has passed', async () => {
    const [existing] = (await t.http().get(`${base()}/calendar-imports`).set(bearer(admin)).expect(200)).body as CalendarImport[];
    const year = new Date().getUTCFullYear() + 1;
    server.body = calendar(['BEGIN:VEVENT', 'UID:extra@test', `DTSTART:${year}0401T100000Z`, `DTEND:${year}0401T110000Z`, 'SUMMARY:Dentist', 'END:VEVENT']);
    const job = t.app.get(CalendarImportJob);
    const requests = server.requests;
    // Not due yet (default interval 360 minutes since the last fetch).
    expect(await job.run(Date.parse(existing.lastFetchedAt ?? '') + 60 * 60_000)).toBe(0);
    expect(server.requests).toBe(requests);
    expect(await job.run(Date.parse(existing.lastFetchedAt ?? '') + 361 * 60_000)).toBe(1);
    const after = ((await t.http().get(`${base()}/calendar-imports`).set(bearer(admin)).expect(200)).body as CalendarImport[])[0];
    expect(after).toMatchObject({ lastStatus: 'ok', lastError: null, spanCount: 5 });
    expect((await spans()).spring.map((span) => span.summary)).toEqual(['Physio', 'Physio', 'Dentist', 'Physio']);
  });

  it('accepts an uploaded .ics, replaces it by a new upload, and removes it with its spans', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const upload = (summary: string) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:u@test', `DTSTART:${year}0410T100000Z`, `DTEND:${year}0410T120000Z`, `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const created = (await t.http().post(`${base()}/calendar-imports`).set(bearer(admin)).send({ ics: upload('Course') }).expect(201)).body as CalendarImport;
    expect(created).toMatchObject({ url: null, label: 'Uploaded calendar', spanCount: 1 });
    await t.http().post(`${base()}/calendar-imports/${created.id}/refresh`).set(bearer(admin)).send({}).expect(400);
    await t.http().post(`${base()}/calendar-imports/${created.id}/refresh`).set(bearer(admin)).send({ ics: upload('Exam') }).expect(200);
    expect((await spans()).spring.map((span) => span.summary)).toContain('Exam');
    expect((await spans()).spring.map((span) => span.summary)).not.toContain('Course');
    await t.http().delete(`${base()}/calendar-imports/${created.id}`).set(bearer(admin)).expect(204);
    expect((await spans()).spring.map((span) => span.summary)).not.toContain('Exam');
  });

  it('takes an upload far over the default 100 kB body limit, and refuses a body over 6 MB with 413', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const events = Array.from({ length: 2500 }, (_, i) => [`BEGIN:VEVENT`, `UID:big-${i}@test`, `DTSTART:${year}0501T${String(i % 24).padStart(2, '0')}0000Z`, `DURATION:PT30M`, `SUMMARY:Busy ${i} ${'x'.repeat(60)}`, 'END:VEVENT']).flat();
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR'].join('\r\n');
    expect(ics.length).toBeGreaterThan(300_000);
    const created = (await t.http().post(`${base()}/calendar-imports`).set(bearer(admin)).send({ ics, label: 'Big' }).expect(201)).body as CalendarImport;
    expect(created.spanCount).toBeGreaterThan(0);
    await t.http().delete(`${base()}/calendar-imports/${created.id}`).set(bearer(admin)).expect(204);
    const huge = await t.http().post(`${base()}/calendar-imports`).set(bearer(admin)).send({ ics: 'x'.repeat(7 * 1024 * 1024) });
    expect({ status: huge.status, message: (huge.body as { message: string }).message }).toEqual({ status: 413, message: 'The request body is too large (at most 6 MB); an uploaded calendar may be up to 5 MB of text' });
  });

  it('leaves busy agents out of the candidates to fill a gap', async () => {
    const colleague = await createAgent(t, admin, agentRequest(team.id, { timeZone: 'Asia/Tokyo', email: `col.${randomUUID().slice(0, 6)}@example.com` }));
    const day = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
    const rule = (await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '24/7', minAgents: 1, validFrom: day, validTo: day }).expect(201)).body as { id: string };
    const candidates = async () =>
      ((await t.http().get(`/api/teams/${team.id}/gaps/candidates?start=${day}T10:00:00Z&end=${day}T12:00:00Z&ruleId=${rule.id}`).set(bearer(admin)).expect(200)).body as { candidates: { agentId: string }[] }).candidates.map((c) => c.agentId).sort();
    expect(await candidates()).toEqual([agent.id, colleague.id].sort());
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:busy@test', `DTSTART:${day.replace(/-/g, '')}T113000Z`, `DTEND:${day.replace(/-/g, '')}T140000Z`, 'SUMMARY:Busy', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    await t.http().post(`${base()}/calendar-imports`).set(bearer(admin)).send({ ics }).expect(201);
    expect(await candidates()).toEqual([colleague.id]);
  });

  it('is for managers of the agent’s team only', async () => {
    const answers = [
      await t.http().get(`${base()}/calendar-imports`).set(bearer(agentToken)),
      await t.http().post(`${base()}/calendar-imports`).set(bearer(agentToken)).send({ ics: calendar() }),
      await t.http().get(`${base()}/unavailability`).set(bearer(agentToken)),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403]);
  });
});
