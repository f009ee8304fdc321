import {
  ROSTER_DEFAULT_TIME_LIMIT_SECONDS,
  ROSTER_MAX_PERIOD_DAYS,
  ROSTER_MAX_TIME_LIMIT_SECONDS,
  type ApiError,
  type Channel,
  type CoverageRule,
  type GenerateRosterRequest,
  type RosterShiftShapeRequest,
} from '@shiftdesk/shared-api-contract';
import { addDays, startOfIsoWeek } from '@shiftdesk/web-data-access-schedule';

/*
 * The Generate dialog's form as plain data, and its mapping to the API's request. Dates are
 * local dates in the team's zone (both ends inclusive); times are the team zone's wall clock.
 * Errors are keyed by the API's field paths (`from`, `shapes.1.lengthMinutes`), so the API's
 * 400 and the form's own checks land under the same fields.
 */

/** One shift shape as typed: `length` in hours (0.25 h steps are whole minutes). */
export interface ShapeFormValue {
  label: string;
  start: string;
  lengthHours: number | null;
  channel: Channel | '';
  /** ISO 639-1, e.g. `fr`; empty: any agent. */
  language: string;
  /** At most this many of the shape per agent in the period; null: no cap. */
  maxPerAgent: number | null;
}

export interface GenerateFormValue {
  from: string;
  to: string;
  shapes: ShapeFormValue[];
  timeLimitSeconds: number | null;
  seed: number | null;
  /** Spread nights, weekends and holidays evenly over the agents (by contract share). */
  evenOut: boolean;
  /** Avoid a working day between two days off. */
  avoidIsolatedDays: boolean;
  /** Weigh the agents' shift preferences. */
  preferences: boolean;
}

export type GenerateFormErrors = Partial<Record<string, string>>;

export type GenerateRequestResult = { ok: true; request: GenerateRosterRequest } | { ok: false; errors: GenerateFormErrors };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_SHAPES = 20;
const MINUTES_PER_DAY = 1440;
/** A shift's usual length when the shapes are derived from the coverage target, minutes. */
const SHIFT_MINUTES = 480;

/** Next week, Monday to Sunday, after local date `today` (team zone). */
export function defaultPeriod(today: string): { from: string; to: string } {
  const from = addDays(startOfIsoWeek(today), 7);
  return { from, to: addDays(from, 6) };
}

/** How far ahead, in weeks from next week, the dialog looks for the first week left short. */
export const GAP_LOOKAHEAD_WEEKS = 12;

/**
 * The first ISO week from next week on with a gap (`gapDates`: the local start dates of
 * error-level gaps, someone missing, in the team zone), or null when none is short: the dialog
 * opens there, so a desk planned weeks ahead opens where work is left.
 */
export function firstWeekWithGap(today: string, gapDates: readonly string[]): { from: string; to: string } | null {
  const next = defaultPeriod(today);
  const first = [...gapDates].filter((date) => date >= next.from).sort()[0];
  if (!first) return null;
  const from = startOfIsoWeek(first);
  return { from, to: addDays(from, 6) };
}

