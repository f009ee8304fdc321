import type { GapAlert } from '@shiftdesk/shared-api-contract';
import {
  alertDisplayStatus,
  countAlertViews,
  countOpenAlerts,
  filterAlerts,
  formatAlertDuration,
  formatAlertSpan,
  formatStaffing,
  groupAlertsByDay,
} from './alert-list';

const NOW = Date.parse('2026-11-23T12:00:00Z');

function alert(id: string, start: string, end: string, status: GapAlert['status'] = 'open', extra: Partial<GapAlert> = {}): GapAlert {
  return {
    id, teamId: 't1', ruleId: 'r1', ruleName: '16 h a day', severity: 'uncovered', start, end, required: 1, present: 0, status,
    firstSeenAt: '2026-11-23T09:00:00Z', lastSeenAt: '2026-11-23T11:00:00Z', resolvedAt: status === 'resolved' ? '2026-11-23T11:30:00Z' : null,
    acknowledgedAt: status === 'acknowledged' ? '2026-11-23T10:00:00Z' : null, ...extra,
  };
}

const upcoming = alert('a', '2026-11-25T09:30:00Z', '2026-11-25T17:30:00Z');
const ongoing = alert('b', '2026-11-23T11:00:00Z', '2026-11-23T13:00:00Z');
const passed = alert('c', '2026-11-22T09:30:00Z', '2026-11-22T17:30:00Z');
/** Ends exactly now: [start, end) is over. */
const justEnded = alert('d', '2026-11-23T10:00:00Z', '2026-11-23T12:00:00Z');
const acknowledged = alert('e', '2026-11-24T01:30:00Z', '2026-11-24T09:30:00Z', 'acknowledged');
const resolved = alert('f', '2026-11-24T09:30:00Z', '2026-11-24T17:30:00Z', 'resolved');

describe('alert list', () => {
  it('counts only open alerts whose span has not ended: the badge and the home screen', () => {
    expect(alertDisplayStatus(upcoming, NOW)).toBe('open');
    expect(alertDisplayStatus(ongoing, NOW)).toBe('open');
    expect(alertDisplayStatus(passed, NOW)).toBe('passed');
    expect(alertDisplayStatus(justEnded, NOW)).toBe('passed');
    expect(alertDisplayStatus(acknowledged, NOW)).toBe('acknowledged');
    expect(countOpenAlerts([upcoming, ongoing, passed, justEnded, acknowledged, resolved], NOW)).toBe(2);
    expect(countOpenAlerts([], NOW)).toBe(0);
  });

  it('counts every view and filters one, soonest first with a stable tie order', () => {
    const all = [resolved, upcoming, passed, acknowledged, ongoing, justEnded];
    expect(countAlertViews(all, NOW)).toEqual({ open: 2, acknowledged: 1, resolved: 1, passed: 2, all: 6 });
    expect(filterAlerts(all, 'open', NOW).map((a) => a.id)).toEqual(['b', 'a']);
    expect(filterAlerts(all, 'passed', NOW).map((a) => a.id)).toEqual(['c', 'd']);
    expect(filterAlerts(all, 'all', NOW).map((a) => a.id)).toEqual(['c', 'd', 'b', 'e', 'f', 'a']);
    const twin = alert('a2', upcoming.start, upcoming.end, 'open', { ruleName: '12 h a day' });
    expect(filterAlerts([upcoming, twin], 'open', NOW).map((a) => a.id)).toEqual(['a2', 'a']);
  });

  it('groups by the local day the alert starts on in the zone it is read in', () => {
    // 01:30Z on the 24th is 07:00 on the 24th in Kolkata but 04:30 on the 24th in Moscow and
    // 20:30 on the 23rd in New York.
    const list = [ongoing, acknowledged, resolved];
    expect(groupAlertsByDay(list, 'Asia/Kolkata').map((d) => [d.label, d.alerts.map((a) => a.id)])).toEqual([
      ['Mon 23 Nov', ['b']],
      ['Tue 24 Nov', ['e', 'f']],
    ]);
    expect(groupAlertsByDay(list, 'America/New_York').map((d) => [d.date, d.alerts.map((a) => a.id)])).toEqual([
      ['2026-11-23', ['b', 'e']],
      ['2026-11-24', ['f']],
    ]);
  });

  it('shows the span on the zone wall clock, naming the end day only when it is a later one', () => {
    expect(formatAlertSpan(upcoming, 'Asia/Kolkata')).toMatch(/^15:00–23:00 \S+$/);
    expect(formatAlertSpan(upcoming, 'UTC')).toBe('09:30–17:30 UTC');
    // 23:00–07:00 Moscow crosses midnight; ending at 00:00 exactly does not.
    const night = alert('n', '2026-11-24T20:00:00Z', '2026-11-25T04:00:00Z');
    expect(formatAlertSpan(night, 'Europe/Moscow')).toMatch(/^23:00–07:00 \S+ \(ends Wed 25 Nov\)$/);
    const toMidnight = alert('m', '2026-11-24T17:00:00Z', '2026-11-24T21:00:00Z');
    expect(formatAlertSpan(toMidnight, 'Europe/Moscow')).toMatch(/^20:00–00:00 \S+$/);
  });

  it('says how long and how short', () => {
    expect(formatAlertDuration(upcoming)).toBe('8 h');
    expect(formatAlertDuration(alert('x', '2026-11-24T09:00:00Z', '2026-11-24T09:45:00Z'))).toBe('45 min');
    expect(formatAlertDuration(alert('y', '2026-11-24T09:00:00Z', '2026-11-24T10:30:00Z'))).toBe('1 h 30 min');
    expect(formatStaffing(upcoming)).toBe('0 of 1 agent on shift');
    expect(formatStaffing(alert('z', upcoming.start, upcoming.end, 'open', { required: 3, present: 1, severity: 'understaffed' }))).toBe('1 of 3 agents on shift');
    expect(formatStaffing(resolved)).toBe('Was 0 of 1 agent on shift');
  });
});
