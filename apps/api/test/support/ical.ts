import ICAL from 'ical.js';

/** One VEVENT as an independent parser (ical.js) reads it. */
export interface ParsedEvent {
  uid: string;
  start: number;
  end: number;
  sequence: number;
  status: string;
  summary: string;
  description: string;
  transparency: string;
  attendee: string | null;
  lastModified: number | null;
  stamp: string;
}

export interface ParsedCalendar {
  properties: Record<string, string>;
  events: ParsedEvent[];
}

/** Parses an RFC 5545 text with ical.js (not the library that wrote it). */
export function parseCalendar(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  const properties: Record<string, string> = {};
  for (const property of root.getAllProperties()) properties[property.name.toUpperCase()] = String(property.getFirstValue());
  const events = root.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const lastModified = component.getFirstPropertyValue('last-modified') as ICAL.Time | null;
    const attendee = component.getFirstPropertyValue('attendee');
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue('status')),
      summary: event.summary,
      description: event.description,
      transparency: String(component.getFirstPropertyValue('transp')),
      attendee: attendee === null ? null : String(attendee).replace(/^mailto:/i, ''),
      lastModified: lastModified ? lastModified.toJSDate().getTime() : null,
      stamp: String(component.getFirstProperty('dtstamp')?.toICALString() ?? ''),
    };
  });
  return { properties, events };
}
