import type { Shift } from '../model/types';
import { expandRotation, previewRotation } from './expand-rotation';
import type { Rotation } from './rotation';

const utc = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h, min);
const HOUR = 3_600_000;

function makeRotation(patch: Partial<Rotation> = {}): Rotation {
  return {
    id: 'r1',
    timeZone: 'Europe/Berlin',
    localStartTime: '09:00',
    localEndTime: '17:00',
    rrule: 'FREQ=DAILY',
    exdates: [],
    agentIds: ['ana', 'ben', 'cho'],
    handoff: { mode: 'turns', every: 1 },
    startDate: '2026-01-05', // a Monday
    status: 'published',
    ...patch,
  };
}

const expand2026 = (rotation: Rotation): Shift[] => expandRotation({ rotation, from: utc(2026, 1, 1), to: utc(2027, 1, 1) });
const byLocalDate = (shifts: Shift[], date: string): Shift[] => shifts.filter((s) => s.id.includes(`:${date}:`));
const localDates = (shifts: Shift[]): string[] => shifts.map((s) => s.id.split(':')[1]);
const hours = (shift: Shift): number => (shift.end - shift.start) / HOUR;

describe('expandRotation: wall clock in the rotation zone', () => {
  it('puts 09:00–17:00 Berlin at 08:00Z in winter and 07:00Z in summer', () => {
    const shifts = expand2026(makeRotation());
    expect(byLocalDate(shifts, '2026-01-15')[0]).toMatchObject({ start: utc(2026, 1, 15, 8), end: utc(2026, 1, 15, 16) });
    expect(byLocalDate(shifts, '2026-07-15')[0]).toMatchObject({ start: utc(2026, 7, 15, 7), end: utc(2026, 7, 15, 15) });
  });

  it('builds complete shifts with stable ids and the rotation data', () => {
    const [first] = expandRotation({ rotation: makeRotation({ label: 'Morning', channel: 'phone' }), from: utc(2026, 1, 5), to: utc(2026, 1, 6) });
    expect(first).toEqual({
      id: 'r1:2026-01-05:ana',
      agentId: 'ana',
      start: utc(2026, 1, 5, 8),
      end: utc(2026, 1, 5, 16),
      timeZone: 'Europe/Berlin',
      channel: 'phone',
      label: 'Morning',
      breaks: [],
      status: 'published',
      source: 'rotation',
      rotationId: 'r1',
    });
  });

  it('runs a cross-midnight shift into the next local day', () => {
    const shifts = expand2026(makeRotation({ localStartTime: '22:00', localEndTime: '06:00' }));
    expect(byLocalDate(shifts, '2026-01-05')[0]).toMatchObject({ start: utc(2026, 1, 5, 21), end: utc(2026, 1, 6, 5) });
  });

  it('treats equal start and end as a 24 h on-call day whose shifts touch but never overlap', () => {
    const shifts = expandRotation({ rotation: makeRotation({ localStartTime: '09:00', localEndTime: '09:00' }), from: utc(2026, 1, 5), to: utc(2026, 1, 8) });
    expect(shifts.map(hours)).toEqual([24, 24, 24]);
    expect(shifts[1].start).toBe(shifts[0].end);
  });

  it('includes a shift that started before the window and is still running', () => {
    const shifts = expandRotation({ rotation: makeRotation({ localStartTime: '22:00', localEndTime: '06:00' }), from: utc(2026, 1, 6, 3), to: utc(2026, 1, 6, 4) });
    expect(shifts.map((s) => s.id)).toEqual(['r1:2026-01-05:ana']);
  });

  it('returns nothing for an empty window', () => {
    expect(expandRotation({ rotation: makeRotation(), from: utc(2026, 2, 1), to: utc(2026, 2, 1) })).toEqual([]);
  });

  it('places breaks in elapsed minutes from the start', () => {
    const [shift] = expandRotation({
      rotation: makeRotation({ breaks: [{ startAfterMinutes: 240, durationMinutes: 30 }] }),
      from: utc(2026, 1, 5),
      to: utc(2026, 1, 6),
    });
    expect(shift.breaks).toEqual([{ start: utc(2026, 1, 5, 12), end: utc(2026, 1, 5, 12, 30) }]);
  });
});

