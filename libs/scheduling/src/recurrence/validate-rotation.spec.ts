import { parseRecurrenceRule } from './parse-recurrence-rule';
import type { Rotation } from './rotation';
import { validateRotation } from './validate-rotation';

const valid: Rotation = {
  id: 'r1',
  timeZone: 'America/New_York',
  localStartTime: '22:00',
  localEndTime: '06:00',
  rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  exdates: ['2026-07-03'],
  agentIds: ['ana', 'ben'],
  handoff: { mode: 'turns', every: 5 },
  startDate: '2026-01-05',
  endDate: '2027-01-01',
  status: 'draft',
};

describe('validateRotation', () => {
  it('accepts a valid rotation', () => {
    expect(validateRotation(valid)).toEqual({ ok: true, value: valid });
  });

  it.each<[string, Partial<Rotation>, string, string]>([
    ['bad zone', { timeZone: 'UTC+3' }, 'invalid-zone', 'timeZone'],
    ['bad start time', { localStartTime: '25:00' }, 'invalid-time', 'localStartTime'],
    ['bad rrule', { rrule: 'FREQ=HOURLY' }, 'invalid-rrule', 'rrule'],
    ['empty agents', { agentIds: [] }, 'no-agents', 'agentIds'],
    ['duplicate agent', { agentIds: ['ana', 'ana'] }, 'duplicate-agent', 'agentIds[1]'],
    ['end before start', { endDate: '2026-01-05' }, 'end-before-start', 'endDate'],
    ['UNTIL before start', { rrule: 'FREQ=DAILY;UNTIL=20251231' }, 'end-before-start', 'rrule'],
    ['bad exdate', { exdates: ['2026-02-30'] }, 'invalid-date', 'exdates[0]'],
    ['bad start date', { startDate: '05/01/2026' }, 'invalid-date', 'startDate'],
    ['zero turns', { handoff: { mode: 'turns', every: 0 } }, 'invalid-handoff', 'handoff.every'],
    ['break outside the shift', { breaks: [{ startAfterMinutes: 450, durationMinutes: 60 }] }, 'invalid-break', 'breaks[0]'],
  ])('refuses %s', (_name, patch, reason, field) => {
    const result = validateRotation({ ...valid, ...patch });
    expect(result).toMatchObject({ ok: false, reason, field });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it('lists every problem at once', () => {
    const result = validateRotation({ ...valid, timeZone: 'Nowhere', agentIds: [], rrule: 'FREQ=DAILY;BYDAY=XX' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['timeZone', 'rrule', 'agentIds']);
  });
});

describe('parseRecurrenceRule', () => {
  it('reads the supported subset', () => {
    expect(parseRecurrenceRule('RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR,1MO;COUNT=6')).toEqual({
      ok: true,
      value: {
        freq: 'MONTHLY',
        interval: 2,
        byDay: [{ weekday: 5, nth: -1 }, { weekday: 1, nth: 1 }],
        count: 6,
        until: null,
        weekStart: 1,
      },
    });
  });

  it.each([
    ['', 'non-empty'],
    ['BYDAY=MO', 'FREQ is required'],
    ['FREQ=MINUTELY', 'not supported'],
    ['FREQ=DAILY;BYHOUR=9', 'BYHOUR is not supported'],
    ['FREQ=DAILY;INTERVAL=abc', 'INTERVAL'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL'],
    ['FREQ=WEEKLY;BYDAY=XX', 'BYDAY'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'only allowed with FREQ=MONTHLY'],
    ['FREQ=DAILY;COUNT=2;UNTIL=20260101', 'must not both'],
    ['FREQ=DAILY;UNTIL=20260230', 'UNTIL'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'twice'],
    ['FREQ=DAILY\nDTSTART:20260101T090000', 'single RRULE line'],
    ['FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30', 'BYMONTH is not supported'],
  ])('refuses %j', (text, message) => {
    const result = parseRecurrenceRule(text);
    expect(result).toMatchObject({ ok: false, reason: 'invalid-rrule', field: 'rrule' });
    if (!result.ok) expect(result.message).toContain(message);
  });
});
