import type { PayLevel, PayPeriod, PublicHoliday, WorkMode } from '@shiftdesk/shared-api-contract';
import type { DemoRegionName } from './demo-desk';

/**
 * Pay of the demo desk (CONFIDENTIAL in a real desk: only its managers see it). Amounts are
 * major units here (readable); the seed stores minor units.
 *
 * Junior bands come from the figures (a 2010s article on support pay): Moscow office
 * 25–35k RUB a month, Saint Petersburg about 5k less (20–30k), the regions 16–20k (≈ 18k on
 * average), remote 18–25k. Those figures are old: from 2026 the federal minimum wage is 27 093
 * RUB, so several bands now start below it, and the report flags them. Middle bands and the EUR
 * bands for remote agents abroad are illustrative demo figures, not market data.
 */
export interface DemoBand {
  level: PayLevel;
  /** null = any region. */
  region: DemoRegionName | null;
  workMode: WorkMode;
  currency: string;
  period: PayPeriod;
  min: number;
  mid: number;
  max: number;
  effectiveFrom: string;
}

const rub = (level: PayLevel, region: DemoRegionName | null, workMode: WorkMode, min: number, max: number): DemoBand => ({
  level,
  region,
  workMode,
  currency: 'RUB',
  period: 'month',
  min,
  mid: (min + max) / 2,
  max,
  effectiveFrom: '2025-01-01',
});
const eur = (level: PayLevel, region: DemoRegionName, min: number, max: number): DemoBand => ({ level, region, workMode: 'remote', currency: 'EUR', period: 'month', min, mid: (min + max) / 2, max, effectiveFrom: '2025-01-01' });

export const DEMO_BANDS: readonly DemoBand[] = [
  rub('junior', 'Moscow', 'office', 25_000, 35_000),
  rub('middle', 'Moscow', 'office', 35_000, 50_000),
  rub('junior', 'Saint Petersburg', 'office', 20_000, 30_000),
  rub('middle', 'Saint Petersburg', 'office', 30_000, 42_000),
  // "The regions": every other region, so an "any region" office band.
  rub('junior', null, 'office', 16_000, 20_000),
  rub('middle', null, 'office', 22_000, 30_000),
  rub('junior', null, 'remote', 18_000, 25_000),
  rub('middle', null, 'remote', 25_000, 35_000),
  eur('junior', 'Remote — Portugal', 1_100, 1_500),
  eur('middle', 'Remote — Portugal', 1_450, 1_950),
  eur('junior', 'Remote — Spain', 1_300, 1_700),
  eur('junior', 'Remote — Netherlands', 2_300, 3_000),
  eur('middle', 'Remote — Netherlands', 3_000, 3_900),
  eur('junior', 'Remote — Greece', 1_050, 1_400),
  eur('junior', 'Remote — Azerbaijan', 700, 1_000),
  eur('middle', 'Remote — Azerbaijan', 900, 1_300),
];

export interface DemoPay {
  level: PayLevel;
  /** Full-time equivalent per month, major units. */
  salary: number;
  currency: string;
  effectiveFrom: string;
}

/** The Moscow junior whose salary sits below the band (the browser test raises it). */
export const DEMO_BELOW_BAND_AGENT = 'Ivan Petrov';

