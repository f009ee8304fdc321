import type { ScheduledShift } from '@shiftdesk/shared-api-contract';
import { formatBesideIn, formatMomentIn, formatShiftIn, formatSpanIn, formatTimeOff, localToIso, myShiftsWindow, paidHours, splitShifts } from './shift-time';

function shift(id: string, start: string, end: string, breaks: ScheduledShift['breaks'] = []): ScheduledShift {
  return { id, agentId: 'a1', start, end, timeZone: 'Europe/Moscow', channel: null, label: null, breaks, status: 'published', source: 'manual', rotationId: null, locked: false };
}

describe('shift times on the agent\u2019s clock', () => {
  it('reads a shift in the agent\u2019s zone and beside it in the team\u2019s when it differs', () => {
    // 06:00–14:00 UTC: 06:00 in Lisbon (WET, winter), 09:00 in Moscow (MSK, or UTC+3 where the runtime has no letters for it).
    expect(formatShiftIn('2026-11-24T06:00:00.000Z', '2026-11-24T14:00:00.000Z', 'Europe/Lisbon')).toBe('Tue 24 Nov · 06:00–14:00 WET');
    expect(formatBesideIn('2026-11-24T06:00:00.000Z', '2026-11-24T14:00:00.000Z', 'Europe/Lisbon', 'Europe/Moscow')).toMatch(/^Tue 24 Nov · 09:00–17:00 (MSK|UTC\+3)$/);
    expect(formatBesideIn('2026-11-24T06:00:00.000Z', '2026-11-24T14:00:00.000Z', 'Europe/Moscow', 'Europe/Moscow')).toBeNull();
    // Same wall clock under another name: nothing to add.
    expect(formatBesideIn('2026-11-24T06:00:00.000Z', '2026-11-24T14:00:00.000Z', 'Europe/Moscow', 'Europe/Simferopol')).toBeNull();
  });

  it('marks a night shift that ends the next local day, and a span across a DST change', () => {
    expect(formatSpanIn(Date.parse('2026-11-24T19:00:00Z'), Date.parse('2026-11-25T03:00:00Z'), 'Europe/Moscow')).toMatch(/^22:00–06:00 (MSK|UTC\+3) \(\+1 day\)$/);
    // Europe/Berlin leaves summer time at 03:00 CEST on 25 Oct 2026.
    expect(formatSpanIn(Date.parse('2026-10-24T22:00:00Z'), Date.parse('2026-10-25T05:00:00Z'), 'Europe/Berlin')).toBe('00:00 CEST–06:00 CET');
    // Kolkata has no letter abbreviation in every runtime: the numeric one is shortened.
    expect(formatMomentIn('2026-11-24T06:00:00.000Z', 'Asia/Kolkata')).toMatch(/^Tue 24 Nov 11:30 (IST|UTC\+5:30)$/);
  });

  it('splits shifts around now: current, upcoming soonest first, past latest first', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    const shifts = [shift('later', '2026-11-26T06:00:00Z', '2026-11-26T14:00:00Z'), shift('now', '2026-11-24T06:00:00Z', '2026-11-24T14:00:00Z'), shift('next', '2026-11-25T06:00:00Z', '2026-11-25T14:00:00Z'), shift('old', '2026-11-20T06:00:00Z', '2026-11-20T14:00:00Z'), shift('older', '2026-11-19T06:00:00Z', '2026-11-19T14:00:00Z'), shift('ended', '2026-11-24T02:00:00Z', '2026-11-24T10:00:00Z')];
    const split = splitShifts(shifts, now);
    expect(split.current?.id).toBe('now');
    expect(split.next?.id).toBe('next');
    expect(split.upcoming.map((s) => s.id)).toEqual(['next', 'later']);
    // [start, end): a shift ending exactly now is past.
    expect(split.past.map((s) => s.id)).toEqual(['ended', 'old', 'older']);
    expect(splitShifts([], now)).toEqual({ current: null, upcoming: [], next: null, past: [] });
  });

  it('counts paid hours without breaks, and asks for four weeks back and eight ahead', () => {
    expect(paidHours(shift('s', '2026-11-24T06:00:00Z', '2026-11-24T14:00:00Z', [{ start: '2026-11-24T10:00:00Z', end: '2026-11-24T10:30:00Z' }]))).toBe(7.5);
    expect(myShiftsWindow(Date.parse('2026-11-23T12:00:00Z'))).toEqual({ from: '2026-10-26T12:00:00.000Z', to: '2027-01-18T12:00:00.000Z' });
  });

  it('describes time off in the zone it was entered in, and turns local hours into instants', () => {
    const allDay = { start: '2026-11-30T21:00:00.000Z', end: '2026-12-05T21:00:00.000Z', timeZone: 'Europe/Moscow', allDay: true, firstDate: '2026-12-01', lastDate: '2026-12-05', reason: 'vacation' as const };
    expect(formatTimeOff(allDay)).toBe('Tue 1 Dec – Sat 5 Dec (5 days, Europe/Moscow)');
    expect(formatTimeOff({ ...allDay, lastDate: '2026-12-01' })).toBe('Tue 1 Dec (whole day, Europe/Moscow)');
    expect(formatTimeOff({ ...allDay, allDay: false, firstDate: null, lastDate: null, start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T14:00:00.000Z' })).toMatch(/^Tue 1 Dec · 13:00–17:00 (MSK|UTC\+3)$/);
    expect(localToIso('2026-12-01', '13:00', 'Europe/Moscow')).toBe('2026-12-01T10:00:00.000Z');
    expect(localToIso('2026-13-01', '13:00', 'Europe/Moscow')).toBeNull();
  });
});
