import { bestResponseRow, improveRows } from './column-generation';
import { compileProblem, objectiveOf, OFF } from './compiled-problem';
import { ejectionChain, ejectionChains } from './ejection-chain';
import { evaluateRoster } from './evaluate-roster';
import { Prng } from './prng';
import type { RosterProblem } from './roster-problem';
import { rosterOf, tinyEmployee, tinyProblem } from './testing/tiny-problem';

const toRoster = (pr: RosterProblem, a: Int32Array) =>
  pr.employees.map((emp, e) => ({ employeeId: emp.id, days: Array.from({ length: pr.horizonDays }, (_, d) => (a[e * pr.horizonDays + d] === OFF ? null : pr.shiftTypes[a[e * pr.horizonDays + d]].id)) }));

const toAssignment = (pr: RosterProblem, roster: ReturnType<typeof rosterOf>) => {
  const index = new Map(pr.shiftTypes.map((s, i) => [s.id, i]));
  return Int32Array.from(roster.flatMap((row) => row.days.map((s) => (s === null ? OFF : (index.get(s) as number)))));
};

const chainOptions = { maxDepth: 3, breadth: 6, slack: 5, maxRowSolves: 30, maxStates: 5000, shouldStop: () => false };

/** Six weeks, tight contract bands, weekend caps and capped late shifts: rows with little freedom. */
function tightProblem(seed: number): RosterProblem {
  const D = 42;
  const rng = new Prng(seed);
  const employees = Array.from({ length: 6 }, (_, i) =>
    tinyEmployee({
      id: `e${i}`,
      maxShifts: { E: D, L: i % 2 === 0 ? 8 : D },
      minTotalMinutes: 22 * 480,
      maxTotalMinutes: 23 * 480,
      maxConsecutiveDays: 5,
      minConsecutiveDays: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 3,
      daysOff: [rng.int(D), rng.int(D)],
    }),
  );
  const cover = Array.from({ length: D }, (_, day) =>
    ['E', 'L'].map((shiftTypeId) => ({ day, shiftTypeId, requirement: 1 + rng.int(3), underWeight: 100, overWeight: 1 })),
  ).flat();
  return tinyProblem({
    horizonDays: D,
    employees,
    cover,
    shiftOnRequests: employees.flatMap((e) => [0, 1, 2].map((k) => ({ employeeId: e.id, day: rng.int(D), shiftTypeId: k === 1 ? 'E' : 'L', weight: 1 + k }))),
  });
}

describe('ejectionChain', () => {
  it('moves work along a chain no single row move makes: f leaves a covered day for a gap, e leaves an over-covered day for it', () => {
    // One shift type, three days; e and f each work exactly one day. Day 0 wants nobody (e is
    // over it), day 1 one (f), day 2 one (nobody; e may not work it). Each row alone is a best
    // response (a move only shifts a shortfall or a surplus), the chain of both rows is 101 better.
    const pr = tinyProblem({
      horizonDays: 3,
      shiftTypes: [{ id: 'E', lengthMinutes: 480, cannotFollow: [] }],
      employees: [
        tinyEmployee({ id: 'e', maxShifts: { E: 3 }, minTotalMinutes: 480, maxTotalMinutes: 480, daysOff: [2] }),
        tinyEmployee({ id: 'f', maxShifts: { E: 3 }, minTotalMinutes: 480, maxTotalMinutes: 480 }),
      ],
      cover: [0, 1, 2].map((day) => ({ day, shiftTypeId: 'E', requirement: day === 0 ? 0 : 1, underWeight: 100, overWeight: 1 })),
    });
    const p = compileProblem(pr);
    const start = toAssignment(pr, rosterOf(pr, 'E--', '-E-'));
    const order = [0, 1];
    expect(Array.from(improveRows({ p, assignment: start, order, shouldStop: () => false }))).toEqual(Array.from(start));
    const r = ejectionChain({ p, assignment: start, cell: 2 * p.S, rng: new Prng(1), halfWindow: p.D, ...chainOptions });
    expect(r).toBeDefined();
    expect(r?.objective).toBe(objectiveOf(p, start) - 101);
    expect(evaluateRoster(pr, toRoster(pr, r?.assignment ?? start))).toMatchObject({ hardViolations: [], objective: 0 });
  });

  it.each([1, 2, 3])('keeps every hard rule and only ever lowers the objective (seed %i)', (seed) => {
    const pr = tightProblem(seed);
    const p = compileProblem(pr);
    let a: Int32Array = new Int32Array(p.E * p.D).fill(OFF);
    for (let e = 0; e < p.E; e++) a.set(bestResponseRow({ p, assignment: a, e }) as Int32Array, e * p.D);
    a = improveRows({ p, assignment: a, order: Array.from({ length: p.E }, (_, e) => e), shouldStop: () => false });
    expect(evaluateRoster(pr, toRoster(pr, a)).hardViolations).toEqual([]);
    const rng = new Prng(seed);
    // Every third cover cell, as whole-row links and as links over a week around the cell.
    for (let cell = 0; cell < p.D * p.S; cell += 3) {
      for (const halfWindow of [3, p.D]) {
        const r = ejectionChain({ p, assignment: a, cell, rng, halfWindow, ...chainOptions });
        if (!r) continue;
        const check = evaluateRoster(pr, toRoster(pr, r.assignment));
        expect(check.hardViolations).toEqual([]);
        expect(check.objective).toBeCloseTo(r.objective, 9);
        expect(r.objective).toBeLessThan(objectiveOf(p, a));
        a = r.assignment;
      }
    }
    const before = objectiveOf(p, a);
    const pass = ejectionChains({ p, assignment: a, rng, cells: 5, shouldStop: () => false });
    expect(evaluateRoster(pr, toRoster(pr, pass)).hardViolations).toEqual([]);
    expect(objectiveOf(p, pass)).toBeLessThanOrEqual(before);
  });
});
