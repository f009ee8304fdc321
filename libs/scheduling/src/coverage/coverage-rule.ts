import {
  Channel,
  CHANNELS,
  Instant,
  LANGUAGE_LEVELS,
  LanguageLevel,
  LocalDate,
  LocalTime,
  TimeZone,
  Weekday,
} from '../model/types';
import {
  addCalendarDays,
  getIsoWeekday,
  getLocalDate,
  isLocalDate,
  isValidTimeZone,
  localMinuteToInstant,
  parseMinuteOfDay,
} from '../time';

/**
 * One daily window in the rule's zone. `end <= start` means the window crosses midnight and
 * ends on the next local day; `24:00` is allowed as an end and means the next day's 00:00.
 * A window belongs to the local date it starts on (for weekdays, exceptions and validity).
 */
export interface CoverageWindow {
  start: LocalTime;
  end: LocalTime;
}

/** Windows per ISO weekday (1 = Monday … 7 = Sunday); a missing weekday is closed. */
export type CoverageWindowsByWeekday = Partial<Record<Weekday, CoverageWindow[]>>;

/** "At least `minAgents` agents speaking `code` at `minLevel` or better". */
export interface CoverageLanguageRequirement {
  /** ISO 639-1, lower case. */
  code: string;
  minLevel: LanguageLevel;
}

/** A dated exception: replaces that local date's windows (`[]` = closed) and optionally the head-count. */
export interface CoverageException {
  date: LocalDate;
  windows: CoverageWindow[];
  minAgents?: number;
}

export type CoverageRuleKind = 'window' | 'always';

/**
 * A coverage target. `kind: 'always'` is 24/7 and ignores `windows` (exceptions still apply,
 * so a 24/7 desk can close on a holiday). With `language` the rule counts only agents speaking
 * it at `minLevel` or better; with `channel`, only agents working that channel; with both,
 * agents must satisfy both.
 */
export interface CoverageRule {
  id: string;
  teamId?: string;
  name: string;
  kind: CoverageRuleKind;
  timeZone: TimeZone;
  windows: CoverageWindowsByWeekday;
  minAgents: number;
  language?: CoverageLanguageRequirement;
  channel?: Channel;
  /** First local date (inclusive, in `timeZone`) the rule applies to. */
  validFrom?: LocalDate;
  /** Last local date (inclusive, in `timeZone`) the rule applies to. */
  validTo?: LocalDate;
  exceptions: CoverageException[];
}

/** One span of required coverage: at least `minAgents` over [start, end) (UTC epoch ms). */
export interface CoverageDemand {
  start: Instant;
  end: Instant;
  minAgents: number;
}

export type CoverageRuleErrorReason =
  | 'required'
  | 'invalid-time-zone'
  | 'invalid-time'
  | 'invalid-weekday'
  | 'overlapping-windows'
  | 'invalid-min-agents'
  | 'invalid-date'
  | 'invalid-range'
  | 'invalid-language'
  | 'invalid-channel'
  | 'duplicate-exception';

/** One validation problem, addressed by a field path such as `windows.1[0].end`. */
export interface FieldError<R extends string = string> {
  field: string;
  reason: R;
  message: string;
}

/** Like `Result`, but a failure also lists every problem found (first one mirrored on top). */
export type ValidationResult<T, R extends string = string> =
  | { ok: true; value: T }
  | { ok: false; reason: R; message: string; field: string; errors: FieldError<R>[] };

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const LANGUAGE_CODE = /^[a-z]{2}$/;

