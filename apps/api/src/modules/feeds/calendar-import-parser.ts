import { isValidTimeZone, wallToInstant, type Instant } from '@shiftdesk/scheduling';
import ICAL from 'ical.js';

/** One busy span read from an external calendar: [start, end) UTC ms. */
export interface ParsedSpan {
  start: Instant;
  end: Instant;
  /** IANA zone the event was written in; null for UTC, floating or a non-IANA VTIMEZONE. */
  timeZone: string | null;
  allDay: boolean;
  summary: string;
}

export type ParseResult = { ok: true; spans: ParsedSpan[] } | { ok: false; message: string };

/** More spans than this in one calendar (within the window) is refused rather than truncated. */
export const MAX_IMPORT_SPANS = 5000;
/** Occurrences a single RRULE may step through (before and inside the window) before we stop. */
const MAX_RULE_STEPS = 50_000;

/**
 * Reads an iCalendar text (RFC 5545) into busy spans inside [from, to): single events and
 * RRULE-expanded series (with their RECURRENCE-ID exceptions, EXDATEs honoured by ical.js).
 * Cancelled and TRANSP:TRANSPARENT (free) events are skipped. Times are converted here, not by
 * ical.js, which without registered VTIMEZONEs reads a TZID time as floating (i.e. in the
 * server's zone): an IANA TZID goes through the domain's DST policy, another TZID through the
 * file's own VTIMEZONE, floating times and all-day dates through the agent's zone.
 * Content that is not a calendar (an HTML login page, JSON, empty) is a failure with a message
 * that says what came back.
 */
export function parseUnavailability(text: string, options: { from: Instant; to: Instant; agentZone: string }): ParseResult {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') return { ok: false, message: 'the calendar is empty' };
  if (/^<(!doctype|html|\?xml|head|body)/i.test(trimmed)) {
    return { ok: false, message: 'this is an HTML page (perhaps a sign-in page), not an iCalendar file; use the calendar’s secret iCal (.ics) address' };
  }
  if (!/^BEGIN:VCALENDAR/i.test(trimmed)) return { ok: false, message: 'this is not an iCalendar file: it must begin with BEGIN:VCALENDAR' };
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(trimmed));
  } catch (error) {
    return { ok: false, message: `the iCalendar file cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const vcalendar = root.name === 'vcalendar' ? root : root.getFirstSubcomponent('vcalendar');
  if (!vcalendar) return { ok: false, message: 'this is not an iCalendar file: no VCALENDAR' };

  const zones = new Map<string, ICAL.Timezone>();
  for (const component of vcalendar.getAllSubcomponents('vtimezone')) {
    const tzid = String(component.getFirstPropertyValue('tzid') ?? '');
    if (tzid) zones.set(tzid, new ICAL.Timezone({ component, tzid }));
  }
  const toInstant = (time: ICAL.Time, tzid: string | null): { instant: Instant; zone: string | null } => {
    const wall = Date.UTC(time.year, time.month - 1, time.day, time.isDate ? 0 : time.hour, time.isDate ? 0 : time.minute, time.isDate ? 0 : time.second);
    if (!time.isDate && time.zone?.tzid === 'UTC') return { instant: wall, zone: null };
    if (!time.isDate && tzid && isValidTimeZone(tzid)) return { instant: wallToInstant(tzid, wall), zone: tzid };
    const vtimezone = tzid ? zones.get(tzid) : undefined;
    if (!time.isDate && vtimezone) return { instant: wall - vtimezone.utcOffset(time) * 1000, zone: null };
    // Floating times and whole days are read on the agent's own wall clock.
    return { instant: wallToInstant(options.agentZone, wall), zone: time.isDate ? options.agentZone : null };
  };
  const tzidOf = (component: ICAL.Component, name: string): string | null => {
    const value = component.getFirstProperty(name)?.getParameter('tzid');
    return typeof value === 'string' ? value : null;
  };

  const events = vcalendar.getAllSubcomponents('vevent');
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Component[] = [];
  for (const component of events) {
    if (component.hasProperty('recurrence-id')) exceptions.push(component);
    else masters.set(String(component.getFirstPropertyValue('uid') ?? `#${masters.size}`), new ICAL.Event(component));
  }
  for (const component of exceptions) masters.get(String(component.getFirstPropertyValue('uid')))?.relateException(component);

  const spans: ParsedSpan[] = [];
  const add = (item: ICAL.Event, start: ICAL.Time, end: ICAL.Time): boolean => {
    const component = item.component;
    const status = String(component.getFirstPropertyValue('status') ?? '').toUpperCase();
    const transp = String(component.getFirstPropertyValue('transp') ?? '').toUpperCase();
    if (status === 'CANCELLED' || transp === 'TRANSPARENT') return true;
    const from = toInstant(start, tzidOf(component, 'dtstart'));
    const to = toInstant(end, tzidOf(component, component.hasProperty('dtend') ? 'dtend' : 'dtstart'));
    const endInstant = to.instant > from.instant ? to.instant : from.instant + (start.isDate ? 86_400_000 : 0);
    if (endInstant <= options.from || from.instant >= options.to || endInstant <= from.instant) return true;
    if (spans.length >= MAX_IMPORT_SPANS) return false;
    spans.push({ start: from.instant, end: endInstant, timeZone: from.zone, allDay: start.isDate, summary: String(item.summary ?? '').slice(0, 200) || 'Busy' });
    return true;
  };

  for (const event of masters.values()) {
    if (!event.startDate) continue;
    if (!event.isRecurring()) {
      if (!add(event, event.startDate, event.endDate ?? event.startDate)) return tooMany();
      continue;
    }
    const iterator = event.iterator();
    for (let step = 0; step < MAX_RULE_STEPS; step += 1) {
      const next = iterator.next();
      if (!next) break;
      const details = event.getOccurrenceDetails(next);
      // Wall time of the occurrence, read in its own zone: stop once it is past the window.
      if (toInstant(details.startDate, tzidOf(details.item.component, 'dtstart')).instant >= options.to) break;
      if (!add(details.item, details.startDate, details.endDate)) return tooMany();
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ok: true, spans };
}

function tooMany(): ParseResult {
  return { ok: false, message: `the calendar has more than ${MAX_IMPORT_SPANS} busy events in the next year; import a narrower calendar` };
}
