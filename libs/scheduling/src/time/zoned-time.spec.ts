import { addLocalDays, parseLocalDate, parseLocalTime } from './local-date-time';
import { isValidTimeZone } from './time-zone';
import {
  formatInZone,
  formatIsoUtc,
  formatLocalDateTime,
  formatOffset,
  getStartOfLocalDay,
  instantToLocal,
  localMinuteToInstant,
  localToInstant,
} from './zoned-time';

/** Test helper: the instant for a UTC calendar reading (month 1–12). */
const utc = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h, min);

function toInstant(date: string, time: string, zone: string): number {
  const result = localToInstant({ date, time, zone });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('isValidTimeZone', () => {
  it.each(['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'UTC', 'Etc/UTC', 'Etc/GMT+3'])(
    'accepts the IANA zone %s',
    (zone) => expect(isValidTimeZone(zone)).toBe(true),
  );
  it.each(['UTC+3', 'GMT-05:00', '+03:00', '-0500', 'Mars/Olympus', '', ' Europe/Berlin', 'Europe/Berlin '])(
    'refuses %j',
    (zone) => expect(isValidTimeZone(zone)).toBe(false),
  );
  it('refuses non-strings', () => {
    expect(isValidTimeZone(3)).toBe(false);
    expect(isValidTimeZone(null)).toBe(false);
  });
});

describe('strict parsing', () => {
  it('parses dates and times', () => {
    expect(parseLocalDate('2028-02-29')).toEqual({ ok: true, value: { year: 2028, month: 2, day: 29 } });
    expect(parseLocalTime('23:59')).toEqual({ ok: true, value: { hour: 23, minute: 59 } });
  });
  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '26-01-01', '2026-01-01T00:00', '2026/01/01', ''])('refuses date %j', (value) => {
    const result = parseLocalDate(value, 'startDate');
    expect(result).toMatchObject({ ok: false, reason: 'invalid-date', field: 'startDate' });
  });
  it.each(['24:00', '9:00', '09:60', '09:00:00', '0900', 'noon'])('refuses time %j', (value) => {
    expect(parseLocalTime(value)).toMatchObject({ ok: false, reason: 'invalid-time', field: 'time' });
  });
  it('adds calendar days across month and year ends', () => {
    expect(addLocalDays('2026-12-31', 1)).toEqual({ ok: true, value: '2027-01-01' });
    expect(addLocalDays('2028-03-01', -1)).toEqual({ ok: true, value: '2028-02-29' });
  });
});

describe('localToInstant', () => {
  it('puts 09:00 Berlin at 08:00Z in winter and 07:00Z in summer', () => {
    expect(toInstant('2026-01-15', '09:00', 'Europe/Berlin')).toBe(utc(2026, 1, 15, 8));
    expect(toInstant('2026-07-15', '09:00', 'Europe/Berlin')).toBe(utc(2026, 7, 15, 7));
  });

  it('handles a half-hour zone without DST', () => {
    expect(toInstant('2026-01-15', '09:00', 'Asia/Kolkata')).toBe(utc(2026, 1, 15, 3, 30));
    expect(toInstant('2026-07-15', '00:15', 'Asia/Kolkata')).toBe(utc(2026, 7, 14, 18, 45));
  });

  describe('spring forward: a nonexistent local time moves forward by the gap', () => {
    it.each([
      ['Europe/Berlin', '2026-03-29', '02:30', utc(2026, 3, 29, 1, 30)], // = 03:30 CEST
      ['Europe/Berlin', '2026-03-29', '02:00', utc(2026, 3, 29, 1, 0)], // = 03:00 CEST
      ['America/New_York', '2026-03-08', '02:30', utc(2026, 3, 8, 7, 30)], // = 03:30 EDT
      ['Australia/Adelaide', '2026-10-04', '02:30', utc(2026, 10, 3, 17, 0)], // = 03:30 ACDT (+10:30)
    ])('%s %s %s', (zone, date, time, expected) => {
      expect(toInstant(date, time, zone)).toBe(expected);
    });

    it('reads back as the wall time one gap later', () => {
      const instant = toInstant('2026-03-29', '02:30', 'Europe/Berlin');
      expect(instantToLocal(instant, 'Europe/Berlin')).toEqual({
        ok: true,
        value: { date: '2026-03-29', time: '03:30', zone: 'Europe/Berlin', offsetMinutes: 120 },
      });
    });

    it('leaves the times around the gap alone', () => {
      expect(toInstant('2026-03-29', '01:59', 'Europe/Berlin')).toBe(utc(2026, 3, 29, 0, 59));
      expect(toInstant('2026-03-29', '03:00', 'Europe/Berlin')).toBe(utc(2026, 3, 29, 1, 0));
    });
  });

  describe('fall back: an ambiguous local time takes its first occurrence', () => {
    it.each([
      ['Europe/Berlin', '2026-10-25', '02:30', utc(2026, 10, 25, 0, 30)], // 02:30 CEST, not CET (01:30Z)
      ['America/New_York', '2026-11-01', '01:30', utc(2026, 11, 1, 5, 30)], // 01:30 EDT, not EST (06:30Z)
      ['Australia/Adelaide', '2026-04-05', '02:30', utc(2026, 4, 4, 16, 0)], // 02:30 ACDT, not ACST (17:00Z)
    ])('%s %s %s', (zone, date, time, expected) => {
      expect(toInstant(date, time, zone)).toBe(expected);
    });

    it('leaves the hour after the overlap on the new offset', () => {
      expect(toInstant('2026-10-25', '03:00', 'Europe/Berlin')).toBe(utc(2026, 10, 25, 2, 0));
      expect(toInstant('2026-11-01', '02:00', 'America/New_York')).toBe(utc(2026, 11, 1, 7, 0));
    });
  });

  it('returns typed failures naming the field', () => {
    expect(localToInstant({ date: '2026-02-30', time: '09:00', zone: 'Europe/Berlin' })).toMatchObject({ ok: false, reason: 'invalid-date', field: 'date' });
    expect(localToInstant({ date: '2026-02-03', time: '9:00', zone: 'Europe/Berlin' })).toMatchObject({ ok: false, reason: 'invalid-time', field: 'time' });
    expect(localToInstant({ date: '2026-02-03', time: '09:00', zone: 'UTC+3' })).toMatchObject({ ok: false, reason: 'invalid-zone', field: 'zone' });
  });
});