describe('expandRotation across DST changes', () => {
  // Night shifts 22:00–06:00 keep their local ends: 7 h over the spring change, 9 h in autumn.
  it.each([
    ['Europe/Berlin', '2026-03-28', 7],
    ['Europe/Berlin', '2026-10-24', 9],
    ['America/New_York', '2026-03-07', 7],
    ['America/New_York', '2026-10-31', 9],
    ['Australia/Adelaide', '2026-10-03', 7],
    ['Australia/Adelaide', '2026-04-04', 9],
    ['Asia/Kolkata', '2026-03-28', 8],
  ])('%s night starting %s lasts %i h', (timeZone, date, expectedHours) => {
    const shifts = expand2026(makeRotation({ timeZone, localStartTime: '22:00', localEndTime: '06:00', startDate: '2026-01-01' }));
    expect(byLocalDate(shifts, date).map(hours)).toEqual([expectedHours]);
    // Neighbouring nights are the usual 8 h.
    const all = shifts.map(hours);
    expect(all.filter((h) => h !== 8).length).toBe(timeZone === 'Asia/Kolkata' ? 0 : 2);
  });

  it.each([
    // Nonexistent 02:30 starts move forward by the gap.
    ['Europe/Berlin', '02:30', '2026-03-29', utc(2026, 3, 29, 1, 30)],
    ['America/New_York', '02:30', '2026-03-08', utc(2026, 3, 8, 7, 30)],
    ['Australia/Adelaide', '02:30', '2026-10-04', utc(2026, 10, 3, 17, 0)],
    // Doubled starts take the first occurrence.
    ['Europe/Berlin', '02:30', '2026-10-25', utc(2026, 10, 25, 0, 30)],
    ['America/New_York', '01:30', '2026-11-01', utc(2026, 11, 1, 5, 30)],
    ['Australia/Adelaide', '02:30', '2026-04-05', utc(2026, 4, 4, 16, 0)],
  ])('%s start %s on %s', (timeZone, localStartTime, date, expectedStart) => {
    const shifts = expand2026(makeRotation({ timeZone, localStartTime, localEndTime: '08:00', startDate: '2026-01-01' }));
    expect(byLocalDate(shifts, date)[0].start).toBe(expectedStart);
  });

  it('keeps the local end on the spring-forward day, so an early shift is an hour shorter', () => {
    const shifts = expand2026(makeRotation({ localStartTime: '01:00', localEndTime: '05:00', startDate: '2026-01-01' }));
    expect(hours(byLocalDate(shifts, '2026-03-29')[0])).toBe(3);
    expect(hours(byLocalDate(shifts, '2026-10-25')[0])).toBe(5);
  });
});

