import { addCalendarDays, getIsoWeekday, localMinuteToInstant, parseMinuteOfDay } from '@shiftdesk/scheduling';
import { DEMO_CREWS } from './demo-desk';

export interface DemoShift {
  agent: string;
  /** UTC epoch ms. */
  start: number;
  end: number;
}

/** The crews' shifts from `firstMonday` (a local date in `zone`) for `weeks` ISO weeks. */
export function demoShifts(input: { firstMonday: string; weeks: number; zone: string }): DemoShift[] {
  const shifts: DemoShift[] = [];
  for (let day = 0; day < input.weeks * 7; day++) {
    const date = addCalendarDays(input.firstMonday, day);
    const weekday = getIsoWeekday(date);
    for (const crew of DEMO_CREWS) {
      if (!crew.weekdays.includes(weekday)) continue;
      const at = (time: string) => localMinuteToInstant({ date, minutes: parseMinuteOfDay(time) ?? 0, zone: input.zone });
      shifts.push({ agent: crew.agent, start: at(crew.start), end: at(crew.end) });
    }
  }
  return shifts;
}
