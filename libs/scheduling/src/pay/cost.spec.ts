import { DateTime } from 'luxon';
import { computeRosterCost, DEFAULT_PAY_SETTINGS, estimateCoverageCosts, splitPremiumTime, workedPieces, type CostAgent } from './cost';

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const H = 3_600_000;

describe('premium hours on the agent wall clock', () => {
  it('counts 7 real night hours on the spring-forward night and 9 on the autumn one (Berlin)', () => {
    // Sat 28 → Sun 29 March 2026: 02:00 jumps to 03:00.
    const spring = splitPremiumTime({ start: at('2026-03-28T20:00', 'Europe/Berlin'), end: at('2026-03-29T08:00', 'Europe/Berlin'), zone: 'Europe/Berlin' });
    expect(spring).toEqual({ totalMs: 11 * H, nightMs: 7 * H, weekendMs: 11 * H, holidayMs: 0 });
    // Sat 24 → Sun 25 October 2026: 03:00 falls back to 02:00.
    const autumn = splitPremiumTime({ start: at('2026-10-24T20:00', 'Europe/Berlin'), end: at('2026-10-25T08:00', 'Europe/Berlin'), zone: 'Europe/Berlin' });
    expect(autumn).toEqual({ totalMs: 13 * H, nightMs: 9 * H, weekendMs: 13 * H, holidayMs: 0 });
  });

  it('cuts at local midnight, 06:00 and 22:00 in the agent zone, not the machine zone', () => {
    // Friday 6 March 2026 18:00 UTC → Saturday 04:00 UTC.
    const start = Date.UTC(2026, 2, 6, 18);
    const end = Date.UTC(2026, 2, 7, 4);
    // Moscow (UTC+3): Fri 21:00 → Sat 07:00: night 22–06 = 8 h, weekend from Sat 00:00 = 7 h.
    expect(splitPremiumTime({ start, end, zone: 'Europe/Moscow' })).toEqual({ totalMs: 10 * H, nightMs: 8 * H, weekendMs: 7 * H, holidayMs: 0 });
    // Novosibirsk (UTC+7): Sat 01:00 → 11:00: night 01–06 = 5 h, all weekend.
    expect(splitPremiumTime({ start, end, zone: 'Asia/Novosibirsk' })).toEqual({ totalMs: 10 * H, nightMs: 5 * H, weekendMs: 10 * H, holidayMs: 0 });
    // A holiday replaces the weekend premium for its own local date only.
    expect(splitPremiumTime({ start, end, zone: 'Europe/Moscow', holidays: new Set(['2026-03-06']) })).toEqual({ totalMs: 10 * H, nightMs: 8 * H, weekendMs: 7 * H, holidayMs: 3 * H });
  });

  it('takes breaks out and clips to the period', () => {
    const shift = { start: 0, end: 8 * H, breaks: [{ start: 4 * H, end: 5 * H }] };
    expect(workedPieces(shift, 0, 10 * H)).toEqual([{ start: 0, end: 4 * H }, { start: 5 * H, end: 8 * H }]);
    expect(workedPieces(shift, 2 * H, 6 * H)).toEqual([{ start: 2 * H, end: 4 * H }, { start: 5 * H, end: 6 * H }]);
    expect(workedPieces(shift, 9 * H, 10 * H)).toEqual([]);
  });
});

const agent: CostAgent = {
  id: 'a1',
  displayName: 'Anna',
  timeZone: 'Europe/Moscow',
  countryCode: 'RU',
  contractHoursPerWeek: 40,
  // 52 000 RUB/month full time = 624 000 a year ÷ 52 weeks ÷ 40 h = 300 RUB an hour.
  salaries: [{ amountMinor: 52_000_00, currency: 'RUB', period: 'month', effectiveFrom: '2026-01-01' }],
};

