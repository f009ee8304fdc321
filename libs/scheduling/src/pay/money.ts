import type { LocalDate, Result } from '../model/types';

/**
 * Money is an integer count of minor units (kopecks, cents) plus an ISO 4217 code. Never a
 * float: every computation below runs on exact fractions of BigInts and is rounded ONCE, at the
 * end, to a whole minor unit.
 *
 * Rounding rule: **half-even at the minor unit** ("banker's rounding"): 0.5 kopeck rounds to the
 * even neighbour (12.345 → 12.34, 12.355 → 12.36), so rounding many amounts does not drift up.
 * Negative amounts round symmetrically.
 */
export interface Money {
  /** Integer minor units (e.g. kopecks for RUB). */
  amountMinor: number;
  /** ISO 4217, upper case. */
  currency: string;
}

export type PayPeriod = 'month' | 'year';

/** A salary or band amount per period. */
export interface PeriodMoney extends Money {
  period: PayPeriod;
}

/** ISO 4217 minor-unit digits for currencies whose exponent is not 2. Anything else: 2. */
const MINOR_DIGITS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, ISK: 0, CLP: 0, VND: 0, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3 };

export function getMinorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
}

/** An exact fraction n/d with d > 0. */
export interface Fraction {
  n: bigint;
  d: bigint;
}

export const fraction = (n: bigint | number, d: bigint | number = 1n): Fraction => {
  const nn = BigInt(n);
  const dd = BigInt(d);
  if (dd === 0n) throw new RangeError('fraction with zero denominator');
  return dd < 0n ? { n: -nn, d: -dd } : { n: nn, d: dd };
};
export const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.n, a.d * b.d);
export const add = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
export const div = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d, a.d * b.n);
export const ZERO: Fraction = { n: 0n, d: 1n };

/** Rounds n/d to the nearest integer, ties to even. */
export function roundHalfEven(value: Fraction): bigint {
  const negative = value.n < 0n;
  const n = negative ? -value.n : value.n;
  const q = n / value.d;
  const r = n % value.d;
  const twice = 2n * r;
  let result = q;
  if (twice > value.d || (twice === value.d && q % 2n === 1n)) result = q + 1n;
  return negative ? -result : result;
}

/** Rounded to a JS number (safe: amounts stay far below 2^53 minor units). */
export function toMinorUnits(value: Fraction): number {
  return Number(roundHalfEven(value));
}

/** A ratio as a number with `decimals` places (for display: compa-ratio, penetration). */
export function toRatio(value: Fraction, decimals = 4): number {
  const factor = 10n ** BigInt(decimals);
  return Number(roundHalfEven(mul(value, fraction(factor)))) / Number(factor);
}

/**
 * Parses a positive decimal written as text ("92.4512", "0.0108"), exactly. Rates are kept as
 * text so that no float ever touches them.
 */
export function parseDecimal(text: string): Fraction | null {
  const match = /^(\d{1,12})(?:\.(\d{1,12}))?$/.exec(text.trim());
  if (!match) return null;
  const decimals = match[2] ?? '';
  return fraction(BigInt(match[1] + decimals), 10n ** BigInt(decimals.length));
}

/** Major-unit text → minor units, exact ("27093" RUB → 2709300; "1.5" EUR → 150). */
export function parseMajor(text: string, currency: string): number | null {
  const value = parseDecimal(text);
  if (!value) return null;
  const scaled = mul(value, fraction(10n ** BigInt(getMinorDigits(currency))));
  return scaled.n % scaled.d === 0n ? Number(scaled.n / scaled.d) : null;
}

/** "27 093.00 RUB"-style text without locale surprises: `27093.00 RUB`. */
export function formatMoney(money: Money): string {
  const digits = getMinorDigits(money.currency);
  const negative = money.amountMinor < 0;
  const abs = BigInt(Math.abs(money.amountMinor));
  const factor = 10n ** BigInt(digits);
  const major = (abs / factor).toString();
  const minor = digits === 0 ? '' : `.${(abs % factor).toString().padStart(digits, '0')}`;
  return `${negative ? '-' : ''}${major}${minor} ${money.currency}`;
}

