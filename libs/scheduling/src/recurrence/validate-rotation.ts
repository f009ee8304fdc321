import { RRule, Weekday as RRuleWeekday } from 'rrule';
import type { Weekday } from '../model/types';
import { MS_PER_DAY, MS_PER_MINUTE, parseLocalDate, parseLocalTime, toEpochDay, toMinuteOfDay } from '../time/local-date-time';
import { instantToWall, isValidTimeZone } from '../time/time-zone';
import { parseRecurrenceRule, type RecurrenceRule } from './parse-recurrence-rule';
import type { Rotation, RotationBreak } from './rotation';

export type RotationErrorReason =
  | 'invalid-id'
  | 'invalid-zone'
  | 'invalid-time'
  | 'invalid-date'
  | 'invalid-rrule'
  | 'no-agents'
  | 'duplicate-agent'
  | 'invalid-handoff'
  | 'end-before-start'
  | 'invalid-break'
  | 'invalid-status'
  | 'invalid-turn-offset';

/** One problem with a rotation, naming the field a form should highlight. */
export interface RotationFieldError {
  reason: RotationErrorReason;
  field: string;
  message: string;
}

/**
 * Outcome of `validateRotation`. A failure carries the first error at the top level (so it is a
 * `Result`) and all of them in `errors`, for forms that show every problem at once.
 */
export type RotationValidation =
  | { ok: true; value: Rotation }
  | { ok: false; reason: RotationErrorReason; field: string; message: string; errors: RotationFieldError[] };

/** A validated rotation with everything expansion needs precomputed. Internal. */
export interface CompiledRotation {
  rotation: Rotation;
  rule: RecurrenceRule;
  /** rrule iterator over floating wall-clock dates (UTC fields = local wall fields). */
  iterator: RRule;
  startMinute: number;
  endMinute: number;
  /** Wall-clock length of one occurrence in ms (1–1440 minutes). */
  wallDurationMs: number;
  /** First local epoch day allowed (inclusive) and the exclusive end day, or null. */
  startDay: number;
  endDay: number | null;
  exdays: ReadonlySet<number>;
  turnOffset: number;
  breaks: RotationBreak[];
}

const RRULE_FREQUENCY = { YEARLY: RRule.YEARLY, MONTHLY: RRule.MONTHLY, WEEKLY: RRule.WEEKLY, DAILY: RRule.DAILY } as const;

/**
 * Checks a rotation for everything that would make it unusable: unknown zone, malformed
 * `HH:mm`/`YYYY-MM-DD`, an RRULE outside the supported subset, no or duplicate agents, a bad
 * handoff, an end date not after the start date, breaks outside the shift.
 */
export function validateRotation(rotation: Rotation): RotationValidation {
  const compiled = compileRotation(rotation);
  return compiled.ok ? { ok: true, value: rotation } : compiled;
}