describe('computeRosterCost', () => {
  const from = at('2026-03-02T00:00', 'Europe/Moscow');
  const to = at('2026-03-09T00:00', 'Europe/Moscow');
  const weekdays = [2, 3, 4, 5, 6].map((day) => ({ agentId: 'a1', start: at(`2026-03-0${day}T09:00`, 'Europe/Moscow'), end: at(`2026-03-0${day}T17:00`, 'Europe/Moscow') }));
  const saturdayNight = { agentId: 'a1', start: at('2026-03-07T22:00', 'Europe/Moscow'), end: at('2026-03-08T06:00', 'Europe/Moscow') };

  it('prices contract pay, overtime, night and weekend premiums and the on-cost, in kopecks', () => {
    const cost = computeRosterCost({ from, to, rateDate: '2026-03-02', agents: [agent], shifts: [...weekdays, saturdayNight], settings: DEFAULT_PAY_SETTINGS, rates: [], targetMs: 84 * H });
    const row = cost.agents[0];
    expect(row).toMatchObject({ hourlyRateMinor: 300_00, hourlyCostMinor: 390_60, contractHours: 40, workedHours: 48, overtimeHours: 8, nightHours: 8, weekendHours: 8 });
    expect(row.baseMinor).toBe(12_000_00); // 40 h × 300
    expect(row.overtimeMinor).toBe(3_600_00); // 8 h × 300 × 1.5
    expect(row.premiumsMinor).toBe(2_880_00); // night 8 × 300 × 20 % + weekend 8 × 300 × 100 %
    expect(row.onCostMinor).toBe(5_580_96); // 18 480 × 30.2 %
    expect(cost.totalMinor).toBe(24_060_96);
    expect(cost.coveredHours).toBe(48);
    expect(cost.costPerCoveredHourMinor).toBe(501_27); // 24 060.96 ÷ 48 = 501.27
    expect(cost.costPerTargetHourMinor).toBe(286_44); // ÷ 84 = 286.4400
  });

  it('pays the contract even when shifts do not fill it, and leaves agents without salary out of the total', () => {
    const cost = computeRosterCost({ from, to, rateDate: '2026-03-02', agents: [agent, { ...agent, id: 'a2', salaries: [] }], shifts: [], settings: DEFAULT_PAY_SETTINGS, rates: [], targetMs: 0 });
    expect(cost.agents.map((row) => [row.agentId, row.missing, row.totalMinor])).toEqual([
      ['a1', null, 15_624_00],
      ['a2', 'no salary', 0],
    ]);
    expect(cost.costPerCoveredHourMinor).toBeNull();
    expect(cost.costPerTargetHourMinor).toBeNull();
  });

  it('converts foreign salaries at the dated rate and reports it', () => {
    const eur: CostAgent = { ...agent, id: 'e', timeZone: 'Europe/Lisbon', countryCode: 'PT', salaries: [{ amountMinor: 520_00, currency: 'EUR', period: 'month', effectiveFrom: '2026-01-01' }] };
    const rates = [{ from: 'EUR', to: 'RUB', rate: '100', date: '2026-02-01' }];
    const cost = computeRosterCost({ from, to, rateDate: '2026-03-02', agents: [eur], shifts: [], settings: DEFAULT_PAY_SETTINGS, rates, targetMs: 0 });
    expect(cost.agents[0].hourlyRateMinor).toBe(300_00);
    expect(cost.ratesUsed).toEqual([{ ...rates[0], inverted: false }]);
    expect(computeRosterCost({ from, to, rateDate: '2026-03-02', agents: [eur], shifts: [], settings: DEFAULT_PAY_SETTINGS, rates: [], targetMs: 0 }).agents[0].missing).toBe('no exchange rate');
  });
});

describe('estimateCoverageCosts (what-if, an estimate)', () => {
  it('gives head-count and cost for 12 h … 24/7 with the team agents average rate', () => {
    const result = estimateCoverageCosts({ timeZone: 'Europe/Moscow', weekStart: '2026-03-02', minAgents: 1, shrinkage: 0.3, contractHoursPerWeek: 40, agents: [agent], settings: DEFAULT_PAY_SETTINGS, rates: [], rateDate: '2026-03-02' });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.estimate).toBe(true);
    expect(result.value.options.map((o) => [o.preset, o.seatHoursPerWeek, o.agentsNeeded, o.agentsToHire])).toEqual([
      ['12h', 84, 3, 2],
      ['14h', 98, 4, 3],
      ['16h', 112, 4, 3],
      ['18h', 126, 5, 4],
      ['24/7', 168, 6, 5],
    ]);
    const twelve = result.value.options[0];
    // 3 × 40 h × 300 + weekend 24 h × 300 × 100 % = 43 200, × 1.302 = 56 246.40 a week.
    expect(twelve).toMatchObject({ nightHoursPerWeek: 0, weekendHoursPerWeek: 24, costPerWeekMinor: 56_246_40 });
    const always = result.value.options[4];
    // 6 × 40 × 300 + night 56 h × 60 + weekend 48 h × 300 = 89 760, × 1.302 = 116 867.52.
    expect(always).toMatchObject({ nightHoursPerWeek: 56, weekendHoursPerWeek: 48, costPerWeekMinor: 116_867_52 });
    expect(always.costPerMonthMinor).toBe(506_425_92); // × 52 ÷ 12
  });
});
