import type { Agent, ApiError, Feed, FeedSecret, ManualShift, ScheduledShift, ScheduleResponse, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { FEED_REVALIDATE_MS, FeedPublisher } from '../src/modules/feeds/feed-publisher.service';
import { ShiftEntity } from '../src/modules/shifts/shift.entity';
import { agentRequest, createAgent } from './support/fixtures';
import { parseCalendar, type ParsedEvent } from './support/ical';
import { ADMIN, bearer, bootTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;
const PASSWORD = 'agent-password';

/**
 * Calendar feeds over HTTP. Every feed is parsed with ical.js and compared event for event with
 * the API's final schedule (`GET /api/teams/:id/schedule`). Run under TZ=UTC and TZ=Asia/Tokyo
 * (tests/run-all.mjs): a writer that formats a Date in the server's zone fails only there.
 */
describe('calendar feeds', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  let berlin: Agent;
  let newYork: Agent;
  let berlinToken: string;
  let newYorkToken: string;
  const shifts: Record<string, ManualShift> = {};

  // supertest asks for gzip by default; feeds are fetched uncompressed unless a test asks.
  const raw = (path: string) => t.http().get(path).set('Accept-Encoding', 'identity').buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  const fetchFeed = async (path: string) => {
    const response = await raw(path).expect(200);
    const text = (response.body as Buffer).toString('utf8');
    return { response, text, calendar: parseCalendar(text) };
  };
  const createFeed = async (token: string, body: object) => (await t.http().post('/api/feeds').set(bearer(token)).send(body).expect(201)).body as FeedSecret;
  const addShift = async (body: object) =>
    (await t.http().post(`/api/teams/${team.id}/shifts`).set(bearer(admin)).send(body).expect(201)).body as ManualShift;

  /** The final schedule over the feed's window, in ≤ 92-day pages (the endpoint's limit). */
  async function schedule(from: number, to: number): Promise<ScheduledShift[]> {
    const byId = new Map<string, ScheduledShift>();
    for (let start = from; start < to; start += 90 * DAY) {
      const end = Math.min(to, start + 90 * DAY);
      const page = (await t.http().get(`/api/teams/${team.id}/schedule?from=${new Date(start).toISOString()}&to=${new Date(end).toISOString()}`).set(bearer(admin)).expect(200)).body as ScheduleResponse;
      for (const shift of page.shifts) byId.set(shift.id, shift);
    }
    return [...byId.values()].filter((shift) => shift.status === 'published');
  }
  const windowOf = (feed: Feed) => {
    const today = Math.floor(Date.now() / DAY) * DAY;
    return { from: today - feed.pastDays * DAY, to: today + (feed.futureDays + 1) * DAY };
  };
  const live = (events: ParsedEvent[]) => events.filter((event) => event.status === 'CONFIRMED');
  const emailOf = (agentId: string) => [berlin, newYork].find((agent) => agent.id === agentId)?.email;
  const expected = (list: ScheduledShift[], prefix: string) =>
    list
      .map((shift) => ({ uid: `${prefix}-${shift.id}@shiftdesk`, start: Date.parse(shift.start), end: Date.parse(shift.end), attendee: emailOf(shift.agentId) }))
      .sort((a, b) => a.start - b.start || a.uid.localeCompare(b.uid));
  const actual = (events: ParsedEvent[]) =>
    live(events)
      .map((event) => ({ uid: event.uid, start: event.start, end: event.end, attendee: event.attendee }))
      .sort((a, b) => a.start - b.start || a.uid.localeCompare(b.uid));

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Feeds, Ops; ${randomUUID().slice(0, 6)}`, timeZone: 'Europe/Berlin' }).expect(201)).body as Team;
    berlin = await createAgent(t, admin, agentRequest(team.id, { displayName: 'Jürgen Bäcker', timeZone: 'Europe/Berlin', email: `berlin.${randomUUID().slice(0, 6)}@example.com`, password: PASSWORD }));
    newYork = await createAgent(t, admin, agentRequest(team.id, { displayName: 'Nora York', timeZone: 'America/New_York', email: `ny.${randomUUID().slice(0, 6)}@example.com`, password: PASSWORD }));
    berlinToken = (await t.login(berlin.email, PASSWORD)).token;
    newYorkToken = (await t.login(newYork.email, PASSWORD)).token;
    // Across the 2027 spring-forward in Berlin (00:00–08:00 local is 7 h) and in New York, across
    // midnight, one a week from now, and a draft that no feed may show.
    shifts['berlinDst'] = await addShift({ agentId: berlin.id, start: '2027-03-27T23:00:00Z', end: '2027-03-28T06:00:00Z', timeZone: 'Europe/Berlin', channel: 'email', label: 'Night' });
    shifts['newYorkDst'] = await addShift({ agentId: newYork.id, start: '2027-03-14T05:00:00Z', end: '2027-03-14T12:00:00Z', timeZone: 'America/New_York', channel: 'email' });
    shifts['midnight'] = await addShift({ agentId: berlin.id, start: '2027-01-15T21:00:00Z', end: '2027-01-16T05:00:00Z', timeZone: 'Europe/Berlin' });
    const soon = Math.floor(Date.now() / DAY) * DAY + 7 * DAY + 8 * 3_600_000;
    shifts['soon'] = await addShift({ agentId: newYork.id, start: new Date(soon).toISOString(), end: new Date(soon + 8 * 3_600_000).toISOString(), timeZone: 'America/New_York' });
    shifts['draft'] = await addShift({ agentId: berlin.id, start: '2027-02-01T08:00:00Z', end: '2027-02-01T16:00:00Z', timeZone: 'Europe/Berlin', status: 'draft' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("serves an agent's own feed that matches their final schedule, DST and midnight included", async () => {
    const created = await createFeed(berlinToken, { kind: 'agent', pastDays: 30, futureDays: 731 });
    expect(created.path).toMatch(/^\/api\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(created.feed).toMatchObject({ kind: 'agent', agentId: berlin.id, teamId: team.id, transparency: 'opaque', tokenHint: created.path.slice(-8, -4) });
    const { response, text, calendar } = await fetchFeed(created.path);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(calendar.properties).toMatchObject({ VERSION: '2.0', METHOD: 'PUBLISH', 'X-WR-CALNAME': 'Jürgen Bäcker · shifts', 'X-WR-TIMEZONE': 'Europe/Berlin', 'X-PUBLISHED-TTL': 'PT30M' });
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT30M\r\n');
    expect(text).toContain('PRODID:-//Shiftdesk//Shiftdesk feeds//EN\r\n');

    const { from, to } = windowOf(created.feed);
    const mine = (await schedule(from, to)).filter((shift) => shift.agentId === berlin.id);
    expect(mine.map((shift) => shift.id).sort()).toEqual([shifts['berlinDst'].id, shifts['midnight'].id].sort());
    expect(actual(calendar.events)).toEqual(expected(mine, 'shift'));

    const dst = calendar.events.find((event) => event.uid === `shift-${shifts['berlinDst'].id}@shiftdesk`);
    expect(dst).toMatchObject({ sequence: 0, transparency: 'OPAQUE', summary: 'Shift · email · Night' });
    expect(dst?.end ? dst.end - dst.start : 0).toBe(7 * 3_600_000);
    expect(dst?.description).toContain('Your time (Europe/Berlin): Sun 2027-03-28 00:00 – 08:00');
    expect(dst?.stamp).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    const midnight = calendar.events.find((event) => event.uid === `shift-${shifts['midnight'].id}@shiftdesk`);
    expect(midnight?.description).toContain('Fri 2027-01-15 22:00 – Sat 2027-01-16 06:00');
  });

  it("serves the team feed (managers) with every published shift titled with the agent's name", async () => {
    const created = await createFeed(admin, { kind: 'team', teamId: team.id, pastDays: 30, futureDays: 731 });
    expect(created.feed.transparency).toBe('transparent');
    const { calendar, text } = await fetchFeed(created.path);
    const { from, to } = windowOf(created.feed);
    const all = await schedule(from, to);
    expect(all).toHaveLength(4);
    expect(actual(calendar.events)).toEqual(expected(all, 'team-shift'));
    const ny = calendar.events.find((event) => event.uid === `team-shift-${shifts['newYorkDst'].id}@shiftdesk`);
    expect(ny).toMatchObject({ summary: 'Nora York · email', transparency: 'TRANSPARENT' });
    expect(ny?.description).toContain('Nora York (America/New_York): Sun 2027-03-14 00:00 – 08:00');
    expect(ny?.description).toContain('(Europe/Berlin): Sun 2027-03-14 06:00 – 13:00');
    // ical.js leaves NAME and X-WR-CALNAME as written: TEXT escaped per RFC 5545 §3.3.11.
    expect(text).toContain(`X-WR-CALNAME:${team.name.replace(/([,;])/g, '\\$1')} · shifts\r\n`);
  });

  it('uses the default window of 30 days back and 180 ahead', async () => {
    const created = await createFeed(newYorkToken, { kind: 'agent' });
    expect(created.feed).toMatchObject({ pastDays: 30, futureDays: 180 });
    const { calendar } = await fetchFeed(created.path);
    // The DST shift of March 2027 may or may not be within 180 days: compare with the schedule.
    const { from, to } = windowOf(created.feed);
    const mine = (await schedule(from, to)).filter((shift) => shift.agentId === newYork.id && Date.parse(shift.end) > from && Date.parse(shift.start) < to);
    expect(mine.map((shift) => shift.id)).toContain(shifts['soon'].id);
    expect(actual(calendar.events)).toEqual(expected(mine, 'shift'));
    await t.http().delete(`/api/feeds/${created.feed.id}`).set(bearer(newYorkToken)).expect(204);
  });

  it('keeps the UID when a shift moves to another agent and time, raises SEQUENCE, and cancels it in the old feed', async () => {
    await createFeed(admin, { kind: 'gaps', teamId: team.id });
    const feeds = (await t.http().get(`/api/feeds?teamId=${team.id}`).set(bearer(admin)).expect(200)).body as Feed[];
    expect(feeds.map((feed) => feed.kind).sort()).toEqual(['agent', 'gaps', 'team']);
    const teamFeed = await t.http().post(`/api/feeds/${feeds.find((feed) => feed.kind === 'team')?.id}/rotate`).set(bearer(admin)).expect(200);
    const teamPath = (teamFeed.body as FeedSecret).path;
    const berlinFeed = await t.http().post(`/api/feeds/${feeds.find((feed) => feed.kind === 'agent')?.id}/rotate`).set(bearer(berlinToken)).expect(200);
    const berlinPath = (berlinFeed.body as FeedSecret).path;
    const nyPath = (await createFeed(newYorkToken, { kind: 'agent', futureDays: 731 })).path;
    const uid = `team-shift-${shifts['midnight'].id}@shiftdesk`;
    const before = (await fetchFeed(teamPath)).calendar.events.find((event) => event.uid === uid);
    expect(before).toMatchObject({ sequence: 0, attendee: berlin.email });
    await fetchFeed(berlinPath);
    await fetchFeed(nyPath);

    await t.http().patch(`/api/teams/${team.id}/shifts/${shifts['midnight'].id}`).set(bearer(admin)).send({ agentId: newYork.id, start: '2027-01-15T23:00:00Z', end: '2027-01-16T07:00:00Z' }).expect(200);
    const after = (await fetchFeed(teamPath)).calendar.events.find((event) => event.uid === uid);
    expect(after).toMatchObject({ sequence: 1, status: 'CONFIRMED', attendee: newYork.email, start: Date.parse('2027-01-15T23:00:00Z') });
    expect(after?.lastModified).toBeGreaterThanOrEqual(before?.lastModified ?? Infinity);
    const gone = (await fetchFeed(berlinPath)).calendar.events.find((event) => event.uid === `shift-${shifts['midnight'].id}@shiftdesk`);
    expect(gone).toMatchObject({ status: 'CANCELLED', sequence: 1, start: Date.parse('2027-01-15T21:00:00Z') });
    const arrived = (await fetchFeed(nyPath)).calendar.events.find((event) => event.uid === `shift-${shifts['midnight'].id}@shiftdesk`);
    expect(arrived).toMatchObject({ status: 'CONFIRMED', sequence: 0 });
    // Nothing changed since: the same SEQUENCE again (no rise per request).
    expect((await fetchFeed(teamPath)).calendar.events.find((event) => event.uid === uid)?.sequence).toBe(1);

    await t.http().delete(`/api/teams/${team.id}/shifts/${shifts['midnight'].id}`).set(bearer(admin)).expect(204);
    const cancelled = (await fetchFeed(teamPath)).calendar.events.find((event) => event.uid === uid);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 2 });
    const { from, to } = windowOf({ pastDays: 30, futureDays: 731 } as Feed);
    expect(actual((await fetchFeed(teamPath)).calendar.events)).toEqual(expected(await schedule(from, to), 'team-shift'));
  });

  it('keeps both UIDs through an approved swap: attendees change places, SEQUENCE rises, the giver’s feed cancels', async () => {
    const feeds = (await t.http().get(`/api/feeds?teamId=${team.id}`).set(bearer(admin)).expect(200)).body as Feed[];
    const teamPath = ((await t.http().post(`/api/feeds/${feeds.find((feed) => feed.kind === 'team')?.id}/rotate`).set(bearer(admin)).expect(200)).body as FeedSecret).path;
    const mine = (await t.http().get('/api/feeds').set(bearer(berlinToken)).expect(200)).body as Feed[];
    const berlinPath = ((await t.http().post(`/api/feeds/${mine.find((feed) => feed.kind === 'agent')?.id}/rotate`).set(bearer(berlinToken)).expect(200)).body as FeedSecret).path;
    const day = Math.floor(Date.now() / DAY) * DAY + 10 * DAY;
    const give = await addShift({ agentId: berlin.id, start: new Date(day + 7 * 3_600_000).toISOString(), end: new Date(day + 15 * 3_600_000).toISOString(), timeZone: 'Europe/Berlin' });
    const take = await addShift({ agentId: newYork.id, start: new Date(day + DAY + 13 * 3_600_000).toISOString(), end: new Date(day + DAY + 21 * 3_600_000).toISOString(), timeZone: 'America/New_York' });
    const event = async (path: string, shiftId: string, prefix = 'team-shift') => (await fetchFeed(path)).calendar.events.find((e) => e.uid === `${prefix}-${shiftId}@shiftdesk`);
    expect(await event(teamPath, give.id)).toMatchObject({ sequence: 0, attendee: berlin.email });
    expect(await event(berlinPath, give.id, 'shift')).toMatchObject({ status: 'CONFIRMED' });

    const swap = (await t.http().post('/api/requests').set(bearer(berlinToken)).send({ kind: 'swap', shiftId: give.id, targetAgentId: newYork.id, targetShiftId: take.id }).expect(201)).body as { id: string };
    await t.http().post(`/api/requests/${swap.id}/accept`).set(bearer(newYorkToken)).send({}).expect(200);
    await t.http().post(`/api/requests/${swap.id}/approve`).set(bearer(admin)).send({}).expect(200);

    expect(await event(teamPath, give.id)).toMatchObject({ status: 'CONFIRMED', sequence: 1, attendee: newYork.email, start: Date.parse(give.start) });
    expect(await event(teamPath, take.id)).toMatchObject({ status: 'CONFIRMED', sequence: 1, attendee: berlin.email, start: Date.parse(take.start) });
    expect(await event(berlinPath, give.id, 'shift')).toMatchObject({ status: 'CANCELLED' });
    expect(await event(berlinPath, take.id, 'shift')).toMatchObject({ status: 'CONFIRMED' });
  });

  it('answers ETag, Last-Modified and Cache-Control, 304 on a matching conditional request, and gzip on request', async () => {
    const [own] = (await t.http().get(`/api/feeds?agentId=${newYork.id}`).set(bearer(admin)).expect(200)).body as Feed[];
    const path = ((await t.http().post(`/api/feeds/${own.id}/rotate`).set(bearer(admin)).expect(200)).body as FeedSecret).path;
    const first = await raw(path).expect(200);
    expect(first.headers['etag']).toMatch(/^"[0-9a-f]{64}"$/);
    expect(first.headers['cache-control']).toBe('private, max-age=1800');
    expect(first.headers['vary']).toBe('Accept-Encoding');
    const lastModified = first.headers['last-modified'];
    expect(Date.parse(lastModified)).toBeGreaterThan(Date.now() - 60_000);
    const second = await raw(path).expect(200);
    expect(second.headers['etag']).toBe(first.headers['etag']);
    expect((second.body as Buffer).equals(first.body as Buffer)).toBe(true);

    const notModified = await raw(path).set('If-None-Match', first.headers['etag']).expect(304);
    expect(notModified.headers['etag']).toBe(first.headers['etag']);
    expect((notModified.body as Buffer).length).toBe(0);
    await raw(path).set('If-Modified-Since', lastModified).expect(304);
    await raw(path).set('If-None-Match', '"something-else"').set('If-Modified-Since', lastModified).expect(200);

    const zipped = await raw(path).set('Accept-Encoding', 'gzip, deflate').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    // superagent inflates the body itself: the same bytes, fewer of them on the wire.
    expect((zipped.body as Buffer).equals(first.body as Buffer)).toBe(true);
    expect(Number(zipped.headers['content-length'])).toBeLessThan((first.body as Buffer).length);
    expect(Number(first.headers['content-length'])).toBe((first.body as Buffer).length);
    expect((await raw(path).set('Accept-Encoding', 'gzip;q=0, identity').expect(200)).headers['content-encoding']).toBeUndefined();

    // A change gives a new ETag: the old one no longer matches.
    await t.http().patch(`/api/teams/${team.id}/shifts/${shifts['soon'].id}`).set(bearer(admin)).send({ label: 'Moved label' }).expect(200);
    const changed = await raw(path).set('If-None-Match', first.headers['etag']).expect(200);
    expect(changed.headers['etag']).not.toBe(first.headers['etag']);
  });

  it('answers 404 for revoked, rotated-away and malformed tokens; a token opens only its feed', async () => {
    const created = await createFeed(admin, { kind: 'agent', agentId: berlin.id }).catch(() => undefined);
    expect(created).toBeUndefined();
    const conflict = await t.http().post('/api/feeds').set(bearer(admin)).send({ kind: 'agent', agentId: berlin.id }).expect(409);
    expect((conflict.body as ApiError).message).toMatch(/^kind: this agent already has a agent feed; rotate it/);
    const [feed] = (await t.http().get(`/api/feeds?agentId=${berlin.id}`).set(bearer(berlinToken)).expect(200)).body as Feed[];
    const old = (await t.http().post(`/api/feeds/${feed.id}/rotate`).set(bearer(berlinToken)).expect(200)).body as FeedSecret;
    const rotated = (await t.http().post(`/api/feeds/${feed.id}/rotate`).set(bearer(admin)).expect(200)).body as FeedSecret;
    await raw(old.path).expect(404);
    const { calendar } = await fetchFeed(rotated.path);
    expect(calendar.events.every((event) => event.uid.startsWith('shift-') && event.attendee === berlin.email)).toBe(true);
    await raw(rotated.path.replace('.ics', '')).expect(404);
    await raw(rotated.path.replace(/.{5}\.ics$/, 'AAAAA.ics')).expect(404);
    await raw('/api/feeds/short.ics').expect(404);

    await t.http().delete(`/api/feeds/${feed.id}`).set(bearer(berlinToken)).expect(204);
    const revoked = await raw(rotated.path).expect(404);
    expect(revoked.headers['content-type']).toMatch(/application\/json/);
  });

  it("keeps agents away from other agents' feeds and from team and gaps feeds", async () => {
    const theirs = (await t.http().get(`/api/feeds?agentId=${newYork.id}`).set(bearer(newYorkToken)).expect(200)).body as Feed[];
    expect(theirs).toHaveLength(1);
    await t.http().get(`/api/feeds?agentId=${newYork.id}`).set(bearer(berlinToken)).expect(403);
    await t.http().get(`/api/feeds?teamId=${team.id}`).set(bearer(berlinToken)).expect(403);
    await t.http().post(`/api/feeds/${theirs[0].id}/rotate`).set(bearer(berlinToken)).expect(403);
    await t.http().delete(`/api/feeds/${theirs[0].id}`).set(bearer(berlinToken)).expect(403);
    await t.http().patch(`/api/feeds/${theirs[0].id}`).set(bearer(berlinToken)).send({ pastDays: 1 }).expect(403);
    await t.http().post('/api/feeds').set(bearer(berlinToken)).send({ kind: 'agent', agentId: newYork.id }).expect(403);
    await t.http().post('/api/feeds').set(bearer(berlinToken)).send({ kind: 'team', teamId: team.id }).expect(403);
    await t.http().post('/api/feeds').set(bearer(berlinToken)).send({ kind: 'gaps', teamId: team.id }).expect(403);
    // Without a session, management is closed; only the token URL is public.
    await t.http().get('/api/feeds').expect(401);
    // The agent's own list shows no other feed.
    expect(((await t.http().get('/api/feeds').set(bearer(berlinToken)).expect(200)).body as Feed[]).every((feed) => feed.agentId === berlin.id)).toBe(true);
  });

  it('serves its stored copy until a write; a write that bypassed the API shows once the copy is an hour old', async () => {
    const [own] = (await t.http().get(`/api/feeds?agentId=${newYork.id}`).set(bearer(admin)).expect(200)).body as Feed[];
    const path = ((await t.http().post(`/api/feeds/${own.id}/rotate`).set(bearer(admin)).expect(200)).body as FeedSecret).path;
    const before = await fetchFeed(path);
    // Straight into the database: no API write, so no new schedule version.
    const id = randomUUID();
    const start = Math.floor(Date.now() / DAY) * DAY + 9 * DAY;
    // A copy of a stored row, so the test keeps up with new columns of the shifts table.
    const template = await t.dataSource.getRepository(ShiftEntity).findOneByOrFail({ id: shifts['soon'].id });
    await t.dataSource.getRepository(ShiftEntity).insert({ ...template, id, startAt: new Date(start).toISOString(), endAt: new Date(start + 8 * 3_600_000).toISOString() });
    // The stored copy is answered as it is (nothing resolved it again).
    const stored = await fetchFeed(path);
    expect(stored.response.headers['etag']).toBe(before.response.headers['etag']);
    expect(stored.calendar.events.map((event) => event.uid)).not.toContain(`shift-${id}@shiftdesk`);
    // Once FEED_REVALIDATE_MS has passed, the next request resolves the schedule again.
    const token = /\/api\/feeds\/(.+)\.ics$/.exec(path)?.[1] ?? '';
    const later = await t.app.get(FeedPublisher).publish(token, Date.now() + FEED_REVALIDATE_MS + 1000);
    expect(`"${later?.published.etag}"`).not.toBe(before.response.headers['etag']);
    expect((await fetchFeed(path)).calendar.events.map((event) => event.uid)).toContain(`shift-${id}@shiftdesk`);
  });

  it('refuses bad feed settings naming the field', async () => {
    for (const [body, field, message] of [
      [{ kind: 'calendar' }, 'kind', 'kind: must be one of agent, team, gaps'],
      [{ kind: 'team', teamId: team.id, pastDays: -1 }, 'pastDays', 'pastDays: must be a whole number of days from 0 to 366'],
      [{ kind: 'team', teamId: team.id, futureDays: 1000 }, 'futureDays', 'futureDays: must be a whole number of days from 1 to 731'],
      [{ kind: 'team', teamId: team.id, transparency: 'busy' }, 'transparency', 'transparency: must be one of opaque, transparent'],
      [{ kind: 'gaps' }, 'teamId', 'teamId: name the team whose gaps the feed shows'],
      [{ kind: 'agent', agentId: berlin.id, teamId: '../../etc/passwd' }, 'teamId', "teamId: leave it out: an agent feed is on the agent's own team"],
    ] as const) {
      const response = await t.http().post('/api/feeds').set(bearer(admin)).send(body).expect(400);
      expect((response.body as ApiError).fields).toContainEqual({ field, message });
    }
  });

  it('serves the gaps feed from the same gap computation as GET /gaps', async () => {
    // Round the clock, two days from now, for one agent at least: mostly uncovered.
    const day = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '24/7', minAgents: 1, validFrom: day, validTo: day }).expect(201);
    const [gapsFeed] = ((await t.http().get(`/api/feeds?teamId=${team.id}`).set(bearer(admin)).expect(200)).body as Feed[]).filter((feed) => feed.kind === 'gaps');
    const path = ((await t.http().post(`/api/feeds/${gapsFeed.id}/rotate`).set(bearer(admin)).expect(200)).body as FeedSecret).path;
    const { calendar, text } = await fetchFeed(path);
    const { from, to } = windowOf(gapsFeed);
    const gaps: { id: string; start: string; end: string }[] = [];
    for (let start = from; start < to; start += 90 * DAY) {
      const end = Math.min(to, start + 90 * DAY);
      const page = (await t.http().get(`/api/teams/${team.id}/gaps?from=${new Date(start).toISOString()}&to=${new Date(end).toISOString()}`).set(bearer(admin)).expect(200)).body as { gaps: { id: string; start: string; end: string }[] };
      gaps.push(...page.gaps);
    }
    expect(text).toContain(`X-WR-CALNAME:${team.name.replace(/([,;])/g, '\\$1')} · open gaps\r\n`);
    // Pages cut gaps at their edges; compare the covered instants instead of the pieces.
    const covered = (list: { start: number; end: number }[]) => list.reduce((sum, gap) => sum + gap.end - gap.start, 0);
    expect(covered(live(calendar.events))).toBe(covered(gaps.map((gap) => ({ start: Date.parse(gap.start), end: Date.parse(gap.end) }))));
    expect(gaps.length).toBeGreaterThan(0);
    expect(live(calendar.events).length).toBeGreaterThan(0);
    expect(live(calendar.events).every((event) => event.attendee === null && event.transparency === 'TRANSPARENT' && event.summary.startsWith('Gap: '))).toBe(true);
  });
});
