import type { ScheduledShift } from '@shiftdesk/shared-api-contract';

/** Who staffs a team at one instant, and who takes over next. */
export interface RightNow {
  /** On shift now, earliest to leave first. */
  onShift: { agentId: string; end: Date }[];
  /** The next start after now (within the shifts given) and everyone starting then. */
  next: { start: Date; agentIds: string[] } | null;
}

/**
 * Reads a team's schedule at `now`: published shifts only (a draft is a plan nobody was told
 * about). A shift is on from its start up to, not including, its end, as the coverage count
 * reads it; agents with two touching shifts are listed once, until the later end.
 */
export function readRightNow(shifts: readonly ScheduledShift[], now: Date): RightNow {
  const at = now.getTime();
  const published = shifts.filter((shift) => shift.status === 'published');
  const until = new Map<string, number>();
  for (const shift of published) {
    const start = Date.parse(shift.start);
    const end = Date.parse(shift.end);
    if (start <= at && at < end) until.set(shift.agentId, Math.max(end, until.get(shift.agentId) ?? 0));
  }
  // A touching shift carries the agent on: follow chains so "until" is when they really leave.
  for (const [agentId, end] of until) {
    let last = end;
    for (let found = true; found; ) {
      found = false;
      for (const shift of published) {
        if (shift.agentId === agentId && Date.parse(shift.start) === last) {
          last = Date.parse(shift.end);
          found = true;
        }
      }
    }
    until.set(agentId, last);
  }
  const onShift = [...until].map(([agentId, end]) => ({ agentId, end: new Date(end) })).sort((a, b) => a.end.getTime() - b.end.getTime() || a.agentId.localeCompare(b.agentId));

  const later = published.filter((shift) => Date.parse(shift.start) > at && !isContinuation(shift, until));
  const nextStart = Math.min(...later.map((shift) => Date.parse(shift.start)));
  const next = Number.isFinite(nextStart)
    ? { start: new Date(nextStart), agentIds: [...new Set(later.filter((shift) => Date.parse(shift.start) === nextStart).map((shift) => shift.agentId))].sort() }
    : null;
  return { onShift, next };
}

/** A shift that only extends someone already on (its start is within their chain): not a handover. */
function isContinuation(shift: ScheduledShift, until: ReadonlyMap<string, number>): boolean {
  const end = until.get(shift.agentId);
  return end !== undefined && Date.parse(shift.start) < end;
}

/**
 * The two lines Home shows for a team, on the team's clock: `Anna Smirnova, Sergei Popov until
 * 15:00 GMT+3` (grouped by when they leave, names in alphabetical order) and `Marie Dubois, Elena Kuznetsova at 15:00 GMT+3,
 * in 5 h 23 min`. `formatTime` and `formatCountdown` are passed in (web-util's).
 */
export function describeRightNow(
  rightNow: RightNow,
  input: { names: ReadonlyMap<string, string>; now: Date; formatTime: (instant: Date) => string; formatCountdown: (ms: number) => string },
): { onShift: string; next: string } {
  const name = (agentId: string) => input.names.get(agentId) ?? 'an agent no longer listed';
  const byName = (a: string, b: string) => a.localeCompare(b);
  const groups = new Map<number, string[]>();
  for (const { agentId, end } of rightNow.onShift) groups.set(end.getTime(), [...(groups.get(end.getTime()) ?? []), name(agentId)]);
  const onShift = groups.size
    ? [...groups].map(([end, names]) => `${names.sort(byName).join(', ')} until ${input.formatTime(new Date(end))}`).join('; ')
    : 'Nobody on shift';
  const next = rightNow.next
    ? `${rightNow.next.agentIds.map(name).sort(byName).join(', ')} at ${input.formatTime(rightNow.next.start)}, in ${input.formatCountdown(rightNow.next.start.getTime() - input.now.getTime())}`
    : 'No shift starts in the next 24 h';
  return { onShift, next };
}
