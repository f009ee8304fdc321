import type { LocalDate, Result } from '../model/types';
import {
  type ExchangeRate,
  type Fraction,
  type PayPeriod,
  type PeriodMoney,
  type UsedRate,
  div,
  fraction,
  restate,
  sub,
  toMinorUnits,
  toRatio,
} from './money';

export const PAY_LEVELS = ['junior', 'middle', 'senior', 'lead'] as const;
export type PayLevel = (typeof PAY_LEVELS)[number];

export type PayWorkMode = 'office' | 'remote';

/**
 * One version of a salary band. Versions are never edited once in force: a change creates a new
 * version from its effective date and closes the previous one there (`effectiveTo`, exclusive).
 * Amounts are full-time (see `fullTimeHoursPerWeek` in the cost settings) per `period`.
 */
export interface Band {
  id: string;
  level: PayLevel;
  /** null = any region. */
  regionId: string | null;
  workMode: PayWorkMode;
  currency: string;
  period: PayPeriod;
  minMinor: number;
  midMinor: number;
  maxMinor: number;
  /** Local date, inclusive. */
  effectiveFrom: LocalDate;
  /** Local date, EXCLUSIVE; null = open-ended. */
  effectiveTo: LocalDate | null;
}

export interface BandSubject {
  level: PayLevel | null;
  regionId: string | null;
  workMode: PayWorkMode;
}

const inForce = (band: Pick<Band, 'effectiveFrom' | 'effectiveTo'>, date: LocalDate) => band.effectiveFrom <= date && (band.effectiveTo === null || date < band.effectiveTo);

/**
 * The band that applies to an agent on `date`: same level and work mode, in force on that date,
 * and the most specific region: a band of the agent's own region wins over an "any region"
 * band. Among equals the most recent version (latest `effectiveFrom`) wins, then the id, so the
 * answer is deterministic. No level, or nothing matching: null (flag `no band`).
 */
