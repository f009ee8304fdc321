import { performance } from 'node:perf_hooks';
import { bestResponseRow, columnGenerationApplies, improveRowByWindows, improveRows, PatternMaster } from './column-generation';
import { compileProblem, objectiveOf, OFF } from './compiled-problem';
import { evaluateRoster } from './evaluate-roster';
import { generateRoster } from './generate-roster';
import { loadHighs } from './load-highs';
import type { RosterProblem } from './roster-problem';
import { priceRow, rowCost } from './price-row';
import { tinyEmployee, tinyProblem } from './testing/tiny-problem';

/** Five agents, two weeks, two shifts, uneven cover: small enough for the full MIP to prove its optimum. */
function problem(): RosterProblem {
  const employees = Array.from({ length: 5 }, (_, i) =>
    tinyEmployee({ id: `e${i}`, maxTotalMinutes: 8 * 480, maxConsecutiveDays: 4, minConsecutiveDays: 2, minConsecutiveDaysOff: 2, maxWeekends: 1, daysOff: [(i * 3) % 14] }),
  );
  const cover = Array.from({ length: 14 }, (_, day) =>
    ['E', 'L'].map((shiftTypeId, s) => ({ day, shiftTypeId, requirement: 1 + ((day * 2 + s) % 3 === 0 ? 1 : 0), underWeight: 100, overWeight: 1 })),
  ).flat();
  return tinyProblem({
    employees,
    cover,
    shiftOnRequests: employees.map((e, i) => ({ employeeId: e.id, day: (i * 5) % 14, shiftTypeId: 'L', weight: 2 })),
    shiftOffRequests: employees.map((e, i) => ({ employeeId: e.id, day: (i * 4 + 1) % 14, shiftTypeId: 'E', weight: 3 })),
  });
}

const toRoster = (pr: RosterProblem, a: Int32Array) =>
  pr.employees.map((emp, e) => ({ employeeId: emp.id, days: Array.from({ length: pr.horizonDays }, (_, d) => (a[e * pr.horizonDays + d] === OFF ? null : pr.shiftTypes[a[e * pr.horizonDays + d]].id)) }));

describe('PatternMaster', () => {
  it('gives a lower bound no higher than the proven optimum, and a feasible dive', async () => {
    const highs = await loadHighs();
    const pr = problem();
    const optimum = await generateRoster({ problem: pr, seed: 1, timeLimitMs: 60_000, now: () => performance.now(), highs });
    expect(optimum.status).toBe('optimal');
    const p = compileProblem(pr);
    expect(columnGenerationApplies(p)).toBe(true);
    // Everybody off is feasible here (no minimum hours): a poor seed the pricing must improve on.
    const seed = new Int32Array(p.E * p.D).fill(OFF);
    const master = new PatternMaster(highs, p, seed);
    try {
      master.generate({ shouldStop: () => false });
      expect(master.converged).toBe(true);
      expect(master.exact).toBe(true);
      expect(master.bound).toBeCloseTo(master.lpValue, 6);
      expect(master.bound).toBeLessThanOrEqual(optimum.objective + 1e-6);
      // The seed alone would leave every cover slot open: the LP must have found far better.
      expect(master.lpValue).toBeLessThan(objectiveOf(p, seed) / 2);
      const dived = master.dive({ shouldStop: () => false });
      expect(dived).toBeDefined();
      if (!dived) return;
      const check = evaluateRoster(pr, toRoster(pr, dived));
      expect(check.hardViolations).toEqual([]);
      expect(check.objective).toBeCloseTo(objectiveOf(p, dived), 9);
      expect(check.objective).toBeGreaterThanOrEqual(master.bound - 1e-6);
    } finally {
      master.dispose();
    }
  });

  it('prices long rows by windows too: heuristic rounds alone reach the exact LP, and every column is a feasible row', async () => {
    const highs = await loadHighs();
    // Six weeks (longer than a pricing window), tight contract bands and weekend caps, cover that
    // moves from day to day: rows the beam alone prices poorly.
    const D = 42;
    const employees = Array.from({ length: 6 }, (_, i) =>
      tinyEmployee({
        id: `e${i}`,
        maxShifts: { E: D, L: i % 2 === 0 ? 8 : D },
        minTotalMinutes: 22 * 480,
        maxTotalMinutes: 24 * 480,
        maxConsecutiveDays: 5,
        minConsecutiveDays: 2,
        minConsecutiveDaysOff: 2,
        maxWeekends: 3,
        daysOff: [(i * 7) % D, (i * 11 + 3) % D],
      }),
    );
    const cover = Array.from({ length: D }, (_, day) =>
      ['E', 'L'].map((shiftTypeId, s) => ({ day, shiftTypeId, requirement: 1 + ((day * 3 + s * 5) % 4 === 0 ? 1 : 0), underWeight: 100, overWeight: 1 })),
    ).flat();
    const pr = tinyProblem({
      horizonDays: D,
      employees,
      cover,
      shiftOnRequests: employees.flatMap((e, i) => [0, 1, 2].map((k) => ({ employeeId: e.id, day: (i * 5 + k * 13) % D, shiftTypeId: k === 1 ? 'E' : 'L', weight: 1 + k }))),
    });
    const p = compileProblem(pr);
    const seed = new Int32Array(p.E * p.D).fill(OFF);
    for (let e = 0; e < p.E; e++) seed.set(bestResponseRow({ p, assignment: seed, e }) as Int32Array, e * p.D);
    // A beam of 3 labels a day misses most improving rows: the windows must find them.
    const heuristic = new PatternMaster(highs, p, seed, 3);
    const exact = new PatternMaster(highs, p, seed);
    try {
      heuristic.generate({ shouldStop: () => false, heuristicOnly: true });
      exact.generate({ shouldStop: () => false });
      expect(exact.converged).toBe(true);
      expect(heuristic.lpValue).toBeGreaterThanOrEqual(exact.lpValue - 1e-6);
      expect(heuristic.lpValue).toBeLessThanOrEqual(exact.lpValue + 1e-6);
      for (let e = 0; e < p.E; e++) {
        for (const pt of heuristic.patterns[e]) {
          const check = evaluateRoster(tinyProblem({ ...pr, employees: [pr.employees[e]], cover: [], shiftOnRequests: [] }), toRoster({ ...pr, employees: [pr.employees[e]] }, pt.row));
          expect(check.hardViolations).toEqual([]);
          expect(pt.cost).toBeCloseTo(rowCost(p, e, pt.row), 9);
        }
      }
    } finally {
      heuristic.dispose();
      exact.dispose();
    }
  });

  it('is not used for models with spread fairness terms, which the row DP cannot price', () => {
    const pr = { ...problem(), fairness: { nightShiftTypeIds: ['L'], holidayDays: [], nightsWeight: 1, weekendsWeight: 0, holidaysWeight: 0, isolatedDayWeight: 0 } };
    expect(columnGenerationApplies(compileProblem(pr))).toBe(false);
  });
});

