import { compileProblem, objectiveOf, OFF } from './compiled-problem';
import { evaluateRoster } from './evaluate-roster';
import { LocalSearch } from './local-search';
import { Prng } from './prng';
import type { RosterProblem } from './roster-problem';
import { tinyEmployee, tinyProblem } from './testing/tiny-problem';

/** Four agents with tight contract bands (8–9 shifts in two weeks) and cover on every cell. */
function problem(): RosterProblem {
  const employees = Array.from({ length: 4 }, (_, i) =>
    tinyEmployee({ id: `e${i}`, minTotalMinutes: 8 * 480, maxTotalMinutes: 9 * 480, maxConsecutiveDays: 4, minConsecutiveDays: 2, minConsecutiveDaysOff: 2, maxWeekends: 2 }),
  );
  const cover = Array.from({ length: 14 }, (_, day) => ['E', 'L'].map((shiftTypeId, s) => ({ day, shiftTypeId, requirement: 1 + ((day + s) % 3 === 0 ? 1 : 0), underWeight: 100, overWeight: 1 }))).flat();
  return tinyProblem({ employees, cover, shiftOnRequests: [{ employeeId: 'e1', day: 3, shiftTypeId: 'L', weight: 2 }] });
}

describe('LocalSearch', () => {
  it('keeps its incremental objective exact and every row feasible while it improves the roster', () => {
    const pr = problem();
    const p = compileProblem(pr);
    // A feasible start: each agent works E in runs of four from a staggered day (8 shifts).
    const start = new Int32Array(p.E * p.D).fill(OFF);
    for (let e = 0; e < p.E; e++) for (const d of [0, 1, 2, 3, 7, 8, 9, 10]) start[e * p.D + ((d + 2 * e) % p.D)] = 0;
    const toRoster = (a: Int32Array) =>
      pr.employees.map((emp, e) => ({ employeeId: emp.id, days: Array.from({ length: p.D }, (_, d) => (a[e * p.D + d] === OFF ? null : pr.shiftTypes[a[e * p.D + d]].id)) }));
    expect(evaluateRoster(pr, toRoster(start)).hardViolations).toEqual([]);
    const search = new LocalSearch(p, start, objectiveOf(p, start), new Prng(3));
    search.run(20_000, () => false, 5);
    expect(search.objective).toBeCloseTo(objectiveOf(p, search.a), 9);
    expect(search.bestObjective).toBeCloseTo(objectiveOf(p, search.best), 9);
    expect(search.bestObjective).toBeLessThan(objectiveOf(p, start));
    expect(evaluateRoster(pr, toRoster(search.a)).hardViolations).toEqual([]);
    expect(evaluateRoster(pr, toRoster(search.best)).hardViolations).toEqual([]);
  });
});
