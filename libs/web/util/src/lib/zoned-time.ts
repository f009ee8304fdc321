/**
 * Wall-clock formatting in a named IANA zone. Every time the UI shows carries its zone, so
 * these helpers always append the zone's abbreviation ("WET", "CET", "GMT+3").
 * The instant is a parameter: nothing here reads the clock or the host's zone.
 */

/** en-GB gives the familiar European abbreviations (WET, CET) and a 24-hour clock. */
const LOCALE = 'en-GB';

const timeFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone });
    cache.set(timeZone, format);
  }
  return format;
}

/** True when the runtime's tz database knows `timeZone` (e.g. `Europe/Lisbon`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.trim() !== timeZone) return false;
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** `14:05 WET`: the local time of `instant` in `timeZone`, 24-hour, with the zone's abbreviation. */
export function formatZonedTime(instant: Date, timeZone: string): string {
  if (!isValidTimeZone(timeZone)) return '';
  const parts = cached(timeFormats, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** `2026-03-01 14:05 WET`: date and time of `instant` in `timeZone`, with the zone's abbreviation. */
export function formatZonedDateTime(instant: Date, timeZone: string): string {
  if (!isValidTimeZone(timeZone)) return '';
  const parts = cached(dateTimeFormats, timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** `Europe/Lisbon · 14:05 WET`: how the UI names an agent's or team's zone. */
export function describeZone(timeZone: string, instant: Date): string {
  const time = formatZonedTime(instant, timeZone);
  return time ? `${timeZone} · ${time}` : timeZone;
}

/** Every IANA zone the runtime knows, plus `UTC` (which `supportedValuesOf` leaves out), sorted. */
export function listTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...zones, 'UTC'])].sort();
}
