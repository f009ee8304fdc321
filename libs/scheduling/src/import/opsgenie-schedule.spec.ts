import { previewRotation } from '../recurrence/expand-rotation';
import { localToInstant } from '../time/zoned-time';
import type { ImportedRotation } from './imported-rotation';
import { importOpsgenieSchedule } from './opsgenie-schedule';

const AGENTS = [
  { id: 'a', email: 'anna@example.com' },
  { id: 'b', email: 'Boris@Example.com' },
  { id: 'c', email: 'chloe@example.com' },
];
const users = (...names: string[]) => names.map((name) => ({ type: 'user', username: `${name}@example.com`, id: `og-${name}` }));

function schedule(rotations: unknown[], extra: Record<string, unknown> = {}) {
  return { data: { id: 's1', name: 'Platform', timezone: 'Europe/Berlin', enabled: true, rotations, ...extra } };
}

function ok(result: ReturnType<typeof importOpsgenieSchedule>) {
  if (!result.ok) throw new Error(`${result.field}: ${result.message}`);
  return result.value;
}

/** Who works the next `count` occurrences from local `date` 00:00, as "date agent". */
function turns(rotation: ImportedRotation, date: string, count: number): string[] {
  const from = localToInstant({ date, time: '00:00', zone: rotation.timeZone });
  if (!from.ok) throw new Error(from.message);
  // The preview also lists an occurrence still running at `from`: only those starting on or after `date` count.
  return previewRotation({ rotation: { ...rotation, id: 'r' }, from: from.value, count: count + 1 })
    .filter((o) => o.localDate >= date)
    .slice(0, count)
    .map((o) => `${o.localDate} ${o.agentIds.join('+')}`);
}

