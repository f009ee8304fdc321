import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseCurtoisInstance } from './curtois/parse-curtois-instance';
import { evaluateRoster } from './evaluate-roster';
import { generateRoster, type GenerateRosterProgress } from './generate-roster';
import { loadHighs } from './load-highs';
import type { RosterEmployee, RosterProblem } from './roster-problem';
import { tinyEmployee, tinyProblem } from './testing/tiny-problem';

const now = () => performance.now();

/** 2 agents who may work 3 days each cannot cover 7 days: the optimum is one uncovered day (100). */
function sevenDayProblem(): RosterProblem {
  const emp = (id: string): RosterEmployee => tinyEmployee({ id, maxShifts: { E: 7, L: 0 }, maxTotalMinutes: 3 * 480, maxWeekends: 1 });
  return tinyProblem({
    horizonDays: 7,
    employees: [emp('a'), emp('b')],
    cover: Array.from({ length: 7 }, (_, day) => ({ day, shiftTypeId: 'E', requirement: 1, underWeight: 100, overWeight: 1 })),
    shiftOnRequests: [{ employeeId: 'b', day: 6, shiftTypeId: 'E', weight: 3 }],
    shiftOffRequests: [{ employeeId: 'a', day: 0, shiftTypeId: 'E', weight: 5 }],
  });
}

/** A 6-agent, two-week, two-shift problem big enough for the search to make choices. */
function mediumProblem(): RosterProblem {
  const employees = Array.from({ length: 6 }, (_, i) =>
    tinyEmployee({ id: `e${i}`, minTotalMinutes: 4 * 480, maxTotalMinutes: 9 * 480, maxConsecutiveDays: 4, minConsecutiveDays: 2, minConsecutiveDaysOff: 2, maxWeekends: 1, daysOff: [i, (i * 5) % 14] }),
  );
  const cover = Array.from({ length: 14 }, (_, day) =>
    ['E', 'L'].map((shiftTypeId, s) => ({ day, shiftTypeId, requirement: 1 + ((day + s) % 3 === 0 ? 1 : 0), underWeight: 100, overWeight: 1 })),
  ).flat();
  return tinyProblem({
    employees,
    cover,
    shiftOnRequests: employees.map((e, i) => ({ employeeId: e.id, day: (i * 3) % 14, shiftTypeId: i % 2 ? 'L' : 'E', weight: 1 + (i % 3) })),
    shiftOffRequests: employees.map((e, i) => ({ employeeId: e.id, day: (i * 7 + 2) % 14, shiftTypeId: 'E', weight: 2 })),
  });
}

