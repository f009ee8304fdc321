import fc from 'fast-check';
import { DateTime } from 'luxon';
import { getZoneOffsetMinutes, wallToInstant } from './time-zone';
import { formatLocalDateTime, getLocalDate } from './zoned-time';

/** Runs a fast-check property with a fixed seed, so a failure replays the same way everywhere. */
function expectProperty(property: fc.IRawProperty<unknown[]>, runs: number): void {
  expect(() => fc.assert(property, { seed: 20240304, numRuns: runs })).not.toThrow();
}

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'Australia/Lord_Howe', 'Europe/Moscow', 'UTC'];

describe('getZoneOffsetMinutes (memoised per UTC day)', () => {
  it('switches at the exact transition instant, not at the start of its UTC day', () => {
    const change = Date.UTC(2026, 2, 29, 1); // Berlin CET → CEST at 01:00Z
    expect(getZoneOffsetMinutes('Europe/Berlin', change - 1)).toBe(60);
    expect(getZoneOffsetMinutes('Europe/Berlin', change)).toBe(120);
    // Lord Howe's half-hour DST ends at 02:00 local (+11:00) = 15:00Z on 2026-04-04.
    expect(getZoneOffsetMinutes('Australia/Lord_Howe', Date.UTC(2026, 3, 4, 14, 59))).toBe(660);
    expect(getZoneOffsetMinutes('Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15))).toBe(630);
  });

  it('gives NaN for an unknown zone or a non-finite instant', () => {
    expect(getZoneOffsetMinutes('Mars/Olympus', 0)).toBeNaN();
    expect(getZoneOffsetMinutes('UTC', Number.NaN)).toBeNaN();
  });

  it('agrees with luxon on offsets, local dates and unambiguous local times (property)', () => {
    const from = DateTime.fromISO('2020-01-01T00:00:00Z').toMillis();
    const span = 8 * 365 * 86_400_000;
    expectProperty(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: span / 60_000 }), (zone, minute) => {
        const instant = from + minute * 60_000;
        const reference = DateTime.fromMillis(instant, { zone });
        if (getZoneOffsetMinutes(zone, instant) !== reference.offset) return false;
        if (getLocalDate(instant, zone) !== reference.toISODate()) return false;
        const wallMs = Date.UTC(reference.year, reference.month - 1, reference.day, reference.hour, reference.minute);
        const resolved = wallToInstant(zone, wallMs);
        // The reading exists (it came from an instant); with two occurrences we take the earlier.
        return resolved <= instant && formatLocalDateTime(resolved, zone) === reference.toFormat('yyyy-MM-dd HH:mm');
      }),
      2000,
    );
  });
});