/** Validates and precomputes; shared by expansion, preview and versioning. */
export function compileRotation(
  rotation: Rotation,
): { ok: true; value: CompiledRotation } | Extract<RotationValidation, { ok: false }> {
  const errors: RotationFieldError[] = [];
  const add = (reason: RotationErrorReason, field: string, message: string): void => {
    errors.push({ reason, field, message });
  };

  if (typeof rotation.id !== 'string' || rotation.id.trim() === '') add('invalid-id', 'id', 'a rotation needs a non-empty id');
  const zoneOk = isValidTimeZone(rotation.timeZone);
  if (!zoneOk) add('invalid-zone', 'timeZone', `${String(rotation.timeZone)} is not an IANA time zone (e.g. Europe/Berlin)`);
  const start = parseLocalTime(rotation.localStartTime, 'localStartTime');
  if (!start.ok) add('invalid-time', start.field ?? 'localStartTime', start.message);
  const end = parseLocalTime(rotation.localEndTime, 'localEndTime');
  if (!end.ok) add('invalid-time', end.field ?? 'localEndTime', end.message);
  const rule = parseRecurrenceRule(rotation.rrule, 'rrule');
  if (!rule.ok) add('invalid-rrule', 'rrule', rule.message);
  const startDate = parseLocalDate(rotation.startDate, 'startDate');
  if (!startDate.ok) add('invalid-date', 'startDate', startDate.message);
  let endDay: number | null = null;
  if (rotation.endDate !== undefined && rotation.endDate !== null) {
    const endDate = parseLocalDate(rotation.endDate, 'endDate');
    if (!endDate.ok) add('invalid-date', 'endDate', endDate.message);
    else {
      endDay = toEpochDay(endDate.value);
      if (startDate.ok && endDay <= toEpochDay(startDate.value)) {
        add('end-before-start', 'endDate', `endDate ${rotation.endDate} must be after startDate ${rotation.startDate} (endDate is exclusive)`);
      }
    }
  }
  const exdays = new Set<number>();
  (Array.isArray(rotation.exdates) ? rotation.exdates : []).forEach((exdate, i) => {
    const parsed = parseLocalDate(exdate, `exdates[${i}]`);
    if (parsed.ok) exdays.add(toEpochDay(parsed.value));
    else add('invalid-date', `exdates[${i}]`, parsed.message);
  });
  if (!Array.isArray(rotation.exdates)) add('invalid-date', 'exdates', 'exdates must be a list of YYYY-MM-DD dates (possibly empty)');

  const agentIds = Array.isArray(rotation.agentIds) ? rotation.agentIds : [];
  if (agentIds.length === 0) add('no-agents', 'agentIds', 'a rotation needs at least one agent');
  const seen = new Set<string>();
  agentIds.forEach((agentId, i) => {
    if (typeof agentId !== 'string' || agentId === '') add('no-agents', `agentIds[${i}]`, 'agent ids must be non-empty strings');
    else if (seen.has(agentId)) add('duplicate-agent', `agentIds[${i}]`, `agent ${agentId} is listed twice`);
    seen.add(agentId);
  });

  const handoff = rotation.handoff as { mode?: unknown; every?: unknown } | undefined;
  if (!handoff || (handoff.mode !== 'turns' && handoff.mode !== 'all')) {
    add('invalid-handoff', 'handoff.mode', "handoff.mode must be 'turns' or 'all'");
  } else if (handoff.mode === 'turns' && !(Number.isInteger(handoff.every) && (handoff.every as number) >= 1)) {
    add('invalid-handoff', 'handoff.every', 'handoff.every must be a whole number of occurrences, at least 1');
  }
  const turnOffset = rotation.turnOffset ?? 0;
  if (!Number.isInteger(turnOffset) || turnOffset < 0) add('invalid-turn-offset', 'turnOffset', 'turnOffset must be a whole number ≥ 0');
  if (rotation.status !== 'draft' && rotation.status !== 'published') add('invalid-status', 'status', "status must be 'draft' or 'published'");

  const startMinute = start.ok ? toMinuteOfDay(start.value) : 0;
  const endMinute = end.ok ? toMinuteOfDay(end.value) : 0;
  // End at or before start = next day; equal = a full 24 h wall-clock day.
  const wallMinutes = endMinute > startMinute ? endMinute - startMinute : endMinute - startMinute + 1440;
  const breaks = Array.isArray(rotation.breaks) ? rotation.breaks : [];
  breaks.forEach((b, i) => {
    const okNumbers = Number.isInteger(b?.startAfterMinutes) && Number.isInteger(b?.durationMinutes) && b.startAfterMinutes >= 0 && b.durationMinutes > 0;
    if (!okNumbers || b.startAfterMinutes + b.durationMinutes > wallMinutes) {
      add('invalid-break', `breaks[${i}]`, `break ${i + 1} must be whole minutes inside the ${wallMinutes}-minute shift`);
    }
  });

  if (rule.ok && startDate.ok && start.ok && zoneOk && rule.value.until) {
    const untilWall = toUntilWall(rule.value, rotation.timeZone);
    const startWall = toEpochDay(startDate.value) * MS_PER_DAY + startMinute * MS_PER_MINUTE;
    if (untilWall !== null && untilWall < startWall) add('end-before-start', 'rrule', 'UNTIL is before the rotation starts');
  }

  if (errors.length > 0 || !rule.ok || !startDate.ok) {
    const first = errors[0] ?? { reason: 'invalid-rrule' as const, field: 'rrule', message: 'invalid rotation' };
    return { ok: false, reason: first.reason, field: first.field, message: first.message, errors };
  }

  const startDay = toEpochDay(startDate.value);
  const iterator = new RRule(
    {
      freq: RRULE_FREQUENCY[rule.value.freq],
      interval: rule.value.interval,
      byweekday: rule.value.byDay.length > 0 ? rule.value.byDay.map((d) => toRRuleWeekday(d.weekday, d.nth)) : null,
      count: rule.value.count,
      until: rule.value.until ? new Date(toUntilWall(rule.value, rotation.timeZone) as number) : null,
      wkst: toRRuleWeekday(rule.value.weekStart, null),
      // Floating DTSTART: a Date whose UTC fields are the local wall-clock fields; no tzid, so
      // rrule never consults the host zone and the results read back as wall clock.
      dtstart: new Date(startDay * MS_PER_DAY + startMinute * MS_PER_MINUTE),
      tzid: null,
    },
    true,
  );

  return {
    ok: true,
    value: {
      rotation,
      rule: rule.value,
      iterator,
      startMinute,
      endMinute,
      wallDurationMs: wallMinutes * MS_PER_MINUTE,
      startDay,
      endDay,
      exdays,
      turnOffset,
      breaks,
    },
  };
}

/** UNTIL as wall ms in the rotation's zone; inclusive. A date-only UNTIL covers its whole day. */
function toUntilWall(rule: RecurrenceRule, zone: string): number | null {
  const until = rule.until;
  if (!until) return null;
  const dayStart = Date.UTC(until.year, until.month - 1, until.day);
  if (!until.time) return dayStart + MS_PER_DAY - 1;
  const fields = dayStart + ((until.time.hour * 60 + until.time.minute) * 60 + until.time.second) * 1000;
  // A `Z` UNTIL is a real instant (RFC 5545); compare it on the rotation's wall clock.
  return until.utc ? instantToWall(zone, fields) : fields;
}

function toRRuleWeekday(weekday: Weekday, nth: number | null): RRuleWeekday {
  // rrule numbers weekdays 0 = Monday … 6 = Sunday.
  return new RRuleWeekday(weekday - 1, nth ?? undefined);
}
