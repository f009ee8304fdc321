import { previewRotation } from '../recurrence/expand-rotation';
import { localToInstant } from '../time/zoned-time';
import { importGrafanaOncallShifts } from './grafana-oncall-shifts';
import type { ImportedRotation } from './imported-rotation';

const AGENTS = [
  { id: 'a', email: 'anna@example.com' },
  { id: 'b', email: 'Boris@Example.com' },
  { id: 'c', email: 'chloe@example.com' },
  { id: 'd', email: 'dmitri@example.com' },
];
/** OnCall's users list, as GET /api/v1/users/ answers it. */
const USERS = { count: 4, next: null, results: ['anna', 'boris', 'chloe', 'dmitri'].map((name) => ({ id: `U${name.toUpperCase()}`, email: `${name}@example.com`, username: name })) };

function shift(extra: Record<string, unknown>) {
  return { id: 'O1', name: 'Primary', type: 'rolling_users', team_id: null, time_zone: 'Europe/Berlin', level: 0, start: '2026-01-05T09:00:00', duration: 604800, frequency: 'weekly', interval: 1, week_start: 'MO', by_day: null, rolling_users: [['UANNA'], ['UBORIS'], ['UCHLOE']], ...extra };
}

function ok(result: ReturnType<typeof importGrafanaOncallShifts>) {
  if (!result.ok) throw new Error(`${result.field}: ${result.message}`);
  return result.value;
}

/** Who works the occurrences starting on local dates `from`..`to` (inclusive), as "date agents". */
function worked(rotation: ImportedRotation, from: string, to: string): string[] {
  const start = localToInstant({ date: from, time: '00:00', zone: rotation.timeZone });
  if (!start.ok) throw new Error(start.message);
  return previewRotation({ rotation: { ...rotation, id: 'r' }, from: start.value, count: 60 })
    .filter((o) => o.localDate >= from && o.localDate <= to)
    .map((o) => `${o.localDate} ${o.agentIds.join('+')}`);
}

