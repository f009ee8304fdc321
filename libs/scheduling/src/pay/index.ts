// Fraction helpers (add, mul, …) stay inside the pay folder: only the money vocabulary is public.
export {
  type ConversionFailure,
  type ExchangeRate,
  type Money,
  type PayPeriod,
  type PeriodMoney,
  type UsedRate,
  convertMoney,
  findExchangeRate,
  formatMoney,
  getMinorDigits,
  isCurrencyCode,
  parseDecimal,
  parseMajor,
  roundHalfEven,
  toRatio,
} from './money';
export * from './bands';
export * from './cost';
