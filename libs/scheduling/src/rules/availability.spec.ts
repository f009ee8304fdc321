import { isWithinAvailability, validateAvailability } from './availability';
import type { AvailabilityByWeekday } from '../model/types';

const at = (iso: string) => Date.parse(iso);
const within = (availability: AvailabilityByWeekday | null, zone: string, start: string, end: string) =>
  isWithinAvailability({ availability, zone, start: at(start), end: at(end) });

describe('isWithinAvailability', () => {
  const weekdaysDaytime: AvailabilityByWeekday = { 1: [{ start: '08:00', end: '20:00' }], 2: [{ start: '08:00', end: '20:00' }] };

  it('treats null availability as available any time', () => {
    expect(within(null, 'Europe/Lisbon', '2026-01-04T02:00:00Z', '2026-01-04T10:00:00Z')).toBe(true);
    expect(isWithinAvailability({ availability: undefined, zone: 'Europe/Lisbon', start: at('2026-01-04T02:00:00Z'), end: at('2026-01-04T10:00:00Z') })).toBe(true);
  });

  it('reads windows on the agent’s own wall clock (Lisbon agent, Moscow 07:00 shape)', () => {
    // Monday 2026-01-05: Lisbon is UTC+0 in winter, Moscow UTC+3.
    expect(within(weekdaysDaytime, 'Europe/Lisbon', '2026-01-05T09:00:00Z', '2026-01-05T17:00:00Z')).toBe(true);
    // 07:00 Moscow = 04:00 Lisbon: outside 08:00–20:00.
    expect(within(weekdaysDaytime, 'Europe/Lisbon', '2026-01-05T04:00:00Z', '2026-01-05T12:00:00Z')).toBe(false);
    // Ends one minute past 20:00.
    expect(within(weekdaysDaytime, 'Europe/Lisbon', '2026-01-05T12:00:00Z', '2026-01-05T20:01:00Z')).toBe(false);
    // Ends exactly at 20:00: half-open, inside.
    expect(within(weekdaysDaytime, 'Europe/Lisbon', '2026-01-05T12:00:00Z', '2026-01-05T20:00:00Z')).toBe(true);
  });

  it('treats a weekday missing from the map as not available', () => {
    // Wednesday 2026-01-07.
    expect(within(weekdaysDaytime, 'Europe/Lisbon', '2026-01-07T09:00:00Z', '2026-01-07T10:00:00Z')).toBe(false);
    expect(within({}, 'Europe/Lisbon', '2026-01-05T09:00:00Z', '2026-01-05T10:00:00Z')).toBe(false);
  });

  it('runs an overnight window (end before start) into the next day', () => {
    const nights: AvailabilityByWeekday = { 5: [{ start: '22:00', end: '06:00' }] };
    // Friday 2026-01-09 23:00 → Saturday 05:00, New York (UTC−5).
    expect(within(nights, 'America/New_York', '2026-01-10T04:00:00Z', '2026-01-10T10:00:00Z')).toBe(true);
    expect(within(nights, 'America/New_York', '2026-01-10T10:00:00Z', '2026-01-10T12:00:00Z')).toBe(false);
    // Saturday night is not covered: the window belongs to Friday.
    expect(within(nights, 'America/New_York', '2026-01-11T04:00:00Z', '2026-01-11T05:00:00Z')).toBe(false);
  });

  it('accepts 24:00 as an end and joins windows across midnight for a shift that crosses it', () => {
    const evenings: AvailabilityByWeekday = { 1: [{ start: '16:00', end: '24:00' }], 2: [{ start: '00:00', end: '08:00' }] };
    // Monday 22:00 → Tuesday 06:00 Kolkata (UTC+05:30).
    expect(within(evenings, 'Asia/Kolkata', '2026-01-05T16:30:00Z', '2026-01-06T00:30:00Z')).toBe(true);
    const mondayOnly: AvailabilityByWeekday = { 1: [{ start: '16:00', end: '24:00' }] };
    expect(within(mondayOnly, 'Asia/Kolkata', '2026-01-05T16:30:00Z', '2026-01-06T00:30:00Z')).toBe(false);
    expect(within(mondayOnly, 'Asia/Kolkata', '2026-01-05T16:30:00Z', '2026-01-05T18:30:00Z')).toBe(true);
  });

  it('keeps local times on the Lisbon spring-forward day (2026-03-29, 01:00 → 02:00)', () => {
    const sunday: AvailabilityByWeekday = { 7: [{ start: '00:00', end: '03:00' }] };
    // 00:00 WET = 00:00Z; 03:00 WEST = 02:00Z: two real hours.
    expect(within(sunday, 'Europe/Lisbon', '2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z')).toBe(true);
    expect(within(sunday, 'Europe/Lisbon', '2026-03-29T00:00:00Z', '2026-03-29T02:30:00Z')).toBe(false);
  });

  it('keeps local times on the Lisbon fall-back day (2026-10-25, 02:00 → 01:00)', () => {
    const sunday: AvailabilityByWeekday = { 7: [{ start: '00:00', end: '03:00' }] };
    // 00:00 WEST = Saturday 23:00Z; 03:00 WET = 03:00Z: four real hours.
    expect(within(sunday, 'Europe/Lisbon', '2026-10-24T23:00:00Z', '2026-10-25T03:00:00Z')).toBe(true);
    expect(within(sunday, 'Europe/Lisbon', '2026-10-24T22:59:00Z', '2026-10-25T01:00:00Z')).toBe(false);
  });

  it('keeps local times on the New York spring-forward day (2026-03-08) and an overnight window across it', () => {
    const daytime: AvailabilityByWeekday = { 7: [{ start: '08:00', end: '20:00' }] };
    // 08:00 EDT = 12:00Z (the day before it would have been 13:00Z).
    expect(within(daytime, 'America/New_York', '2026-03-08T12:00:00Z', '2026-03-09T00:00:00Z')).toBe(true);
    expect(within(daytime, 'America/New_York', '2026-03-08T11:30:00Z', '2026-03-08T16:00:00Z')).toBe(false);
    const saturdayNight: AvailabilityByWeekday = { 6: [{ start: '22:00', end: '06:00' }] };
    // Saturday 22:00 EST = 03:00Z, Sunday 06:00 EDT = 10:00Z: seven real hours.
    expect(within(saturdayNight, 'America/New_York', '2026-03-08T03:00:00Z', '2026-03-08T10:00:00Z')).toBe(true);
    expect(within(saturdayNight, 'America/New_York', '2026-03-08T03:00:00Z', '2026-03-08T11:00:00Z')).toBe(false);
  });

  it('keeps local times on the New York fall-back day (2026-11-01, 02:00 → 01:00)', () => {
    const early: AvailabilityByWeekday = { 7: [{ start: '00:00', end: '06:00' }] };
    // 00:00 EDT = 04:00Z, 06:00 EST = 11:00Z: seven real hours.
    expect(within(early, 'America/New_York', '2026-11-01T04:00:00Z', '2026-11-01T11:00:00Z')).toBe(true);
    expect(within(early, 'America/New_York', '2026-11-01T04:00:00Z', '2026-11-01T11:30:00Z')).toBe(false);
  });

  it('is true for an empty span', () => {
    expect(within({}, 'Europe/Lisbon', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z')).toBe(true);
  });
});

describe('validateAvailability', () => {
  it('accepts null, an empty map, 24:00 ends and overnight windows', () => {
    expect(validateAvailability(null)).toEqual([]);
    expect(validateAvailability({})).toEqual([]);
    expect(validateAvailability({ 1: [{ start: '16:00', end: '24:00' }], 2: [{ start: '00:00', end: '08:00' }], 5: [{ start: '22:00', end: '06:00' }] })).toEqual([]);
  });

  it('names each bad time with its weekday and window index', () => {
    expect(validateAvailability({ 1: [{ start: '8:00', end: '20:00' }], 3: [{ start: '08:00', end: '20:00' }, { start: '21:00', end: '25:00' }] })).toEqual([
      { field: 'availability.1.0.start', reason: 'invalid-time', message: 'must be a time HH:mm from 00:00 to 23:59' },
      { field: 'availability.3.1.end', reason: 'invalid-time', message: expect.stringContaining('must be a time HH:mm') },
    ]);
    expect(validateAvailability({ 2: [{ start: '24:00', end: '06:00' }] }).map((e) => e.field)).toEqual(['availability.2.0.start']);
    expect(validateAvailability({ 2: [null] }).map((e) => e.field)).toEqual(['availability.2.0.start', 'availability.2.0.end']);
  });

  it('rejects unknown weekdays and shapes that are not a map of lists', () => {
    expect(validateAvailability([]).map((e) => e.field)).toEqual(['availability']);
    expect(validateAvailability('any').map((e) => e.reason)).toEqual(['invalid-availability']);
    expect(validateAvailability({ 8: [] }).map((e) => [e.field, e.reason])).toEqual([['availability.8', 'invalid-weekday']]);
    expect(validateAvailability({ 1: { start: '08:00', end: '20:00' } }).map((e) => e.field)).toEqual(['availability.1']);
  });

  it('rejects overlapping windows of one weekday and an overnight window running into the next day’s', () => {
    expect(validateAvailability({ 4: [{ start: '12:00', end: '20:00' }, { start: '08:00', end: '12:30' }] })).toEqual([
      { field: 'availability.4.0', reason: 'overlapping-windows', message: 'overlaps availability.4.1; join them into one window' },
    ]);
    // Touching windows are fine.
    expect(validateAvailability({ 4: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '20:00' }] })).toEqual([]);
    // Sunday 22:00–06:00 runs into Monday 05:00–10:00.
    expect(validateAvailability({ 7: [{ start: '22:00', end: '06:00' }], 1: [{ start: '05:00', end: '10:00' }] }).map((e) => e.field)).toEqual(['availability.1.0']);
    expect(validateAvailability({ 7: [{ start: '22:00', end: '06:00' }], 1: [{ start: '06:00', end: '10:00' }] })).toEqual([]);
  });

  it('uses the path it is given', () => {
    expect(validateAvailability({ 1: [{ start: 'x', end: '10:00' }] }, 'agents.0.availability')[0].field).toBe('agents.0.availability.1.0.start');
  });
});
