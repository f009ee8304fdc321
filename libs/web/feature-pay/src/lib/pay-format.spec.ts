import { addDays, formatAmount, mondayOf, parseAmountInput, stripPosition, todayIn } from './pay-format';

describe('pay formatting', () => {
  it('shows minor units as grouped major units without floats', () => {
    expect(formatAmount(2_500_000, 'RUB')).toBe('25\u202f000 RUB');
    expect(formatAmount(135_050, 'EUR')).toBe('1\u202f350.50 EUR');
    expect(formatAmount(1500, 'JPY')).toBe('1\u202f500 JPY');
    expect(formatAmount(null, 'RUB')).toBe('—');
  });

  it('reads typed amounts into minor units and refuses anything else', () => {
    expect(parseAmountInput('33 000', 'RUB')).toBe(3_300_000);
    expect(parseAmountInput('1350,5', 'EUR')).toBe(135_050);
    expect(parseAmountInput('0.29', 'EUR')).toBe(29);
    expect(parseAmountInput('1.005', 'EUR')).toBeNull();
    expect(parseAmountInput('-5', 'EUR')).toBeNull();
    expect(parseAmountInput('abc', 'EUR')).toBeNull();
    expect(parseAmountInput('0', 'EUR')).toBeNull();
  });

  it('places salaries on the band strip and pins outliers to the edges', () => {
    expect(stripPosition(25_000, 25_000, 35_000)).toBeCloseTo(1 / 6);
    expect(stripPosition(30_000, 25_000, 35_000)).toBeCloseTo(0.5);
    expect(stripPosition(1, 25_000, 35_000)).toBe(0);
    expect(stripPosition(99_000, 25_000, 35_000)).toBe(1);
  });

  it('computes local dates in a zone and the Monday of a week', () => {
    expect(todayIn('Europe/Moscow', new Date('2026-03-01T22:30:00Z'))).toBe('2026-03-02');
    expect(todayIn('America/New_York', new Date('2026-03-01T22:30:00Z'))).toBe('2026-03-01');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});