function validateWindows(
  windows: unknown,
  path: string,
  errors: FieldError<CoverageRuleErrorReason>[],
): void {
  if (!Array.isArray(windows)) {
    errors.push({ field: path, reason: 'required', message: `${path} must be a list of windows` });
    return;
  }
  const spans: { start: number; end: number; index: number }[] = [];
  windows.forEach((window: Partial<CoverageWindow> | null, index) => {
    const at = `${path}[${index}]`;
    const start = parseMinuteOfDay(String(window?.start ?? ''));
    const end = parseMinuteOfDay(String(window?.end ?? ''), { allowEndOfDay: true });
    if (start === null) {
      errors.push({ field: `${at}.start`, reason: 'invalid-time', message: `${at}.start must be HH:mm (00:00–23:59)` });
    }
    if (end === null) {
      errors.push({ field: `${at}.end`, reason: 'invalid-time', message: `${at}.end must be HH:mm (00:00–24:00)` });
    }
    if (start !== null && end !== null) {
      spans.push({ start, end: end <= start ? end + 1440 : end, index });
    }
  });
  // Windows of the same day may not overlap (minutes after that day's midnight, half-open).
  spans.sort((a, b) => a.start - b.start || a.index - b.index);
  for (let i = 1; i < spans.length; i += 1) {
    if (spans[i].start < spans[i - 1].end) {
      const at = `${path}[${spans[i].index}]`;
      errors.push({ field: at, reason: 'overlapping-windows', message: `${at} overlaps ${path}[${spans[i - 1].index}]` });
    }
  }
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/**
 * Checks a coverage rule and returns it unchanged when valid, otherwise every problem with a
 * field path (`timeZone`, `windows.1[0].end`, `exceptions[2].date`, `language.minLevel`, …).
 */
export function validateCoverageRule(
  rule: CoverageRule,
): ValidationResult<CoverageRule, CoverageRuleErrorReason> {
  const errors: FieldError<CoverageRuleErrorReason>[] = [];
  if (!rule.id) errors.push({ field: 'id', reason: 'required', message: 'id is required' });
  if (!rule.name || !rule.name.trim()) errors.push({ field: 'name', reason: 'required', message: 'name is required' });
  if (rule.kind !== 'window' && rule.kind !== 'always') {
    errors.push({ field: 'kind', reason: 'required', message: "kind must be 'window' or 'always'" });
  }
  if (!isValidTimeZone(rule.timeZone)) {
    errors.push({ field: 'timeZone', reason: 'invalid-time-zone', message: `unknown time zone '${rule.timeZone}'` });
  }
  if (!isPositiveInteger(rule.minAgents)) {
    errors.push({ field: 'minAgents', reason: 'invalid-min-agents', message: 'minAgents must be a whole number ≥ 1' });
  }
  if (rule.kind === 'window') {
    const windows = rule.windows ?? {};
    for (const key of Object.keys(windows)) {
      const weekday = Number(key);
      if (!WEEKDAYS.includes(weekday as Weekday)) {
        errors.push({ field: `windows.${key}`, reason: 'invalid-weekday', message: 'weekday keys are ISO 1 (Monday) … 7 (Sunday)' });
        continue;
      }
      validateWindows(windows[weekday as Weekday], `windows.${weekday}`, errors);
    }
  }
  if (rule.language !== undefined) {
    if (!LANGUAGE_CODE.test(rule.language.code ?? '')) {
      errors.push({ field: 'language.code', reason: 'invalid-language', message: 'language.code must be ISO 639-1 in lower case' });
    }
    if (!LANGUAGE_LEVELS.includes(rule.language.minLevel)) {
      errors.push({ field: 'language.minLevel', reason: 'invalid-language', message: `language.minLevel must be one of ${LANGUAGE_LEVELS.join(', ')}` });
    }
  }
  if (rule.channel !== undefined && !CHANNELS.includes(rule.channel)) {
    errors.push({ field: 'channel', reason: 'invalid-channel', message: `channel must be one of ${CHANNELS.join(', ')}` });
  }
  for (const key of ['validFrom', 'validTo'] as const) {
    const value = rule[key];
    if (value !== undefined && !isLocalDate(value)) {
      errors.push({ field: key, reason: 'invalid-date', message: `${key} must be a date YYYY-MM-DD` });
    }
  }
  if (rule.validFrom && rule.validTo && isLocalDate(rule.validFrom) && isLocalDate(rule.validTo) && rule.validTo < rule.validFrom) {
    errors.push({ field: 'validTo', reason: 'invalid-range', message: 'validTo is before validFrom' });
  }
  const seen = new Set<string>();
  (rule.exceptions ?? []).forEach((exception, index) => {
    const at = `exceptions[${index}]`;
    if (!isLocalDate(exception.date)) {
      errors.push({ field: `${at}.date`, reason: 'invalid-date', message: `${at}.date must be a date YYYY-MM-DD` });
    } else if (seen.has(exception.date)) {
      errors.push({ field: `${at}.date`, reason: 'duplicate-exception', message: `${exception.date} already has an exception` });
    }
    seen.add(exception.date);
    validateWindows(exception.windows, `${at}.windows`, errors);
    if (exception.minAgents !== undefined && !isPositiveInteger(exception.minAgents)) {
      errors.push({ field: `${at}.minAgents`, reason: 'invalid-min-agents', message: `${at}.minAgents must be a whole number ≥ 1` });
    }
  });
  if (errors.length > 0) {
    return { ok: false, reason: errors[0].reason, message: errors[0].message, field: errors[0].field, errors };
  }
  return { ok: true, value: rule };
}

/** Presets a manager can start from; daily windows are local times in the rule's zone. */
export const COVERAGE_PRESETS = {
  '12h': { label: '12 h a day (08:00–20:00)', kind: 'window', window: { start: '08:00', end: '20:00' }, hoursPerDay: 12 },
  '14h': { label: '14 h a day (08:00–22:00)', kind: 'window', window: { start: '08:00', end: '22:00' }, hoursPerDay: 14 },
  '16h': { label: '16 h a day (07:00–23:00)', kind: 'window', window: { start: '07:00', end: '23:00' }, hoursPerDay: 16 },
  '18h': { label: '18 h a day (06:00–24:00)', kind: 'window', window: { start: '06:00', end: '24:00' }, hoursPerDay: 18 },
  '24/7': { label: 'Around the clock (24/7)', kind: 'always', window: null, hoursPerDay: 24 },
} as const satisfies Record<
  string,
  { label: string; kind: CoverageRuleKind; window: CoverageWindow | null; hoursPerDay: number }
>;

export type CoveragePreset = keyof typeof COVERAGE_PRESETS;

/**
 * Builds a coverage rule from a preset. `weekdays` (ISO 1..7, default all seven) chooses the
 * open days of a window preset; a 24/7 preset ignores it. `id` defaults to `preset-<preset>`.
 */
export function createCoverageRuleFromPreset(input: {
  preset: CoveragePreset;
  timeZone: TimeZone;
  minAgents: number;
  weekdays?: Weekday[];
  id?: string;
  name?: string;
  teamId?: string;
}): CoverageRule {
  const preset = COVERAGE_PRESETS[input.preset];
  const windows: CoverageWindowsByWeekday = {};
  if (preset.window !== null) {
    const days = [...new Set(input.weekdays ?? WEEKDAYS)].sort((a, b) => a - b);
    for (const day of days) windows[day] = [{ start: preset.window.start, end: preset.window.end }];
  }
  return {
    id: input.id ?? `preset-${input.preset}`,
    ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
    name: input.name ?? preset.label,
    kind: preset.kind,
    timeZone: input.timeZone,
    windows,
    minAgents: input.minAgents,
    exceptions: [],
  };
}

/** Windows that apply on one local date: exception first, then 24/7, then the weekday's list. */
function windowsOn(rule: CoverageRule, date: LocalDate, exceptions: Map<LocalDate, CoverageException>) {
  const exception = exceptions.get(date);
  if (exception) return { windows: exception.windows, minAgents: exception.minAgents ?? rule.minAgents };
  if (rule.kind === 'always') return { windows: [{ start: '00:00', end: '24:00' }], minAgents: rule.minAgents };
  return { windows: rule.windows[getIsoWeekday(date)] ?? [], minAgents: rule.minAgents };
}

/**
 * Expands a rule into the demand over [from, to) (UTC epoch ms): sorted, non-overlapping
 * spans, each with the head-count required. Windows are laid out on local wall-clock time in
 * the rule's zone, so a window on a DST day keeps its local start and end (a Berlin 08:00–22:00
 * window is 14 h every day, and 01:00–05:00 on the spring-forward night is 3 h). Where windows
 * overlap (a cross-midnight window running into the next day's), the larger head-count wins;
 * touching spans with equal head-count are merged, so a 24/7 rule yields one span.
 */
export function expandCoverageRule(input: { rule: CoverageRule; from: Instant; to: Instant }): CoverageDemand[] {
  const { rule, from, to } = input;
  if (!(to > from)) return [];
  const exceptions = new Map<LocalDate, CoverageException>();
  for (const exception of rule.exceptions ?? []) exceptions.set(exception.date, exception);

  const raw: CoverageDemand[] = [];
  // Start one day early: yesterday's cross-midnight window can reach into `from`.
  const lastDate = getLocalDate(to, rule.timeZone);
  for (let date = addCalendarDays(getLocalDate(from, rule.timeZone), -1); date <= lastDate; date = addCalendarDays(date, 1)) {
    if (rule.validFrom !== undefined && date < rule.validFrom) continue;
    if (rule.validTo !== undefined && date > rule.validTo) continue;
    const { windows, minAgents } = windowsOn(rule, date, exceptions);
    for (const window of windows) {
      const startMinutes = parseMinuteOfDay(window.start);
      let endMinutes = parseMinuteOfDay(window.end, { allowEndOfDay: true });
      if (startMinutes === null || endMinutes === null) continue;
      if (endMinutes <= startMinutes) endMinutes += 1440;
      const start = Math.max(from, localMinuteToInstant({ date, minutes: startMinutes, zone: rule.timeZone }));
      const end = Math.min(to, localMinuteToInstant({ date, minutes: endMinutes, zone: rule.timeZone }));
      if (end > start) raw.push({ start, end, minAgents });
    }
  }
  return flattenDemand(raw);
}

/** Piecewise maximum of possibly overlapping demand spans, with equal neighbours merged. */
export function flattenDemand(spans: CoverageDemand[]): CoverageDemand[] {
  if (spans.length === 0) return [];
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const points = [...new Set(sorted.flatMap((span) => [span.start, span.end]))].sort((a, b) => a - b);
  const result: CoverageDemand[] = [];
  let active: CoverageDemand[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i += 1) {
    const segmentStart = points[i];
    const segmentEnd = points[i + 1];
    active = active.filter((span) => span.end > segmentStart);
    while (next < sorted.length && sorted[next].start <= segmentStart) {
      if (sorted[next].end > segmentStart) active.push(sorted[next]);
      next += 1;
    }
    if (active.length === 0) continue;
    const minAgents = Math.max(...active.map((span) => span.minAgents));
    const last = result[result.length - 1];
    if (last && last.end === segmentStart && last.minAgents === minAgents) {
      last.end = segmentEnd;
    } else {
      result.push({ start: segmentStart, end: segmentEnd, minAgents });
    }
  }
  return result;
}
