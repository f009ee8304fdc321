/*
 * Benchmark: coverage + gaps for 500 agents over 31 days at 15-minute granularity
 * (issue 3 target: < 100 ms).
 *
 * A loaded schedule from a fixed-seed PRNG (mulberry32; no Math.random): each of 500 agents
 * works ~95 % of 31 days (~15k shifts), shifts of 6–10 h starting at any quarter hour (night
 * shifts included), a 30-minute unpaid break in shifts over 6 h, some shifts pinned to a
 * channel, a mix of languages. Rules: 24/7 (140 agents, Europe/Berlin), 16 h 07:00–23:00
 * (150 agents, Europe/London) and native French 09:00–18:00 Mon–Fri (15 agents, Europe/Paris),
 * set so that the troughs of the schedule leave a realistic number of gaps.
 * Times computeCoverage + findGaps: five warm-up runs (the first is cold: ICU zone data, JIT),
 * then the median of five. Set BENCH_VERBOSE=1 to see the cold run and every timing on stderr.
 * Prints one Markdown table row; exports nothing.
 */
import {
  computeCoverage,
  createCoverageRuleFromPreset,
  findGaps,
  type Channel,
  type CoverageRule,
  type SchedulingAgent,
  type Shift,
} from '@shiftdesk/scheduling';

const AGENTS = 500;
const DAYS = 31;
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 2, 1); // March 2026: includes the EU spring-forward
const TO = FROM + DAYS * 24 * HOUR;

/** mulberry32: tiny, fast, deterministic. */
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

function buildSchedule(seed: number): { agents: SchedulingAgent[]; shifts: Shift[] } {
  const next = createPrng(seed);
  const channels: Channel[] = ['email', 'tickets', 'chat', 'phone'];
  const agents: SchedulingAgent[] = [];
  const shifts: Shift[] = [];
  for (let a = 0; a < AGENTS; a++) {
    const roll = next();
    agents.push({
      id: `agent-${String(a).padStart(3, '0')}`,
      displayName: `Agent ${a}`,
      timeZone: 'Europe/Berlin',
      languages: [
        { code: 'en', level: 'fluent' },
        ...(roll < 0.1 ? [{ code: 'fr', level: 'native' as const }] : roll < 0.2 ? [{ code: 'de', level: 'fluent' as const }] : []),
      ],
      channels: channels.filter(() => next() < 0.6),
      contractHoursPerWeek: 40,
      active: true,
    });
    const startQuarter = Math.floor(next() * 96); // the agent's usual start, in quarter hours
    for (let d = 0; d < DAYS; d++) {
      if (next() >= 0.95) continue;
      const start = FROM + d * 24 * HOUR + (startQuarter + Math.floor(next() * 5) - 2) * 15 * 60_000;
      const hours = 6 + Math.floor(next() * 5);
      const end = start + hours * HOUR;
      const pinned = next() < 0.2;
      shifts.push({
        id: `s-${a}-${d}`,
        agentId: agents[a].id,
        start,
        end,
        timeZone: 'Europe/Berlin',
        channel: pinned ? channels[Math.floor(next() * 4)] : null,
        label: null,
        breaks: hours > 6 ? [{ start: start + 4 * HOUR, end: start + 4.5 * HOUR }] : [],
        status: 'published',
        source: 'rotation',
      });
    }
  }
  return { agents, shifts };
}

const rules: CoverageRule[] = [
  createCoverageRuleFromPreset({ preset: '24/7', timeZone: 'Europe/Berlin', minAgents: 140, id: 'always' }),
  createCoverageRuleFromPreset({ preset: '16h', timeZone: 'Europe/London', minAgents: 150, id: 'day' }),
  {
    ...createCoverageRuleFromPreset({ preset: '12h', timeZone: 'Europe/Paris', minAgents: 15, id: 'fr', weekdays: [1, 2, 3, 4, 5] }),
    windows: { 1: [{ start: '09:00', end: '18:00' }], 2: [{ start: '09:00', end: '18:00' }], 3: [{ start: '09:00', end: '18:00' }], 4: [{ start: '09:00', end: '18:00' }], 5: [{ start: '09:00', end: '18:00' }] },
    language: { code: 'fr', minLevel: 'native' },
  },
];

const { agents, shifts } = buildSchedule(20260301);

function run(): number {
  const coverage = computeCoverage({ from: FROM, to: TO, granularityMinutes: 15, shifts, agents, rules });
  if (!coverage.ok) throw new Error(coverage.message);
  return findGaps({ coverage: coverage.value, rules }).length;
}

const coldStarted = performance.now();
const expectedGaps = run(); // cold: loads ICU zone data, fills the zone-offset memo
const coldMs = performance.now() - coldStarted;
for (let i = 0; i < 4; i++) run(); // let the JIT reach its optimising tier
const timings: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  const gaps = run();
  timings.push(performance.now() - started);
  if (gaps !== expectedGaps) throw new Error(`non-deterministic gaps: ${gaps} vs ${expectedGaps}`);
}
timings.sort((a, b) => a - b);
if (process.env['BENCH_VERBOSE']) console.error(`${shifts.length} shifts, ${expectedGaps} gaps, cold ${coldMs.toFixed(1)} ms, timings ${timings.map((t) => t.toFixed(1)).join(', ')} ms`);
console.log(`| coverage + gaps, 500 agents × 31 days @15 min | ${timings[2].toFixed(1)} ms | target < 100 ms |`);
