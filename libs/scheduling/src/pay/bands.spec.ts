import {
  checkBandAgainstMinimumWage,
  computeCompaRatio,
  computeRangePenetration,
  findMinimumWage,
  matchBand,
  positionInBand,
  validateBandAmounts,
  type Band,
  type MinimumWage,
} from './bands';
import { toRatio } from './money';

const rub = (thousands: number) => thousands * 1000 * 100;
const band = (overrides: Partial<Band>): Band => ({
  id: 'b',
  level: 'junior',
  regionId: null,
  workMode: 'office',
  currency: 'RUB',
  period: 'month',
  minMinor: rub(16),
  midMinor: rub(18),
  maxMinor: rub(20),
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  ...overrides,
});

const moscow = band({ id: 'moscow', regionId: 'msk', minMinor: rub(25), midMinor: rub(30), maxMinor: rub(35) });
const anyOffice = band({ id: 'any-office' });
const remote = band({ id: 'remote', workMode: 'remote', minMinor: rub(18), midMinor: rub(21.5), maxMinor: rub(25) });
const oldMoscow = band({ id: 'moscow-2024', regionId: 'msk', minMinor: rub(20), midMinor: rub(25), maxMinor: rub(30), effectiveFrom: '2024-01-01', effectiveTo: '2025-01-01' });
const bands = [anyOffice, remote, moscow, oldMoscow];

const minimumWages: MinimumWage[] = [
  { countryCode: 'RU', regionId: null, currency: 'RUB', period: 'month', amountMinor: 22_440_00, effectiveFrom: '2025-01-01' },
  { countryCode: 'RU', regionId: null, currency: 'RUB', period: 'month', amountMinor: 27_093_00, effectiveFrom: '2026-01-01' },
  { countryCode: 'RU', regionId: 'msk', currency: 'RUB', period: 'month', amountMinor: 32_916_00, effectiveFrom: '2025-01-01' },
];

describe('band matching', () => {
  it('prefers the agent region over "any", by level and work mode', () => {
    expect(matchBand({ bands, subject: { level: 'junior', regionId: 'msk', workMode: 'office' }, date: '2026-02-01' })?.id).toBe('moscow');
    expect(matchBand({ bands, subject: { level: 'junior', regionId: 'kazan', workMode: 'office' }, date: '2026-02-01' })?.id).toBe('any-office');
    expect(matchBand({ bands, subject: { level: 'junior', regionId: 'msk', workMode: 'remote' }, date: '2026-02-01' })?.id).toBe('remote');
    expect(matchBand({ bands, subject: { level: 'senior', regionId: 'msk', workMode: 'office' }, date: '2026-02-01' })).toBeNull();
    expect(matchBand({ bands, subject: { level: null, regionId: 'msk', workMode: 'office' }, date: '2026-02-01' })).toBeNull();
  });

  it('uses the version in force on the date (effectiveTo exclusive)', () => {
    expect(matchBand({ bands, subject: { level: 'junior', regionId: 'msk', workMode: 'office' }, date: '2024-12-31' })?.id).toBe('moscow-2024');
    expect(matchBand({ bands, subject: { level: 'junior', regionId: 'msk', workMode: 'office' }, date: '2025-01-01' })?.id).toBe('moscow');
    expect(matchBand({ bands, subject: { level: 'junior', regionId: 'kazan', workMode: 'office' }, date: '2024-06-01' })).toBeNull();
  });

  it('validates min ≤ mid ≤ max', () => {
    expect(validateBandAmounts({ minMinor: 1, midMinor: 2, maxMinor: 3 }).ok).toBe(true);
    expect(validateBandAmounts({ minMinor: 3, midMinor: 2, maxMinor: 3 })).toMatchObject({ ok: false, field: 'mid' });
    expect(validateBandAmounts({ minMinor: 1, midMinor: 4, maxMinor: 3 })).toMatchObject({ ok: false, field: 'max' });
    expect(validateBandAmounts({ minMinor: 0, midMinor: 4, maxMinor: 5 })).toMatchObject({ ok: false, field: 'min' });
  });
});

describe('compa-ratio and range penetration', () => {
  it('computes salary ÷ midpoint and (salary − min) ÷ (max − min)', () => {
    expect(toRatio(computeCompaRatio(rub(30), moscow.midMinor))).toBe(1);
    expect(toRatio(computeCompaRatio(rub(22), moscow.midMinor))).toBe(0.7333);
    expect(toRatio(computeRangePenetration(rub(25), moscow) ?? computeCompaRatio(0, 1))).toBe(0);
    expect(toRatio(computeRangePenetration(rub(35), moscow) ?? computeCompaRatio(0, 1))).toBe(1);
    expect(toRatio(computeRangePenetration(rub(22), moscow) ?? computeCompaRatio(0, 1))).toBe(-0.3);
    expect(computeRangePenetration(rub(22), { minMinor: 5, maxMinor: 5 })).toBeNull();
  });
});

