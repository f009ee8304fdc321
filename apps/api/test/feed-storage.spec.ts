import type { Agent, Feed, FeedSecret, ManualShift, Page, Rotation, ScheduledShift, ScheduleResponse, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { FeedRenderEntity } from '../src/modules/feeds/feed-render.entity';
import { agentRequest, createAgent } from './support/fixtures';
import { parseCalendar, type ParsedCalendar } from './support/ical';
import { ADMIN, bearer, bootTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const PASSWORD = 'agent-password';

/**
 * Feeds are answered from a stored copy (feed_bodies, feed_renders), and schedule views from a computed copy
 * (ScheduleViewCache), both checked against the team's schedule version. These tests prove the copy is used while
 * nothing changed, and that every kind of write that changes what a feed shows is in the very
 * next fetch — in this API instance and in another one on the same database. After each write
 * the whole team feed is compared, event for event, with GET /schedule.
 */
describe('stored calendar feeds', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  let anna: Agent;
  let boris: Agent;
  let annaToken: string;
  let borisToken: string;
  const paths: Record<'team' | 'anna' | 'gaps', string> = { team: '', anna: '', gaps: '' };
  const today = Math.floor(Date.now() / DAY) * DAY;
  const iso = (instant: number) => new Date(instant).toISOString();
  const localDate = (days: number) => iso(today + days * DAY).slice(0, 10);

  const fetchFeed = async (path: string, app: TestApp = t) => {
    const response = await app
      .http()
      .get(path)
      .set('Accept-Encoding', 'identity')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const body = response.body as Buffer;
    return { etag: String(response.headers['etag']), body, calendar: parseCalendar(body.toString('utf8')) };
  };
  const eventOf = (calendar: ParsedCalendar, uid: string) => calendar.events.find((event) => event.uid === uid);
  const addShift = async (agent: Agent, start: number, hours = 8, extra: object = {}) =>
    (await t.http().post(`/api/teams/${team.id}/shifts`).set(bearer(admin)).send({ agentId: agent.id, start: iso(start), end: iso(start + hours * HOUR), timeZone: agent.timeZone, ...extra }).expect(201)).body as ManualShift;
  const stored = async (feedPath: string) => {
    const feeds = (await t.http().get(`/api/feeds?teamId=${team.id}`).set(bearer(admin)).expect(200)).body as Feed[];
    const hint = feedPath.slice(-8, -4);
    const feed = feeds.find((candidate) => candidate.tokenHint === hint);
    return t.dataSource.getRepository(FeedRenderEntity).findOneByOrFail({ feedId: feed?.id ?? '' });
  };

  /** The team feed's live events against the final schedule over its window (30 days back, 180 ahead). */
  async function expectTeamFeedMatchesSchedule(calendar: ParsedCalendar): Promise<void> {
    const from = today - 30 * DAY;
    const to = today + 181 * DAY;
    const byId = new Map<string, ScheduledShift>();
    for (let start = from; start < to; start += 90 * DAY) {
      const page = (await t.http().get(`/api/teams/${team.id}/schedule?from=${iso(start)}&to=${iso(Math.min(to, start + 90 * DAY))}`).set(bearer(admin)).expect(200)).body as ScheduleResponse;
      for (const shift of page.shifts) if (shift.status === 'published') byId.set(shift.id, shift);
    }
    const agents = ((await t.http().get(`/api/agents?teamId=${team.id}`).set(bearer(admin)).expect(200)).body as Page<Agent>).items;
    const emailOf = new Map(agents.map((agent) => [agent.id, agent.email]));
    const expected = [...byId.values()].map((shift) => ({ uid: `team-shift-${shift.id}@shiftdesk`, start: Date.parse(shift.start), end: Date.parse(shift.end), attendee: emailOf.get(shift.agentId) ?? null }));
    const actual = calendar.events.filter((event) => event.status === 'CONFIRMED').map((event) => ({ uid: event.uid, start: event.start, end: event.end, attendee: event.attendee }));
    const order = (a: { uid: string }, b: { uid: string }) => a.uid.localeCompare(b.uid);
    expect(actual.sort(order)).toEqual(expected.sort(order));
  }

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Stored ${randomUUID().slice(0, 6)}`, timeZone: 'Europe/Berlin' }).expect(201)).body as Team;
    anna = await createAgent(t, admin, agentRequest(team.id, { displayName: 'Anna Weber', timeZone: 'Europe/Berlin', email: `anna.${randomUUID().slice(0, 6)}@example.com`, password: PASSWORD }));
    boris = await createAgent(t, admin, agentRequest(team.id, { displayName: 'Boris Lang', timeZone: 'America/New_York', email: `boris.${randomUUID().slice(0, 6)}@example.com`, password: PASSWORD }));
    annaToken = (await t.login(anna.email, PASSWORD)).token;
    borisToken = (await t.login(boris.email, PASSWORD)).token;
    paths.team = ((await t.http().post('/api/feeds').set(bearer(admin)).send({ kind: 'team', teamId: team.id }).expect(201)).body as FeedSecret).path;
    paths.gaps = ((await t.http().post('/api/feeds').set(bearer(admin)).send({ kind: 'gaps', teamId: team.id }).expect(201)).body as FeedSecret).path;
    paths.anna = ((await t.http().post('/api/feeds').set(bearer(annaToken)).send({ kind: 'agent' }).expect(201)).body as FeedSecret).path;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the stored copy while nothing it shows changed, and confirms it without rendering after unrelated writes', async () => {
    await addShift(anna, today + 20 * DAY + 7 * HOUR);
    const first = await fetchFeed(paths.anna);
    const row = await stored(paths.anna);
    expect(row.etag).toBe(first.etag.slice(1, -1));
    const again = await fetchFeed(paths.anna);
    expect(again.etag).toBe(first.etag);
    expect(again.body.equals(first.body)).toBe(true);
    expect((await stored(paths.anna)).renderId).toBe(row.renderId);

    // Boris's new shift is a new schedule version for the team, but Anna's feed shows none of it:
    // the stored body is confirmed for the new version, not rendered again.
    await addShift(boris, today + 20 * DAY + 14 * HOUR);
    const after = await fetchFeed(paths.anna);
    expect(after.etag).toBe(first.etag);
    const confirmed = await stored(paths.anna);
    expect(confirmed.renderId).toBe(row.renderId);
    expect(confirmed.version).not.toBe(row.version);

    // gzip is the same stored body.
    const zipped = await t.http().get(paths.anna).set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.text).toBe(first.body.toString('utf8'));
  });

  it('shows every kind of write in the very next fetch', async () => {
    // Rotation turns on days 2–6 (09:00–17:00 Berlin), manual shifts from day 10 on: no overlaps.
    let rotation: Rotation | undefined;
    const manual: Record<string, ManualShift> = {};
    const uid = (id: string, prefix = 'team-shift') => `${prefix}-${id}@shiftdesk`;
    const steps: { name: string; write: () => Promise<void>; check: (feeds: { team: ParsedCalendar; anna: ParsedCalendar; gaps: ParsedCalendar }) => void }[] = [
      {
        name: 'a new published shift',
        write: async () => {
          manual['a'] = await addShift(anna, today + 10 * DAY + 7 * HOUR);
        },
        check: ({ team: cal, anna: own }) => {
          expect(eventOf(cal, uid(manual['a'].id))).toMatchObject({ status: 'CONFIRMED', sequence: 0 });
          expect(eventOf(own, uid(manual['a'].id, 'shift'))).toMatchObject({ status: 'CONFIRMED' });
        },
      },
      {
        name: 'a shift moved to another time',
        write: async () => {
          await t.http().patch(`/api/teams/${team.id}/shifts/${manual['a'].id}`).set(bearer(admin)).send({ start: iso(today + 10 * DAY + 9 * HOUR), end: iso(today + 10 * DAY + 17 * HOUR) }).expect(200);
        },
        check: ({ team: cal }) => expect(eventOf(cal, uid(manual['a'].id))).toMatchObject({ start: today + 10 * DAY + 9 * HOUR, sequence: 1 }),
      },
      {
        name: 'a relabelled shift',
        write: async () => {
          await t.http().patch(`/api/teams/${team.id}/shifts/${manual['a'].id}`).set(bearer(admin)).send({ label: 'Escalations' }).expect(200);
        },
        check: ({ team: cal }) => expect(eventOf(cal, uid(manual['a'].id))?.summary).toContain('Escalations'),
      },
      {
        name: 'published drafts',
        write: async () => {
          manual['draft'] = await addShift(anna, today + 11 * DAY + 7 * HOUR, 8, { status: 'draft' });
          await t.http().post(`/api/teams/${team.id}/shifts/publish?from=${iso(today + 11 * DAY)}&to=${iso(today + 12 * DAY)}`).set(bearer(admin)).expect(200);
        },
        check: ({ team: cal }) => expect(eventOf(cal, uid(manual['draft'].id))).toMatchObject({ status: 'CONFIRMED' }),
      },
      {
        name: 'a deleted shift',
        write: async () => {
          await t.http().delete(`/api/teams/${team.id}/shifts/${manual['draft'].id}`).set(bearer(admin)).expect(204);
        },
        check: ({ team: cal }) => expect(eventOf(cal, uid(manual['draft'].id))).toMatchObject({ status: 'CANCELLED' }),
      },
      {
        name: 'a new rotation',
        write: async () => {
          rotation = (
            await t.http().post(`/api/teams/${team.id}/rotations`).set(bearer(admin)).send({
              name: 'Day desk', timeZone: 'Europe/Berlin', localStartTime: '09:00', localEndTime: '17:00', rrule: 'FREQ=DAILY',
              agentIds: [anna.id], handoff: { mode: 'all' }, startDate: localDate(2), endDate: localDate(6),
            }).expect(201)
          ).body as Rotation;
        },
        check: ({ anna: own }) => expect(eventOf(own, uid(`${rotation?.id}:${localDate(3)}:${anna.id}`, 'shift'))).toMatchObject({ status: 'CONFIRMED' }),
      },
      {
        name: 'an override handing a turn to a colleague',
        write: async () => {
          const start = today + 3 * DAY;
          // 09:00–17:00 Berlin is 07:00/08:00Z depending on the season: take it from the schedule.
          const page = (await t.http().get(`/api/teams/${team.id}/schedule?from=${iso(start)}&to=${iso(start + DAY)}`).set(bearer(admin)).expect(200)).body as ScheduleResponse;
          const shift = page.shifts.find((s) => s.rotationId === rotation?.id);
          await t.http().post(`/api/teams/${team.id}/overrides`).set(bearer(admin)).send({ agentId: boris.id, start: shift?.start, end: shift?.end, timeZone: 'Europe/Berlin', rotationId: rotation?.id }).expect(201);
        },
        check: ({ anna: own }) => expect(eventOf(own, uid(`${rotation?.id}:${localDate(3)}:${anna.id}`, 'shift'))).toMatchObject({ status: 'CANCELLED' }),
      },
      {
        name: 'approved time off',
        write: async () => {
          manual['off'] = await addShift(anna, today + 14 * DAY + 7 * HOUR);
          // Seen first, so the time off has something to cancel.
          expect(eventOf((await fetchFeed(paths.team)).calendar, uid(manual['off'].id))).toMatchObject({ status: 'CONFIRMED' });
          const request = (await t.http().post('/api/requests').set(bearer(annaToken)).send({ kind: 'time-off', timeOff: { firstDate: localDate(14), lastDate: localDate(14), reason: 'vacation' } }).expect(201)).body as { id: string };
          await t.http().post(`/api/requests/${request.id}/approve`).set(bearer(admin)).send({}).expect(200);
        },
        check: ({ team: cal }) => expect(eventOf(cal, uid(manual['off'].id))).toMatchObject({ status: 'CANCELLED' }),
      },
      {
        name: 'an approved give-away',
        write: async () => {
          manual['give'] = await addShift(anna, today + 16 * DAY + 7 * HOUR);
          expect(eventOf((await fetchFeed(paths.anna)).calendar, uid(manual['give'].id, 'shift'))).toMatchObject({ status: 'CONFIRMED' });
          const request = (await t.http().post('/api/requests').set(bearer(annaToken)).send({ kind: 'give-away', shiftId: manual['give'].id, targetAgentId: boris.id }).expect(201)).body as { id: string };
          await t.http().post(`/api/requests/${request.id}/accept`).set(bearer(borisToken)).send({}).expect(200);
          await t.http().post(`/api/requests/${request.id}/approve`).set(bearer(admin)).send({}).expect(200);
        },
        check: ({ team: cal, anna: own }) => {
          expect(eventOf(cal, uid(manual['give'].id))).toMatchObject({ status: 'CONFIRMED', attendee: boris.email });
          expect(eventOf(own, uid(manual['give'].id, 'shift'))).toMatchObject({ status: 'CANCELLED' });
        },
      },
      {
        name: 'an agent renamed',
        write: async () => {
          await t.http().patch(`/api/agents/${anna.id}`).set(bearer(admin)).send({ displayName: 'Anna Schmidt' }).expect(200);
        },
        check: ({ team: cal, anna: own }) => {
          expect(eventOf(cal, uid(manual['a'].id))?.summary).toMatch(/^Anna Schmidt · /);
          expect(own.properties['X-WR-CALNAME']).toBe('Anna Schmidt · shifts');
        },
      },
      {
        name: "an agent's e-mail and zone",
        write: async () => {
          anna = { ...anna, email: `anna.new.${randomUUID().slice(0, 6)}@example.com` };
          await t.http().patch(`/api/agents/${anna.id}`).set(bearer(admin)).send({ email: anna.email, timeZone: 'Europe/Lisbon' }).expect(200);
        },
        check: ({ team: cal, anna: own }) => {
          expect(eventOf(cal, uid(manual['a'].id))).toMatchObject({ attendee: anna.email });
          expect(eventOf(cal, uid(manual['a'].id))?.description).toContain('Anna Schmidt (Europe/Lisbon)');
          expect(own.properties['X-WR-TIMEZONE']).toBe('Europe/Lisbon');
        },
      },
      {
        name: 'the team renamed',
        write: async () => {
          team = (await t.http().patch(`/api/teams/${team.id}`).set(bearer(admin)).send({ name: `Renamed ${randomUUID().slice(0, 6)}` }).expect(200)).body as Team;
        },
        check: ({ team: cal, gaps }) => {
          expect(cal.properties['X-WR-CALNAME']).toBe(`${team.name} · shifts`);
          expect(gaps.properties['X-WR-CALNAME']).toBe(`${team.name} · open gaps`);
        },
      },
      {
        name: 'a coverage rule (gaps feed)',
        write: async () => {
          await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '24/7', minAgents: 1, validFrom: localDate(25), validTo: localDate(25) }).expect(201);
        },
        check: ({ gaps }) => expect(gaps.events.filter((event) => event.status === 'CONFIRMED').length).toBeGreaterThan(0),
      },
      {
        name: 'the feed’s own settings',
        write: async () => {
          const feeds = (await t.http().get(`/api/feeds?teamId=${team.id}`).set(bearer(admin)).expect(200)).body as Feed[];
          const teamFeed = feeds.find((feed) => feed.kind === 'team');
          await t.http().patch(`/api/feeds/${teamFeed?.id}`).set(bearer(admin)).send({ transparency: 'opaque' }).expect(200);
        },
        // Cancelled events keep what they last published.
        check: ({ team: cal }) => {
          const live = cal.events.filter((event) => event.status === 'CONFIRMED');
          expect(live.length).toBeGreaterThan(0);
          expect(live.every((event) => event.transparency === 'OPAQUE')).toBe(true);
        },
      },
      {
        name: 'an agent deactivated (rotation turns go)',
        write: async () => {
          await t.http().patch(`/api/agents/${anna.id}`).set(bearer(admin)).send({ active: false }).expect(200);
        },
        check: ({ anna: own }) => expect(eventOf(own, uid(`${rotation?.id}:${localDate(4)}:${anna.id}`, 'shift'))).toMatchObject({ status: 'CANCELLED' }),
      },
    ];
    for (const step of steps) {
      // Every feed stored before the write, so a stale copy would be there to answer.
      const before = { team: await fetchFeed(paths.team), anna: await fetchFeed(paths.anna), gaps: await fetchFeed(paths.gaps) };
      await step.write();
      const after = { team: await fetchFeed(paths.team), anna: await fetchFeed(paths.anna), gaps: await fetchFeed(paths.gaps) };
      try {
        step.check({ team: after.team.calendar, anna: after.anna.calendar, gaps: after.gaps.calendar });
        expect([after.team.etag, after.anna.etag, after.gaps.etag]).not.toEqual([before.team.etag, before.anna.etag, before.gaps.etag]);
        await expectTeamFeedMatchesSchedule(after.team.calendar);
      } catch (error) {
        throw new Error(`after ${step.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });

  it('never answers a copy older than a write made through another API instance on the same database', async () => {
    const other = await bootTestApp({ database: t.database });
    try {
      const otherAdmin = (await other.login(ADMIN.email, ADMIN.password)).token;
      for (let round = 0; round < 3; round += 1) {
        const here = await fetchFeed(paths.team);
        const start = today + (40 + round) * DAY + 7 * HOUR;
        const created = (await other.http().post(`/api/teams/${team.id}/shifts`).set(bearer(otherAdmin)).send({ agentId: boris.id, start: iso(start), end: iso(start + 8 * HOUR), timeZone: boris.timeZone }).expect(201)).body as ManualShift;
        const next = await fetchFeed(paths.team);
        expect(next.etag).not.toBe(here.etag);
        expect(eventOf(next.calendar, `team-shift-${created.id}@shiftdesk`)).toMatchObject({ status: 'CONFIRMED' });
        // Both instances answer the same stored bytes.
        const there = await fetchFeed(paths.team, other);
        expect(there.etag).toBe(next.etag);
        expect(there.body.equals(next.body)).toBe(true);
      }
    } finally {
      await other.close({ keepDatabase: true });
    }
  });

  it('reuses schedule, coverage and gaps views only until a write, also one made through another instance', async () => {
    const other = await bootTestApp({ database: t.database });
    try {
      const otherAdmin = (await other.login(ADMIN.email, ADMIN.password)).token;
      const from = today + 60 * DAY;
      const window = `from=${iso(from)}&to=${iso(from + 2 * DAY)}`;
      // Round the clock for one agent on those days: a gap until somebody works.
      await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '24/7', minAgents: 1, validFrom: localDate(60), validTo: localDate(61) }).expect(201);
      const views = async () => ({
        schedule: (await t.http().get(`/api/teams/${team.id}/schedule?${window}`).set(bearer(admin)).expect(200)).body as ScheduleResponse,
        coverage: (await t.http().get(`/api/teams/${team.id}/coverage?${window}&granularity=60`).set(bearer(admin)).expect(200)).body as { buckets: { start: string; agents: number }[] },
        gaps: (await t.http().get(`/api/teams/${team.id}/gaps?${window}&warnings=false`).set(bearer(admin)).expect(200)).body as { gaps: { start: string; end: string }[] },
      });
      const before = await views();
      expect(await views()).toEqual(before);
      // The reused answer is encoded once: gzip when asked (and large enough), the same JSON either way.
      const zipped = await t.http().get(`/api/teams/${team.id}/coverage?${window}`).set(bearer(admin)).set('Accept-Encoding', 'gzip').expect(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers['content-type']).toBe('application/json; charset=utf-8');
      const plain = await t.http().get(`/api/teams/${team.id}/coverage?${window}`).set(bearer(admin)).set('Accept-Encoding', 'identity').expect(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.body).toEqual(plain.body);
      const start = from + 8 * HOUR;
      const created = (await other.http().post(`/api/teams/${team.id}/shifts`).set(bearer(otherAdmin)).send({ agentId: boris.id, start: iso(start), end: iso(start + 8 * HOUR), timeZone: boris.timeZone }).expect(201)).body as ManualShift;
      const after = await views();
      expect(after.schedule.shifts.map((shift) => shift.id)).toEqual([...before.schedule.shifts.map((shift) => shift.id), created.id]);
      expect(after.coverage.buckets.find((bucket) => bucket.start === iso(start + HOUR))?.agents).toBe((before.coverage.buckets.find((bucket) => bucket.start === iso(start + HOUR))?.agents ?? 0) + 1);
      expect(after.gaps.gaps.some((gap) => Date.parse(gap.start) <= start + HOUR && Date.parse(gap.end) > start + HOUR)).toBe(false);
      expect(before.gaps.gaps.some((gap) => Date.parse(gap.start) <= start + HOUR && Date.parse(gap.end) > start + HOUR)).toBe(true);
    } finally {
      await other.close({ keepDatabase: true });
    }
  });

  it('answers concurrent polls right after a write with the new copy, all alike', async () => {
    await fetchFeed(paths.team);
    const shift = await addShift(boris, today + 50 * DAY + 7 * HOUR);
    const answers = await Promise.all(Array.from({ length: 8 }, () => fetchFeed(paths.team)));
    for (const answer of answers) {
      expect(answer.etag).toBe(answers[0].etag);
      expect(answer.body.equals(answers[0].body)).toBe(true);
    }
    expect(eventOf(answers[0].calendar, `team-shift-${shift.id}@shiftdesk`)).toMatchObject({ status: 'CONFIRMED' });
  });
});
