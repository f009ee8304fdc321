import fc from 'fast-check';
import { compileProblem } from './compiled-problem';
import { evaluateRoster } from './evaluate-roster';
import { priceRow, rowCost } from './price-row';
import type { Weekday } from '../model/types';
import type { RosterProblem } from './roster-problem';
import { tinyEmployee, tinyProblem } from './testing/tiny-problem';

/** Every row of the only employee (shift ids or null per day), by enumeration. */
function allRows(D: number, ids: string[]): (string | null)[][] {
  const out: (string | null)[][] = [];
  const options = [null, ...ids];
  const walk = (prefix: (string | null)[]) => {
    if (prefix.length === D) {
      out.push(prefix);
      return;
    }
    for (const o of options) walk([...prefix, o]);
  };
  walk([]);
  return out;
}

/**
 * Brute force through the independent checker: the cheapest row without hard violations, its
 * cost being the evaluator's objective (requests, isolated days) plus the cell adjustments.
 */
function bruteForce(problem: RosterProblem, adjust: Float64Array, admits: (days: (string | null)[]) => boolean = () => true): number | null {
  const S = problem.shiftTypes.length;
  const index = new Map(problem.shiftTypes.map((s, i) => [s.id, i]));
  let best: number | null = null;
  for (const days of allRows(problem.horizonDays, problem.shiftTypes.map((s) => s.id))) {
    if (!admits(days)) continue;
    const check = evaluateRoster(problem, [{ employeeId: problem.employees[0].id, days }]);
    if (check.hardViolations.length > 0) continue;
    let value = check.objective;
    days.forEach((id, d) => {
      if (id !== null) value += adjust[d * S + (index.get(id) ?? 0)];
    });
    if (best === null || value < best) best = value;
  }
  return best;
}

const problemArb = fc
  .record({
    D: fc.integer({ min: 3, max: 8 }),
    twoShifts: fc.boolean(),
    lateLength: fc.constantFrom(480, 600, 720),
    restRule: fc.boolean(),
    firstWeekday: fc.integer({ min: 1, max: 7 }),
    maxE: fc.integer({ min: 0, max: 8 }),
    maxL: fc.integer({ min: 0, max: 8 }),
    minDays: fc.integer({ min: 0, max: 5 }),
    maxDays: fc.integer({ min: 1, max: 8 }),
    maxCons: fc.integer({ min: 1, max: 5 }),
    minCons: fc.integer({ min: 1, max: 3 }),
    minOff: fc.integer({ min: 1, max: 3 }),
    maxWeekends: fc.integer({ min: 0, max: 2 }),
    daysOff: fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 2 }),
    lock: fc.option(fc.record({ day: fc.integer({ min: 0, max: 7 }), shift: fc.constantFrom('E', 'L', null) })),
    onRequests: fc.array(fc.record({ day: fc.integer({ min: 0, max: 7 }), late: fc.boolean(), weight: fc.integer({ min: 1, max: 5 }) }), { maxLength: 4 }),
    offRequests: fc.array(fc.record({ day: fc.integer({ min: 0, max: 7 }), late: fc.boolean(), weight: fc.integer({ min: 1, max: 5 }) }), { maxLength: 4 }),
    isolated: fc.integer({ min: 0, max: 4 }),
    adjust: fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 16, maxLength: 16 }),
  })
  .map((r) => {
    const D = r.D;
    const ids = r.twoShifts ? ['E', 'L'] : ['E'];
    const lengths: Record<string, number> = { E: 480, L: r.lateLength };
    const problem = tinyProblem({
      horizonDays: D,
      firstWeekday: r.firstWeekday as Weekday,
      shiftTypes: ids.map((id) => ({ id, lengthMinutes: lengths[id], cannotFollow: id === 'L' && r.restRule ? ['E'] : [] })),
      employees: [
        tinyEmployee({
          maxShifts: r.twoShifts ? { E: r.maxE, L: r.maxL } : { E: r.maxE },
          minTotalMinutes: r.minDays * 480,
          maxTotalMinutes: Math.max(r.minDays, r.maxDays) * 480 + (r.lateLength - 480),
          maxConsecutiveDays: r.maxCons,
          minConsecutiveDays: r.minCons,
          minConsecutiveDaysOff: r.minOff,
          maxWeekends: r.maxWeekends,
          daysOff: r.daysOff.filter((d) => d < D),
        }),
      ],
      locked: r.lock && r.lock.day < D && (r.lock.shift === null || ids.includes(r.lock.shift)) ? [{ employeeId: 'a', day: r.lock.day, shiftTypeId: r.lock.shift }] : [],
      shiftOnRequests: r.onRequests.filter((q) => q.day < D).map((q) => ({ employeeId: 'a', day: q.day, shiftTypeId: q.late && r.twoShifts ? 'L' : 'E', weight: q.weight })),
      shiftOffRequests: r.offRequests.filter((q) => q.day < D).map((q) => ({ employeeId: 'a', day: q.day, shiftTypeId: q.late && r.twoShifts ? 'L' : 'E', weight: q.weight })),
      fairness: { nightShiftTypeIds: [], holidayDays: [], nightsWeight: 0, weekendsWeight: 0, holidaysWeight: 0, isolatedDayWeight: r.isolated },
    });
    const adjust = Float64Array.from({ length: D * ids.length }, (_, k) => r.adjust[k % 16]);
    return { problem, adjust };
  });