export function matchBand(input: { bands: readonly Band[]; subject: BandSubject; date: LocalDate }): Band | null {
  const { subject, date } = input;
  if (subject.level === null) return null;
  const candidates = input.bands.filter(
    (band) => band.level === subject.level && band.workMode === subject.workMode && inForce(band, date) && (band.regionId === null || band.regionId === subject.regionId),
  );
  candidates.sort((a, b) => {
    const specific = Number(b.regionId !== null) - Number(a.regionId !== null);
    if (specific !== 0) return specific;
    if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom < b.effectiveFrom ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return candidates[0] ?? null;
}

/** compa-ratio = salary ÷ midpoint (1 = at the midpoint). Exact; round for display. */
export function computeCompaRatio(salaryMinor: Fraction | number, midMinor: number): Fraction {
  const salary = typeof salaryMinor === 'number' ? fraction(salaryMinor) : salaryMinor;
  return div(salary, fraction(midMinor));
}

/**
 * Range penetration = (salary − min) ÷ (max − min): 0 at the minimum, 1 at the maximum, below 0
 * or above 1 outside the band. A band with max = min has no range: null.
 */
export function computeRangePenetration(salaryMinor: Fraction | number, band: Pick<Band, 'minMinor' | 'maxMinor'>): Fraction | null {
  if (band.maxMinor === band.minMinor) return null;
  const salary = typeof salaryMinor === 'number' ? fraction(salaryMinor) : salaryMinor;
  return div(sub(salary, fraction(band.minMinor)), fraction(band.maxMinor - band.minMinor));
}

/** A salary from its effective date (local date) until the next one. */
export interface Salary extends PeriodMoney {
  effectiveFrom: LocalDate;
}

/** The salary in force on `date`: the latest with `effectiveFrom` ≤ date. */
export function findSalary<T extends Salary>(salaries: readonly T[], date: LocalDate): T | null {
  return [...salaries].filter((salary) => salary.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0))[0] ?? null;
}

/**
 * A statutory minimum wage for full-time work in a country, or in one region of it (regionId),
 * from `effectiveFrom` until a later row for the same place.
 */
export interface MinimumWage extends PeriodMoney {
  countryCode: string;
  /** null = the whole country. */
  regionId: string | null;
  effectiveFrom: LocalDate;
}

/** The minimum in force on `date` for a place: the region's own row first, else the country's. */
export function findMinimumWage<T extends MinimumWage>(input: { table: readonly T[]; countryCode: string | null; regionId: string | null; date: LocalDate }): T | null {
  if (input.countryCode === null) return null;
  const latest = (rows: T[]) => rows.filter((row) => row.effectiveFrom <= input.date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] ?? null;
  const own = input.regionId === null ? null : latest(input.table.filter((row) => row.countryCode === input.countryCode && row.regionId === input.regionId));
  return own ?? latest(input.table.filter((row) => row.countryCode === input.countryCode && row.regionId === null));
}

/**
 * Whether `amount` (full-time, per period) is below `minimum`, compared in the minimum's currency
 * and period at the rate of `date`. Equal is not below.
 */
export function isBelowMinimumWage(input: { amount: PeriodMoney; minimum: MinimumWage; rates: readonly ExchangeRate[]; date: LocalDate }): Result<{ below: boolean; used: UsedRate | null }, 'no-rate'> {
  const restated = restate({ money: input.amount, currency: input.minimum.currency, period: input.minimum.period, rates: input.rates, date: input.date });
  if (!restated.ok) return restated;
  const { amount } = restated.value;
  return { ok: true, value: { below: amount.n < BigInt(input.minimum.amountMinor) * amount.d, used: restated.value.used } };
}

export const PAY_FLAGS = ['below band', 'above band', 'no band', 'no salary', 'below minimum wage', 'no exchange rate'] as const;
export type PayFlag = (typeof PAY_FLAGS)[number];

/** Where one agent's salary sits in their band on a date. */
export interface BandPosition {
  band: Band | null;
  salary: Salary | null;
  /** The salary restated in the band's currency and period, rounded half-even; null without both. */
  salaryInBandMinor: number | null;
  /** salary ÷ midpoint, 4 decimals. */
  compaRatio: number | null;
  /** (salary − min) ÷ (max − min), 4 decimals. */
  rangePenetration: number | null;
  minimumWage: MinimumWage | null;
  flags: PayFlag[];
  ratesUsed: UsedRate[];
}

/**
 * An agent against their band and the minimum wage on `date`. Flags, in this order: `no salary`,
 * `no band`, `below band` / `above band` (strictly outside [min, max]), `below minimum wage`,
 * `no exchange rate` (a salary in another currency than the band's or minimum's with no rate).
 */
export function positionInBand(input: {
  subject: BandSubject & { countryCode: string | null };
  salaries: readonly Salary[];
  bands: readonly Band[];
  minimumWages: readonly MinimumWage[];
  rates: readonly ExchangeRate[];
  date: LocalDate;
}): BandPosition {
  const { date, rates } = input;
  const salary = findSalary(input.salaries, date);
  const band = matchBand({ bands: input.bands, subject: input.subject, date });
  const minimumWage = findMinimumWage({ table: input.minimumWages, countryCode: input.subject.countryCode, regionId: input.subject.regionId, date });
  const flags: PayFlag[] = [];
  const ratesUsed: UsedRate[] = [];
  let salaryInBandMinor: number | null = null;
  let compaRatio: number | null = null;
  let rangePenetration: number | null = null;
  if (!salary) flags.push('no salary');
  if (!band) flags.push('no band');
  let missingRate = false;
  if (salary && band) {
    const restated = restate({ money: salary, currency: band.currency, period: band.period, rates, date });
    if (restated.ok) {
      const amount = restated.value.amount;
      if (restated.value.used) ratesUsed.push(restated.value.used);
      salaryInBandMinor = toMinorUnits(amount);
      compaRatio = toRatio(computeCompaRatio(amount, band.midMinor));
      const penetration = computeRangePenetration(amount, band);
      rangePenetration = penetration === null ? null : toRatio(penetration);
      // Compared exactly, before rounding: 1 kopeck under the minimum is under.
      if (amount.n < BigInt(band.minMinor) * amount.d) flags.push('below band');
      else if (amount.n > BigInt(band.maxMinor) * amount.d) flags.push('above band');
    } else missingRate = true;
  }
  if (salary && minimumWage) {
    const check = isBelowMinimumWage({ amount: salary, minimum: minimumWage, rates, date });
    if (check.ok) {
      if (check.value.used) ratesUsed.push(check.value.used);
      if (check.value.below) flags.push('below minimum wage');
    } else missingRate = true;
  }
  if (missingRate) flags.push('no exchange rate');
  return { band, salary, salaryInBandMinor, compaRatio, rangePenetration, minimumWage, flags, ratesUsed };
}

/** A band whose minimum is under the legal minimum wage of a place it applies to. */
export interface BandMinimumWageCheck {
  countryCode: string;
  regionId: string | null;
  minimumWage: MinimumWage;
  below: boolean;
}

/**
 * Checks a band's minimum against the minimum wage of each place (`countryCode` + `regionId`)
 * it applies to on `date`: a regional band against its region, an "any region" band against
 * every place the caller passes (the regions of the agents it covers). Places without a known
 * minimum, or without a rate into its currency, are left out.
 */
export function checkBandAgainstMinimumWage(input: {
  band: Band;
  places: readonly { countryCode: string; regionId: string | null }[];
  minimumWages: readonly MinimumWage[];
  rates: readonly ExchangeRate[];
  date: LocalDate;
}): BandMinimumWageCheck[] {
  const results: BandMinimumWageCheck[] = [];
  const seen = new Set<string>();
  for (const place of input.places) {
    const minimumWage = findMinimumWage({ table: input.minimumWages, countryCode: place.countryCode, regionId: place.regionId, date: input.date });
    if (!minimumWage) continue;
    const key = `${place.countryCode}|${place.regionId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const check = isBelowMinimumWage({ amount: { amountMinor: input.band.minMinor, currency: input.band.currency, period: input.band.period }, minimum: minimumWage, rates: input.rates, date: input.date });
    if (check.ok) results.push({ countryCode: place.countryCode, regionId: place.regionId, minimumWage, below: check.value.below });
  }
  return results;
}

/** Validates min ≤ mid ≤ max, all positive integers. */
export function validateBandAmounts(band: Pick<Band, 'minMinor' | 'midMinor' | 'maxMinor'>): Result<true, 'invalid-band'> {
  const { minMinor, midMinor, maxMinor } = band;
  if (![minMinor, midMinor, maxMinor].every((value) => Number.isSafeInteger(value) && value > 0)) {
    return { ok: false, reason: 'invalid-band', field: 'min', message: 'min, mid and max must be positive whole minor units' };
  }
  if (minMinor > midMinor) return { ok: false, reason: 'invalid-band', field: 'mid', message: 'mid must be at least min' };
  if (midMinor > maxMinor) return { ok: false, reason: 'invalid-band', field: 'max', message: 'max must be at least mid' };
  return { ok: true, value: true };
}
