import { expandPreference, PREFERENCE_WEIGHTS, type SchedulingPreference } from '../../rules/preferences';
import type { LocalDate } from '../../model/types';
import type { Roster, ShiftRequest } from '../roster-problem';
import type { ShapeSpan, TeamRosterModel } from './team-roster-model';

/** One occurrence of a preference as the roster model sees it: the cells it is about. */
export interface PreferenceCells {
  preferenceId: string;
  agentId: string;
  kind: SchedulingPreference['kind'];
  /** Local date of the occurrence in the preference's own zone. */
  date: LocalDate;
  /**
   * `${day}:${shapeId}` cells. `off`: every cell whose span overlaps the occurrence (working any
   * of them breaks it). `work`: the one cell that best fits it (working it meets it), or none.
   */
  cells: string[];
}

export interface PreferenceOutcome {
  /** Occurrences the period holds (a weekly preference counts once per week day in the period). */
  total: number;
  met: number;
  unmet: { preferenceId: string; agentId: string; kind: SchedulingPreference['kind']; date: LocalDate }[];
}

/**
 * Preferences → the model's shift-on and shift-off requests, weighted by strength.
 *
 * - `off`: a shift-off request on every cell the agent could take whose span overlaps the
 *   occurrence: a night shift running into a day the agent wants free breaks the wish too.
 * - `work`: a shift-on request on the one cell that overlaps the occurrence most (ties: the
 *   earlier start, then the shape order), among cells the agent may take. The model's shift-on
 *   request is per cell, so one cell stands for "some shift then"; the one that fits best is the
 *   one the agent most likely means.
 *
 * When two occurrences ask about one cell the stronger wish counts, once.
 * `canTake(agentId, day, s)` says whether the agent may be put on a cell at all (eligible,
 * available, not on time off); other cells are not the generator's to honour.
 */
export function preferenceRequests(input: {
  preferences: readonly SchedulingPreference[];
  shapeIds: readonly string[];
  spans: readonly ShapeSpan[][];
  /** First and last day index whose spans may touch [start, end). */
  daysNear: (start: number, end: number) => [number, number];
  canTake: (agentId: string, day: number, s: number) => boolean;
}): { occurrences: PreferenceCells[]; shiftOnRequests: ShiftRequest[]; shiftOffRequests: ShiftRequest[] } {
  const { spans, shapeIds } = input;
  const all = spans.flat().filter((span) => span.end > span.start);
  if (all.length === 0) return { occurrences: [], shiftOnRequests: [], shiftOffRequests: [] };
  const from = Math.min(...all.map((span) => span.start));
  const to = Math.max(...all.map((span) => span.end));
  const on = new Map<string, ShiftRequest>();
  const off = new Map<string, ShiftRequest>();
  const occurrences: PreferenceCells[] = [];
  const keep = (into: Map<string, ShiftRequest>, request: ShiftRequest) => {
    const key = `${request.employeeId}:${request.day}:${request.shiftTypeId}`;
    const known = into.get(key);
    if (!known || known.weight < request.weight) into.set(key, request);
  };
  const sorted = [...input.preferences].sort((a, b) => a.agentId.localeCompare(b.agentId) || a.id.localeCompare(b.id));
  for (const preference of sorted) {
    const weight = PREFERENCE_WEIGHTS[preference.strength];
    for (const occurrence of expandPreference(preference, from, to)) {
      const [first, last] = input.daysNear(occurrence.start, occurrence.end);
      const overlapping: { d: number; s: number; overlap: number }[] = [];
      for (let d = first; d <= last; d++) {
        for (let s = 0; s < shapeIds.length; s++) {
          const span = spans[d][s];
          const overlap = Math.min(span.end, occurrence.end) - Math.max(span.start, occurrence.start);
          if (overlap > 0 && input.canTake(preference.agentId, d, s)) overlapping.push({ d, s, overlap });
        }
      }
      let cells = overlapping;
      if (preference.kind === 'work') {
        const best = overlapping.reduce<(typeof overlapping)[number] | null>(
          (top, cell) => (!top || cell.overlap > top.overlap || (cell.overlap === top.overlap && spans[cell.d][cell.s].start < spans[top.d][top.s].start) ? cell : top),
          null,
        );
        cells = best ? [best] : [];
      }
      occurrences.push({ preferenceId: preference.id, agentId: preference.agentId, kind: preference.kind, date: occurrence.date, cells: cells.map((c) => `${c.d}:${shapeIds[c.s]}`) });
      for (const cell of cells) keep(preference.kind === 'work' ? on : off, { employeeId: preference.agentId, day: cell.d, shiftTypeId: shapeIds[cell.s], weight });
    }
  }
  return { occurrences, shiftOnRequests: [...on.values()], shiftOffRequests: [...off.values()] };
}

/**
 * How the generated roster treats each preference occurrence: `work` is met when the agent works
 * its cell, `off` when the agent works none of its cells. An occurrence with no cell the agent
 * could take (time off, unavailable, not eligible) counts as met for `off` and unmet for `work`:
 * the agent gets no shift then either way. Shifts that stay as they are (published, rotation
 * turns) are not the generator's doing and are not looked at.
 */
export function summarisePreferences(input: { model: Pick<TeamRosterModel, 'preferences'>; roster: Roster }): PreferenceOutcome {
  const rows = new Map(input.roster.map((row) => [row.employeeId, row.days]));
  const outcome: PreferenceOutcome = { total: 0, met: 0, unmet: [] };
  for (const occurrence of input.model.preferences) {
    const days = rows.get(occurrence.agentId);
    const worked = occurrence.cells.some((cell) => {
      // `${day}:${shapeId}`: the day never holds a colon, a shape name may.
      const colon = cell.indexOf(':');
      return days?.[Number(cell.slice(0, colon))] === cell.slice(colon + 1);
    });
    const met = occurrence.kind === 'work' ? worked : !worked;
    outcome.total += 1;
    if (met) outcome.met += 1;
    else outcome.unmet.push({ preferenceId: occurrence.preferenceId, agentId: occurrence.agentId, kind: occurrence.kind, date: occurrence.date });
  }
  return outcome;
}