describe('positionInBand', () => {
  const subject = { level: 'junior' as const, regionId: 'msk', workMode: 'office' as const, countryCode: 'RU' };

  it('flags below band and below the regional minimum wage, and clears when raised', () => {
    const low = positionInBand({ subject, salaries: [{ amountMinor: rub(22), currency: 'RUB', period: 'month', effectiveFrom: '2025-06-01' }], bands, minimumWages, rates: [], date: '2026-02-01' });
    expect(low.flags).toEqual(['below band', 'below minimum wage']);
    expect(low.minimumWage?.amountMinor).toBe(32_916_00);
    expect(low.compaRatio).toBe(0.7333);
    const raised = positionInBand({
      subject,
      salaries: [
        { amountMinor: rub(22), currency: 'RUB', period: 'month', effectiveFrom: '2025-06-01' },
        { amountMinor: rub(34), currency: 'RUB', period: 'month', effectiveFrom: '2026-01-15' },
      ],
      bands,
      minimumWages,
      rates: [],
      date: '2026-02-01',
    });
    expect(raised.flags).toEqual([]);
    expect(raised.rangePenetration).toBe(0.9);
  });

  it('compares a yearly salary in another currency after restating it, and reports the rate', () => {
    const rates = [{ from: 'EUR', to: 'RUB', rate: '100', date: '2026-01-01' }];
    const position = positionInBand({ subject, salaries: [{ amountMinor: 4_800_00, currency: 'EUR', period: 'year', effectiveFrom: '2026-01-01' }], bands, minimumWages, rates, date: '2026-02-01' });
    // 4800 EUR/year = 400 EUR/month = 40 000 RUB/month: above the 35k max.
    expect(position.salaryInBandMinor).toBe(rub(40));
    expect(position.flags).toEqual(['above band']);
    expect(position.ratesUsed).toHaveLength(2);
    expect(positionInBand({ subject, salaries: [{ amountMinor: 4_800_00, currency: 'EUR', period: 'year', effectiveFrom: '2026-01-01' }], bands, minimumWages, rates: [], date: '2026-02-01' }).flags).toEqual(['no exchange rate']);
  });

  it('flags no band and no salary', () => {
    expect(positionInBand({ subject: { ...subject, level: 'lead' }, salaries: [], bands, minimumWages, rates: [], date: '2026-02-01' }).flags).toEqual(['no salary', 'no band']);
  });
});

describe('minimum wage', () => {
  it('takes the region row before the country row and the latest dated row', () => {
    expect(findMinimumWage({ table: minimumWages, countryCode: 'RU', regionId: 'msk', date: '2026-02-01' })?.amountMinor).toBe(32_916_00);
    expect(findMinimumWage({ table: minimumWages, countryCode: 'RU', regionId: 'kazan', date: '2026-02-01' })?.amountMinor).toBe(27_093_00);
    expect(findMinimumWage({ table: minimumWages, countryCode: 'RU', regionId: 'kazan', date: '2025-12-31' })?.amountMinor).toBe(22_440_00);
    expect(findMinimumWage({ table: minimumWages, countryCode: 'PT', regionId: null, date: '2026-02-01' })).toBeNull();
  });

  it('flags bands whose minimum is under the minimum wage where they apply', () => {
    const checks = checkBandAgainstMinimumWage({ band: anyOffice, places: [{ countryCode: 'RU', regionId: 'kazan' }, { countryCode: 'RU', regionId: 'msk' }], minimumWages, rates: [], date: '2026-02-01' });
    expect(checks.map((check) => [check.regionId, check.below])).toEqual([['kazan', true], ['msk', true]]);
    // The Moscow band minimum (25k) is above the 2025 federal minimum (22 440) but under 2026's 27 093.
    expect(checkBandAgainstMinimumWage({ band: moscow, places: [{ countryCode: 'RU', regionId: 'kazan' }], minimumWages, rates: [], date: '2025-06-01' })[0].below).toBe(false);
    expect(checkBandAgainstMinimumWage({ band: moscow, places: [{ countryCode: 'RU', regionId: 'kazan' }], minimumWages, rates: [], date: '2026-02-01' })[0].below).toBe(true);
  });
});
