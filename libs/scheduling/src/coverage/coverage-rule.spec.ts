import { DateTime } from 'luxon';
import {
  COVERAGE_PRESETS,
  CoverageRule,
  createCoverageRuleFromPreset,
  expandCoverageRule,
  validateCoverageRule,
} from './coverage-rule';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const hours = (span: { start: number; end: number }) => (span.end - span.start) / 3_600_000;
const iso = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).toISO({ suppressMilliseconds: true });

function rule(overrides: Partial<CoverageRule> = {}): CoverageRule {
  return {
    id: 'r1',
    name: 'Desk',
    kind: 'window',
    timeZone: 'Europe/Berlin',
    windows: { 1: [{ start: '08:00', end: '22:00' }] },
    minAgents: 1,
    exceptions: [],
    ...overrides,
  };
}

describe('validateCoverageRule', () => {
  it('accepts a valid rule', () => {
    expect(validateCoverageRule(rule())).toEqual({ ok: true, value: rule() });
  });

  it('names the field of a bad window end', () => {
    const result = validateCoverageRule(rule({ windows: { 1: [{ start: '08:00', end: '25:00' }] } }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe('windows.1[0].end');
      expect(result.reason).toBe('invalid-time');
    }
  });

  it('lists every problem: zone, head-count, overlap, exception date, language level', () => {
    const result = validateCoverageRule(
      rule({
        timeZone: 'Mars/Olympus',
        minAgents: 0,
        windows: { 2: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }] },
        exceptions: [{ date: '2024-02-30', windows: [] }],
        language: { code: 'fr', minLevel: 'expert' as never },
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => error.field)).toEqual([
        'timeZone',
        'minAgents',
        'windows.2[1]',
        'language.minLevel',
        'exceptions[0].date',
      ]);
    }
  });

  it('allows 24:00 as an end and cross-midnight windows', () => {
    expect(validateCoverageRule(rule({ windows: { 5: [{ start: '18:00', end: '24:00' }, { start: '00:00', end: '06:00' }] } })).ok).toBe(true);
    expect(validateCoverageRule(rule({ windows: { 5: [{ start: '22:00', end: '06:00' }] } })).ok).toBe(true);
  });

  it('rejects 24:00 as a start and duplicate exception dates', () => {
    const bad = validateCoverageRule(
      rule({
        windows: { 1: [{ start: '24:00', end: '06:00' }] },
        exceptions: [
          { date: '2024-12-25', windows: [] },
          { date: '2024-12-25', windows: [] },
        ],
      }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((error) => error.field)).toEqual(['windows.1[0].start', 'exceptions[1].date']);
  });
});

describe('coverage presets', () => {
  it.each([
    ['12h', 12],
    ['14h', 14],
    ['16h', 16],
    ['18h', 18],
    ['24/7', 24],
  ] as const)('%s gives %i h per day in a plain week', (preset, perDay) => {
    const built = createCoverageRuleFromPreset({ preset, timeZone: 'Europe/Moscow', minAgents: 1 });
    expect(validateCoverageRule(built).ok).toBe(true);
    const demand = expandCoverageRule({ rule: built, from: utc('2024-03-04T00:00:00+03:00'), to: utc('2024-03-11T00:00:00+03:00') });
    expect(demand.reduce((sum, span) => sum + hours(span), 0)).toBe(perDay * 7);
    expect(COVERAGE_PRESETS[preset].hoursPerDay).toBe(perDay);
  });

  it('keeps only the chosen weekdays', () => {
    const built = createCoverageRuleFromPreset({ preset: '12h', timeZone: 'UTC', minAgents: 2, weekdays: [5, 1, 1] });
    expect(Object.keys(built.windows)).toEqual(['1', '5']);
    expect(built.minAgents).toBe(2);
  });
});

