import fc from 'fast-check';
import { compileProblem, objectiveOf, OFF } from './compiled-problem';
import { evaluateRoster } from './evaluate-roster';
import { LocalSearch } from './local-search';
import { Prng } from './prng';
import type { Roster, RosterProblem } from './roster-problem';
import { tinyEmployee, tinyProblem } from './testing/tiny-problem';

/** Three agents (one without nights, one on a half contract) with every fairness term on. */
function fairProblem(firstWeekday: RosterProblem['firstWeekday']): RosterProblem {
  return tinyProblem({
    firstWeekday,
    employees: [
      tinyEmployee({ id: 'a' }),
      tinyEmployee({ id: 'b', maxTotalMinutes: 7 * 480 }),
      tinyEmployee({ id: 'c', maxShifts: { E: 14, L: 0 }, daysOff: [3, 4] }),
    ],
    cover: Array.from({ length: 14 }, (_, day) => ({ day, shiftTypeId: 'E', requirement: 1, underWeight: 100, overWeight: 1 })),
    fairness: { nightShiftTypeIds: ['L'], holidayDays: [3, 9], nightsWeight: 7, weekendsWeight: 3, holidaysWeight: 5, isolatedDayWeight: 2 },
  });
}

const cell = fc.integer({ min: -1, max: 1 });

describe('fairness terms inside the generator', () => {
  it('property: the compiled objective equals the independent evaluator on any roster', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 42, maxLength: 42 }), fc.integer({ min: 1, max: 7 }), (cells, weekday) => {
        const problem = fairProblem(weekday as RosterProblem['firstWeekday']);
        const p = compileProblem(problem);
        const a = Int32Array.from(cells, (c) => (c < 0 ? OFF : c));
        const roster: Roster = problem.employees.map((emp, e) => ({
          employeeId: emp.id,
          days: Array.from({ length: 14 }, (_, d) => (a[e * 14 + d] < 0 ? null : problem.shiftTypes[a[e * 14 + d]].id)),
        }));
        expect(objectiveOf(p, a)).toBeCloseTo(evaluateRoster(problem, roster).objective, 9);
      }),
      { numRuns: 200, seed: 4 },
    );
  });

  it('local search keeps its incremental objective equal to a full recount', () => {
    const problem = fairProblem(1);
    const p = compileProblem(problem);
    const start = new Int32Array(p.E * p.D).fill(OFF);
    const search = new LocalSearch(p, start, objectiveOf(p, start), new Prng(9));
    // With a high temperature most feasible moves are taken, so many kinds of move get priced.
    for (let round = 0; round < 20; round++) {
      search.run(500, () => false, 50);
      expect(search.objective).toBeCloseTo(objectiveOf(p, search.a), 6);
    }
    expect(search.bestObjective).toBeCloseTo(objectiveOf(p, search.best), 6);
  });
});
