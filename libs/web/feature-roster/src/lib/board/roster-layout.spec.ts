import { layoutRow, layoutShift, shiftHours } from './roster-layout';

// Week of the Europe/Berlin spring-forward: Sunday 2026-03-29, 02:00 CET → 03:00 CEST.
const WEEK = '2026-03-23';

describe('layoutShift', () => {
  it('places a 09:00–17:00 CEST shift on the DST Sunday by wall clock in Berlin', () => {
    const shift = { id: 's1', start: '2026-03-29T07:00:00.000Z', end: '2026-03-29T15:00:00.000Z' };
    const [segment, ...rest] = layoutShift(shift, WEEK, 'Europe/Berlin');
    expect(rest).toHaveLength(0);
    expect(segment).toMatchObject({ dayIndex: 6, startMinute: 540, endMinute: 1020, continuesBefore: false, continuesAfter: false });
    expect(segment?.left).toBeCloseTo(37.5);
    expect(segment?.width).toBeCloseTo((8 / 24) * 100);
  });

  it('moves the same shift when the board shows UTC or New York', () => {
    const shift = { id: 's1', start: '2026-03-29T07:00:00.000Z', end: '2026-03-29T15:00:00.000Z' };
    expect(layoutShift(shift, WEEK, 'UTC')[0]).toMatchObject({ dayIndex: 6, startMinute: 420, endMinute: 900 });
    // New York is already on EDT (since 8 March): 03:00–11:00.
    expect(layoutShift(shift, WEEK, 'America/New_York')[0]).toMatchObject({ dayIndex: 6, startMinute: 180, endMinute: 660 });
    // Kolkata (+05:30): 12:30–20:30.
    expect(layoutShift(shift, WEEK, 'Asia/Kolkata')[0]).toMatchObject({ dayIndex: 6, startMinute: 750, endMinute: 1230 });
  });

  it('splits a night shift over the short night into two days; it lasts 7 h, not 8', () => {
    // Sat 22:00 CET → Sun 06:00 CEST.
    const shift = { id: 'n1', start: '2026-03-28T21:00:00.000Z', end: '2026-03-29T04:00:00.000Z' };
    const segments = layoutShift(shift, WEEK, 'Europe/Berlin');
    expect(segments).toEqual([
      expect.objectContaining({ dayIndex: 5, startMinute: 1320, endMinute: 1440, continuesBefore: false, continuesAfter: true }),
      expect.objectContaining({ dayIndex: 6, startMinute: 0, endMinute: 360, continuesBefore: true, continuesAfter: false }),
    ]);
    expect(segments[1]?.left).toBe(0);
    expect(segments[1]?.width).toBeCloseTo(25);
    expect(shiftHours(shift)).toBe(7);
  });

  it('keeps a shift in the repeated hour of a fall-back day visible', () => {
    // Berlin 2026-10-25: 03:00 CEST → 02:00 CET. 02:30 CEST (00:30Z) → 02:15 CET (01:15Z) runs 45 min.
    const segments = layoutShift({ id: 'f', start: '2026-10-25T00:30:00.000Z', end: '2026-10-25T01:15:00.000Z' }, '2026-10-19', 'Europe/Berlin');
    expect(segments).toHaveLength(1);
    const [segment] = segments;
    expect(segment?.startMinute).toBe(150);
    expect(segment?.endMinute).toBeGreaterThan(segment?.startMinute ?? Infinity);
    expect(segment?.width).toBeGreaterThan(0);
  });

  it('ignores shifts outside the week and clips those that cross its edges', () => {
    expect(layoutShift({ id: 'x', start: '2026-03-30T08:00:00.000Z', end: '2026-03-30T16:00:00.000Z' }, WEEK, 'Europe/Berlin')).toEqual([]);
    // Sunday 22:00 CEST → Monday 06:00: only Sunday's part is on this week.
    const edge = layoutShift({ id: 'e', start: '2026-03-29T20:00:00.000Z', end: '2026-03-30T04:00:00.000Z' }, WEEK, 'Europe/Berlin');
    expect(edge).toEqual([expect.objectContaining({ dayIndex: 6, startMinute: 1320, endMinute: 1440, continuesAfter: true })]);
  });
});

describe('layoutRow', () => {
  it('groups segments by day in start order', () => {
    const days = layoutRow(
      [
        { id: 'b', start: '2026-03-23T13:00:00.000Z', end: '2026-03-23T17:00:00.000Z' },
        { id: 'a', start: '2026-03-23T07:00:00.000Z', end: '2026-03-23T11:00:00.000Z' },
      ],
      WEEK,
      'Europe/Berlin',
    );
    expect(days).toHaveLength(7);
    expect(days[0]?.map((s) => s.shiftId)).toEqual(['a', 'b']);
    expect(days.slice(1).every((d) => d.length === 0)).toBe(true);
  });
});
