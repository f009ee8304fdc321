const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * A valid .ics of `count` one-hour busy events, 80 minutes apart from two days ahead (5,000 of
 * them span about 280 days, inside the year an import reads): what a heavy calendar export looks
 * like, and a request that takes a while (parse, then one row per event in one transaction).
 */
export function bigCalendar(count: number, seed: string): string {
  const start = Math.floor(Date.now() / HOUR) * HOUR + 2 * DAY;
  const stamp = (instant: number) => new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const events: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = start + i * 80 * 60_000;
    events.push(['BEGIN:VEVENT', `UID:${seed}-${i}@faults.test`, `DTSTAMP:${stamp(start)}`, `DTSTART:${stamp(at)}`, `DTEND:${stamp(at + HOUR)}`, `SUMMARY:Busy ${i}`, 'END:VEVENT'].join('\r\n'));
  }
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Shiftdesk faults//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}
