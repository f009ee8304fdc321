import type { Instant, LocalDate, Result, ShiftBreak, TimeZone } from '../model/types';
import { createCoverageRuleFromPreset, expandCoverageRule, COVERAGE_PRESETS, type CoveragePreset } from '../coverage/coverage-rule';
import { computeStaffingNeed } from '../staffing/compute-staffing-need';
import { addCalendarDays, getStartOfLocalDay, instantToWall, wallToInstant } from '../time';
import { formatWallDate } from '../time/local-date-time';
import { findSalary, type Salary } from './bands';
import { type ExchangeRate, type Fraction, type UsedRate, ZERO, add, fraction, mul, restate, sub, toMinorUnits } from './money';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * 24 * HOUR_MS;
/** Weeks in a year for hourly rates: 52 (a yearly salary ÷ 52 weeks ÷ weekly hours). */
export const WEEKS_PER_YEAR = 52;

/**
 * Team pay settings. Percentages are whole basis points (1 % = 100) so no float enters a sum.
 * Premiums are paid on top of the base hourly rate for the hours that qualify:
 * - night: 22:00–06:00 on the agent's own wall clock (Russian Labour Code art. 154 and
 *   Government Decree 554: at least 20 %);
 * - weekend: Saturday and Sunday on the agent's wall clock;
 * - holiday: a public holiday of the agent's country on the agent's wall clock; a holiday hour
 *   earns the holiday premium INSTEAD of the weekend premium (the larger day premium, not both);
 * - night stacks with the day premium (a Saturday night hour earns night + weekend).
 * Overtime (worked hours beyond the contract, pro rata over the period) is paid at the hourly
 * rate plus the overtime premium. The employer on-cost (social contributions) applies to all of it.
 */
export interface PaySettings {
  reportingCurrency: string;
  onCostBasisPoints: number;
  nightPremiumBasisPoints: number;
  weekendPremiumBasisPoints: number;
  holidayPremiumBasisPoints: number;
  overtimePremiumBasisPoints: number;
  /** The full-time week band and salary amounts refer to (salaries are full-time equivalents). */
  fullTimeHoursPerWeek: number;
  publicHolidays: readonly PublicHoliday[];
}

export interface PublicHoliday {
  /** Local date on the agent's wall clock. */
  date: LocalDate;
  /** ISO 3166-1 alpha-2; null = every country. */
  countryCode: string | null;
  name: string;
}

/** Minimum premium for night work in Russia (Labour Code art. 154, Decree No. 554 of 22.07.2008). */
export const RU_MIN_NIGHT_PREMIUM_BASIS_POINTS = 2000;

export const DEFAULT_PAY_SETTINGS: PaySettings = {
  reportingCurrency: 'RUB',
  // 30 % pension + 5.1 % medical + 2.9 % social insurance (Russia, up to the contribution cap)
  // + 0.2 % accident insurance: 30.2 %, a common base rate.
  onCostBasisPoints: 3020,
  nightPremiumBasisPoints: RU_MIN_NIGHT_PREMIUM_BASIS_POINTS,
  weekendPremiumBasisPoints: 10000,
  holidayPremiumBasisPoints: 10000,
  overtimePremiumBasisPoints: 5000,
  fullTimeHoursPerWeek: 40,
  publicHolidays: [],
};

/** Hours of one interval split by the premiums they earn (ms, so sums are exact). */
export interface PremiumTime {
  totalMs: number;
  nightMs: number;
  weekendMs: number;
  /** Holiday hours (they are not also counted as weekend). */
  holidayMs: number;
}

const emptyTime = (): PremiumTime => ({ totalMs: 0, nightMs: 0, weekendMs: 0, holidayMs: 0 });

/**
 * Splits [start, end) (UTC ms) by the agent's wall clock in `zone`: night (22:00–06:00),
 * weekend (Sat/Sun) and public holidays. Pieces are cut at local midnight, 06:00 and 22:00,
 * converted back to instants in the zone, so DST days are honest: the night of the
 * spring-forward change has 7 real hours between 22:00 and 06:00 in Europe/Berlin, the autumn one 9.
 */
