import { instantToLocal } from '@shiftdesk/scheduling';
export { addDays, formatClock } from '@shiftdesk/web-data-access-schedule';

/** Local date of `instant` in `zone`. */
export function instantToLocalDate(instant: number, zone: string): string {
  const local = instantToLocal(instant, zone);
  return local.ok ? local.value.date : new Date(instant).toISOString().slice(0, 10);
}