describe('generateRoster', () => {
  it('reaches the known optimum of a tiny problem and proves it', async () => {
    const problem = sevenDayProblem();
    const events: GenerateRosterProgress[] = [];
    const result = await generateRoster({ problem, seed: 7, timeLimitMs: 15_000, now, onProgress: (e) => events.push(e) });
    expect(result.feasible).toBe(true);
    expect(result.objective).toBe(100);
    expect(result.breakdown).toEqual({ coverUnder: 100, coverOver: 0, shiftOn: 0, shiftOff: 0, cost: 0, nights: 0, weekends: 0, holidays: 0, isolatedDays: 0 });
    expect(result.status).toBe('optimal');
    expect(result.bound).toBe(100);
    expect(evaluateRoster(problem, result.roster).hardViolations).toEqual([]);
    expect(events.length).toBeGreaterThan(0);
    expect(events[events.length - 1]).toMatchObject({ objective: 100 });
  });

  it('respects minute caps (weekly hours) in construction, MIP and search', async () => {
    // Two weeks, one agent who could work every day but may work only 3 days in each week.
    const week = (from: number) => ({ maxMinutes: 3 * 480, terms: Array.from({ length: 7 }, (_, i) => ({ day: from + i, shiftTypeId: 'E', minutes: 480 })) });
    const problem = tinyProblem({
      employees: [tinyEmployee({ maxShifts: { E: 14, L: 0 }, minuteCaps: [week(0), week(7)] })],
      cover: Array.from({ length: 14 }, (_, day) => ({ day, shiftTypeId: 'E', requirement: 1, underWeight: 100, overWeight: 1 })),
    });
    const result = await generateRoster({ problem, seed: 2, timeLimitMs: 15_000, now });
    expect(result.feasible).toBe(true);
    expect(result.breakdown.coverUnder).toBe(800);
    const worked = (from: number) => result.roster[0].days.slice(from, from + 7).filter((d) => d !== null).length;
    expect([worked(0), worked(7)]).toEqual([3, 3]);
  });

  it('stops as soon as the objective is 0 (no penalty can be lower), even without a MIP bound', async () => {
    const problem = tinyProblem({ cover: Array.from({ length: 14 }, (_, day) => ({ day, shiftTypeId: 'E', requirement: 1, underWeight: 100, overWeight: 1 })) });
    const result = await generateRoster({ problem, seed: 1, timeLimitMs: 60_000, now, fullMipMaxVariables: 0 });
    expect(result).toMatchObject({ objective: 0, status: 'optimal', iterations: 0 });
  });

  it('respects locked cells', async () => {
    const problem = { ...sevenDayProblem(), locked: [{ employeeId: 'a', day: 0, shiftTypeId: 'E' }, { employeeId: 'b', day: 6, shiftTypeId: null }] };
    const result = await generateRoster({ problem, seed: 1, timeLimitMs: 15_000, now });
    expect(result.feasible).toBe(true);
    expect(result.roster[0].days[0]).toBe('E');
    expect(result.roster[1].days[6]).toBeNull();
  });

  it('is deterministic: same seed and input, same roster (LNS path, iteration-capped)', async () => {
    const problem = mediumProblem();
    const run = () => generateRoster({ problem, seed: 42, timeLimitMs: 60_000, now, maxIterations: 3, fullMipMaxVariables: 0 });
    const first = await run();
    const second = await run();
    expect(first.feasible).toBe(true);
    expect(first.status).toBe(first.status === 'optimal' ? 'optimal' : 'iteration-limit');
    expect(second.roster).toEqual(first.roster);
    expect(second.objective).toBe(first.objective);
  }, 120_000);

  it('returns the best roster so far when asked to stop', async () => {
    const problem = mediumProblem();
    let constructed = false;
    const result = await generateRoster({
      problem,
      seed: 3,
      timeLimitMs: 60_000,
      now,
      fullMipMaxVariables: 0,
      onProgress: () => (constructed = true),
      shouldStop: () => constructed,
    });
    expect(result.status).toBe('stopped');
    expect(result.iterations).toBeLessThanOrEqual(1);
    expect(result.feasible).toBe(true);
    expect(result.objective).toBe(evaluateRoster(problem, result.roster).objective);
  });

  it('property: every roster it returns passes the independent hard checks (random feasible problems)', async () => {
    const highs = await loadHighs();
    await fc.assert(
      fc.asyncProperty(randomFeasibleProblem(), fc.integer({ min: 0, max: 1000 }), async (problem, seed) => {
        const result = await generateRoster({ problem, seed, timeLimitMs: 5_000, now, highs, maxIterations: 2 });
        const check = evaluateRoster(problem, result.roster);
        expect(check.hardViolations).toEqual([]);
        expect(result.feasible).toBe(true);
        expect(result.objective).toBe(check.objective);
      }),
      { numRuns: 25, seed: 20261123 },
    );
  }, 60_000);
});