export const DEMO_PAY: Readonly<Record<string, DemoPay>> = {
  'Anna Smirnova': { level: 'middle', salary: 42_000, currency: 'RUB', effectiveFrom: '2026-01-01' },
  'Ivan Petrov': { level: 'junior', salary: 22_000, currency: 'RUB', effectiveFrom: '2026-01-01' },
  'Olga Ivanova': { level: 'junior', salary: 34_000, currency: 'RUB', effectiveFrom: '2026-01-01' },
  'Mikhail Sokolov': { level: 'junior', salary: 28_000, currency: 'RUB', effectiveFrom: '2026-01-01' },
  'Dmitri Volkov': { level: 'middle', salary: 36_000, currency: 'RUB', effectiveFrom: '2026-01-01' },
  'Tatiana Morozova': { level: 'junior', salary: 28_000, currency: 'RUB', effectiveFrom: '2026-01-01' },
  'Alexei Lebedev': { level: 'junior', salary: 24_000, currency: 'RUB', effectiveFrom: '2026-01-01' },
  'Ruslan Khabibullin': { level: 'junior', salary: 27_500, currency: 'RUB', effectiveFrom: '2026-01-01' },
  'Elena Kuznetsova': { level: 'middle', salary: 29_000, currency: 'RUB', effectiveFrom: '2026-01-01' },
  'Pavel Novikov': { level: 'junior', salary: 26_000, currency: 'RUB', effectiveFrom: '2026-01-01' },
  // No senior bands exist: flagged "no band".
  'Sergei Popov': { level: 'senior', salary: 45_000, currency: 'RUB', effectiveFrom: '2026-01-01' },
  'Natalia Fedorova': { level: 'junior', salary: 25_000, currency: 'RUB', effectiveFrom: '2026-01-01' },
  'Joana Silva': { level: 'junior', salary: 1_350, currency: 'EUR', effectiveFrom: '2026-01-01' },
  'Marie Dubois': { level: 'middle', salary: 1_900, currency: 'EUR', effectiveFrom: '2026-01-01' },
  'Carlos García': { level: 'junior', salary: 1_600, currency: 'EUR', effectiveFrom: '2026-01-01' },
  'Sanne de Vries': { level: 'middle', salary: 3_400, currency: 'EUR', effectiveFrom: '2026-01-01' },
  'Eleni Papadopoulou': { level: 'junior', salary: 1_200, currency: 'EUR', effectiveFrom: '2026-01-01' },
  'Nikos Georgiou': { level: 'junior', salary: 1_000, currency: 'EUR', effectiveFrom: '2026-01-01' },
  // Paid in manat, against a EUR band: converted at the dated AZN→EUR rate below.
  'Leyla Aliyeva': { level: 'junior', salary: 1_700, currency: 'AZN', effectiveFrom: '2026-01-01' },
  'Rashad Mammadov': { level: 'middle', salary: 2_200, currency: 'AZN', effectiveFrom: '2026-01-01' },
};

/**
 * Minimum wages (full-time, per month). Managers keep this table; these rows are a starting point.
 * - RU federal (MROT, Federal Law No. 82-FZ as amended each year): 22 440 RUB from 2025-01-01 and
 *   27 093 RUB from 2026-01-01 (the 2026 figure named in the issue).
 * - Moscow: DEMO FIGURE. 32 916 RUB is Moscow's own regional minimum for 2025 (Moscow tripartite
 *   agreement); Moscow's 2026 figure is higher still and must be entered by a manager. Regional
 *   minimums apply on top of the federal one, so Moscow's own row wins for Moscow agents.
 * Other countries have no rows: no check is made there until a manager adds one.
 */
export const DEMO_MINIMUM_WAGES: readonly { countryCode: string; region: DemoRegionName | null; amount: number; currency: string; effectiveFrom: string; source: string }[] = [
  { countryCode: 'RU', region: null, amount: 22_440, currency: 'RUB', effectiveFrom: '2025-01-01', source: 'Russian federal minimum wage (MROT) from 1 January 2025' },
  { countryCode: 'RU', region: null, amount: 27_093, currency: 'RUB', effectiveFrom: '2026-01-01', source: 'Russian federal minimum wage (MROT) from 1 January 2026' },
  {
    countryCode: 'RU',
    region: 'Moscow',
    amount: 32_916,
    currency: 'RUB',
    effectiveFrom: '2025-01-01',
    source: "DEMO FIGURE: Moscow's regional minimum for 2025 (Moscow tripartite agreement); enter the current one",
  },
];

/** DEMO FIGURES (rounded, late 2025), dated; managers replace them with their own. */
export const DEMO_EXCHANGE_RATES: readonly { from: string; to: string; rate: string; date: string }[] = [
  { from: 'EUR', to: 'RUB', rate: '93', date: '2026-01-01' },
  { from: 'AZN', to: 'RUB', rate: '47', date: '2026-01-01' },
  { from: 'EUR', to: 'AZN', rate: '1.97', date: '2026-01-01' },
];

/**
 * Russia's non-working public holidays (Labour Code art. 112) for 2026 and 2027; the
 * government's yearly day-off transfers are left to managers.
 */
const RU_HOLIDAYS: readonly [string, string][] = [
  ['01-01', 'New Year holidays'],
  ['01-02', 'New Year holidays'],
  ['01-03', 'New Year holidays'],
  ['01-04', 'New Year holidays'],
  ['01-05', 'New Year holidays'],
  ['01-06', 'New Year holidays'],
  ['01-07', 'Orthodox Christmas'],
  ['01-08', 'New Year holidays'],
  ['02-23', 'Defender of the Fatherland Day'],
  ['03-08', "International Women's Day"],
  ['05-01', 'Spring and Labour Day'],
  ['05-09', 'Victory Day'],
  ['06-12', 'Russia Day'],
  ['11-04', 'Unity Day'],
];
export const DEMO_PUBLIC_HOLIDAYS: readonly PublicHoliday[] = ['2026', '2027'].flatMap((year) => RU_HOLIDAYS.map(([day, name]) => ({ date: `${year}-${day}`, countryCode: 'RU', name })));