/** Month ↔ year: ×12 or ÷12 as an exact fraction (rounded by the caller). */
export function periodFactor(from: PayPeriod, to: PayPeriod): Fraction {
  if (from === to) return fraction(1);
  return from === 'month' ? fraction(12) : fraction(1, 12);
}

/**
 * A dated exchange rate kept by managers: 1 `from` = `rate` `to` (major units), valid from
 * `date` (local date of the team) until a later rate for the same pair.
 */
export interface ExchangeRate {
  from: string;
  to: string;
  /** Positive decimal as text, e.g. "0.0108". */
  rate: string;
  date: LocalDate;
}

/** The rate actually used for a conversion, reported with every cost figure. */
export interface UsedRate extends ExchangeRate {
  /** true when derived as 1 ÷ the stored opposite pair. */
  inverted: boolean;
}

export type ConversionFailure = 'no-rate';

/**
 * The rate for `from` → `to` on `date`: the latest stored rate of that pair dated on or before
 * `date`; when there is none, 1 ÷ the latest of the opposite pair. No triangulation through a
 * third currency: a report should only use rates a manager entered.
 */
export function findExchangeRate(input: { rates: readonly ExchangeRate[]; from: string; to: string; date: LocalDate }): Result<{ factor: Fraction; used: UsedRate | null }, ConversionFailure> {
  const { from, to, date } = input;
  if (from === to) return { ok: true, value: { factor: fraction(1), used: null } };
  const latest = (a: string, b: string) =>
    input.rates
      .filter((rate) => rate.from === a && rate.to === b && rate.date <= date && parseDecimal(rate.rate) !== null)
      .sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0))[0];
  const direct = latest(from, to);
  if (direct) return { ok: true, value: { factor: parseDecimal(direct.rate) as Fraction, used: { ...direct, inverted: false } } };
  const opposite = latest(to, from);
  if (opposite) {
    const value = parseDecimal(opposite.rate) as Fraction;
    return { ok: true, value: { factor: fraction(value.d, value.n), used: { ...opposite, inverted: true } } };
  }
  return { ok: false, reason: 'no-rate', message: `No exchange rate ${from}→${to} on or before ${date}` };
}

/**
 * `amount` in `to` as an exact fraction of `to`'s minor units (rounding is the caller's, once).
 * Minor-unit exponents are honoured (JPY has none, BHD three).
 */
export function convertExact(input: { amount: Fraction; from: string; to: string; rates: readonly ExchangeRate[]; date: LocalDate }): Result<{ amount: Fraction; used: UsedRate | null }, ConversionFailure> {
  const rate = findExchangeRate(input);
  if (!rate.ok) return rate;
  const exponent = fraction(10n ** BigInt(getMinorDigits(input.to)), 10n ** BigInt(getMinorDigits(input.from)));
  return { ok: true, value: { amount: mul(mul(input.amount, rate.value.factor), exponent), used: rate.value.used } };
}

/** Converts money at the rate valid on `date`, rounded half-even to `to`'s minor unit. */
export function convertMoney(input: { money: Money; to: string; rates: readonly ExchangeRate[]; date: LocalDate }): Result<{ money: Money; used: UsedRate | null }, ConversionFailure> {
  const converted = convertExact({ amount: fraction(input.money.amountMinor), from: input.money.currency, to: input.to, rates: input.rates, date: input.date });
  if (!converted.ok) return converted;
  return { ok: true, value: { money: { amountMinor: toMinorUnits(converted.value.amount), currency: input.to }, used: converted.value.used } };
}

/** A period amount in another currency and period, exact (unrounded) in `to`'s minor units. */
export function restate(input: { money: PeriodMoney; currency: string; period: PayPeriod; rates: readonly ExchangeRate[]; date: LocalDate }): Result<{ amount: Fraction; used: UsedRate | null }, ConversionFailure> {
  const converted = convertExact({ amount: fraction(input.money.amountMinor), from: input.money.currency, to: input.currency, rates: input.rates, date: input.date });
  if (!converted.ok) return converted;
  return { ok: true, value: { amount: mul(converted.value.amount, periodFactor(input.money.period, input.period)), used: converted.value.used } };
}
