import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  addLocalDays,
  isLocalDate,
  offsetMinutesAt,
  resolveLocalDateTime,
  startOfIsoWeek,
  toLocalDate,
  weekdayOf,
} from './local-time';

/** Runs a fast-check property with a fixed seed, so a failure replays the same way everywhere. */
function expectProperty(property: fc.IRawProperty<unknown[]>, runs: number): void {
  expect(() => fc.assert(property, { seed: 20240304, numRuns: runs })).not.toThrow();
}

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'Australia/Lord_Howe', 'Europe/Moscow', 'UTC'];
const iso = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).toISO({ suppressMilliseconds: true });

describe('local-time helpers', () => {
  it('does calendar arithmetic without a zone', () => {
    expect(addLocalDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addLocalDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addLocalDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(weekdayOf('2024-03-04')).toBe(1);
    expect(weekdayOf('2024-03-10')).toBe(7);
    expect(startOfIsoWeek('2024-03-10')).toBe('2024-03-04');
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2024-3-1')).toBe(false);
  });

  it.each([
    ['Europe/Berlin', '2024-03-31', 150, '2024-03-31T01:30:00Z'], // 02:30 does not exist → 03:30 CEST
    ['Europe/Berlin', '2024-10-27', 150, '2024-10-27T00:30:00Z'], // 02:30 twice → the first (CEST)
    ['America/New_York', '2024-03-10', 150, '2024-03-10T07:30:00Z'], // 02:30 does not exist → 03:30 EDT
    ['America/New_York', '2024-11-03', 90, '2024-11-03T05:30:00Z'], // 01:30 twice → the first (EDT)
    ['Australia/Adelaide', '2024-04-07', 150, '2024-04-06T16:00:00Z'], // 02:30 twice → the first (ACDT +10:30)
    ['Australia/Adelaide', '2024-10-06', 150, '2024-10-05T17:00:00Z'], // 02:30 does not exist → 03:30 ACDT
    ['Australia/Lord_Howe', '2024-04-07', 105, '2024-04-06T14:45:00Z'], // 01:45 twice (30-min DST) → +11:00
    ['Asia/Kolkata', '2024-03-31', 150, '2024-03-30T21:00:00Z'],
  ])('%s %s +%i min → %s', (zone, date, minutes, expected) => {
    expect(iso(resolveLocalDateTime(date, minutes, zone))).toBe(expected);
  });

  it('agrees with luxon on offsets, local dates and unambiguous local times (property)', () => {
    const from = DateTime.fromISO('2020-01-01T00:00:00Z').toMillis();
    const span = 8 * 365 * 86_400_000;
    expectProperty(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: span / 60_000 }), (zone, minute) => {
        const instant = from + minute * 60_000;
        const reference = DateTime.fromMillis(instant, { zone });
        if (offsetMinutesAt(zone, instant) !== reference.offset) return false;
        if (toLocalDate(instant, zone) !== reference.toISODate()) return false;
        const resolved = resolveLocalDateTime(reference.toISODate() as string, reference.hour * 60 + reference.minute, zone);
        // The reading exists (it came from an instant); with two occurrences we take the earlier.
        return resolved <= instant && DateTime.fromMillis(resolved, { zone }).toFormat('yyyy-MM-dd HH:mm') === reference.toFormat('yyyy-MM-dd HH:mm');
      }),
      2000,
    );
  });
});
