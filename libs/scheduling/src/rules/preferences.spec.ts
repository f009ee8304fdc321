import { expandPreference, type SchedulingPreference } from './preferences';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const pref = (over: Partial<SchedulingPreference>): SchedulingPreference => ({
  id: 'p1',
  agentId: 'a1',
  kind: 'off',
  date: null,
  weekdays: [],
  startTime: null,
  endTime: null,
  timeZone: 'Europe/Berlin',
  strength: 'normal',
  ...over,
});
const spans = (p: SchedulingPreference, from: string, to: string) =>
  expandPreference(p, at(from), at(to)).map((o) => `${o.date} ${iso(o.start)}–${iso(o.end)}`);

describe('expandPreference', () => {
  it('lays a whole-day preference on the local day of its own zone', () => {
    expect(spans(pref({ date: '2026-03-06' }), '2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([
      '2026-03-06 2026-03-05T23:00:00.000Z–2026-03-06T23:00:00.000Z',
    ]);
  });

  it('gives a whole day 23 real hours on the spring-forward Sunday and 25 on the fall-back Sunday (Berlin)', () => {
    const [spring] = expandPreference(pref({ date: '2026-03-29' }), at('2026-03-01T00:00:00Z'), at('2026-04-30T00:00:00Z'));
    const [autumn] = expandPreference(pref({ date: '2026-10-25' }), at('2026-10-01T00:00:00Z'), at('2026-10-31T00:00:00Z'));
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
  });

  it('repeats a weekly preference on its weekdays only', () => {
    // Fridays in March 2026, New York; the clocks go forward on Sunday 8 March.
    const fridays = spans(pref({ weekdays: [5], startTime: '18:00', endTime: '22:00', timeZone: 'America/New_York' }), '2026-03-01T00:00:00Z', '2026-03-21T00:00:00Z');
    expect(fridays).toEqual([
      '2026-03-06 2026-03-06T23:00:00.000Z–2026-03-07T03:00:00.000Z',
      // After the change the same wall-clock window is an hour earlier in UTC.
      '2026-03-13 2026-03-13T22:00:00.000Z–2026-03-14T02:00:00.000Z',
      '2026-03-20 2026-03-20T22:00:00.000Z–2026-03-21T02:00:00.000Z',
    ]);
  });

  it('runs a window whose end is not after its start into the next day, and sees last night’s occurrence', () => {
    const nights = pref({ weekdays: [7], startTime: '22:00', endTime: '06:00', timeZone: 'Europe/Lisbon' });
    // From Monday 2026-01-05 01:00 UTC: Sunday 4 January's night is still running.
    expect(spans(nights, '2026-01-05T01:00:00Z', '2026-01-06T00:00:00Z')).toEqual(['2026-01-04 2026-01-04T22:00:00.000Z–2026-01-05T06:00:00.000Z']);
  });

  it('returns nothing outside the range, for an empty range, and for a half-given window', () => {
    expect(spans(pref({ date: '2026-05-01' }), '2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([]);
    expect(spans(pref({ date: '2026-03-06' }), '2026-03-06T12:00:00Z', '2026-03-06T12:00:00Z')).toEqual([]);
    expect(spans(pref({ date: '2026-03-06', startTime: '08:00', endTime: null }), '2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([]);
  });

  it('accepts 24:00 as the end of a window', () => {
    expect(spans(pref({ date: '2026-03-06', startTime: '20:00', endTime: '24:00', timeZone: 'UTC' }), '2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([
      '2026-03-06 2026-03-06T20:00:00.000Z–2026-03-07T00:00:00.000Z',
    ]);
  });
});
