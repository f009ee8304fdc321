import type { Instant, Shift } from '../model/types';

/** Two shifts of one agent that share time; [start, end) is the shared span (UTC epoch ms). */
export interface ShiftOverlap {
  agentId: string;
  /** The shift that starts first (ties: smaller id). */
  first: Shift;
  second: Shift;
  start: Instant;
  end: Instant;
}

/**
 * Every pair of shifts of the same agent whose half-open spans intersect; shifts that only touch
 * (one ends when the next starts) do not overlap. Used to refuse an overlapping manual shift
 * with a 4xx: pass the agent's existing shifts plus the candidate. Sorted by overlap start, then
 * agentId, then the two ids.
 */
export function findOverlaps(shifts: readonly Shift[]): ShiftOverlap[] {
  const byAgent = new Map<string, Shift[]>();
  for (const shift of shifts) {
    if (!(shift.start < shift.end)) continue;
    const list = byAgent.get(shift.agentId) ?? [];
    list.push(shift);
    byAgent.set(shift.agentId, list);
  }
  const overlaps: ShiftOverlap[] = [];
  for (const [agentId, list] of byAgent) {
    list.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Sweep: `open` holds shifts that may still overlap later ones (their end is after the
    // current start); each new shift overlaps exactly the open ones.
    let open: Shift[] = [];
    for (const shift of list) {
      open = open.filter((o) => o.end > shift.start);
      for (const o of open) {
        overlaps.push({ agentId, first: o, second: shift, start: shift.start, end: Math.min(o.end, shift.end) });
      }
      open.push(shift);
    }
  }
  return overlaps.sort(
    (a, b) =>
      a.start - b.start ||
      (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0) ||
      (a.first.id < b.first.id ? -1 : a.first.id > b.first.id ? 1 : 0) ||
      (a.second.id < b.second.id ? -1 : a.second.id > b.second.id ? 1 : 0),
  );
}