function clock(minutes: number): string {
  const m = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** `Early` for a shape starting 05:00–10:59, `Day` 11–13, `Late` 14–19, else `Night`. */
function nameFor(startMinutes: number): string {
  const hour = Math.floor(startMinutes / 60) % 24;
  if (hour >= 5 && hour < 11) return 'Early';
  if (hour >= 11 && hour < 14) return 'Day';
  if (hour >= 14 && hour < 20) return 'Late';
  return 'Night';
}

function shape(startMinutes: number, lengthMinutes: number): ShapeFormValue {
  return { label: nameFor(startMinutes), start: clock(startMinutes), lengthHours: lengthMinutes / 60, channel: '', language: '', maxPerAgent: null };
}

/**
 * Shift shapes that tile the team's coverage target in `zone`: the earliest window start to the
 * latest window end of its rules (in that zone) split into 8 h shifts, the first starting with
 * the window and the last ending with it (16 h 07–23 → 07:00 and 15:00; 24/7 → 00, 08, 16).
 * Without a usable rule: 08:00 and 14:00, 8 h each.
 */
export function suggestShapes(rules: readonly CoverageRule[], zone: string): ShapeFormValue[] {
  const usable = rules.filter((rule) => rule.timeZone === zone);
  if (usable.some((rule) => rule.kind === 'always')) return [0, 480, 960].map((start) => shape(start, SHIFT_MINUTES));
  let first = Infinity;
  let last = -Infinity;
  for (const rule of usable) {
    for (const windows of Object.values(rule.windows)) {
      for (const window of windows ?? []) {
        const start = minutesOf(window.start);
        let end = window.end === '24:00' ? MINUTES_PER_DAY : minutesOf(window.end);
        if (end <= start) end += MINUTES_PER_DAY;
        first = Math.min(first, start);
        last = Math.max(last, end);
      }
    }
  }
  if (!Number.isFinite(first)) return [shape(480, SHIFT_MINUTES), shape(840, SHIFT_MINUTES)];
  const span = Math.min(last - first, MINUTES_PER_DAY);
  if (span <= SHIFT_MINUTES) return [shape(first, Math.max(60, span))];
  const count = Math.ceil(span / SHIFT_MINUTES);
  const step = Math.round((span - SHIFT_MINUTES) / (count - 1) / 15) * 15;
  const shapes = Array.from({ length: count }, (_, i) => shape(first + i * step, SHIFT_MINUTES));
  // Two shapes with one name (two "Late" starts) are told apart by their start.
  return shapes.map((s) => (shapes.filter((o) => o.label === s.label).length > 1 ? { ...s, label: `${s.label} ${s.start}` } : s));
}

/** The form the dialog opens with: next week, shapes from the coverage target, the API's default limit. */
export function initialGenerateForm(options: { today: string; rules: readonly CoverageRule[]; zone: string }): GenerateFormValue {
  return { ...defaultPeriod(options.today), shapes: suggestShapes(options.rules, options.zone), timeLimitSeconds: ROSTER_DEFAULT_TIME_LIMIT_SECONDS, seed: null, evenOut: true, avoidIsolatedDays: true, preferences: true };
}

/** The form back from a request the manager sent before ("Generate again" starts from it). */
export function requestToForm(request: GenerateRosterRequest): GenerateFormValue {
  return {
    from: request.from,
    to: request.to,
    shapes: request.shapes.map((shape) => ({ label: shape.name, start: shape.start, lengthHours: shape.lengthMinutes / 60, channel: shape.channel ?? '', language: shape.language ?? '', maxPerAgent: shape.maxPerAgent ?? null })),
    timeLimitSeconds: request.timeLimitSeconds ?? ROSTER_DEFAULT_TIME_LIMIT_SECONDS,
    seed: request.seed ?? null,
    evenOut: (request.fairness?.nights ?? 1) > 0,
    avoidIsolatedDays: (request.fairness?.isolatedDays ?? 1) > 0,
    preferences: request.preferences !== false,
  };
}

/** `07:00–15:00` (an end past midnight reads `22:00–06:00`). */
export function describeShapeSpan(value: Pick<ShapeFormValue, 'start' | 'lengthHours'>): string {
  if (!TIME.test(value.start) || !value.lengthHours) return '';
  return `${value.start}–${clock(minutesOf(value.start) + Math.round(value.lengthHours * 60))}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Checks the form as the API would and maps it to its request: a shape without a label is named
 * after its span (`07:00–15:00`); lengths become whole minutes; an empty seed is left to the
 * API's default.
 */
export function toGenerateRequest(form: GenerateFormValue): GenerateRequestResult {
  const errors: GenerateFormErrors = {};
  if (!DATE.test(form.from) || Number.isNaN(Date.parse(form.from))) errors['from'] = 'Pick the first day.';
  if (!DATE.test(form.to) || Number.isNaN(Date.parse(form.to))) errors['to'] = 'Pick the last day.';
  if (!errors['from'] && !errors['to']) {
    const days = daysBetween(form.from, form.to) + 1;
    if (days < 1) errors['to'] = 'Must be on or after the first day.';
    else if (days > ROSTER_MAX_PERIOD_DAYS) errors['to'] = `The period may span at most ${ROSTER_MAX_PERIOD_DAYS} days.`;
  }
  if (form.shapes.length === 0) errors['shapes'] = 'Add at least one shift shape.';
  if (form.shapes.length > MAX_SHAPES) errors['shapes'] = `At most ${MAX_SHAPES} shift shapes.`;
  const shapes: RosterShiftShapeRequest[] = form.shapes.map((value, i) => {
    const path = `shapes.${i}`;
    if (!TIME.test(value.start)) errors[`${path}.start`] = 'Use HH:mm, e.g. 07:00.';
    const minutes = value.lengthHours === null ? NaN : Math.round(value.lengthHours * 60);
    if (!Number.isFinite(minutes) || minutes < 60 || minutes > MINUTES_PER_DAY) errors[`${path}.lengthMinutes`] = 'From 1 to 24 hours.';
    else if (Math.abs(minutes - (value.lengthHours as number) * 60) > 1e-6) errors[`${path}.lengthMinutes`] = 'Whole minutes, e.g. 8 or 7.5.';
    const name = value.label.trim() || describeShapeSpan(value) || `Shape ${i + 1}`;
    if (name.length > 60) errors[`${path}.name`] = 'At most 60 characters.';
    const language = value.language.trim().toLowerCase();
    if (language && !/^[a-z]{2}$/.test(language)) errors[`${path}.language`] = 'A two-letter ISO 639-1 code, e.g. fr.';
    const cap = value.maxPerAgent;
    if (cap !== null && (!Number.isInteger(cap) || cap < 0 || cap > ROSTER_MAX_PERIOD_DAYS)) errors[`${path}.maxPerAgent`] = `A whole number of shifts from 0 to ${ROSTER_MAX_PERIOD_DAYS}, or empty for no cap.`;
    return { name, start: value.start, lengthMinutes: minutes, ...(value.channel ? { channel: value.channel } : {}), ...(language ? { language } : {}), ...(cap !== null ? { maxPerAgent: cap } : {}) };
  });
  shapes.forEach((s, i) => {
    if (!errors[`shapes.${i}.name`] && shapes.findIndex((o) => o.name === s.name) !== i) errors[`shapes.${i}.name`] = `"${s.name}" is already used; give each shape its own label.`;
  });
  const limit = form.timeLimitSeconds;
  if (limit === null || !Number.isInteger(limit) || limit < 1 || limit > ROSTER_MAX_TIME_LIMIT_SECONDS) errors['timeLimitSeconds'] = `Whole seconds from 1 to ${ROSTER_MAX_TIME_LIMIT_SECONDS}.`;
  if (form.seed !== null && (!Number.isInteger(form.seed) || form.seed < 0 || form.seed > 2147483647)) errors['seed'] = 'A whole number from 0 to 2147483647.';
  if (Object.keys(errors).length) return { ok: false, errors };
  // Fairness goes only when the manager turned some of it off: the API's defaults are all on.
  const fairness = form.evenOut && form.avoidIsolatedDays ? {} : { fairness: { ...(form.evenOut ? {} : { nights: 0, weekends: 0, holidays: 0 }), ...(form.avoidIsolatedDays ? {} : { isolatedDays: 0 }) } };
  return { ok: true, request: { from: form.from, to: form.to, shapes, timeLimitSeconds: limit as number, ...(form.seed !== null ? { seed: form.seed } : {}), ...fairness, ...(form.preferences ? {} : { preferences: false }) } };
}

/**
 * The API's 400 under the form's fields: `shapes.0.lengthMinutes: must be …` → that field,
 * without the path; what no field holds comes back as `general`.
 */
export function mapGenerateErrors(error: ApiError): { fields: GenerateFormErrors; general: string } {
  const fields: GenerateFormErrors = {};
  const known = /^(from|to|timeLimitSeconds|seed|shapes(\.\d+\.(name|start|lengthMinutes|channel|language|maxPerAgent))?)$/;
  const unmatched: string[] = [];
  for (const field of error.fields ?? []) {
    const message = field.message.replace(new RegExp(`^${field.field.replace(/\./g, '\\.')}:\\s*`), '');
    const sentence = message.charAt(0).toUpperCase() + message.slice(1);
    if (known.test(field.field)) fields[field.field] = sentence;
    else unmatched.push(field.message);
  }
  const general = unmatched.length ? unmatched.join(' ') : Object.keys(fields).length ? '' : error.message;
  return { fields, general };
}
