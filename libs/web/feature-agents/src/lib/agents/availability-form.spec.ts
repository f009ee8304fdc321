import { copyMondayToWeekdays, describeWindow, emptyDays, fromAvailability, toAvailability } from './availability-form';

describe('availability form rows', () => {
  it('turns "Any time" into null and null back into "Any time" with no rows', () => {
    expect(toAvailability({ anyTime: true, days: { ...emptyDays(), 1: [{ start: '08:00', end: '20:00' }] } })).toBeNull();
    expect(fromAvailability(null)).toEqual({ anyTime: true, days: emptyDays() });
    expect(fromAvailability(undefined).anyTime).toBe(true);
  });

  it('keeps weekdays with rows, leaves the others out (not available), and trims times', () => {
    const days = { ...emptyDays(), 1: [{ start: ' 08:00', end: '12:00 ' }, { start: '13:00', end: '20:00' }], 5: [{ start: '22:00', end: '06:00' }], 7: [{ start: '16:00', end: '24:00' }] };
    expect(toAvailability({ anyTime: false, days })).toEqual({
      1: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '20:00' }],
      5: [{ start: '22:00', end: '06:00' }],
      7: [{ start: '16:00', end: '24:00' }],
    });
    expect(toAvailability({ anyTime: false, days: emptyDays() })).toEqual({});
  });

  it('round-trips a saved map', () => {
    const saved = { 2: [{ start: '09:00', end: '17:00' }], 6: [{ start: '10:00', end: '14:00' }] };
    const rows = fromAvailability(saved);
    expect(rows.anyTime).toBe(false);
    expect(rows.days[1]).toEqual([]);
    expect(toAvailability(rows)).toEqual(saved);
  });

  it('copies Monday to Tuesday–Friday without sharing rows, and leaves the weekend', () => {
    const days = copyMondayToWeekdays({ ...emptyDays(), 1: [{ start: '08:00', end: '21:00' }], 3: [{ start: '01:00', end: '02:00' }], 6: [{ start: '10:00', end: '12:00' }] });
    expect([days[2], days[3], days[4], days[5]]).toEqual(Array(4).fill([{ start: '08:00', end: '21:00' }]));
    expect(days[6]).toEqual([{ start: '10:00', end: '12:00' }]);
    days[2][0].start = '09:00';
    expect(days[1][0].start).toBe('08:00');
  });

  it('says when a window runs into the next day', () => {
    expect(describeWindow({ start: '08:00', end: '20:00' })).toBe('08:00–20:00');
    expect(describeWindow({ start: '22:00', end: '06:00' })).toBe('22:00–06:00 (next day)');
    expect(describeWindow({ start: '16:00', end: '24:00' })).toBe('16:00–24:00');
  });
});