describe('improveRows', () => {
  it('never worsens a roster, keeps it feasible, and leaves no single row improvable', () => {
    const pr = problem();
    const p = compileProblem(pr);
    const start = new Int32Array(p.E * p.D).fill(OFF);
    const order = Array.from({ length: p.E }, (_, e) => e);
    const improved = improveRows({ p, assignment: start, order, shouldStop: () => false });
    expect(objectiveOf(p, improved)).toBeLessThan(objectiveOf(p, start));
    expect(evaluateRoster(pr, toRoster(pr, improved)).hardViolations).toEqual([]);
    // A fixed point: another sweep changes nothing.
    expect(Array.from(improveRows({ p, assignment: improved, order, shouldStop: () => false }))).toEqual(Array.from(improved));
  });
});

describe('improveRowByWindows', () => {
  it('improves a row window by window to a feasible one, and to the whole-row optimum when a window spans the horizon', () => {
    const pr = problem();
    const p = compileProblem(pr);
    // Employee 0 against the others off: every cover cell is open, so working pays.
    const adjust = new Float64Array(p.D * p.S);
    for (let k = 0; k < p.D * p.S; k++) adjust[k] = -p.underWeight[k];
    const off = new Int32Array(p.D).fill(OFF);
    const windowed = improveRowByWindows({ p, e: 0, row: off, cellAdjust: adjust, cost: rowCost(p, 0, off, adjust), shouldStop: () => false, windowDays: 4 });
    expect(windowed.cost).toBeLessThan(rowCost(p, 0, off, adjust));
    expect(rowCost(p, 0, windowed.row, adjust)).toBeCloseTo(windowed.cost, 9);
    const roster = toRoster(pr, Int32Array.from({ length: p.E * p.D }, (_, i) => (i < p.D ? windowed.row[i] : OFF)));
    expect(evaluateRoster(pr, roster).hardViolations).toEqual([]);
    const whole = improveRowByWindows({ p, e: 0, row: off, cellAdjust: adjust, cost: rowCost(p, 0, off, adjust), shouldStop: () => false, windowDays: p.D });
    const optimum = priceRow({ p, e: 0, cellAdjust: adjust });
    expect(optimum.ok && optimum.cost).toBeCloseTo(whole.cost, 9);
  });
});

describe('bestResponseRow', () => {
  it("is the row DP's optimum against the others' marginal cover, exactly or feasible by the beam", () => {
    const pr = problem();
    const p = compileProblem(pr);
    // Employee 1 works every day on E: for employee 0 an E cell then covers a second head.
    const assignment = new Int32Array(p.E * p.D).fill(OFF);
    assignment.fill(0, p.D, 2 * p.D);
    const adjust = new Float64Array(p.D * p.S);
    for (let d = 0; d < p.D; d++) {
      const e = d * p.S;
      adjust[e] = p.requirement[e] >= 2 ? -p.underWeight[e] : p.overWeight[e];
      adjust[e + 1] = -p.underWeight[e + 1];
    }
    const optimum = priceRow({ p, e: 0, cellAdjust: adjust });
    const row = bestResponseRow({ p, assignment, e: 0 });
    expect(row).toBeDefined();
    expect(optimum.ok && optimum.cost).toBeCloseTo(rowCost(p, 0, row ?? [], adjust), 9);
    const beam = bestResponseRow({ p, assignment, e: 0, beamOnly: true });
    expect(beam).toBeDefined();
    const check = evaluateRoster(pr, toRoster(pr, Int32Array.from({ length: p.E * p.D }, (_, i) => (i < p.D ? (beam ?? [])[i] : OFF))));
    expect(check.hardViolations).toEqual([]);
  });
});