describe('instantToLocal', () => {
  it('reads both sides of the New York fall-back hour', () => {
    expect(instantToLocal(utc(2026, 11, 1, 5, 30), 'America/New_York')).toMatchObject({ ok: true, value: { time: '01:30', offsetMinutes: -240 } });
    expect(instantToLocal(utc(2026, 11, 1, 6, 30), 'America/New_York')).toMatchObject({ ok: true, value: { time: '01:30', offsetMinutes: -300 } });
  });
  it('crosses the date line', () => {
    expect(instantToLocal(utc(2026, 1, 15, 22), 'Asia/Kolkata')).toMatchObject({ ok: true, value: { date: '2026-01-16', time: '03:30', offsetMinutes: 330 } });
  });
  it('refuses a bad zone or instant', () => {
    expect(instantToLocal(0, 'Nowhere/Land')).toMatchObject({ ok: false, reason: 'invalid-zone' });
    expect(instantToLocal(Number.NaN, 'UTC')).toMatchObject({ ok: false, reason: 'invalid-instant' });
  });
});

describe('formatInZone', () => {
  it('names the zone with its abbreviation', () => {
    expect(formatInZone(utc(2026, 3, 29, 7), 'Europe/Berlin')).toBe('2026-03-29 09:00 CEST (Europe/Berlin)');
    expect(formatInZone(utc(2026, 1, 15, 8), 'Europe/Berlin')).toBe('2026-01-15 09:00 CET (Europe/Berlin)');
    expect(formatInZone(utc(2026, 1, 15, 14), 'America/New_York')).toBe('2026-01-15 09:00 EST (America/New_York)');
    expect(formatInZone(utc(2026, 1, 15, 9), 'UTC')).toBe('2026-01-15 09:00 UTC (UTC)');
  });
  it('falls back to a numeric offset where no abbreviation exists', () => {
    expect(formatInZone(utc(2026, 1, 15, 12), 'Etc/GMT+3')).toBe('2026-01-15 09:00 UTC-03:00 (Etc/GMT+3)');
    expect(formatOffset(330)).toBe('UTC+05:30');
  });
  it('throws on a zone that was never validated', () => {
    expect(() => formatInZone(0, 'UTC+3')).toThrow(RangeError);
  });
});

describe('localMinuteToInstant (minutes after local midnight, DST policy)', () => {
  const iso = (ms: number) => formatIsoUtc(ms);
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
    expect(iso(localMinuteToInstant({ date, minutes, zone }))).toBe(expected);
  });

  it('rolls 1440 minutes and more into the next day (a 24:00 end)', () => {
    expect(localMinuteToInstant({ date: '2026-03-28', minutes: 1440, zone: 'Europe/Berlin' })).toBe(getStartOfLocalDay('2026-03-29', 'Europe/Berlin'));
    expect(getStartOfLocalDay('2026-03-29', 'Europe/Berlin')).toBe(utc(2026, 3, 28, 23));
  });

  it('throws on a malformed date (validated input only)', () => {
    expect(() => localMinuteToInstant({ date: '2026-02-30', minutes: 0, zone: 'UTC' })).toThrow(RangeError);
  });
});

describe('formatIsoUtc and formatLocalDateTime', () => {
  it('writes UTC ISO text with milliseconds only when present', () => {
    expect(formatIsoUtc(utc(2026, 3, 29, 1, 30))).toBe('2026-03-29T01:30:00Z');
    expect(formatIsoUtc(utc(2026, 3, 29, 1, 30) + 250)).toBe('2026-03-29T01:30:00.250Z');
  });
  it('writes the local wall clock without the zone', () => {
    expect(formatLocalDateTime(utc(2026, 11, 1, 5, 30), 'America/New_York')).toBe('2026-11-01 01:30');
    expect(formatLocalDateTime(utc(2026, 1, 15, 22), 'Asia/Kolkata')).toBe('2026-01-16 03:30');
  });
});
