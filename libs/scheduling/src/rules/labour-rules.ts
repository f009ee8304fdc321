import { LocalTime } from '../model/types';

/** A daily night window in the agent's zone; `end <= start` crosses midnight (22:00–06:00). */
export interface NightWindow {
  start: LocalTime;
  end: LocalTime;
}

/**
 * When a shift counts as a night shift: at least `minNightHours` worked hours inside the night
 * window, or at least `minNightShare` (0..1) of its worked hours there. Either condition is enough.
 */
export interface NightShiftDefinition {
  minNightHours?: number;
  minNightShare?: number;
}

/**
 * Labour rules for one agent, fully resolved. Hours are hours; weeks are ISO weeks (Monday
 * 00:00 to Monday 00:00) and days local calendar dates, both in the AGENT's zone. `null`
 * switches a check off.
 */
export interface LabourRules {
  /** Minimum rest between the end of one shift and the start of the next. */
  minRestHours: number;
  /** Maximum shift length, start to end (unpaid breaks included: the agent is tied up). */
  maxShiftHours: number;
  /** Maximum run of consecutive working days (a working day = local date a shift starts on). */
  maxConsecutiveDays: number;
  /**
   * Minimum run of consecutive working days between days off; `null` = no minimum. Judged only
   * for runs with known work before and after them (a run at the edge may go on).
   */
  minConsecutiveDays: number | null;
  /** Minimum run of days off between two working days; `null` = no minimum. */
  minConsecutiveDaysOff: number | null;
  /**
   * Most working weekends (an ISO week with a shift starting on its Saturday or Sunday, agent's
   * zone) in any four consecutive ISO weeks; `null` = no cap.
   */
  maxWorkingWeekendsPer4Weeks: number | null;
  /** Minimum uninterrupted rest overlapping every ISO week the agent works in. */
  weeklyRestHours: number;
  /** Hours over the contract allowed per ISO week before `weekly-hours` is raised; `null` = contract not checked. */
  weeklyHoursTolerance: number | null;
  /** Cap on worked hours per ISO week (averaged over `averagingWeeks` when set); `null` = no cap. */
  maxWeeklyHours: number | null;
  /** Reference period for `maxWeeklyHours`, in ISO weeks; `null` or 1 = every week on its own. */
  averagingWeeks: number | null;
  /** Local night window in the agent's zone; `null` = no night rules. */
  nightWindow: NightWindow | null;
  nightShiftDefinition: NightShiftDefinition;
  /** Night shifts: worked hours in the 24 h from the shift's start may not exceed this. */
  maxNightHoursPer24: number | null;
  /** Night shifts must be this much shorter (worked hours) than the standard day shift. */
  nightShiftShorterByHours: number | null;
  /** Standard day-shift length in hours; `null` = the agent's contract hours ÷ 5 (five-day week). */
  standardShiftHours: number | null;
}

/** Partial rules used for team defaults and per-agent overrides; `undefined` inherits, `null` switches off. */
export type LabourRulesOverride = Partial<LabourRules>;

/** Team defaults plus optional per-agent resolved rules, as the checks consume them. */
export interface LabourRulesSet {
  defaults: LabourRules;
  byAgent?: Readonly<Record<string, LabourRules>>;
}

/** Shiftdesk's defaults (issue 3): 11 h rest, 12 h shifts, 6 days in a row, 24 h weekly rest, contract hours exact. */
export const DEFAULT_LABOUR_RULES: LabourRules = {
  minRestHours: 11,
  maxShiftHours: 12,
  maxConsecutiveDays: 6,
  minConsecutiveDays: null,
  minConsecutiveDaysOff: null,
  maxWorkingWeekendsPer4Weeks: null,
  weeklyRestHours: 24,
  weeklyHoursTolerance: 0,
  maxWeeklyHours: null,
  averagingWeeks: null,
  nightWindow: null,
  nightShiftDefinition: { minNightHours: 3 },
  maxNightHoursPer24: null,
  nightShiftShorterByHours: null,
  standardShiftHours: null,
};

export type LabourRulePreset = 'eu-working-time-directive' | 'ru-labour-code';