describe('importOpsgenieSchedule', () => {
  it('maps a weekly 24 h rotation onto daily 24 h shifts handed over every 7, matched by email', () => {
    const result = ok(
      importOpsgenieSchedule({
        document: schedule([{ name: 'Primary', type: 'weekly', length: 1, startDate: '2026-01-05T08:00:00Z', participants: users('anna', 'boris', 'chloe') }]),
        agents: AGENTS,
        from: '2026-01-05',
        now: 0,
      }),
    );
    expect(result).toMatchObject({ scheduleName: 'Platform', timeZone: 'Europe/Berlin', warnings: [] });
    expect(result.rotations).toEqual([
      expect.objectContaining({
        name: 'Platform · Primary',
        localStartTime: '09:00',
        localEndTime: '09:00',
        rrule: 'FREQ=DAILY',
        agentIds: ['a', 'b', 'c'],
        handoff: { mode: 'turns', every: 7 },
        startDate: '2026-01-05',
        endDate: null,
        turnOffset: 0,
      }),
    ]);
    const rotation = result.rotations[0] as ImportedRotation;
    expect(turns(rotation, '2026-01-11', 2)).toEqual(['2026-01-11 a', '2026-01-12 b']);
  });

  it('continues the turn order from the import date, across the spring DST change', () => {
    // Started Monday 5 January; imported on Wednesday 25 March 2026, week 12: 11 full weeks done → chloe (11 mod 3 = 2).
    const result = ok(
      importOpsgenieSchedule({
        document: schedule([{ name: 'Primary', type: 'weekly', startDate: '2026-01-05T09:00:00+01:00', participants: users('anna', 'boris', 'chloe') }]),
        agents: AGENTS,
        from: '2026-03-25',
        now: 0,
      }),
    );
    const rotation = result.rotations[0] as ImportedRotation;
    expect(rotation).toMatchObject({ startDate: '2026-03-25', turnOffset: 79 });
    expect(turns(rotation, '2026-03-25', 6)).toEqual(['2026-03-25 c', '2026-03-26 c', '2026-03-27 c', '2026-03-28 c', '2026-03-29 c', '2026-03-30 a']);
    // 09:00 on the wall clock on both sides of the change (Sunday 29 March): UTC 08:00, then 07:00.
    const starts = previewRotation({ rotation: { ...rotation, id: 'r' }, from: Date.parse('2026-03-28T12:00:00Z'), count: 3 }).map((o) => `${o.localDate} ${new Date(o.start).toISOString()}`);
    expect(starts).toEqual(['2026-03-28 2026-03-28T08:00:00.000Z', '2026-03-29 2026-03-29T07:00:00.000Z', '2026-03-30 2026-03-30T07:00:00.000Z']);
  });

  it('cuts weekday spans at midnight and makes one rotation per window, on its weekdays', () => {
    const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => ({ startDay: day, endDay: day, startHour: 9, startMin: 0, endHour: 17, endMin: 0 }));
    const result = ok(
      importOpsgenieSchedule({
        document: schedule([
          { name: 'Office hours', type: 'weekly', startDate: '2026-01-05T00:00:00+01:00', participants: users('anna', 'boris'), timeRestriction: { type: 'weekday-and-time-of-day', restrictions: weekdays } },
          {
            name: 'Weekend',
            type: 'weekly',
            startDate: '2026-01-05T00:00:00+01:00',
            participants: users('chloe'),
            timeRestriction: { type: 'weekday-and-time-of-day', restrictions: [{ startDay: 'friday', startHour: 18, startMin: 0, endDay: 'monday', endHour: 9, endMin: 0 }] },
          },
        ]),
        agents: AGENTS,
        from: '2026-01-05',
        now: 0,
      }),
    );
    expect(result.rotations.map((r) => [r.name, r.rrule, r.localStartTime, r.localEndTime, r.handoff])).toEqual([
      ['Platform · Office hours', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '09:00', '17:00', { mode: 'turns', every: 5 }],
      ['Platform · Weekend · MO 00:00–09:00', 'FREQ=WEEKLY;BYDAY=MO', '00:00', '09:00', { mode: 'all' }],
      ['Platform · Weekend · FR 18:00–00:00', 'FREQ=WEEKLY;BYDAY=FR', '18:00', '00:00', { mode: 'all' }],
      ['Platform · Weekend · SA,SU all day', 'FREQ=WEEKLY;BYDAY=SA,SU', '00:00', '00:00', { mode: 'all' }],
    ]);
    // A week of office hours each, Monday to Friday.
    expect(turns(result.rotations[0] as ImportedRotation, '2026-01-09', 2)).toEqual(['2026-01-09 a', '2026-01-12 b']);
  });

  it('says what it cannot carry over: hourly handoffs, team and nobody turns, a daily handoff on some weekdays only', () => {
    const result = ok(
      importOpsgenieSchedule({
        document: schedule([
          { name: 'Follow the sun', type: 'hourly', length: 8, startDate: '2026-01-05T00:00:00Z', participants: users('anna') },
          {
            name: 'Daily',
            type: 'daily',
            startDate: '2026-01-05T08:00:00+01:00',
            participants: [...users('anna', 'boris'), { type: 'none' }, { type: 'team', name: 'SRE', id: 't1' }],
            timeRestriction: { type: 'weekday-and-time-of-day', restrictions: [{ startDay: 'monday', endDay: 'friday', startHour: 9, endHour: 17 }] },
          },
        ]),
        agents: AGENTS,
        from: '2026-01-05',
        now: 0,
      }),
    );
    expect(result.rotations).toHaveLength(3);
    expect(result.warnings).toEqual([
      expect.stringContaining('"Follow the sun" hands off every 8 h'),
      expect.stringContaining('"nobody" turn'),
      expect.stringContaining('team participant (SRE)'),
      expect.stringContaining('hands off daily but runs on some weekdays only'),
      // Monday 09:00 to Friday 17:00 is one span, cut at midnight; the 08:00 handoff falls in the all-day pieces.
      'Rotation "Daily" hands off at 08:00, inside its all day, 00:00–17:00 windows: each shift goes wholly to whoever holds the turn when it starts.',
    ]);
    expect(result.rotations.map((r) => `${r.rrule} ${r.localStartTime}-${r.localEndTime}`)).toEqual(['FREQ=WEEKLY;BYDAY=MO 09:00-00:00', 'FREQ=WEEKLY;BYDAY=TU,WE,TH 00:00-00:00', 'FREQ=WEEKLY;BYDAY=FR 00:00-17:00']);
  });

  it('starts on today in the schedule’s zone when no date is given', () => {
    // 23:30 UTC on 4 January is already 5 January in Berlin.
    const result = ok(
      importOpsgenieSchedule({
        document: schedule([{ name: 'Primary', type: 'weekly', startDate: '2025-12-29T09:00:00+01:00', participants: users('anna', 'boris') }]),
        agents: AGENTS,
        now: Date.parse('2026-01-04T23:30:00Z'),
      }),
    );
    expect(result.from).toBe('2026-01-05');
    expect(result.rotations[0]).toMatchObject({ startDate: '2026-01-05', turnOffset: 7 });
    expect(turns(result.rotations[0] as ImportedRotation, '2026-01-05', 1)).toEqual(['2026-01-05 b']);
  });

  it('refuses, naming them, when participants are not agents of the team', () => {
    const result = importOpsgenieSchedule({
      document: schedule([{ name: 'Primary', type: 'weekly', startDate: '2026-01-05T08:00:00Z', participants: users('anna', 'zoe', 'yann') }]),
      agents: AGENTS,
      from: '2026-01-05',
        now: 0,
    });
    expect(result).toEqual({
      ok: false,
      field: 'schedule.rotations.participants',
      message: 'yann@example.com, zoe@example.com are not agents of this team (matched by email): add them as agents with the same email first, or let the import add them',
      // Opsgenie says nothing more about them than their email.
      missing: [
        { email: 'yann@example.com', name: null, timeZone: null },
        { email: 'zoe@example.com', name: null, timeZone: null },
      ],
    });
    // A participant known only by its id cannot be added as an agent.
    const byId = importOpsgenieSchedule({
      document: schedule([{ name: 'Primary', type: 'weekly', startDate: '2026-01-05T08:00:00Z', participants: [...users('anna'), { type: 'user', id: 'u-77' }] }]),
      agents: AGENTS,
      from: '2026-01-05',
      now: 0,
    });
    expect(byId).toEqual({ ok: false, field: 'schedule.rotations.participants', message: 'u-77 is not an agent of this team (matched by email): add them as agents with the same email first' });
  });

  it('names the field of a malformed schedule', () => {
    const run = (document: unknown) => importOpsgenieSchedule({ document, agents: AGENTS, from: '2026-01-05', now: 0 });
    expect(run('nope')).toMatchObject({ ok: false, field: 'schedule' });
    expect(run(schedule([], { timezone: 'Mars/Olympus' }))).toMatchObject({ ok: false, field: 'schedule.timezone' });
    expect(run(schedule([]))).toMatchObject({ ok: false, field: 'schedule.rotations' });
    expect(run(schedule([{ type: 'monthly', startDate: '2026-01-05T08:00:00Z', participants: users('anna') }]))).toMatchObject({ ok: false, field: 'schedule.rotations.0.type' });
    expect(run(schedule([{ type: 'daily', startDate: '5 Jan', participants: users('anna') }]))).toMatchObject({ ok: false, field: 'schedule.rotations.0.startDate' });
    expect(run(schedule([{ type: 'daily', startDate: '2026-01-05T08:00:00Z', participants: users('anna'), timeRestriction: { type: 'time-of-day', restriction: { startHour: 25, endHour: 3 } } }]))).toMatchObject({
      ok: false,
      field: 'schedule.rotations.0.timeRestriction.restriction',
    });
  });

  it('leaves out a rotation that ended before the import date, and one starting later starts then', () => {
    const result = ok(
      importOpsgenieSchedule({
        document: schedule([
          { name: 'Old', type: 'daily', startDate: '2025-01-06T08:00:00Z', endDate: '2025-06-01T08:00:00Z', participants: users('anna', 'boris') },
          { name: 'Night', type: 'daily', startDate: '2026-02-02T22:00:00+01:00', participants: users('boris', 'chloe'), timeRestriction: { type: 'time-of-day', restriction: { startHour: 22, startMin: 0, endHour: 6, endMin: 0 } } },
        ]),
        agents: AGENTS,
        from: '2026-01-05',
        now: 0,
      }),
    );
    expect(result.rotations).toEqual([expect.objectContaining({ name: 'Platform · Night', localStartTime: '22:00', localEndTime: '06:00', startDate: '2026-02-02', turnOffset: 0, handoff: { mode: 'turns', every: 1 } })]);
    expect(result.warnings).toEqual([expect.stringContaining('"Old" ended on 2025-06-02')]);
  });
});
