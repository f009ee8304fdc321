import type { Instant, Shift } from '../model/types';

/**
 * Cutting shifts into pieces with ids that are stable as long as the inputs are.
 *
 * Id scheme (iCal UIDs derive from it, so it must not depend on evaluation order):
 * - the piece that still starts at the shift's original start keeps the shift's id;
 * - a remainder that starts later, at instant T (UTC epoch ms), is `${base}~${T}`, where `base` is
 *   the id without an earlier `~T` suffix, so the pieces' ids depend on where they lie, not on
 *   the order in which the cuts were applied;
 * - the part an override hands to someone else is `${id}~override:${overrideId}`.
 */

/** Result of removing [cutStart, cutEnd) from a shift: the covered part and what is left. */
export interface CutShift {
  covered: Shift | null;
  remaining: Shift[];
}

/** Splits `shift` around the half-open span [cutStart, cutEnd); breaks are clipped to each piece. */
export function cutShift(shift: Shift, cut: { start: Instant; end: Instant }): CutShift {
  const coveredStart = Math.max(shift.start, cut.start);
  const coveredEnd = Math.min(shift.end, cut.end);
  if (coveredStart >= coveredEnd) return { covered: null, remaining: [shift] };
  const remaining: Shift[] = [];
  if (shift.start < coveredStart) remaining.push(sliceShift(shift, shift.start, coveredStart, shift.id));
  if (coveredEnd < shift.end) remaining.push(sliceShift(shift, coveredEnd, shift.end, `${getBaseShiftId(shift.id)}~${coveredEnd}`));
  return { covered: sliceShift(shift, coveredStart, coveredEnd, shift.id), remaining };
}

/** A copy of `shift` limited to [start, end) with the given id; breaks clipped, empty ones dropped. */
export function sliceShift(shift: Shift, start: Instant, end: Instant, id: string): Shift {
  const breaks = shift.breaks
    .map((b) => ({ start: Math.max(b.start, start), end: Math.min(b.end, end) }))
    .filter((b) => b.start < b.end);
  return { ...shift, id, start, end, breaks };
}

/** The id without a trailing `~<epoch ms>` remainder suffix. */
export function getBaseShiftId(id: string): string {
  return id.replace(/~-?\d+$/, '');
}
