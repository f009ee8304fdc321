// fast-check is a test-only tool; the domain's allowedExternalImports list is meant for runtime code.
import fc from 'fast-check';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { FeedEvent } from './feed-event';
import { foldLines, writeCalendar, writeFeedEvent } from './write-calendar';

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

/**
 * The oracle: the event as ical-generator writes it (what `writeFeedEvent` used to call, one
 * calendar object per event), folded by `foldLines`. The hand-written writer must give the same
 * bytes for every event, so subscribed calendars see no change when the server switches.
 */
function writeWithLibrary(event: FeedEvent, organizer: { name: string; email: string }): string {
  const calendar = ical({ prodId: { company: 'Shiftdesk', product: 'Shiftdesk feeds', language: 'EN' } });
  const component = calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: new Date(event.lastModified),
    lastModified: new Date(event.lastModified),
    start: new Date(event.start),
    end: new Date(event.end),
    summary: event.summary,
    description: event.description,
    location: event.location,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency: event.transparency === 'transparent' ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    organizer: { name: organizer.name, email: organizer.email },
    attendees: event.attendee ? [{ name: event.attendee.name, email: event.attendee.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.ACCEPTED }] : [],
    categories: event.categories.map((name) => ({ name })),
  });
  return foldLines(component.toString());
}

describe('writeFeedEvent against ical-generator', () => {
  // Text with what needs escaping or folding: separators, quotes, newlines, 2-, 3- and 4-octet characters.
  const piece = fc.constantFrom('a', 'Z', ' ', ',', ';', ':', '\\', '"', '\n', '\r\n', '\r', 'é', 'ü', '–', '’', '·', '€', '😀', '漢', 'x'.repeat(40));
  const textArb = (min = 0) => fc.array(piece, { minLength: min, maxLength: 40 }).map((parts) => parts.join(''));
  const instant = fc.integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2099, 0, 1) });
  const eventArb = fc.record({
    uid: fc.stringMatching(/^[a-z0-9-]{1,60}@shiftdesk$/),
    start: instant,
    length: fc.integer({ min: 0, max: 2 * 86_400_000 }),
    summary: textArb(),
    description: textArb(),
    location: fc.option(textArb(1), { nil: null }),
    transparency: fc.constantFrom('opaque' as const, 'transparent' as const),
    attendee: fc.option(fc.record({ name: textArb(), email: fc.stringMatching(/^[a-z0-9.+_-]{1,30}@[a-z0-9.-]{1,30}$/) }), { nil: null }),
    categories: fc.array(textArb(1), { maxLength: 3 }),
    sequence: fc.nat({ max: 10_000 }),
    lastModified: instant,
    cancelled: fc.boolean(),
  });

  it('writes the same bytes as ical-generator for any event, organizer and text', () => {
    fc.assert(
      fc.property(eventArb, textArb(1), ({ length, ...rest }, organizerName) => {
        const event: FeedEvent = { ...rest, end: rest.start + length };
        const organizer = { name: organizerName, email: 'noreply@shiftdesk.invalid' };
        expect(writeFeedEvent(event, organizer)).toBe(writeWithLibrary(event, organizer));
      }),
      { numRuns: 500 },
    );
  });

  it('writes the same bytes for the feeds’ own events (shift and gap shapes)', () => {
    const organizer = { name: 'Feeds, Ops; "Desk"', email: 'noreply@shiftdesk.invalid' };
    for (const e of [event(), event({ cancelled: true, location: null, attendee: null, categories: ['Gap'], transparency: 'transparent' }), event({ lastModified: Date.UTC(2026, 0, 1, 0, 0, 0, 999) })]) {
      expect(writeFeedEvent(e, organizer)).toBe(writeWithLibrary(e, organizer));
    }
  });
});