describe('importGrafanaOncallShifts', () => {
  it('maps a week-long rolling rotation onto 24 h shifts handed over every Monday at 09:00, users by email', () => {
    const result = ok(importGrafanaOncallShifts({ shifts: { count: 1, results: [shift({})] }, users: USERS, agents: AGENTS, from: '2026-01-05', now: 0 }));
    expect(result.warnings).toEqual([]);
    expect(result.rotations).toEqual([
      expect.objectContaining({ name: 'Primary', timeZone: 'Europe/Berlin', localStartTime: '09:00', localEndTime: '09:00', rrule: 'FREQ=DAILY', agentIds: ['a', 'b', 'c'], handoff: { mode: 'turns', every: 7 }, startDate: '2026-01-05' }),
    ]);
    const rotation = result.rotations[0] as ImportedRotation;
    expect(worked(rotation, '2026-01-11', '2026-01-12')).toEqual(['2026-01-11 a', '2026-01-12 b']);
    expect(worked(rotation, '2026-01-26', '2026-01-26')).toEqual(['2026-01-26 a']);
  });

  it('continues the turns from the import date, and a mid-week start hands over on week_start as OnCall does', () => {
    // Starts on a Wednesday, weekdays 09:00–17:00: Anna has the rest of that week, Boris the next whole week.
    const weekdays = shift({ start: '2026-01-07T09:00:00', duration: 28800, by_day: ['MO', 'TU', 'WE', 'TH', 'FR'], rolling_users: [['UANNA'], ['UBORIS']] });
    const first = ok(importGrafanaOncallShifts({ shifts: [weekdays], users: USERS, agents: AGENTS, from: '2026-01-01', now: 0 }));
    const rotation = first.rotations[0] as ImportedRotation;
    expect(rotation).toMatchObject({ localStartTime: '09:00', localEndTime: '17:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', handoff: { mode: 'turns', every: 5 }, startDate: '2026-01-07' });
    expect(worked(rotation, '2026-01-05', '2026-01-13')).toEqual(['2026-01-07 a', '2026-01-08 a', '2026-01-09 a', '2026-01-12 b', '2026-01-13 b']);
    // Imported later (in March, after the spring change in Berlin): the same people on the same days.
    const later = ok(importGrafanaOncallShifts({ shifts: [weekdays], users: USERS, agents: AGENTS, from: '2026-03-30', now: 0 }));
    const continued = later.rotations[0] as ImportedRotation;
    expect(continued.startDate).toBe('2026-03-30');
    // Week of 12 Jan is Boris's (turn 1); 30 Mar is 11 weeks later, turn 12: Anna.
    expect(worked(continued, '2026-03-30', '2026-04-06')).toEqual(['2026-03-30 a', '2026-03-31 a', '2026-04-01 a', '2026-04-02 a', '2026-04-03 a', '2026-04-06 b']);
    const start = localToInstant({ date: '2026-03-30', time: '09:00', zone: 'Europe/Berlin' });
    expect(start.ok && new Date(start.value).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('cuts a 60 h weekend event into 24 h shifts and the remainder, all handing over together', () => {
    // Friday 18:00 for 60 h: Fri 18–18, Sat 18–18, Sun 18–06.
    const weekend = shift({ start: '2026-01-09T18:00:00', duration: 60 * 3600, rolling_users: [['UANNA'], ['UBORIS']] });
    const result = ok(importGrafanaOncallShifts({ shifts: [weekend], users: USERS, agents: AGENTS, from: '2026-01-09', now: 0 }));
    expect(result.rotations.map((r) => [r.name, r.rrule, r.localStartTime, r.localEndTime, r.handoff])).toEqual([
      ['Primary · FR,SA 24 h from 18:00', 'FREQ=WEEKLY;BYDAY=FR,SA', '18:00', '18:00', { mode: 'turns', every: 2 }],
      ['Primary · SU 18:00–06:00', 'FREQ=WEEKLY;BYDAY=SU', '18:00', '06:00', { mode: 'turns', every: 1 }],
    ]);
    const [days, sunday] = result.rotations as [ImportedRotation, ImportedRotation];
    expect(worked(days, '2026-01-09', '2026-01-18')).toEqual(['2026-01-09 a', '2026-01-10 a', '2026-01-16 b', '2026-01-17 b']);
    expect(worked(sunday, '2026-01-09', '2026-01-18')).toEqual(['2026-01-11 a', '2026-01-18 b']);
  });

  it('keeps a turn whole when an event runs past the end of OnCall\'s week', () => {
    // Saturday 09:00 for three days, weeks from Monday: Sat, Sun and the next Monday are one turn.
    const longWeekend = shift({ start: '2026-01-10T09:00:00', duration: 3 * 86400, rolling_users: [['UANNA'], ['UBORIS']] });
    const result = ok(importGrafanaOncallShifts({ shifts: [longWeekend], users: USERS, agents: AGENTS, from: '2026-01-10', now: 0 }));
    expect(result.rotations).toHaveLength(1);
    expect(worked(result.rotations[0] as ImportedRotation, '2026-01-10', '2026-01-20')).toEqual(['2026-01-10 a', '2026-01-11 a', '2026-01-12 a', '2026-01-17 b', '2026-01-18 b', '2026-01-19 b']);
  });

  it('turns groups of two into one rotation per place, and a recurrent event puts everyone on every shift', () => {
    const pairs = shift({ frequency: 'daily', duration: 8 * 3600, rolling_users: [['UANNA', 'UBORIS'], ['UCHLOE', 'UDMITRI']] });
    const standup = { ...shift({}), name: 'Standup cover', type: 'recurrent_event', frequency: 'weekly', by_day: ['MO', 'WE'], duration: 3600, start: '2026-01-05T10:00:00', users: ['UANNA', 'UCHLOE'], rolling_users: null };
    const result = ok(importGrafanaOncallShifts({ shifts: [pairs, standup], users: USERS, agents: AGENTS, from: '2026-01-05', now: 0 }));
    expect(result.rotations.map((r) => [r.name, r.rrule, r.agentIds, r.handoff])).toEqual([
      ['Primary · place 1', 'FREQ=DAILY', ['a', 'c'], { mode: 'turns', every: 1 }],
      ['Primary · place 2', 'FREQ=DAILY', ['b', 'd'], { mode: 'turns', every: 1 }],
      ['Standup cover', 'FREQ=WEEKLY;BYDAY=MO,WE', ['a', 'c'], { mode: 'all' }],
    ]);
    const [first, second] = result.rotations as [ImportedRotation, ImportedRotation];
    expect([...worked(first, '2026-01-05', '2026-01-06'), ...worked(second, '2026-01-05', '2026-01-06')]).toEqual(['2026-01-05 a', '2026-01-06 c', '2026-01-05 b', '2026-01-06 d']);
  });

  it('starts from the group OnCall starts from, every other week with INTERVAL, and stops at until', () => {
    const fortnightly = shift({ interval: 2, start_rotation_from_user_index: 1, rolling_users: [['UANNA'], ['UBORIS']], duration: 8 * 3600, until: '2026-02-16T09:00:00' });
    const result = ok(importGrafanaOncallShifts({ shifts: [fortnightly], users: USERS, agents: AGENTS, from: '2026-01-05', now: 0 }));
    const rotation = result.rotations[0] as ImportedRotation;
    expect(rotation).toMatchObject({ rrule: 'FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO', agentIds: ['b', 'a'], endDate: '2026-02-16' });
    expect(worked(rotation, '2026-01-05', '2026-03-31')).toEqual(['2026-01-05 b', '2026-01-19 a', '2026-02-02 b']);
  });

  it('reports what it leaves out, and names unknown people and fields', () => {
    const oneOff = { ...shift({}), type: 'single_event', name: 'Launch night' };
    const hourly = shift({ name: 'Hourly', frequency: 'hourly' });
    const result = ok(importGrafanaOncallShifts({ shifts: [shift({ level: 1 }), oneOff, hourly, shift({ name: 'Backup', level: 0 })], users: USERS, agents: AGENTS, from: '2026-01-05', now: 0 }));
    expect(result.rotations.map((r) => r.name)).toEqual(['Primary', 'Backup']);
    expect(result.warnings).toEqual([
      expect.stringContaining('"Launch night" is a one-off event'),
      expect.stringContaining('"Hourly" repeats hourly'),
      expect.stringContaining('different priority levels'),
    ]);

    const stranger = importGrafanaOncallShifts({ shifts: [shift({ rolling_users: [['UANNA'], ['UZOE']] })], users: { results: [...USERS.results, { id: 'UZOE', email: 'zoe@example.com' }] }, agents: AGENTS, now: 0 });
    expect(stranger).toEqual({ ok: false, field: 'shifts', message: expect.stringContaining('zoe@example.com is not an agent of this team'), missing: [{ email: 'zoe@example.com', name: null, timeZone: null }] });
    const noUsers = importGrafanaOncallShifts({ shifts: [shift({})], agents: AGENTS, now: 0 });
    expect(noUsers).toEqual({ ok: false, field: 'users', message: expect.stringContaining('UANNA, UBORIS, UCHLOE: these OnCall users are not in the users list') });
    // Users pasted as two pages of OnCall's paged list.
    const paged = importGrafanaOncallShifts({ shifts: [shift({})], users: [{ next: 'p2', results: USERS.results.slice(0, 2) }, { next: null, results: USERS.results.slice(2) }], agents: AGENTS, from: '2026-01-05', now: 0 });
    expect(paged.ok && paged.value.rotations[0]?.agentIds).toEqual(['a', 'b', 'c']);
    const byEmail = importGrafanaOncallShifts({ shifts: [shift({ rolling_users: [['anna@example.com'], ['boris@example.com']] })], agents: AGENTS, from: '2026-01-05', now: 0 });
    expect(byEmail.ok && byEmail.value.rotations[0]?.agentIds).toEqual(['a', 'b']);
    expect(importGrafanaOncallShifts({ shifts: [shift({ time_zone: null })], users: USERS, agents: AGENTS, now: 0 })).toEqual({ ok: false, field: 'shifts.0.time_zone', message: expect.stringContaining('give timeZone') });
    expect(importGrafanaOncallShifts({ shifts: [shift({ time_zone: null })], users: USERS, agents: AGENTS, timeZone: 'Asia/Tokyo', from: '2026-01-05', now: 0 })).toMatchObject({ ok: true, value: { timeZone: 'Asia/Tokyo' } });
    expect(importGrafanaOncallShifts({ shifts: [shift({ duration: 90 })], users: USERS, agents: AGENTS, now: 0 })).toMatchObject({ ok: false, field: 'shifts.0.duration' });
    expect(importGrafanaOncallShifts({ shifts: [shift({ start: 'next monday' })], users: USERS, agents: AGENTS, now: 0 })).toMatchObject({ ok: false, field: 'shifts.0.start' });
    expect(importGrafanaOncallShifts({ shifts: { results: [] }, agents: AGENTS, now: 0 })).toMatchObject({ ok: false, field: 'shifts' });
  });

  it('names the people who are not agents yet with what OnCall says about them, and imports once they are', () => {
    const users = {
      results: [
        ...USERS.results,
        { id: 'UZOE', email: 'Zoe@Example.com', username: 'zoe', name: 'Zoé Martin', timezone: 'Europe/Paris' },
        { id: 'UYURI', email: 'yuri@example.com', username: 'yuri', timezone: 'Mars/Olympus' },
      ],
    };
    const shifts = [shift({ rolling_users: [['UANNA'], ['UZOE'], ['UYURI']] })];
    const missing = importGrafanaOncallShifts({ shifts, users, agents: AGENTS, from: '2026-01-05', now: 0 });
    expect(missing).toMatchObject({
      ok: false,
      field: 'shifts',
      message: expect.stringContaining('yuri@example.com, zoe@example.com are not agents of this team'),
      // The name when OnCall has one, else the username; a zone only when it is a real one.
      missing: [
        { email: 'yuri@example.com', name: 'yuri', timeZone: null },
        { email: 'zoe@example.com', name: 'Zoé Martin', timeZone: 'Europe/Paris' },
      ],
    });
    // Added as agents (as the API does), the same paste imports.
    const added = [...AGENTS, { id: 'y', email: 'yuri@example.com' }, { id: 'z', email: 'zoe@example.com' }];
    expect(ok(importGrafanaOncallShifts({ shifts, users, agents: added, from: '2026-01-05', now: 0 })).rotations[0]?.agentIds).toEqual(['a', 'z', 'y']);
  });

  it('takes "today" on the rotation’s own clock when no date is given', () => {
    // 2026-01-11 23:30 UTC is already Monday 12 Jan in Tokyo.
    const now = Date.parse('2026-01-11T23:30:00Z');
    const result = ok(importGrafanaOncallShifts({ shifts: [shift({ time_zone: 'Asia/Tokyo' })], users: USERS, agents: AGENTS, now }));
    expect(result.from).toBe('2026-01-12');
    expect(result.rotations[0]?.startDate).toBe('2026-01-12');
  });
});
