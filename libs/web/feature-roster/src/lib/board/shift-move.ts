import { instantToLocal, localToInstant } from '@shiftdesk/scheduling';
import type { ScheduledShift, ShiftSource, UpdateShiftRequest } from '@shiftdesk/shared-api-contract';
import { addDays, formatDayLabel, formatSpan } from '@shiftdesk/web-data-access-schedule';
import { instantToLocalDate } from './draft-time';

/**
 * Where a dragged bar was picked up and where it was dropped on the board. Dates are local
 * `YYYY-MM-DD` days of the board: `fromDate` in `fromZone` (the row it was grabbed in), `toDate`
 * in `toZone` (the row it lands in; the same zone unless the board shows each agent's own).
 */
export interface ShiftMove {
  shift: Pick<ScheduledShift, 'id' | 'agentId' | 'start' | 'end' | 'breaks'>;
  fromDate: string;
  fromZone: string;
  toDate: string;
  toAgentId: string;
  toZone: string;
}

export type MoveResult =
  | {
      ok: true;
      /** The PATCH body: the agent, the new span (UTC instants), the breaks moved along, the planning zone. */
      request: Required<Pick<UpdateShiftRequest, 'agentId' | 'start' | 'end' | 'timeZone' | 'breaks'>>;
      /** Dropped where it was: nothing to send. */
      unchanged: boolean;
    }
  | { ok: false; message: string };

const MS_PER_DAY = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/**
 * The shift moved by whole local days and/or to another agent, keeping its WALL-CLOCK times:
 * every instant of it (start, end, breaks) is read in `fromZone`, moved by the same number of
 * calendar days and written back in `toZone` with the domain's `localToInstant` (DST policy: a
 * time in the spring-forward gap moves forward by the gap, an ambiguous one takes its first
 * occurrence). So 09:00–17:00 stays 09:00–17:00 on a 23 h or 25 h day, like the shift dialog,
 * and a night shift that lasted 8 h lasts 7 h once it lands on the spring-forward night.
 * If a fall-back night had made the end's wall clock run backwards, the elapsed length is kept.
 * The shift's planning zone becomes `toZone`, as when the dialog saves it.
 */
export function moveShift(move: ShiftMove): MoveResult {
  const days = daysBetween(move.fromDate, move.toDate);
  const unchanged = days === 0 && move.toAgentId === move.shift.agentId && move.toZone === move.fromZone;
  const shiftInstant = (iso: string): number | null => {
    const local = instantToLocal(Date.parse(iso), move.fromZone);
    if (!local.ok) return null;
    const moved = localToInstant({ date: addDays(local.value.date, days), time: local.value.time, zone: move.toZone });
    return moved.ok ? moved.value : null;
  };
  const start = shiftInstant(move.shift.start);
  let end = shiftInstant(move.shift.end);
  if (start === null || end === null) return { ok: false, message: 'This shift cannot be moved there: its times do not exist in that zone.' };
  const elapsed = Date.parse(move.shift.end) - Date.parse(move.shift.start);
  if (end <= start) end = start + elapsed;
  const breaks: { start: string; end: string }[] = [];
  for (const span of move.shift.breaks) {
    let from = shiftInstant(span.start);
    let to = shiftInstant(span.end);
    // A break that no longer fits the wall clock (a DST change inside it) keeps its elapsed offset and length.
    if (from === null || to === null || to <= from || from < start || to > end) {
      from = start + (Date.parse(span.start) - Date.parse(move.shift.start));
      to = from + (Date.parse(span.end) - Date.parse(span.start));
    }
    breaks.push({ start: new Date(from).toISOString(), end: new Date(to).toISOString() });
  }
  return {
    ok: true,
    unchanged,
    request: { agentId: move.toAgentId, start: new Date(start).toISOString(), end: new Date(end).toISOString(), timeZone: move.toZone, breaks },
  };
}

/** Why a bar cannot be dragged, or null when it can (manual shifts only). */
export function explainUndraggable(source: ShiftSource): string | null {
  if (source === 'manual') return null;
  if (source === 'rotation') return 'This shift comes from a rotation, so it cannot be dragged: click it to have someone cover it, or change the rotation.';
  if (source === 'override') return 'This shift comes from an override, so it cannot be dragged: change the override instead.';
  return `This shift comes from a ${source}, so it cannot be dragged here.`;
}

/**
 * The API names the other shift by id and UTC instants ("already has shift 1f… (2026-…Z – …Z)");
 * say it in the board's zone instead: "already has a shift Mon 23 Nov 07:00–15:00 UTC+3".
 */
export function describeOverlap(message: string, zone: string): string {
  return message.replace(/^start:\s*/, '').replace(/already has shift \S+ \((\S+) – (\S+)\)/, (whole, start: string, end: string) => {
    const from = Date.parse(start);
    const to = Date.parse(end);
    if (!Number.isFinite(from) || !Number.isFinite(to)) return whole;
    return `already has a shift ${formatDayLabel(instantToLocalDate(from, zone))} ${formatSpan(from, to, zone)}`;
  });
}