describe('expandRotation: RRULE features', () => {
  const januaryDates = (rotation: Rotation): string[] =>
    localDates(expandRotation({ rotation, from: utc(2026, 1, 1), to: utc(2026, 2, 1) }));

  it('BYDAY keeps to the listed weekdays', () => {
    expect(januaryDates(makeRotation({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' })).slice(0, 7)).toEqual([
      '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-12', '2026-01-13',
    ]);
  });

  it('starts on the first matching date on or after startDate', () => {
    expect(januaryDates(makeRotation({ rrule: 'FREQ=WEEKLY;BYDAY=SA', startDate: '2026-01-05' }))[0]).toBe('2026-01-10');
  });

  it('INTERVAL skips periods', () => {
    expect(januaryDates(makeRotation({ rrule: 'FREQ=DAILY;INTERVAL=3' })).slice(0, 3)).toEqual(['2026-01-05', '2026-01-08', '2026-01-11']);
    expect(januaryDates(makeRotation({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH' }))).toEqual(['2026-01-05', '2026-01-08', '2026-01-19', '2026-01-22']);
  });

  it('COUNT limits the number of occurrences, EXDATEs included', () => {
    expect(januaryDates(makeRotation({ rrule: 'FREQ=DAILY;COUNT=3' }))).toEqual(['2026-01-05', '2026-01-06', '2026-01-07']);
    expect(januaryDates(makeRotation({ rrule: 'FREQ=DAILY;COUNT=3', exdates: ['2026-01-06'] }))).toEqual(['2026-01-05', '2026-01-07']);
  });

  it('a date-only UNTIL includes that whole local date', () => {
    expect(januaryDates(makeRotation({ rrule: 'FREQ=DAILY;UNTIL=20260107' }))).toEqual(['2026-01-05', '2026-01-06', '2026-01-07']);
  });

  it('a UTC UNTIL is an instant, compared on the rotation wall clock', () => {
    // 2026-01-07T08:00Z is 09:00 in Berlin: the 01-07 occurrence starts exactly then and is kept.
    expect(januaryDates(makeRotation({ rrule: 'FREQ=DAILY;UNTIL=20260107T080000Z' }))).toEqual(['2026-01-05', '2026-01-06', '2026-01-07']);
    expect(januaryDates(makeRotation({ rrule: 'FREQ=DAILY;UNTIL=20260107T075959Z' }))).toEqual(['2026-01-05', '2026-01-06']);
  });

  it('EXDATE removes a local date', () => {
    const dates = januaryDates(makeRotation({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', exdates: ['2026-01-07', '2026-01-12'] }));
    expect(dates.slice(0, 4)).toEqual(['2026-01-05', '2026-01-06', '2026-01-08', '2026-01-09']);
    expect(dates).not.toContain('2026-01-12');
  });

  it('MONTHLY with a positioned BYDAY picks the first Monday', () => {
    const shifts = expand2026(makeRotation({ rrule: 'FREQ=MONTHLY;BYDAY=1MO', startDate: '2026-01-01' }));
    expect(localDates(shifts).slice(0, 3)).toEqual(['2026-01-05', '2026-02-02', '2026-03-02']);
  });

  it('endDate is exclusive', () => {
    expect(januaryDates(makeRotation({ endDate: '2026-01-08' }))).toEqual(['2026-01-05', '2026-01-06', '2026-01-07']);
  });
});

describe('expandRotation: handoff', () => {
  const agentsInJanuary = (rotation: Rotation): string[] =>
    expandRotation({ rotation, from: utc(2026, 1, 1), to: utc(2026, 2, 1) }).map((s) => s.agentId);

  it('turns every occurrence in agent order, wrapping', () => {
    expect(agentsInJanuary(makeRotation()).slice(0, 5)).toEqual(['ana', 'ben', 'cho', 'ana', 'ben']);
  });

  it('turns every N occurrences', () => {
    expect(agentsInJanuary(makeRotation({ handoff: { mode: 'turns', every: 2 } })).slice(0, 7)).toEqual(['ana', 'ana', 'ben', 'ben', 'cho', 'cho', 'ana']);
  });

  it('an EXDATE skips the occurrence without reshuffling later turns', () => {
    const plain = expandRotation({ rotation: makeRotation(), from: utc(2026, 1, 1), to: utc(2026, 2, 1) });
    const withHoliday = expandRotation({ rotation: makeRotation({ exdates: ['2026-01-06'] }), from: utc(2026, 1, 1), to: utc(2026, 2, 1) });
    expect(withHoliday).toEqual(plain.filter((s) => !s.id.includes('2026-01-06')));
  });

  it('the k-th occurrence goes to the same agent whatever the window', () => {
    const rotation = makeRotation({ handoff: { mode: 'turns', every: 3 }, rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR' });
    const year = expand2026(rotation);
    const late = expandRotation({ rotation, from: utc(2026, 9, 14, 12), to: utc(2026, 9, 30) });
    expect(late.length).toBeGreaterThan(3);
    for (const shift of late) expect(year.find((s) => s.id === shift.id)).toEqual(shift);
  });

  it('turnOffset continues a cycle', () => {
    expect(agentsInJanuary(makeRotation({ turnOffset: 2 })).slice(0, 3)).toEqual(['cho', 'ana', 'ben']);
  });

  it("'all' puts every agent on every occurrence with one id each", () => {
    const shifts = expandRotation({ rotation: makeRotation({ handoff: { mode: 'all' } }), from: utc(2026, 1, 5), to: utc(2026, 1, 6) });
    expect(shifts.map((s) => s.id)).toEqual(['r1:2026-01-05:ana', 'r1:2026-01-05:ben', 'r1:2026-01-05:cho']);
  });

  it('throws for an invalid rotation instead of guessing', () => {
    expect(() => expandRotation({ rotation: makeRotation({ timeZone: 'UTC+3' }), from: 0, to: 1 })).toThrow(RangeError);
  });
});

describe('previewRotation', () => {
  it('lists the next occurrences, including one in progress', () => {
    const rotation = makeRotation({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', exdates: ['2026-01-07'] });
    const preview = previewRotation({ rotation, from: utc(2026, 1, 6, 10), count: 3 });
    expect(preview).toEqual([
      { index: 1, localDate: '2026-01-06', start: utc(2026, 1, 6, 8), end: utc(2026, 1, 6, 16), agentIds: ['ben'] },
      { index: 3, localDate: '2026-01-08', start: utc(2026, 1, 8, 8), end: utc(2026, 1, 8, 16), agentIds: ['ana'] },
      { index: 4, localDate: '2026-01-09', start: utc(2026, 1, 9, 8), end: utc(2026, 1, 9, 16), agentIds: ['ben'] },
    ]);
  });

  it('stops when the rule runs out', () => {
    expect(previewRotation({ rotation: makeRotation({ rrule: 'FREQ=DAILY;COUNT=2' }), from: 0, count: 10 })).toHaveLength(2);
  });
});
