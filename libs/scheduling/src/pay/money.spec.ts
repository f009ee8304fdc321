import { convertMoney, findExchangeRate, formatMoney, fraction, parseDecimal, parseMajor, roundHalfEven, toRatio, type ExchangeRate } from './money';

describe('money: minor units, half-even rounding, dated conversion', () => {
  it('rounds half to even at the minor unit, symmetric for negatives', () => {
    expect(roundHalfEven(fraction(12345, 10))).toBe(1234n); // 1234.5 → 1234 (even)
    expect(roundHalfEven(fraction(12355, 10))).toBe(1236n); // 1235.5 → 1236 (even)
    expect(roundHalfEven(fraction(12346, 10))).toBe(1235n); // above half → up
    expect(roundHalfEven(fraction(12344, 10))).toBe(1234n); // below half → down
    expect(roundHalfEven(fraction(-12345, 10))).toBe(-1234n);
    expect(roundHalfEven(fraction(-12355, 10))).toBe(-1236n);
    expect(roundHalfEven(fraction(1, 3))).toBe(0n);
    expect(roundHalfEven(fraction(2, 3))).toBe(1n);
  });

  it('parses decimals and major amounts exactly, never through a float', () => {
    expect(parseDecimal('0.1')).toEqual({ n: 1n, d: 10n });
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal('-1')).toBeNull();
    expect(parseMajor('27093', 'RUB')).toBe(2_709_300);
    expect(parseMajor('0.29', 'EUR')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floats
    expect(parseMajor('1.005', 'EUR')).toBeNull(); // finer than a cent
    expect(parseMajor('1500', 'JPY')).toBe(1500);
    expect(formatMoney({ amountMinor: 2_709_300, currency: 'RUB' })).toBe('27093.00 RUB');
    expect(formatMoney({ amountMinor: -5, currency: 'EUR' })).toBe('-0.05 EUR');
    expect(formatMoney({ amountMinor: 1500, currency: 'JPY' })).toBe('1500 JPY');
  });

  const rates: ExchangeRate[] = [
    { from: 'EUR', to: 'RUB', rate: '100', date: '2026-01-01' },
    { from: 'EUR', to: 'RUB', rate: '92.5', date: '2026-03-01' },
    { from: 'RUB', to: 'AZN', rate: '0.0185', date: '2026-01-01' },
  ];

  it('uses the latest rate on or before the date, inverts the opposite pair, and fails without one', () => {
    const before = convertMoney({ money: { amountMinor: 100_00, currency: 'EUR' }, to: 'RUB', rates, date: '2026-02-28' });
    expect(before).toEqual({ ok: true, value: { money: { amountMinor: 10_000_00, currency: 'RUB' }, used: { ...rates[0], inverted: false } } });
    const after = convertMoney({ money: { amountMinor: 100_00, currency: 'EUR' }, to: 'RUB', rates, date: '2026-03-01' });
    expect(after.ok && after.value.money.amountMinor).toBe(9_250_00);
    // 1 AZN = 1 ÷ 0.0185 RUB = 54.054054… RUB → 5405.405… kopecks → 5405
    const inverted = convertMoney({ money: { amountMinor: 100, currency: 'AZN' }, to: 'RUB', rates, date: '2026-06-01' });
    expect(inverted.ok && inverted.value).toEqual({ money: { amountMinor: 5405, currency: 'RUB' }, used: { ...rates[2], inverted: true } });
    expect(findExchangeRate({ rates, from: 'EUR', to: 'RUB', date: '2025-12-31' })).toMatchObject({ ok: false, reason: 'no-rate' });
    expect(findExchangeRate({ rates, from: 'EUR', to: 'AZN', date: '2026-06-01' })).toMatchObject({ ok: false, reason: 'no-rate' });
  });

  it('rounds a conversion half-even: 0.5 kopeck goes to the even kopeck', () => {
    const half: ExchangeRate[] = [{ from: 'EUR', to: 'RUB', rate: '0.5', date: '2026-01-01' }];
    expect(convertMoney({ money: { amountMinor: 1, currency: 'EUR' }, to: 'RUB', rates: half, date: '2026-01-01' }).ok).toBe(true);
    const one = convertMoney({ money: { amountMinor: 1, currency: 'EUR' }, to: 'RUB', rates: half, date: '2026-01-01' });
    const three = convertMoney({ money: { amountMinor: 3, currency: 'EUR' }, to: 'RUB', rates: half, date: '2026-01-01' });
    expect(one.ok && one.value.money.amountMinor).toBe(0); // 0.5 → 0
    expect(three.ok && three.value.money.amountMinor).toBe(2); // 1.5 → 2
  });

  it('honours minor-unit exponents (JPY has none)', () => {
    const jpy: ExchangeRate[] = [{ from: 'EUR', to: 'JPY', rate: '160.25', date: '2026-01-01' }];
    const result = convertMoney({ money: { amountMinor: 10_00, currency: 'EUR' }, to: 'JPY', rates: jpy, date: '2026-01-01' });
    expect(result.ok && result.value.money).toEqual({ amountMinor: 1602, currency: 'JPY' }); // 1602.5 → 1602
  });

  it('rounds display ratios half-even', () => {
    expect(toRatio(fraction(1, 3))).toBe(0.3333);
    expect(toRatio(fraction(12345, 100000))).toBe(0.1234);
  });
});
