import {
  addCalendarDays,
  formatDurationHours,
  formatEpochDay,
  fromEpochDay,
  getIsoWeekday,
  getStartOfIsoWeek,
  isLocalDate,
  parseMinuteOfDay,
  toEpochDay,
} from './local-date-time';

describe('zone-less calendar arithmetic', () => {
  it('adds calendar days, finds weekdays and ISO week starts, and recognises dates', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(getIsoWeekday('2024-03-04')).toBe(1);
    expect(getIsoWeekday('2024-03-10')).toBe(7);
    expect(getStartOfIsoWeek('2024-03-10')).toBe('2024-03-04');
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2024-3-1')).toBe(false);
  });

  it('starts the ISO week on the Monday before, across a year end', () => {
    expect(getStartOfIsoWeek('2027-01-01')).toBe('2026-12-28'); // a Friday
    expect(getStartOfIsoWeek('2026-12-28')).toBe('2026-12-28'); // already a Monday
  });

  it('throws on a malformed date instead of producing NaN text', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => getIsoWeekday('not a date')).toThrow(RangeError);
  });

  it('round-trips epoch days over four centuries', () => {
    // Mismatches collected and compared once: 146,000 expect() calls took 20 s of the suite.
    const wrong: string[] = [];
    for (let day = toEpochDay({ year: 1900, month: 1, day: 1 }); day < toEpochDay({ year: 2300, month: 1, day: 1 }); day += 1) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (toEpochDay(fromEpochDay(day)) !== day || formatEpochDay(day) !== expected) wrong.push(`${day}: ${formatEpochDay(day)}, expected ${expected}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('parseMinuteOfDay', () => {
  it('reads HH:mm as minutes after midnight and 24:00 only as an end of day', () => {
    expect(parseMinuteOfDay('00:00')).toBe(0);
    expect(parseMinuteOfDay('23:59')).toBe(1439);
    expect(parseMinuteOfDay('24:00')).toBeNull();
    expect(parseMinuteOfDay('24:00', { allowEndOfDay: true })).toBe(1440);
    expect(parseMinuteOfDay('9:00')).toBeNull();
    expect(parseMinuteOfDay('24:30', { allowEndOfDay: true })).toBeNull();
  });
});

describe('formatDurationHours', () => {
  it('keeps at most one decimal and drops a trailing .0', () => {
    expect(formatDurationHours(9.5)).toBe('9.5');
    expect(formatDurationHours(11)).toBe('11');
    expect(formatDurationHours(10.04)).toBe('10');
    expect(formatDurationHours(7.25)).toBe('7.3');
  });
});