export function splitPremiumTime(input: { start: Instant; end: Instant; zone: TimeZone; holidays?: ReadonlySet<LocalDate> }): PremiumTime {
  const result = emptyTime();
  let cursor = input.start;
  while (cursor < input.end) {
    // Wall ms: the agent's clock read as if it were UTC (cached zone offsets; luxon per piece
    // was ~30× slower on a 500-agent month, see tests/benchmarks/roster-cost.bench.ts).
    const wall = instantToWall(input.zone, cursor);
    const dayStart = Math.floor(wall / DAY_MS) * DAY_MS;
    const hour = Math.floor((wall - dayStart) / HOUR_MS);
    const boundaries = [dayStart + 6 * HOUR_MS, dayStart + 22 * HOUR_MS, dayStart + DAY_MS].map((b) => wallToInstant(input.zone, b)).filter((b) => b > cursor);
    const next = Math.min(input.end, ...boundaries);
    const length = next - cursor;
    const date = formatWallDate(dayStart);
    // 1970-01-01 was a Thursday: ISO weekday from the epoch day.
    const weekday = ((Math.floor(dayStart / DAY_MS) + 3) % 7) + 1;
    result.totalMs += length;
    if (hour < 6 || hour >= 22) result.nightMs += length;
    if (input.holidays?.has(date)) result.holidayMs += length;
    else if (weekday >= 6) result.weekendMs += length;
    cursor = next;
  }
  return result;
}

/** [start, end) minus breaks, clipped to [from, to). */
export function workedPieces(shift: { start: Instant; end: Instant; breaks?: readonly ShiftBreak[] }, from: Instant, to: Instant): { start: Instant; end: Instant }[] {
  const start = Math.max(shift.start, from);
  const end = Math.min(shift.end, to);
  if (end <= start) return [];
  const breaks = [...(shift.breaks ?? [])].sort((a, b) => a.start - b.start);
  const pieces: { start: Instant; end: Instant }[] = [];
  let cursor = start;
  for (const pause of breaks) {
    if (pause.end <= cursor || pause.start >= end) continue;
    if (pause.start > cursor) pieces.push({ start: cursor, end: pause.start });
    cursor = Math.max(cursor, pause.end);
  }
  if (cursor < end) pieces.push({ start: cursor, end });
  return pieces;
}

export interface CostAgent {
  id: string;
  displayName: string;
  timeZone: TimeZone;
  countryCode: string | null;
  contractHoursPerWeek: number;
  salaries: readonly Salary[];
}

export interface CostShift {
  agentId: string;
  start: Instant;
  end: Instant;
  breaks?: readonly ShiftBreak[];
}

export interface AgentCost {
  agentId: string;
  displayName: string;
  /** null when the agent has no salary on the period's first day (or no rate): left out of totals. */
  missing: 'no salary' | 'no exchange rate' | null;
  /** Base hourly rate (full-time salary ÷ 52 ÷ full-time hours), reporting currency, minor units. */
  hourlyRateMinor: number | null;
  /** Hourly rate with the employer on-cost. */
  hourlyCostMinor: number | null;
  contractHours: number;
  workedHours: number;
  overtimeHours: number;
  nightHours: number;
  weekendHours: number;
  holidayHours: number;
  /** Contract pay for the period (salary pro rata), minor units, without on-cost. */
  baseMinor: number;
  premiumsMinor: number;
  overtimeMinor: number;
  onCostMinor: number;
  totalMinor: number;
}

export interface RosterCost {
  from: Instant;
  to: Instant;
  currency: string;
  agents: AgentCost[];
  totalMinor: number;
  /** Hours with at least one agent working (union of worked time). */
  coveredHours: number;
  /** Hours the coverage target asks the desk to be open (passed in). */
  targetHours: number;
  costPerCoveredHourMinor: number | null;
  costPerTargetHourMinor: number | null;
  contractHours: number;
  workedHours: number;
  overtimeHours: number;
  ratesUsed: UsedRate[];
  /** The local date (reporting) whose salaries and rates were used. */
  rateDate: LocalDate;
}

const hours = (ms: number) => Math.round((ms / HOUR_MS) * 100) / 100;
const bp = (basisPoints: number) => fraction(basisPoints, 10_000);

