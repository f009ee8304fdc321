/*
 * Benchmark: roster cost (issue 7) for 500 agents over 31 days (~15k shifts), the cost page's
 * heaviest request after loading: every worked minute is split by the agent's own wall clock
 * into night (22:00–06:00), weekend and holiday time with luxon, DST included (March 2026),
 * salaries in RUB and EUR converted at a dated rate, all in exact fractions. Target: < 500 ms
 * (an interactive page). Five warm-up runs, then the median of five. Deterministic data
 * (mulberry32); prints one Markdown table row.
 */
import { computeRosterCost, DEFAULT_PAY_SETTINGS, type CostAgent, type CostShift } from '@shiftdesk/scheduling';

const AGENTS = 500;
const DAYS = 31;
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 2, 1);
const TO = FROM + DAYS * 24 * HOUR;
const ZONES = ['Europe/Moscow', 'Asia/Novosibirsk', 'Europe/Lisbon', 'Europe/Berlin'];

function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = createPrng(7);
const agents: CostAgent[] = [];
const shifts: CostShift[] = [];
for (let a = 0; a < AGENTS; a++) {
  const euro = next() < 0.3;
  agents.push({
    id: `agent-${a}`,
    displayName: `Agent ${a}`,
    timeZone: ZONES[a % ZONES.length],
    countryCode: euro ? 'PT' : 'RU',
    contractHoursPerWeek: 40,
    salaries: [{ amountMinor: euro ? 150_000 + Math.floor(next() * 100_000) : 3_000_000 + Math.floor(next() * 2_000_000), currency: euro ? 'EUR' : 'RUB', period: 'month', effectiveFrom: '2026-01-01' }],
  });
  const startQuarter = Math.floor(next() * 96);
  for (let d = 0; d < DAYS; d++) {
    if (next() >= 0.7) continue;
    const start = FROM + d * 24 * HOUR + startQuarter * 15 * 60_000;
    const end = start + (6 + Math.floor(next() * 5)) * HOUR;
    shifts.push({ agentId: `agent-${a}`, start, end, breaks: end - start > 6 * HOUR ? [{ start: start + 4 * HOUR, end: start + 4.5 * HOUR }] : [] });
  }
}
const settings = { ...DEFAULT_PAY_SETTINGS, publicHolidays: [{ date: '2026-03-08', countryCode: 'RU', name: "International Women's Day" }] };
const rates = [{ from: 'EUR', to: 'RUB', rate: '93', date: '2026-01-01' }];
const run = () => computeRosterCost({ from: FROM, to: TO, rateDate: '2026-03-01', agents, shifts, settings, rates, targetMs: DAYS * 24 * HOUR });

for (let i = 0; i < 5; i++) run();
const timings: number[] = [];
let total = 0;
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  total = run().totalMinor;
  timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);
if (process.env['BENCH_VERBOSE']) console.error(`${shifts.length} shifts, total ${total} kopecks, timings ${timings.map((t) => t.toFixed(1)).join(', ')} ms`);
console.log(`| roster cost, 500 agents × 31 days (${shifts.length} shifts) | ${timings[2].toFixed(1)} ms | target < 500 ms |`);