describe('generateRoster: fairness', () => {
  const noFairness = { nightShiftTypeIds: ['L'], holidayDays: [], nightsWeight: 0, weekendsWeight: 0, holidaysWeight: 0, isolatedDayWeight: 0 };
  const everyDay = (shiftTypeId: string, overWeight = 1) =>
    Array.from({ length: 14 }, (_, day) => ({ day, shiftTypeId, requirement: 1, underWeight: 100, overWeight }));
  const count = (row: (string | null)[], keep: (s: string | null, d: number) => boolean) => row.filter((s, d) => keep(s, d)).length;

  /** Four equal agents, one E and one L (the night) a day; agent a asks for every night. */
  function nightsProblem(nightsWeight: number): RosterProblem {
    return tinyProblem({
      employees: ['a', 'b', 'c', 'd'].map((id) => tinyEmployee({ id })),
      // Surplus nights cost 100, so the fair answer is not a fifth and sixth night.
      cover: [...everyDay('E'), ...everyDay('L', 100)],
      shiftOnRequests: Array.from({ length: 14 }, (_, day) => ({ employeeId: 'a', day, shiftTypeId: 'L', weight: 1 })),
      fairness: { ...noFairness, nightsWeight },
    });
  }

  it('spreads nights evenly when the nights weight is set (full MIP)', async () => {
    const unfair = await generateRoster({ problem: nightsProblem(0), seed: 1, timeLimitMs: 30_000, now, maxIterations: 2 });
    expect(count(unfair.roster[0].days, (s) => s === 'L')).toBe(14);
    const problem = nightsProblem(5);
    const result = await generateRoster({ problem, seed: 1, timeLimitMs: 120_000, now, maxIterations: 2 });
    expect(result.feasible).toBe(true);
    const nights = result.roster.map((row) => count(row.days, (s) => s === 'L'));
    expect(nights.reduce((a, b) => a + b, 0)).toBe(14);
    expect(Math.max(...nights) - Math.min(...nights)).toBeLessThanOrEqual(1);
    // 3.5 nights each would be exact; 4, 4, 3, 3 is as close as whole nights get: 4 × 0.5 × 5.
    expect(result.breakdown.nights).toBeCloseTo(10, 9);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(evaluateRoster(problem, result.roster).objective, 9);
    // The proof takes ~5 s alone; the limit is generous because CI runs suites side by side.
  }, 150_000);

  it('spreads weekend days evenly when the weekends weight is set (search path)', async () => {
    // Agent a asks for every weekend day; the 4 weekend days should go one to each agent.
    const problem = (weekendsWeight: number) =>
      tinyProblem({
        employees: ['a', 'b', 'c', 'd'].map((id) => tinyEmployee({ id, maxShifts: { E: 14, L: 0 } })),
        cover: everyDay('E'),
        shiftOnRequests: [5, 6, 12, 13].map((day) => ({ employeeId: 'a', day, shiftTypeId: 'E', weight: 1 })),
        fairness: { ...noFairness, weekendsWeight },
      });
    const weekendDays = (row: (string | null)[]) => count(row, (s, d) => s !== null && d % 7 >= 5);
    const run = (weekendsWeight: number) => generateRoster({ problem: problem(weekendsWeight), seed: 5, timeLimitMs: 30_000, now, maxIterations: 4, fullMipMaxVariables: 0 });
    const unfair = await run(0);
    expect(weekendDays(unfair.roster[0].days)).toBe(4);
    const fair = await run(10);
    expect(fair.feasible).toBe(true);
    expect(fair.roster.map((row) => weekendDays(row.days))).toEqual([1, 1, 1, 1]);
    expect(fair.breakdown).toMatchObject({ coverUnder: 0, weekends: 0, shiftOn: 3 });
  });

  it('avoids isolated working days when they cost more than a surplus agent', async () => {
    // One agent, wanted on days 2, 5 and 8 only: alone, each would be an isolated day.
    const problem = (isolatedDayWeight: number) =>
      tinyProblem({
        employees: [tinyEmployee({ maxShifts: { E: 14, L: 0 } })],
        cover: [2, 5, 8].map((day) => ({ day, shiftTypeId: 'E', requirement: 1, underWeight: 10, overWeight: 1 })).concat(
          [0, 1, 3, 4, 6, 7, 9, 10, 11, 12, 13].map((day) => ({ day, shiftTypeId: 'E', requirement: 0, underWeight: 10, overWeight: 1 })),
        ),
        fairness: { ...noFairness, isolatedDayWeight },
      });
    const plain = await generateRoster({ problem: problem(0), seed: 1, timeLimitMs: 30_000, now, maxIterations: 2 });
    expect(plain.roster[0].days.map((s) => s ?? '-').join('')).toBe('--E--E--E-----');
    const result = await generateRoster({ problem: problem(20), seed: 1, timeLimitMs: 30_000, now, maxIterations: 2 });
    expect(result.breakdown).toMatchObject({ coverUnder: 0, isolatedDays: 0 });
    // Days 2–8 need 2 surplus days at the least (e.g. EE on 1–2 … or one block 2–8 = 4 surplus).
    expect(result.objective).toBe(3);
  });

  it('zero weights change nothing: same roster as without fairness (search path, reproducible)', async () => {
    const base = mediumProblem();
    const run = (problem: RosterProblem) => generateRoster({ problem, seed: 42, timeLimitMs: 60_000, now, maxIterations: 3, fullMipMaxVariables: 0 });
    const without = await run(base);
    const zero = await run({ ...base, fairness: { ...noFairness, holidayDays: [3, 4] } });
    expect(zero.roster).toEqual(without.roster);
    expect(zero.objective).toBe(without.objective);
  }, 120_000);
});

