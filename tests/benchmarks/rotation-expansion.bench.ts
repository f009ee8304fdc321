/*
 * Benchmark: rotation expansion for 500 agents over one year (issue 3 target: < 1 s).
 *
 * 100 rotations × 5 agents, every agent on every occurrence ('all'), built by a fixed
 * arithmetic generator (no randomness): five zones with and without DST (one half-hour), day
 * and cross-midnight night shifts, daily and weekday rules, a few EXDATEs. Each run expands all
 * rotations over calendar year 2026 (UTC). One warm-up run, then the median of five.
 * Prints one Markdown table row; exports nothing.
 */
import { expandRotation, type Rotation } from '@shiftdesk/scheduling';

const ROTATIONS = 100;
const AGENTS_PER_ROTATION = 5;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'Europe/Moscow'];
const RULES = ['FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'FREQ=WEEKLY;BYDAY=SA,SU', 'FREQ=DAILY;INTERVAL=2'];
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2027, 0, 1);

function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function buildRotations(): Rotation[] {
  const rotations: Rotation[] = [];
  for (let i = 0; i < ROTATIONS; i++) {
    const startMinutes = (i * 150) % 1440; // spreads starts over the day, incl. night shifts
    rotations.push({
      id: `rot-${i}`,
      teamId: `team-${i % 10}`,
      timeZone: ZONES[i % ZONES.length],
      localStartTime: hhmm(startMinutes),
      localEndTime: hhmm(startMinutes + 480),
      rrule: RULES[i % RULES.length],
      exdates: i % 3 === 0 ? ['2026-01-01', '2026-12-25'] : [],
      agentIds: Array.from({ length: AGENTS_PER_ROTATION }, (_, k) => `agent-${i * AGENTS_PER_ROTATION + k}`),
      handoff: { mode: 'all' },
      startDate: '2026-01-01',
      status: 'published',
    });
  }
  return rotations;
}

function expandAll(rotations: Rotation[]): number {
  let shifts = 0;
  for (const rotation of rotations) shifts += expandRotation({ rotation, from: FROM, to: TO }).length;
  return shifts;
}

const rotations = buildRotations();
const expectedShifts = expandAll(rotations); // warm-up (JIT, zone offset cache)
const timings: number[] = [];
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  const shifts = expandAll(rotations);
  timings.push(performance.now() - started);
  if (shifts !== expectedShifts) throw new Error(`non-deterministic expansion: ${shifts} vs ${expectedShifts} shifts`);
}
timings.sort((a, b) => a - b);
console.log(`| rotation expansion 500 agents × 1 year | ${timings[2].toFixed(1)} ms | target < 1000 ms |`);
