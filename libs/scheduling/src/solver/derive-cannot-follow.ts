import type { RosterShiftType } from './roster-problem';

/** A shift shape with wall-clock times in the agent's zone (`HH:mm`; an end ≤ start ends the next day). */
export interface ClockShiftType {
  id: string;
  localStartTime: string;
  localEndTime: string;
}

/**
 * Derives each shift type's length and "cannot follow" set from wall-clock times and a minimum
 * rest: t cannot follow s when the gap between the end of s on day d and the start of t on
 * day d + 1 is under `minRestHours`. Uses nominal wall-clock minutes in the agent's zone, so a
 * DST change (±1 h on one night) is not modelled here; the labour-rule check (`rules/`) sees
 * real instants. Only next-day pairs are derived: shifts longer than 24 h are not supported.
 * Stable output: shift types keep their input order, `cannotFollow` follows that order too.
 */
export function deriveCannotFollow(input: { shiftTypes: ClockShiftType[]; minRestHours: number }): RosterShiftType[] {
  const minutes = (hhmm: string) => {
    const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
    if (!m) throw new RangeError(`bad local time ${hhmm}`);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  const spans = input.shiftTypes.map((s) => {
    const start = minutes(s.localStartTime);
    let end = minutes(s.localEndTime);
    if (end <= start) end += 24 * 60;
    return { id: s.id, start, end };
  });
  const minRest = input.minRestHours * 60;
  return spans.map((s) => ({
    id: s.id,
    lengthMinutes: s.end - s.start,
    cannotFollow: spans.filter((t) => 24 * 60 + t.start - s.end < minRest).map((t) => t.id),
  }));
}