describe('expandCoverageRule', () => {
  it('lays a Moscow 08:00–22:00 window as 14 h (05:00Z–19:00Z)', () => {
    const demand = expandCoverageRule({
      rule: rule({ timeZone: 'Europe/Moscow' }),
      from: utc('2024-03-04T00:00:00Z'),
      to: utc('2024-03-05T00:00:00Z'),
    });
    expect(demand.map((span) => [iso(span.start), iso(span.end), span.minAgents])).toEqual([
      ['2024-03-04T05:00:00Z', '2024-03-04T19:00:00Z', 1],
    ]);
  });

  it('keeps local start and end on a Berlin DST day', () => {
    const sunday = rule({ windows: { 7: [{ start: '08:00', end: '22:00' }] } });
    const spring = expandCoverageRule({ rule: sunday, from: utc('2024-03-31T00:00:00Z'), to: utc('2024-04-01T00:00:00Z') });
    expect(spring.map((span) => [iso(span.start), iso(span.end)])).toEqual([['2024-03-31T06:00:00Z', '2024-03-31T20:00:00Z']]);
    const winter = expandCoverageRule({ rule: sunday, from: utc('2024-03-24T00:00:00Z'), to: utc('2024-03-25T00:00:00Z') });
    expect(winter.map((span) => [iso(span.start), iso(span.end)])).toEqual([['2024-03-24T07:00:00Z', '2024-03-24T21:00:00Z']]);
  });

  it('makes a night window across the DST change 1 h shorter in spring and 1 h longer in autumn', () => {
    const night = rule({ windows: { 7: [{ start: '00:00', end: '06:00' }] } });
    const spring = expandCoverageRule({ rule: night, from: utc('2024-03-30T00:00:00Z'), to: utc('2024-04-01T00:00:00Z') });
    expect(spring.map(hours)).toEqual([5]);
    const autumn = expandCoverageRule({ rule: night, from: utc('2024-10-26T00:00:00Z'), to: utc('2024-10-28T00:00:00Z') });
    expect(autumn.map(hours)).toEqual([7]);
  });

  it('moves a non-existent start forward and takes the earlier of a repeated one', () => {
    const gapStart = rule({ windows: { 7: [{ start: '02:30', end: '05:00' }] } });
    const spring = expandCoverageRule({ rule: gapStart, from: utc('2024-03-31T00:00:00Z'), to: utc('2024-04-01T00:00:00Z') });
    expect(iso(spring[0].start)).toBe('2024-03-31T01:30:00Z'); // 03:30 CEST
    const autumn = expandCoverageRule({ rule: gapStart, from: utc('2024-10-27T00:00:00Z'), to: utc('2024-10-28T00:00:00Z') });
    expect(iso(autumn[0].start)).toBe('2024-10-27T00:30:00Z'); // the first 02:30 (CEST)
    expect(hours(autumn[0])).toBe(3.5);
  });

  it('handles a New York window on the fall-back day', () => {
    const ny = rule({ timeZone: 'America/New_York', windows: { 7: [{ start: '00:00', end: '24:00' }] } });
    const demand = expandCoverageRule({ rule: ny, from: utc('2024-11-03T00:00:00Z'), to: utc('2024-11-05T00:00:00Z') });
    expect(demand.map(hours)).toEqual([25]);
  });

  it('runs a cross-midnight window into the next day, also from before the range', () => {
    const late = rule({ timeZone: 'UTC', windows: { 5: [{ start: '22:00', end: '06:00' }] } });
    const whole = expandCoverageRule({ rule: late, from: utc('2024-03-08T00:00:00Z'), to: utc('2024-03-10T00:00:00Z') });
    expect(whole.map((span) => [iso(span.start), iso(span.end)])).toEqual([['2024-03-08T22:00:00Z', '2024-03-09T06:00:00Z']]);
    const tail = expandCoverageRule({ rule: late, from: utc('2024-03-09T00:00:00Z'), to: utc('2024-03-10T00:00:00Z') });
    expect(tail.map((span) => [iso(span.start), iso(span.end)])).toEqual([['2024-03-09T00:00:00Z', '2024-03-09T06:00:00Z']]);
  });

  it('treats 24:00 as the next midnight and merges a 24/7 rule into one span', () => {
    const evening = rule({ timeZone: 'UTC', windows: { 1: [{ start: '18:00', end: '24:00' }] } });
    expect(expandCoverageRule({ rule: evening, from: utc('2024-03-04T00:00:00Z'), to: utc('2024-03-06T00:00:00Z') }).map(hours)).toEqual([6]);
    const always = rule({ kind: 'always', windows: {} });
    const demand = expandCoverageRule({ rule: always, from: utc('2024-03-04T00:00:00Z'), to: utc('2024-03-11T00:00:00Z') });
    expect(demand).toHaveLength(1);
    expect(hours(demand[0])).toBe(168);
  });

  it('applies exceptions: a closed holiday and a reduced day with its own head-count', () => {
    const weekdays = rule({
      timeZone: 'Europe/Paris',
      windows: { 1: [{ start: '09:00', end: '18:00' }], 2: [{ start: '09:00', end: '18:00' }] },
      minAgents: 3,
      exceptions: [
        { date: '2024-04-01', windows: [] },
        { date: '2024-04-02', windows: [{ start: '10:00', end: '14:00' }], minAgents: 1 },
      ],
    });
    const demand = expandCoverageRule({ rule: weekdays, from: utc('2024-04-01T00:00:00Z'), to: utc('2024-04-03T00:00:00Z') });
    expect(demand.map((span) => [iso(span.start), iso(span.end), span.minAgents])).toEqual([
      ['2024-04-02T08:00:00Z', '2024-04-02T12:00:00Z', 1],
    ]);
  });

  it('closes a 24/7 desk on an exception day and respects validFrom/validTo', () => {
    const always = rule({
      kind: 'always',
      timeZone: 'UTC',
      windows: {},
      validFrom: '2024-03-04',
      validTo: '2024-03-06',
      exceptions: [{ date: '2024-03-05', windows: [] }],
    });
    const demand = expandCoverageRule({ rule: always, from: utc('2024-03-01T00:00:00Z'), to: utc('2024-03-10T00:00:00Z') });
    expect(demand.map((span) => [iso(span.start), iso(span.end)])).toEqual([
      ['2024-03-04T00:00:00Z', '2024-03-05T00:00:00Z'],
      ['2024-03-06T00:00:00Z', '2024-03-07T00:00:00Z'],
    ]);
  });

  it('takes the larger head-count where windows overlap', () => {
    const overlap = rule({
      timeZone: 'UTC',
      windows: { 1: [{ start: '20:00', end: '04:00' }], 2: [{ start: '02:00', end: '06:00' }] },
      exceptions: [{ date: '2024-03-05', windows: [{ start: '02:00', end: '06:00' }], minAgents: 2 }],
    });
    const demand = expandCoverageRule({ rule: overlap, from: utc('2024-03-04T00:00:00Z'), to: utc('2024-03-06T00:00:00Z') });
    expect(demand.map((span) => [iso(span.start), iso(span.end), span.minAgents])).toEqual([
      ['2024-03-04T20:00:00Z', '2024-03-05T02:00:00Z', 1],
      ['2024-03-05T02:00:00Z', '2024-03-05T06:00:00Z', 2],
    ]);
  });
});