/** Full-time hourly rate in the reporting currency, exact: yearly salary ÷ 52 ÷ full-time hours. */
export function computeHourlyRate(input: { salary: Salary; settings: Pick<PaySettings, 'reportingCurrency' | 'fullTimeHoursPerWeek'>; rates: readonly ExchangeRate[]; date: LocalDate }): Result<{ rate: Fraction; used: UsedRate | null }, 'no-rate'> {
  const yearly = restate({ money: input.salary, currency: input.settings.reportingCurrency, period: 'year', rates: input.rates, date: input.date });
  if (!yearly.ok) return yearly;
  const weeklyHours = fractionOfHours(input.settings.fullTimeHoursPerWeek);
  return { ok: true, value: { rate: mul(yearly.value.amount, fraction(weeklyHours.d, weeklyHours.n * BigInt(WEEKS_PER_YEAR))), used: yearly.value.used } };
}

/** Hours given as a number with at most 2 decimals (37.5) as an exact fraction. */
function fractionOfHours(value: number): Fraction {
  return fraction(Math.round(value * 100), 100);
}

const msToHours = (ms: number): Fraction => fraction(ms, HOUR_MS);

/** Union length of intervals (ms). */
function unionMs(intervals: { start: Instant; end: Instant }[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let currentStart = -Infinity;
  let currentEnd = -Infinity;
  for (const interval of sorted) {
    if (interval.start > currentEnd) {
      if (currentEnd > currentStart) total += currentEnd - currentStart;
      currentStart = interval.start;
      currentEnd = interval.end;
    } else currentEnd = Math.max(currentEnd, interval.end);
  }
  if (currentEnd > currentStart) total += currentEnd - currentStart;
  return total;
}

/**
 * What the final schedule costs over [from, to) (UTC ms): per agent the contract pay pro rata
 * (paid whether or not shifts fill it), premiums for the night / weekend / holiday hours of
 * their shifts (on their own wall clock), overtime beyond the contract pro rata, and the
 * employer on-cost on all of it; then totals, per covered hour and per target hour.
 * Salaries and exchange rates are those in force on `rateDate`. Each agent's components are
 * rounded half-even to the minor unit; totals are sums of the rounded figures shown.
 */
export function computeRosterCost(input: {
  from: Instant;
  to: Instant;
  rateDate: LocalDate;
  agents: readonly CostAgent[];
  shifts: readonly CostShift[];
  settings: PaySettings;
  rates: readonly ExchangeRate[];
  targetMs: number;
}): RosterCost {
  const { from, to, settings, rates, rateDate } = input;
  const periodWeeks = fraction(to - from, WEEK_MS);
  const ratesUsed = new Map<string, UsedRate>();
  const allPieces: { start: Instant; end: Instant }[] = [];
  const agents: AgentCost[] = [];
  const shiftsByAgent = new Map<string, CostShift[]>();
  for (const shift of input.shifts) shiftsByAgent.set(shift.agentId, [...(shiftsByAgent.get(shift.agentId) ?? []), shift]);
  for (const agent of input.agents) {
    const holidays = new Set(settings.publicHolidays.filter((h) => h.countryCode === null || h.countryCode === agent.countryCode).map((h) => h.date));
    const time = emptyTime();
    for (const shift of shiftsByAgent.get(agent.id) ?? []) {
      for (const piece of workedPieces(shift, from, to)) {
        allPieces.push(piece);
        const split = splitPremiumTime({ ...piece, zone: agent.timeZone, holidays });
        time.totalMs += split.totalMs;
        time.nightMs += split.nightMs;
        time.weekendMs += split.weekendMs;
        time.holidayMs += split.holidayMs;
      }
    }
    const contract = mul(fractionOfHours(agent.contractHoursPerWeek), periodWeeks);
    const worked = msToHours(time.totalMs);
    const overtime = sub(worked, contract).n > 0n ? sub(worked, contract) : ZERO;
    const row: AgentCost = {
      agentId: agent.id,
      displayName: agent.displayName,
      missing: null,
      hourlyRateMinor: null,
      hourlyCostMinor: null,
      contractHours: Math.round(Number(contract.n * 100n / contract.d)) / 100,
      workedHours: hours(time.totalMs),
      overtimeHours: Math.round(Number(overtime.n * 100n / overtime.d)) / 100,
      nightHours: hours(time.nightMs),
      weekendHours: hours(time.weekendMs),
      holidayHours: hours(time.holidayMs),
      baseMinor: 0,
      premiumsMinor: 0,
      overtimeMinor: 0,
      onCostMinor: 0,
      totalMinor: 0,
    };
    agents.push(row);
    const salary = findSalary(agent.salaries, rateDate);
    if (!salary) {
      row.missing = 'no salary';
      continue;
    }
    const hourly = computeHourlyRate({ salary, settings, rates, date: rateDate });
    if (!hourly.ok) {
      row.missing = 'no exchange rate';
      continue;
    }
    if (hourly.value.used) ratesUsed.set(`${hourly.value.used.from}${hourly.value.used.to}${hourly.value.used.date}`, hourly.value.used);
    const rate = hourly.value.rate;
    const base = mul(rate, contract);
    const premiums = add(
      add(mul(mul(rate, msToHours(time.nightMs)), bp(settings.nightPremiumBasisPoints)), mul(mul(rate, msToHours(time.weekendMs)), bp(settings.weekendPremiumBasisPoints))),
      mul(mul(rate, msToHours(time.holidayMs)), bp(settings.holidayPremiumBasisPoints)),
    );
    const overtimePay = mul(mul(rate, overtime), add(fraction(1), bp(settings.overtimePremiumBasisPoints)));
    row.hourlyRateMinor = toMinorUnits(rate);
    row.hourlyCostMinor = toMinorUnits(mul(rate, add(fraction(1), bp(settings.onCostBasisPoints))));
    row.baseMinor = toMinorUnits(base);
    row.premiumsMinor = toMinorUnits(premiums);
    row.overtimeMinor = toMinorUnits(overtimePay);
    row.onCostMinor = toMinorUnits(mul(fraction(row.baseMinor + row.premiumsMinor + row.overtimeMinor), bp(settings.onCostBasisPoints)));
    row.totalMinor = row.baseMinor + row.premiumsMinor + row.overtimeMinor + row.onCostMinor;
  }
  const totalMinor = agents.reduce((sum, row) => sum + row.totalMinor, 0);
  const coveredMs = unionMs(allPieces);
  const perHour = (ms: number) => (ms > 0 ? toMinorUnits(fraction(BigInt(totalMinor) * BigInt(HOUR_MS), ms)) : null);
  return {
    from,
    to,
    currency: settings.reportingCurrency,
    agents,
    totalMinor,
    coveredHours: hours(coveredMs),
    targetHours: hours(input.targetMs),
    costPerCoveredHourMinor: perHour(coveredMs),
    costPerTargetHourMinor: perHour(input.targetMs),
    contractHours: Math.round(agents.reduce((sum, row) => sum + row.contractHours, 0) * 100) / 100,
    workedHours: Math.round(agents.reduce((sum, row) => sum + row.workedHours, 0) * 100) / 100,
    overtimeHours: Math.round(agents.reduce((sum, row) => sum + row.overtimeHours, 0) * 100) / 100,
    ratesUsed: [...ratesUsed.values()].sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1)),
    rateDate,
  };
}