/**
 * Presets a manager can start from.
 *
 * `eu-working-time-directive` (Directive 2003/88/EC): 11 h daily rest (Art. 3); weekly rest
 * 24 h + the 11 h daily rest = 35 h (Art. 5); 48 h average week (Art. 6) over a 17-week
 * reference period (Art. 16(b), four months); night time 23:00–06:00 (Art. 2(3): national law
 * picks ≥ 7 h including 00:00–05:00); a night shift is one with ≥ 3 h at night (Art. 2(4)); a
 * night shift may hold at most 8 worked hours in the 24 h from its start — the Art. 8 "average
 * of 8 h per 24 h" applied without averaging, the strict form a rota can always honour;
 * 13 h maximum shift, which the 11 h daily rest implies.
 *
 * `ru-labour-code` (Трудовой кодекс РФ): 40 h week (Art. 91); night 22:00–06:00 (Art. 96) and
 * a night shift one hour shorter than the standard day shift (contract ÷ 5, i.e. 7 h at 40 h);
 * a night shift is one with at least half its hours at night; weekly uninterrupted rest ≥ 42 h
 * (Art. 110). "Two shifts in a row are forbidden" (Art. 103) is read as: rest between shifts
 * ≥ 12 h, so a shift can never directly follow another (a 12 h shift + 12 h rest fits a day);
 * the stricter old reading "rest twice the preceding shift" is not adopted. 12 h maximum shift.
 */
export const LABOUR_RULE_PRESETS: Readonly<Record<LabourRulePreset, LabourRules>> = {
  'eu-working-time-directive': {
    minRestHours: 11,
    maxShiftHours: 13,
    maxConsecutiveDays: 6,
    minConsecutiveDays: null,
    minConsecutiveDaysOff: null,
    maxWorkingWeekendsPer4Weeks: null,
    weeklyRestHours: 35,
    weeklyHoursTolerance: 0,
    maxWeeklyHours: 48,
    averagingWeeks: 17,
    nightWindow: { start: '23:00', end: '06:00' },
    nightShiftDefinition: { minNightHours: 3 },
    maxNightHoursPer24: 8,
    nightShiftShorterByHours: null,
    standardShiftHours: null,
  },
  'ru-labour-code': {
    minRestHours: 12,
    maxShiftHours: 12,
    maxConsecutiveDays: 6,
    minConsecutiveDays: null,
    minConsecutiveDaysOff: null,
    maxWorkingWeekendsPer4Weeks: null,
    weeklyRestHours: 42,
    weeklyHoursTolerance: 0,
    maxWeeklyHours: 40,
    averagingWeeks: null,
    nightWindow: { start: '22:00', end: '06:00' },
    nightShiftDefinition: { minNightShare: 0.5 },
    maxNightHoursPer24: null,
    nightShiftShorterByHours: 1,
    standardShiftHours: null,
  },
};

function withoutUndefined(override: LabourRulesOverride | undefined): LabourRulesOverride {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(override ?? {})) if (value !== undefined) out[key] = value;
  return out as LabourRulesOverride;
}

/**
 * Resolves the rules of one agent: Shiftdesk defaults ← team defaults ← agent overrides.
 * `undefined` inherits; `null` switches a nullable check off. `base` replaces the built-in
 * defaults (e.g. a preset the team started from).
 */
export function resolveLabourRules(input: {
  teamDefaults?: LabourRulesOverride;
  agentOverrides?: LabourRulesOverride;
  base?: LabourRules;
}): LabourRules {
  const base = input.base ?? DEFAULT_LABOUR_RULES;
  const team = withoutUndefined(input.teamDefaults);
  const agent = withoutUndefined(input.agentOverrides);
  return {
    ...base,
    ...team,
    ...agent,
    nightShiftDefinition: { ...(agent.nightShiftDefinition ?? team.nightShiftDefinition ?? base.nightShiftDefinition) },
  };
}

/** Rules that apply to one agent in a set. */
export function selectLabourRules(set: LabourRulesSet, agentId: string): LabourRules {
  return set.byAgent?.[agentId] ?? set.defaults;
}
