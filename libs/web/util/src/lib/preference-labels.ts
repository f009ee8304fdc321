import type { PreferenceKind, PreferenceStrength, ShiftPreference } from '@shiftdesk/shared-api-contract';

export const PREFERENCE_KIND_LABELS: Readonly<Record<PreferenceKind, string>> = { work: 'I’d like to work', off: 'I’d like to be free' };
export const PREFERENCE_STRENGTH_LABELS: Readonly<Record<PreferenceStrength, string>> = { low: 'Nice to have', normal: 'Normal', strong: 'Important' };
const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `Sat, Sun`; a run of three or more days as `Mon–Fri`. */
export function describeWeekdays(weekdays: readonly number[]): string {
  const days = [...new Set(weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
    if (j - i >= 2) parts.push(`${WEEKDAY_SHORT[days[i] - 1]}–${WEEKDAY_SHORT[days[j] - 1]}`);
    else for (let k = i; k <= j; k++) parts.push(WEEKDAY_SHORT[days[k] - 1]);
    i = j + 1;
  }
  return parts.join(', ');
}

const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Fri 4 Dec 2026` for a local date, read as a calendar date (no zone can move it), spelled the same in every browser. */
function describeDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const isoWeekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  return `${WEEKDAY_SHORT[isoWeekday - 1]} ${day} ${MONTH_SHORT[month - 1]} ${year}`;
}

/** When a preference applies, in words: `Every Mon–Fri, 18:00–22:00` or `Fri 4 Dec 2026, whole day`. */
export function describePreferenceWhen(preference: Pick<ShiftPreference, 'date' | 'weekdays' | 'startTime' | 'endTime'>): string {
  const days = preference.date ? describeDate(preference.date) : `Every ${describeWeekdays(preference.weekdays)}`;
  if (preference.startTime === null || preference.endTime === null) return `${days}, whole day`;
  const overnight = preference.endTime <= preference.startTime ? ' (next day)' : '';
  return `${days}, ${preference.startTime}–${preference.endTime}${overnight}`;
}
