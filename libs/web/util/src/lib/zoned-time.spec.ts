import { describeZone, formatZonedDateTime, formatZonedTime, isValidTimeZone, listTimeZones } from './zoned-time';

describe('zoned time', () => {
  const winter = new Date('2026-01-15T14:05:00Z');
  const summer = new Date('2026-07-15T14:05:00Z');

  it('shows the local time with the zone abbreviation, following DST', () => {
    expect(formatZonedTime(winter, 'Europe/Lisbon')).toBe('14:05 WET');
    expect(formatZonedTime(summer, 'Europe/Lisbon')).toBe('15:05 WEST');
    expect(formatZonedTime(winter, 'Europe/Amsterdam')).toBe('15:05 CET');
    expect(formatZonedTime(winter, 'Europe/Moscow')).toBe('17:05 GMT+3');
    expect(formatZonedTime(winter, 'Asia/Kolkata')).toBe('19:35 GMT+5:30');
  });

  it('crosses midnight into the local date', () => {
    expect(formatZonedDateTime(new Date('2026-01-15T22:30:00Z'), 'Asia/Baku')).toBe('2026-01-16 02:30 GMT+4');
    expect(formatZonedDateTime(new Date('2026-01-15T00:00:00Z'), 'UTC')).toBe('2026-01-15 00:00 UTC');
  });

  it('names the zone beside the time, and just the zone when it is unknown', () => {
    expect(describeZone('Europe/Lisbon', winter)).toBe('Europe/Lisbon · 14:05 WET');
    expect(describeZone('Mars/Olympus', winter)).toBe('Mars/Olympus');
  });

  it('accepts IANA zones and refuses anything else', () => {
    expect(isValidTimeZone('Europe/Lisbon')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(' Europe/Lisbon')).toBe(false);
  });

  it('lists zones sorted, including UTC', () => {
    const zones = listTimeZones();
    expect(zones).toContain('UTC');
    expect(zones).toContain('Europe/Moscow');
    expect([...zones].sort()).toEqual(zones);
  });
});
