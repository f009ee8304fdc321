import type { FeedEvent } from './feed-event';
import { foldLines, writeCalendar } from './write-calendar';

const octets = (line: string) => new TextEncoder().encode(line).length;
/** RFC 5545 §3.1 unfolding: CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

function event(overrides: Partial<FeedEvent> = {}): FeedEvent {
  return {
    uid: 'shift-1@shiftdesk',
    start: Date.UTC(2027, 2, 27, 23, 0),
    end: Date.UTC(2027, 2, 28, 6, 0),
    summary: 'Shift · email',
    description: 'Your time (Europe/Berlin): Sun 2027-03-28 00:00 – 08:00',
    location: 'email',
    transparency: 'opaque',
    attendee: { name: 'Anna Müller', email: 'anna@example.com' },
    categories: ['Shift'],
    sequence: 2,
    lastModified: Date.UTC(2026, 10, 20, 10, 30, 15),
    cancelled: false,
    ...overrides,
  };
}

const base = {
  name: 'Anna Müller · shifts',
  timeZone: 'Europe/Berlin',
  refreshMinutes: 30,
  organizer: { name: 'Team Berlin', email: 'noreply@shiftdesk.invalid' },
};

describe('writeCalendar (RFC 5545)', () => {
  it('ends every line with CRLF and no line with a bare LF or CR', () => {
    const text = writeCalendar({ ...base, events: [event()] });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the calendar properties a subscription needs', () => {
    const lines = unfold(writeCalendar({ ...base, events: [] })).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Shiftdesk//Shiftdesk feeds//EN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Anna Müller · shifts',
        'X-WR-TIMEZONE:Europe/Berlin',
        'REFRESH-INTERVAL;VALUE=DURATION:PT30M',
        'X-PUBLISHED-TTL:PT30M',
        'END:VCALENDAR',
      ]),
    );
  });

  it('writes DTSTAMP (= LAST-MODIFIED), DTSTART, DTEND in UTC with the Z, whatever the host zone', () => {
    const lines = unfold(writeCalendar({ ...base, events: [event()] })).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'UID:shift-1@shiftdesk',
        'SEQUENCE:2',
        'DTSTAMP:20261120T103015Z',
        'DTSTART:20270327T230000Z',
        'DTEND:20270328T060000Z',
        'LAST-MODIFIED:20261120T103015Z',
        'STATUS:CONFIRMED',
        'TRANSP:OPAQUE',
      ]),
    );
    expect(lines.some((line) => line.startsWith('DTSTART;TZID') || line.startsWith('BEGIN:VTIMEZONE'))).toBe(false);
  });

  it('marks removed events STATUS:CANCELLED and free shifts TRANSP:TRANSPARENT', () => {
    const lines = unfold(writeCalendar({ ...base, events: [event({ cancelled: true, transparency: 'transparent' })] })).split('\r\n');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('TRANSP:TRANSPARENT');
  });

  it('escapes backslash, semicolon, comma and newline in TEXT values, also in the calendar name', () => {
    const text = unfold(writeCalendar({ ...base, name: 'Ops; Night, \\ crew', events: [event({ summary: 'Phone; lead, back\\office', description: 'line one\nline two' })] }));
    expect(text).toContain('X-WR-CALNAME:Ops\\; Night\\, \\\\ crew\r\n');
    expect(text).toContain('SUMMARY:Phone\\; lead\\, back\\\\office\r\n');
    expect(text).toContain('DESCRIPTION:line one\\nline two\r\n');
  });

  it('folds long lines at 75 octets without splitting a multi-byte UTF-8 character', () => {
    const summary = `Schicht für Jürgen ${'ü€😀'.repeat(40)} Ende`;
    const text = writeCalendar({ ...base, events: [event({ summary, description: 'x'.repeat(300) })] });
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    // Some continuation lines are filled to the limit (or within a 4-octet character of it).
    expect(lines.filter((line) => line.startsWith(' ')).some((line) => octets(line) >= 72)).toBe(true);
    expect(text).not.toContain('\uFFFD');
    expect(unfold(text)).toContain(`SUMMARY:${summary}\r\n`);
  });
});

describe('foldLines', () => {
  it('leaves a 75-octet line alone and folds a 76-octet one into 75 + (space + 1)', () => {
    expect(foldLines(`${'a'.repeat(75)}\r\n`)).toBe(`${'a'.repeat(75)}\r\n`);
    expect(foldLines(`${'a'.repeat(76)}\r\n`)).toBe(`${'a'.repeat(75)}\r\n a\r\n`);
  });

  it('moves a 2-octet character that would straddle octet 75 to the next line', () => {
    const folded = foldLines(`${'a'.repeat(74)}é\r\n`);
    expect(folded).toBe(`${'a'.repeat(74)}\r\n é\r\n`);
  });
});