describe('priceRow', () => {
  it('finds the cheapest feasible row, as brute force through evaluateRoster does', () => {
    let feasibleCases = 0;
    fc.assert(
      fc.property(problemArb, ({ problem, adjust }) => {
        const p = compileProblem(problem);
        const result = priceRow({ p, e: 0, cellAdjust: adjust });
        const expected = bruteForce(problem, adjust);
        if (expected === null) {
          expect(result).toEqual({ ok: false, reason: 'infeasible' });
          return;
        }
        feasibleCases++;
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        // The DP's cost excludes the constant Σ shift-on weights the evaluator starts from.
        expect(result.cost + p.onRequestTotal).toBeCloseTo(expected, 9);
        expect(rowCost(p, 0, result.row, adjust)).toBeCloseTo(result.cost, 9);
        // With the optimum as the bound to beat there is nothing cheaper; just above it, the optimum.
        expect(priceRow({ p, e: 0, cellAdjust: adjust, upperBound: result.cost })).toEqual({ ok: false, reason: 'none-cheaper' });
        const bounded = priceRow({ p, e: 0, cellAdjust: adjust, upperBound: result.cost + 0.5 });
        expect(bounded.ok && bounded.cost).toBeCloseTo(result.cost, 9);
        const feasible = (row: Int32Array) => {
          const days = Array.from(row, (s) => (s < 0 ? null : problem.shiftTypes[s].id));
          return evaluateRoster(problem, [{ employeeId: 'a', days }]).hardViolations.length === 0;
        };
        expect(feasible(result.row)).toBe(true);
        // Alternatives: distinct feasible rows, next cheapest first, priced as rowCost says.
        const withAlternatives = priceRow({ p, e: 0, cellAdjust: adjust, alternatives: 4 });
        if (!withAlternatives.ok) throw new Error('the same DP found no row');
        const rows = [withAlternatives.row, ...withAlternatives.alternatives.map((alt) => alt.row)];
        expect(new Set(rows.map((row) => row.join(','))).size).toBe(rows.length);
        let previous = withAlternatives.cost;
        for (const alt of withAlternatives.alternatives) {
          expect(alt.cost).toBeGreaterThanOrEqual(previous - 1e-9);
          expect(rowCost(p, 0, alt.row, adjust)).toBeCloseTo(alt.cost, 9);
          expect(feasible(alt.row)).toBe(true);
          previous = alt.cost;
        }
        // The beam (heuristic mode) may miss the optimum but never returns a broken row.
        const beam = priceRow({ p, e: 0, cellAdjust: adjust, beamWidth: 2 });
        if (beam.ok) {
          expect(feasible(beam.row)).toBe(true);
          expect(beam.cost).toBeGreaterThanOrEqual(result.cost - 1e-9);
          expect(rowCost(p, 0, beam.row, adjust)).toBeCloseTo(beam.cost, 9);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
    // The generator must reach both branches, or the property proves little.
    expect(feasibleCases).toBeGreaterThan(50);
  });

  it('re-optimises a window with the rest of the row held, as brute force over the rows agreeing outside it does', () => {
    let improvedCases = 0;
    fc.assert(
      fc.property(problemArb, fc.nat(7), fc.integer({ min: 1, max: 4 }), ({ problem, adjust }, start, length) => {
        const p = compileProblem(problem);
        const D = p.D;
        // A feasible row to hold outside the window: the dearest of the cheapest few.
        const rows = priceRow({ p, e: 0, cellAdjust: adjust, alternatives: 6 });
        if (!rows.ok) return;
        const held = rows.alternatives.length > 0 ? rows.alternatives[rows.alternatives.length - 1] : { cost: rows.cost, row: rows.row };
        const from = Math.min(start, D - 1);
        const to = Math.min(D, from + length);
        const id = (s: number) => (s < 0 ? null : problem.shiftTypes[s].id);
        const expected = bruteForce(problem, adjust, (days) => days.every((day, d) => (d >= from && d < to) || day === id(held.row[d])));
        const result = priceRow({ p, e: 0, cellAdjust: adjust, window: { from, to, row: held.row } });
        // The held row itself agrees outside the window, so there is always an answer.
        expect(expected).not.toBeNull();
        expect(result.ok).toBe(true);
        if (!result.ok || expected === null) return;
        expect(result.cost + p.onRequestTotal).toBeCloseTo(expected, 9);
        for (let d = 0; d < D; d++) if (d < from || d >= to) expect(result.row[d]).toBe(held.row[d]);
        const days = Array.from(result.row, id);
        expect(evaluateRoster(problem, [{ employeeId: 'a', days }]).hardViolations).toEqual([]);
        if (result.cost < held.cost - 1e-9) improvedCases++;
        // With an upper bound the bounds prune labels (the backward table of the window and the
        // walk of the held days after it): the optimum is still found just under a bound above
        // it, and a bound at it leaves none cheaper.
        const pruned = priceRow({ p, e: 0, cellAdjust: adjust, upperBound: result.cost + 0.5, window: { from, to, row: held.row } });
        expect(pruned.ok && pruned.cost).toBeCloseTo(result.cost, 9);
        expect(priceRow({ p, e: 0, cellAdjust: adjust, upperBound: result.cost, window: { from, to, row: held.row } })).toEqual({ ok: false, reason: 'none-cheaper' });
      }),
      { numRuns: 300, seed: 7 },
    );
    // Some windows must actually improve on the held row, or the property proves little.
    expect(improvedCases).toBeGreaterThan(20);
  });

  it('declines rows with minute caps, which it does not track', () => {
    const problem = tinyProblem({
      employees: [tinyEmployee({ minuteCaps: [{ maxMinutes: 480, terms: [{ day: 0, shiftTypeId: 'E', minutes: 480 }] }] })],
    });
    expect(priceRow({ p: compileProblem(problem), e: 0 })).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('prices rows whose state space is beyond float64 integer keys alike', () => {
    // Lengths of 480 and 481 minutes count minutes one by one: with a vast contract maximum and
    // four capped types the key space of (state, minutes, weekends, caps) exceeds 2^52, and the
    // states are keyed by strings instead.
    const adjust = Float64Array.from({ length: 14 * 4 }, (_, k) => ((k * 7) % 5) - 3);
    const row = (maxTotalMinutes: number) => {
      const problem = tinyProblem({
        shiftTypes: [
          { id: 'E', lengthMinutes: 480, cannotFollow: [] },
          { id: 'L', lengthMinutes: 481, cannotFollow: ['E'] },
          { id: 'M', lengthMinutes: 480, cannotFollow: [] },
          { id: 'N', lengthMinutes: 481, cannotFollow: ['E', 'M'] },
        ],
        employees: [
          tinyEmployee({ maxShifts: { E: 12, L: 12, M: 12, N: 12 }, maxTotalMinutes, minTotalMinutes: 6 * 480, maxConsecutiveDays: 4, minConsecutiveDaysOff: 2, maxWeekends: 2 }),
        ],
      });
      return priceRow({ p: compileProblem(problem), e: 0, cellAdjust: adjust });
    };
    const vast = row(2 ** 31 - 1);
    const plain = row(14 * 481);
    expect(vast.ok && plain.ok).toBe(true);
    if (!vast.ok || !plain.ok) return;
    expect(vast.cost).toBeCloseTo(plain.cost, 9);
    expect(Array.from(vast.row)).toEqual(Array.from(plain.row));
  });

  it('gives up beyond the state cap instead of running away', () => {
    const problem = tinyProblem({ employees: [tinyEmployee({ maxShifts: { E: 5, L: 6 }, maxWeekends: 1 })] });
    expect(priceRow({ p: compileProblem(problem), e: 0, maxStates: 5 })).toEqual({ ok: false, reason: 'too-large' });
  });
});