export interface CoverageCostOption {
  preset: CoveragePreset;
  label: string;
  seatHoursPerWeek: number;
  /** Exact head-count from the staffing maths (seat-hours ÷ productive hours per agent). */
  headCount: number;
  agentsNeeded: number;
  /** Agents of the team with a salary (whose average pay prices the option). */
  currentAgents: number;
  /** agentsNeeded − currentAgents (negative: spare agents). */
  agentsToHire: number;
  nightHoursPerWeek: number;
  weekendHoursPerWeek: number;
  /** Estimated employer cost per week and per month (× 52 ÷ 12), reporting currency, minor units. */
  costPerWeekMinor: number;
  costPerMonthMinor: number;
}

export interface CoverageCostEstimate {
  /** Always true: this is the staffing maths, not a generated roster. */
  estimate: true;
  method: string;
  weekStart: LocalDate;
  currency: string;
  averageHourlyRateMinor: number | null;
  options: CoverageCostOption[];
  ratesUsed: UsedRate[];
}

/**
 * What-if: the head-count and cost 12 h, 14 h, 16 h, 18 h and 24/7 coverage (each preset at
 * `minAgents` seats, every day, in the team's zone) would need with the team's own agents.
 * An ESTIMATE from the staffing maths (`computeStaffingNeed`): head-count = seat-hours ÷
 * (reference contract × (1 − shrinkage)), priced at the average full-time hourly rate of the
 * team's agents with a salary, plus premiums for the seat-hours at night / on weekends in the
 * team's zone and the on-cost. Running the roster generator per option would take minutes per
 * option, too slow for an interactive page. Holidays are not counted in the estimate.
 */
