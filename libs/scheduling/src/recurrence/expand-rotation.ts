import type { Instant, Shift, ShiftBreak } from '../model/types';
import { formatEpochDay, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../time/local-date-time';
import { wallToInstant } from '../time/time-zone';
import type { Rotation, RotationOccurrence } from './rotation';
import { compileRotation, type CompiledRotation } from './validate-rotation';

/*
 * Expansion walks the rule on the rotation's LOCAL wall clock (floating dates, see
 * validate-rotation.ts) and converts each occurrence's local start and local end to instants
 * with the DST policy of time/time-zone.ts. So 09:00 Europe/Berlin is 08:00Z in January and
 * 07:00Z in July, and a 22:00–06:00 shift lasts 7 h or 9 h on the nights the clocks change.
 *
 * Turns are counted from the rotation's first occurrence, never from the query window, so the
 * k-th occurrence always goes to the same agent whichever window is asked for. EXDATEs skip an
 * occurrence but do not shift the turn order: adding a holiday does not reshuffle the future.
 */

/** Wall ms ↔ instant differ by at most ±14 h (Pacific/Kiritimati, Etc/GMT+12); 26 h is safe. */
const OFFSET_MARGIN_MS = 26 * MS_PER_HOUR;
/** Previews look at most this far ahead, so a rule that has run out cannot stall the UI. */
const PREVIEW_HORIZON_MS = 10 * 366 * MS_PER_DAY;
const MAX_PREVIEW_COUNT = 1000;

interface Occurrence {
  index: number;
  epochDay: number;
  start: Instant;
  end: Instant;
}

/**
 * Visits occurrences in order until `visit` returns false or the wall clock passes `stopWall`.
 * Occurrences on an EXDATE, or whose DST-resolved span is empty, are skipped but keep their
 * index.
 */
function walkOccurrences(input: {
  compiled: CompiledRotation;
  /** Occurrences starting before this wall ms are counted but not converted (cheap skip). */
  skipBeforeWall: number;
  stopWall: number;
  visit: (occurrence: Occurrence) => boolean;
}): void {
  const { compiled, skipBeforeWall, stopWall, visit } = input;
  const { rotation, iterator, startDay, endDay, exdays, wallDurationMs } = compiled;
  const zone = rotation.timeZone;
  iterator.all((date, index) => {
    const startWall = date.getTime();
    if (startWall >= stopWall) return false;
    const epochDay = Math.floor(startWall / MS_PER_DAY);
    if (endDay !== null && epochDay >= endDay) return false;
    if (startWall < skipBeforeWall || epochDay < startDay || exdays.has(epochDay)) return true;
    const start = wallToInstant(zone, startWall);
    const end = wallToInstant(zone, startWall + wallDurationMs);
    // Only a shift lying wholly inside a spring-forward gap can come out empty; it never happens.
    if (end <= start) return true;
    return visit({ index, epochDay, start, end });
  });
}

function pickAgents(compiled: CompiledRotation, index: number): string[] {
  const { rotation, turnOffset } = compiled;
  if (rotation.handoff.mode === 'all') return rotation.agentIds;
  const turn = Math.floor((index + turnOffset) / rotation.handoff.every);
  return [rotation.agentIds[turn % rotation.agentIds.length]];
}

function toBreaks(compiled: CompiledRotation, start: Instant, end: Instant): ShiftBreak[] {
  if (compiled.breaks.length === 0) return [];
  const breaks: ShiftBreak[] = [];
  for (const b of compiled.breaks) {
    const breakStart = start + b.startAfterMinutes * MS_PER_MINUTE;
    const breakEnd = Math.min(end, breakStart + b.durationMinutes * MS_PER_MINUTE);
    if (breakStart < breakEnd) breaks.push({ start: breakStart, end: breakEnd });
  }
  return breaks.sort((a, b) => a.start - b.start);
}

function compileOrThrow(rotation: Rotation): CompiledRotation {
  const compiled = compileRotation(rotation);
  if (!compiled.ok) {
    // Rotations are validated when stored; reaching here is a programming error, not user input.
    throw new RangeError(`rotation ${String(rotation.id)} is invalid (${compiled.field}: ${compiled.message}); call validateRotation first`);
  }
  return compiled.value;
}

/**
 * Expands a rotation into the shifts whose span intersects [from, to) (UTC epoch ms,
 * half-open); shifts are whole, not clipped to the window. Shift ids are
 * `${rotation.id}:${localStartDate}:${agentId}`, identical on every re-expansion (iCal UIDs and
 * swaps rely on that). Sorted by start, then agentId, then id.
 * Throws a RangeError for an invalid rotation: validate with `validateRotation` on input.
 */
export function expandRotation(input: { rotation: Rotation; from: Instant; to: Instant }): Shift[] {
  const { rotation, from, to } = input;
  const compiled = compileOrThrow(rotation);
  if (!(from < to)) return [];
  const shifts: Shift[] = [];
  const channel = rotation.channel ?? null;
  const label = rotation.label ?? null;
  // An occurrence starting on the wall clock before this cannot reach `from` in real time.
  const skipBeforeWall = from - OFFSET_MARGIN_MS - compiled.wallDurationMs;
  const visit = (occurrence: Occurrence): boolean => {
    if (occurrence.end <= from || occurrence.start >= to) return true;
    const localDate = formatEpochDay(occurrence.epochDay);
    for (const agentId of pickAgents(compiled, occurrence.index)) {
      shifts.push({
        id: `${rotation.id}:${localDate}:${agentId}`,
        agentId,
        start: occurrence.start,
        end: occurrence.end,
        timeZone: rotation.timeZone,
        channel,
        label,
        breaks: toBreaks(compiled, occurrence.start, occurrence.end),
        status: rotation.status,
        source: 'rotation',
        rotationId: rotation.id,
      });
    }
    return true;
  };
  walkOccurrences({ compiled, skipBeforeWall, stopWall: to + OFFSET_MARGIN_MS, visit });
  return shifts.sort(compareShifts);
}

/**
 * The next `count` occurrences of a rotation that have not ended by `from` (so one in progress
 * at `from` is included), for the rotation editor's live preview. Looks at most ten years past
 * `from` (or past the rotation's start, if later).
 * Throws a RangeError for an invalid rotation, like `expandRotation`.
 */
export function previewRotation(input: { rotation: Rotation; from: Instant; count: number }): RotationOccurrence[] {
  const compiled = compileOrThrow(input.rotation);
  const wanted = Math.min(Math.max(0, Math.floor(input.count)), MAX_PREVIEW_COUNT);
  const result: RotationOccurrence[] = [];
  if (wanted === 0) return result;
  const skipBeforeWall = input.from - OFFSET_MARGIN_MS - compiled.wallDurationMs;
  // The horizon counts from whichever is later, `from` or the rotation's first day.
  const stopWall = Math.max(input.from, compiled.startDay * MS_PER_DAY) + PREVIEW_HORIZON_MS;
  const visit = (occurrence: Occurrence): boolean => {
    if (occurrence.end <= input.from) return true;
    result.push({
      index: occurrence.index,
      localDate: formatEpochDay(occurrence.epochDay),
      start: occurrence.start,
      end: occurrence.end,
      agentIds: [...pickAgents(compiled, occurrence.index)],
    });
    return result.length < wanted;
  };
  walkOccurrences({ compiled, skipBeforeWall, stopWall, visit });
  return result;
}

/**
 * Number of RRULE occurrences (EXDATEs included, as for turn counting) that start before local
 * epoch day `beforeDay`. Internal: used by `splitRotationAt` to continue the turn order.
 */
export function countOccurrencesBefore(compiled: CompiledRotation, beforeDay: number): number {
  let count = 0;
  compiled.iterator.all((date) => {
    if (Math.floor(date.getTime() / MS_PER_DAY) >= beforeDay) return false;
    count += 1;
    return true;
  });
  return count;
}

/** Stable order used everywhere: start, then agentId, then id. */
export function compareShifts(a: Shift, b: Shift): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.agentId !== b.agentId) return a.agentId < b.agentId ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