describe('generateRoster on Curtois Instance1', () => {
  it('finds the optimum 607', async () => {
    const file = '/work/shared/benchmarks/curtois/Instance1.txt';
    if (!existsSync(file)) throw new Error(`${file} is missing: this test reads the shared benchmark in place (issue 4).`);
    const parsed = parseCurtoisInstance(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const result = await generateRoster({ problem: parsed.value, seed: 1, timeLimitMs: 18_000, now });
    expect(result.hardViolations).toEqual([]);
    expect(result.objective).toBe(607);
  }, 30_000);
});

/**
 * Random small problems that are feasible by construction: draw a witness roster first, then
 * derive every hard rule so that the witness satisfies it (with random slack).
 */
function randomFeasibleProblem(): fc.Arbitrary<RosterProblem> {
  return fc
    .record({
      employees: fc.integer({ min: 1, max: 3 }),
      weeks: fc.integer({ min: 1, max: 2 }),
      shifts: fc.integer({ min: 1, max: 2 }),
      cells: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 3 * 14, maxLength: 3 * 14 }),
      slack: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 16, maxLength: 16 }),
      requirements: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 28, maxLength: 28 }),
      forbidLE: fc.boolean(),
    })
    .map(({ employees: E, weeks, shifts: S, cells, slack, requirements, forbidLE }) => {
      const D = weeks * 7;
      const ids = ['E', 'L'].slice(0, S);
      const witness = Array.from({ length: E }, (_, e) => Array.from({ length: D }, (_, d) => Math.min(cells[e * 14 + d], S - 1)));
      const leUsed = witness.some((row) => row.some((s, d) => s === 1 && row[d + 1] === 0));
      const shiftTypes = ids.map((id) => ({ id, lengthMinutes: id === 'E' ? 480 : 420, cannotFollow: id === 'L' && forbidLE && !leUsed ? ['E'] : [] }));
      const employees: RosterEmployee[] = witness.map((row, e) => {
        const minutes = row.reduce((m, s) => m + (s >= 0 ? shiftTypes[s].lengthMinutes : 0), 0);
        const runs = blocks(row);
        const inside = (work: boolean) => runs.filter((b) => b.work === work && b.start > 0 && b.end < D - 1).map((b) => b.end - b.start + 1);
        const longest = Math.max(0, ...runs.filter((b) => b.work).map((b) => b.end - b.start + 1));
        const weekends = Array.from({ length: weeks }, (_, j) => row[7 * j + 5] >= 0 || row[7 * j + 6] >= 0).filter(Boolean).length;
        const maxShifts: Record<string, number> = {};
        ids.forEach((id, s) => (maxShifts[id] = row.filter((x) => x === s).length + slack[s]));
        return {
          id: `e${e}`,
          maxShifts,
          minTotalMinutes: Math.max(0, minutes - 480 * slack[2]),
          maxTotalMinutes: minutes + 480 * slack[3],
          maxConsecutiveDays: Math.max(1, longest + slack[4]),
          minConsecutiveDays: Math.max(1, Math.min(1 + slack[5], ...inside(true))),
          minConsecutiveDaysOff: Math.max(1, Math.min(1 + slack[6], ...inside(false))),
          maxWeekends: weekends + (slack[7] > 1 ? 1 : 0),
          daysOff: row.map((s, d) => (s < 0 && (d + e + slack[8]) % 3 === 0 ? d : -1)).filter((d) => d >= 0),
        };
      });
      const problem: RosterProblem = {
        horizonDays: D,
        firstWeekday: 1,
        shiftTypes,
        employees,
        cover: Array.from({ length: D }, (_, day) => ids.map((shiftTypeId, s) => ({ day, shiftTypeId, requirement: requirements[(day * 2 + s) % 28], underWeight: 100, overWeight: 1 }))).flat(),
        shiftOnRequests: employees.map((e, i) => ({ employeeId: e.id, day: (i * 3 + slack[9]) % D, shiftTypeId: ids[i % S], weight: 1 + slack[10] })),
        shiftOffRequests: employees.map((e, i) => ({ employeeId: e.id, day: (i * 5 + slack[11]) % D, shiftTypeId: ids[0], weight: 1 + slack[12] })),
        locked: slack[13] === 2 ? [{ employeeId: 'e0', day: slack[14], shiftTypeId: witness[0][slack[14]] >= 0 ? ids[witness[0][slack[14]]] : null }] : [],
      };
      return problem;
    });
}

function blocks(row: number[]): { work: boolean; start: number; end: number }[] {
  const out: { work: boolean; start: number; end: number }[] = [];
  let start = 0;
  for (let d = 1; d <= row.length; d++) {
    if (d < row.length && row[d] >= 0 === row[start] >= 0) continue;
    out.push({ work: row[start] >= 0, start, end: d - 1 });
    start = d;
  }
  return out;
}