export function estimateCoverageCosts(input: {
  timeZone: TimeZone;
  weekStart: LocalDate;
  minAgents: number;
  shrinkage: number;
  contractHoursPerWeek: number;
  agents: readonly CostAgent[];
  settings: PaySettings;
  rates: readonly ExchangeRate[];
  rateDate: LocalDate;
}): Result<CoverageCostEstimate, string> {
  const { settings, rates, rateDate } = input;
  const ratesUsed = new Map<string, UsedRate>();
  let sum = ZERO;
  let priced = 0;
  for (const agent of input.agents) {
    const salary = findSalary(agent.salaries, rateDate);
    if (!salary) continue;
    const hourly = computeHourlyRate({ salary, settings, rates, date: rateDate });
    if (!hourly.ok) continue;
    if (hourly.value.used) ratesUsed.set(`${hourly.value.used.from}${hourly.value.used.to}${hourly.value.used.date}`, hourly.value.used);
    sum = add(sum, hourly.value.rate);
    priced += 1;
  }
  const average = priced > 0 ? mul(sum, fraction(1, priced)) : null;
  const onCost = add(fraction(1), bp(settings.onCostBasisPoints));
  const from = getStartOfLocalDay(input.weekStart, input.timeZone);
  const to = getStartOfLocalDay(addCalendarDays(input.weekStart, 7), input.timeZone);
  const options: CoverageCostOption[] = [];
  for (const preset of Object.keys(COVERAGE_PRESETS) as CoveragePreset[]) {
    const rule = createCoverageRuleFromPreset({ preset, timeZone: input.timeZone, minAgents: input.minAgents });
    const need = computeStaffingNeed({ rule, contractHoursPerWeek: input.contractHoursPerWeek, shrinkage: input.shrinkage, weekStart: input.weekStart });
    if (!need.ok) return need;
    const time = emptyTime();
    for (const demand of expandCoverageRule({ rule, from, to })) {
      const split = splitPremiumTime({ start: demand.start, end: demand.end, zone: input.timeZone });
      time.nightMs += split.nightMs * demand.minAgents;
      time.weekendMs += split.weekendMs * demand.minAgents;
    }
    let costPerWeekMinor = 0;
    let costPerMonthMinor = 0;
    if (average) {
      const base = mul(mul(average, fractionOfHours(input.contractHoursPerWeek)), fraction(need.value.agentsNeeded));
      const premiums = add(mul(mul(average, msToHours(time.nightMs)), bp(settings.nightPremiumBasisPoints)), mul(mul(average, msToHours(time.weekendMs)), bp(settings.weekendPremiumBasisPoints)));
      const weekly = mul(add(base, premiums), onCost);
      costPerWeekMinor = toMinorUnits(weekly);
      costPerMonthMinor = toMinorUnits(mul(weekly, fraction(WEEKS_PER_YEAR, 12)));
    }
    options.push({
      preset,
      label: COVERAGE_PRESETS[preset].label,
      seatHoursPerWeek: need.value.seatHoursPerWeek,
      headCount: need.value.headCount,
      agentsNeeded: need.value.agentsNeeded,
      currentAgents: priced,
      agentsToHire: need.value.agentsNeeded - priced,
      nightHoursPerWeek: hours(time.nightMs),
      weekendHoursPerWeek: hours(time.weekendMs),
      costPerWeekMinor,
      costPerMonthMinor,
    });
  }
  return {
    ok: true,
    value: {
      estimate: true,
      method:
        'Estimate from the staffing maths: head-count = seat-hours ÷ (contract hours × (1 − shrinkage)), priced at the average full-time hourly rate of the team\'s agents plus night and weekend premiums and the on-cost. Not a generated roster: running the roster generator for every option takes minutes, too slow for this page.',
      weekStart: input.weekStart,
      currency: settings.reportingCurrency,
      averageHourlyRateMinor: average ? toMinorUnits(average) : null,
      options,
      ratesUsed: [...ratesUsed.values()],
    },
  };
}
