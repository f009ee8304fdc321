import type { GapAlert, GapAlertStatus, GapSeverity } from '@shiftdesk/shared-api-contract';
import { formatDayLabel, formatSpan, todayIn } from './local-week';

/*
 * How the web reads gap alerts. The API keeps an alert `open` until a scan finds its gap filled,
 * but scans only look from the start of today: an open alert whose span has passed is history
 * (the hour went by unfilled), not something a manager can still act on. The web therefore
 * counts and lists as "open" only open alerts that have not ended yet. Instants are compared as
 * UTC epoch milliseconds; spans are half-open [start, end).
 */

/** What a manager filters by: the API's statuses, plus open alerts whose span has passed. */
export type AlertView = 'open' | 'acknowledged' | 'resolved' | 'passed' | 'all';

/** The status an alert is shown with at `now`. */
export type AlertDisplayStatus = GapAlertStatus | 'passed';

export const ALERT_STATUS_LABELS: Readonly<Record<AlertDisplayStatus, string>> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  passed: 'Passed unfilled',
};

export const ALERT_SEVERITY_LABELS: Readonly<Record<GapSeverity, string>> = {
  uncovered: 'Nobody on shift',
  understaffed: 'Understaffed',
  language: 'Language short',
  channel: 'Channel short',
  'single-point': 'One agent alone',
};

/** `passed` for an open alert whose span ended at or before `now`; the API's status otherwise. */
export function alertDisplayStatus(alert: GapAlert, now: number): AlertDisplayStatus {
  return alert.status === 'open' && Date.parse(alert.end) <= now ? 'passed' : alert.status;
}

/** Open alerts a manager can still act on: the nav badge and the home screen count these. */
export function countOpenAlerts(alerts: readonly GapAlert[], now: number): number {
  return alerts.filter((alert) => alertDisplayStatus(alert, now) === 'open').length;
}

/** How many alerts each view lists. */
export function countAlertViews(alerts: readonly GapAlert[], now: number): Record<AlertView, number> {
  const counts: Record<AlertView, number> = { open: 0, acknowledged: 0, resolved: 0, passed: 0, all: alerts.length };
  for (const alert of alerts) counts[alertDisplayStatus(alert, now)] += 1;
  return counts;
}

/** The alerts of one view, soonest first (ties by rule name, then id, for a stable order). */
export function filterAlerts(alerts: readonly GapAlert[], view: AlertView, now: number): GapAlert[] {
  return alerts
    .filter((alert) => view === 'all' || alertDisplayStatus(alert, now) === view)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.ruleName.localeCompare(b.ruleName) || a.id.localeCompare(b.id));
}

export interface AlertDay {
  /** Local date (in the zone the list is read in) the alerts start on. */
  date: string;
  label: string;
  alerts: GapAlert[];
}

/** Consecutive alerts grouped by the local day they start on in `zone` (input order kept). */
export function groupAlertsByDay(alerts: readonly GapAlert[], zone: string): AlertDay[] {
  const days: AlertDay[] = [];
  for (const alert of alerts) {
    const date = todayIn(zone, Date.parse(alert.start));
    const last = days[days.length - 1];
    if (last && last.date === date) last.alerts.push(alert);
    else days.push({ date, label: formatDayLabel(date), alerts: [alert] });
  }
  return days;
}

/**
 * The alert's span on the wall clock of `zone`: `15:00–23:00 IST`, plus `(ends Thu 26 Nov)`
 * when it ends on a later local day (a span ending exactly at midnight ends "today").
 */
export function formatAlertSpan(alert: GapAlert, zone: string): string {
  const start = Date.parse(alert.start);
  const end = Date.parse(alert.end);
  const startDate = todayIn(zone, start);
  // The last instant inside [start, end) decides the day the span ends on.
  const endDate = todayIn(zone, end - 1);
  return `${formatSpan(start, end, zone)}${endDate !== startDate ? ` (ends ${formatDayLabel(endDate)})` : ''}`;
}

/** `8 h`, `45 min`, `1 h 30 min`: the span's length. */
export function formatAlertDuration(alert: GapAlert): string {
  const minutes = Math.round((Date.parse(alert.end) - Date.parse(alert.start)) / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return `${rest} min`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/**
 * `0 of 1 agent on shift`, `1 of 2 agents on shift`: as the last scan saw it. A resolved alert
 * keeps the numbers from before it was filled, so they are put in the past tense.
 */
export function formatStaffing(alert: GapAlert): string {
  const text = `${alert.present} of ${alert.required} ${alert.required === 1 ? 'agent' : 'agents'} on shift`;
  return alert.status === 'resolved' ? `Was ${text}` : text;
}
