import type { Shift } from '../model/types';
import { compareShifts, expandRotation } from '../recurrence/expand-rotation';
import type { Rotation } from '../recurrence/rotation';
import type { Override, ResolveScheduleInput, SwapApplied, TimeOff } from './resolution';
import { cutShift, getBaseShiftId } from './shift-pieces';

/*
 * The one resolution step every consumer reads (roster, coverage, gaps, iCal, costs), in the
 * order Grafana OnCall's engine uses:
 *
 *   rotations expanded → overrides → accepted swaps → time off → final shifts (+ manual shifts)
 *
 * Overrides and time off are applied in a fixed order (start, then id) so the result, ids
 * included, depends only on the set of inputs, never on the order they were loaded in. Where two
 * overrides of the same rotation overlap, the one applied later (later start, or same start and
 * greater id) wins on the shared span.
 */

/**
 * Resolves the final schedule for [from, to) (UTC epoch ms, half-open): shifts intersecting the
 * window, whole (not clipped), sorted by start, agentId, id. Rotations must be valid
 * (`validateRotation`); an invalid one throws a RangeError. Swaps whose shift is not in the
 * window, or no longer belongs to `fromAgentId`, are skipped.
 */
export function resolveSchedule(input: ResolveScheduleInput): Shift[] {
  const { from, to } = input;
  if (!(from < to)) return [];
  let shifts: Shift[] = [];
  for (const rotation of input.rotations) shifts.push(...expandRotation({ rotation, from, to }));
  shifts = applyOverrides({ shifts, overrides: input.overrides ?? [], rotations: input.rotations });
  shifts.push(...input.shifts);
  shifts = applySwaps(shifts, input.swaps ?? []);
  shifts = applyTimeOff(shifts, input.timeOff ?? []);
  return shifts.filter((shift) => shift.start < to && shift.end > from).sort(compareShifts);
}

function applyOverrides(input: { shifts: Shift[]; overrides: readonly Override[]; rotations: readonly Rotation[] }): Shift[] {
  const teamByRotation = new Map(input.rotations.map((r) => [r.id, r.teamId ?? null]));
  const ordered = [...input.overrides].sort((a, b) => a.start - b.start || compareText(a.id, b.id));
  let shifts = input.shifts;
  for (const override of ordered) {
    if (!(override.start < override.end)) continue;
    const next: Shift[] = [];
    const coveredByBase = new Map<string, Shift[]>();
    for (const shift of shifts) {
      if (!isTargetedBy(override, shift, teamByRotation)) {
        next.push(shift);
        continue;
      }
      const { covered, remaining } = cutShift(shift, override);
      next.push(...remaining);
      if (!covered) continue;
      const base = getBaseShiftId(covered.id).replace(/~override:.*$/, '');
      const group = coveredByBase.get(base) ?? [];
      group.push(covered);
      coveredByBase.set(base, group);
    }
    // The covered parts of one original shift are contiguous (overrides reassign, never remove
    // time), so each original shift yields exactly one replacement piece.
    const pieces = new Map<string, Shift>();
    for (const [base, group] of coveredByBase) {
      group.sort((a, b) => a.start - b.start);
      const piece: Shift = {
        ...group[0],
        id: `${base}~override:${override.id}`,
        agentId: override.agentId,
        start: group[0].start,
        end: group[group.length - 1].end,
        timeZone: override.timeZone,
        breaks: group.flatMap((g) => g.breaks).sort((a, b) => a.start - b.start),
        source: 'override',
      };
      // Several agents on one span (an `all` rotation) all handed to one agent: book them once.
      const key = `${piece.start}|${piece.end}`;
      const kept = pieces.get(key);
      if (!kept || piece.id < kept.id) pieces.set(key, piece);
    }
    next.push(...pieces.values());
    shifts = next;
  }
  return shifts;
}

function isTargetedBy(override: Override, shift: Shift, teamByRotation: Map<string, string | null>): boolean {
  if (shift.source !== 'rotation' && shift.source !== 'override') return false;
  if (!shift.rotationId) return false;
  if (override.rotationId) {
    if (shift.rotationId !== override.rotationId) return false;
  } else if (override.teamId) {
    if (teamByRotation.get(shift.rotationId) !== override.teamId) return false;
  } else {
    return false;
  }
  return !override.replacesAgentId || shift.agentId === override.replacesAgentId;
}

function applySwaps(shifts: Shift[], swaps: readonly SwapApplied[]): Shift[] {
  if (swaps.length === 0) return shifts;
  const byId = new Map<string, number>();
  shifts.forEach((shift, i) => byId.set(shift.id, i));
  const result = [...shifts];
  for (const swap of swaps) {
    const i = byId.get(swap.shiftId);
    // A stale swap (shift gone, or no longer the giver's) must not move someone else's shift.
    if (i === undefined || result[i].agentId !== swap.fromAgentId) continue;
    result[i] = { ...result[i], agentId: swap.toAgentId, source: 'swap' };
  }
  return result;
}

function applyTimeOff(shifts: Shift[], timeOff: readonly TimeOff[]): Shift[] {
  const ordered = [...timeOff].sort(
    (a, b) => a.start - b.start || compareText(a.agentId, b.agentId) || compareText(a.id ?? '', b.id ?? ''),
  );
  let result = shifts;
  for (const absence of ordered) {
    if (!(absence.start < absence.end)) continue;
    const next: Shift[] = [];
    for (const shift of result) {
      if (shift.agentId !== absence.agentId) next.push(shift);
      else next.push(...cutShift(shift, absence).remaining);
    }
    result = next;
  }
  return result;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
