import type { RosterProblem } from './roster-problem';

/** Cell value for "day off" in an internal assignment. */
export const OFF = -1;

/**
 * Index-based form of a `RosterProblem` used inside the generator: employees, days and shift
 * types become 0-based indices and per-cell data flat typed arrays. Internal; not exported
 * from the lib.
 */
export interface CompiledProblem {
  E: number;
  D: number;
  S: number;
  length: Int32Array; // [s] minutes
  /** cannotFollow[s] = shift types t not allowed on d + 1 after s on d. */
  cannotFollow: number[][];
  maxShifts: Int32Array; // [e*S+s]
  minMinutes: Int32Array;
  maxMinutes: Int32Array;
  /** Per employee: caps on worked minutes; terms as cell (d*S+s) and minutes; days within [firstDay, lastDay]. */
  minuteCaps: { maxMinutes: number; cells: Int32Array; minutes: Int32Array; firstDay: number; lastDay: number }[][];
  maxCons: Int32Array;
  minCons: Int32Array;
  minOff: Int32Array;
  maxWeekends: Int32Array;
  /** 1 when e may not work on d (day off). [e*D+d] */
  dayOff: Uint8Array;
  /** -2 = free, OFF = pinned day off, s = pinned shift. [e*D+d] */
  locked: Int32Array;
  /** Per-cell linear cost of x[e,d,s] (shift-off weight − shift-on weight + labour cost). [(e*D+d)*S+s] */
  cellCost: Float64Array;
  /** Σ shift-on weights: the constant that makes the linear objective equal the penalty. */
  onRequestTotal: number;
  requirement: Int32Array; // [d*S+s]
  underWeight: Float64Array; // [d*S+s]
  overWeight: Float64Array; // [d*S+s]
  /** Weekends as lists of day indices inside the horizon (Sat and/or Sun). */
  weekends: number[][];
  /** Weekend index of each day, or −1. */
  weekendOf: Int32Array;
  /** True when every objective coefficient is an integer (no fractional labour cost). */
  integral: boolean;
  /** Spread terms (nights, weekends, holidays) with a non-zero weight. */
  spreads: SpreadTerm[];
  /** Penalty per isolated working day (0: none). */
  isolatedWeight: number;
}

/**
 * One "spread evenly" fairness term: weight × Σ_{e in pool} |N_e − share_e · Σ_f N_f| where N_e
 * counts e's worked cells (d, s) with `day[d]` and `shift[s]` set.
 */
export interface SpreadTerm {
  key: 'nights' | 'weekends' | 'holidays';
  weight: number;
  /** 1 on the days that count. [d] */
  day: Uint8Array;
  /** 1 for the shift types that count. [s] */
  shift: Uint8Array;
  /** 1 for employees in the pool (who could work a counted cell at all). [e] */
  inPool: Uint8Array;
  /** Target share of the total per pool employee (0 outside the pool). [e] */
  share: Float64Array;
  /** Pool employees in index order. */
  pool: Int32Array;
}

export const FREE = -2;

export function compileProblem(problem: RosterProblem): CompiledProblem {
  const E = problem.employees.length;
  const D = problem.horizonDays;
  const S = problem.shiftTypes.length;
  const shiftIndex = new Map(problem.shiftTypes.map((s, i) => [s.id, i]));
  const empIndex = new Map(problem.employees.map((e, i) => [e.id, i]));
  const length = Int32Array.from(problem.shiftTypes.map((s) => s.lengthMinutes));
  const cannotFollow = problem.shiftTypes.map((s) =>
    [...new Set(s.cannotFollow.map((t) => shiftIndex.get(t)).filter((t): t is number => t !== undefined))].sort((a, b) => a - b),
  );
  const maxShifts = new Int32Array(E * S);
  const dayOff = new Uint8Array(E * D);
  const locked = new Int32Array(E * D).fill(FREE);
  const cellCost = new Float64Array(E * D * S);
  let integral = true;
  problem.employees.forEach((emp, e) => {
    for (let s = 0; s < S; s++) maxShifts[e * S + s] = Math.max(0, emp.maxShifts[problem.shiftTypes[s].id] ?? 0);
    for (const d of emp.daysOff) if (d >= 0 && d < D) dayOff[e * D + d] = 1;
    if (emp.hourlyCost) {
      for (let s = 0; s < S; s++) {
        const c = (emp.hourlyCost * length[s]) / 60;
        if (!Number.isInteger(c)) integral = false;
        for (let d = 0; d < D; d++) cellCost[(e * D + d) * S + s] += c;
      }
    }
  });
  for (const lock of problem.locked) {
    const e = empIndex.get(lock.employeeId);
    if (e === undefined || lock.day < 0 || lock.day >= D) continue;
    const s = lock.shiftTypeId === null ? OFF : shiftIndex.get(lock.shiftTypeId);
    if (s !== undefined) locked[e * D + lock.day] = s;
  }
  let onRequestTotal = 0;
  for (const r of problem.shiftOnRequests) {
    const e = empIndex.get(r.employeeId);
    const s = shiftIndex.get(r.shiftTypeId);
    onRequestTotal += r.weight;
    if (e === undefined || s === undefined || r.day < 0 || r.day >= D) continue;
    cellCost[(e * D + r.day) * S + s] -= r.weight;
    if (!Number.isInteger(r.weight)) integral = false;
  }
  for (const r of problem.shiftOffRequests) {
    const e = empIndex.get(r.employeeId);
    const s = shiftIndex.get(r.shiftTypeId);
    if (e === undefined || s === undefined || r.day < 0 || r.day >= D) continue;
    cellCost[(e * D + r.day) * S + s] += r.weight;
    if (!Number.isInteger(r.weight)) integral = false;
  }
  const requirement = new Int32Array(D * S);
  const underWeight = new Float64Array(D * S);
  const overWeight = new Float64Array(D * S);
  for (const c of problem.cover) {
    const s = shiftIndex.get(c.shiftTypeId);
    if (s === undefined || c.day < 0 || c.day >= D) continue;
    const k = c.day * S + s;
    requirement[k] += c.requirement;
    underWeight[k] = c.underWeight;
    overWeight[k] = c.overWeight;
    if (!Number.isInteger(c.underWeight) || !Number.isInteger(c.overWeight)) integral = false;
  }
  const weekends: number[][] = [];
  const weekendOf = new Int32Array(D).fill(-1);
  const saturday = (6 - problem.firstWeekday + 7) % 7;
  for (let sat = saturday - 7; sat < D; sat += 7) {
    const days = [sat, sat + 1].filter((d) => d >= 0 && d < D);
    if (days.length === 0) continue;
    for (const d of days) weekendOf[d] = weekends.length;
    weekends.push(days);
  }
  const spreads = compileSpreads(problem, shiftIndex, dayOff, maxShifts, saturday);
  if (spreads.length > 0) integral = false;
  const isolatedWeight = Math.max(0, problem.fairness?.isolatedDayWeight ?? 0);
  if (!Number.isInteger(isolatedWeight)) integral = false;
  const ints = (f: (i: number) => number) => Int32Array.from({ length: E }, (_, i) => f(i));
  const emps = problem.employees;
  return {
    E,
    D,
    S,
    length,
    cannotFollow,
    maxShifts,
    minMinutes: ints((i) => emps[i].minTotalMinutes),
    maxMinutes: ints((i) => emps[i].maxTotalMinutes),
    minuteCaps: emps.map((emp) =>
      (emp.minuteCaps ?? [])
        .map((cap) => {
          const terms = cap.terms
            .map((t) => ({ d: t.day, s: shiftIndex.get(t.shiftTypeId) ?? -1, minutes: t.minutes }))
            .filter((t) => t.s >= 0 && t.d >= 0 && t.d < D && t.minutes !== 0);
          return {
            maxMinutes: cap.maxMinutes,
            cells: Int32Array.from(terms.map((t) => t.d * S + t.s)),
            minutes: Int32Array.from(terms.map((t) => t.minutes)),
            firstDay: Math.min(...terms.map((t) => t.d)),
            lastDay: Math.max(...terms.map((t) => t.d)),
          };
        })
        .filter((cap) => cap.cells.length > 0),
    ),
    maxCons: ints((i) => emps[i].maxConsecutiveDays),
    minCons: ints((i) => emps[i].minConsecutiveDays),
    minOff: ints((i) => emps[i].minConsecutiveDaysOff),
    maxWeekends: ints((i) => emps[i].maxWeekends),
    dayOff,
    locked,
    cellCost,
    onRequestTotal,
    requirement,
    underWeight,
    overWeight,
    weekends,
    weekendOf,
    integral,
    spreads,
    isolatedWeight,
  };
}

function compileSpreads(
  problem: RosterProblem,
  shiftIndex: Map<string, number>,
  dayOff: Uint8Array,
  maxShifts: Int32Array,
  saturday: number,
): SpreadTerm[] {
  const fairness = problem.fairness;
  if (!fairness) return [];
  const E = problem.employees.length;
  const D = problem.horizonDays;
  const S = problem.shiftTypes.length;
  const allDays = new Uint8Array(D).fill(1);
  const allShifts = new Uint8Array(S).fill(1);
  const nightShifts = new Uint8Array(S);
  for (const id of fairness.nightShiftTypeIds) {
    const s = shiftIndex.get(id);
    if (s !== undefined) nightShifts[s] = 1;
  }
  const weekendDays = new Uint8Array(D);
  for (let d = 0; d < D; d++) if ((((d - saturday) % 7) + 7) % 7 <= 1) weekendDays[d] = 1;
  const holidayDays = new Uint8Array(D);
  for (const d of fairness.holidayDays) if (d >= 0 && d < D) holidayDays[d] = 1;
  const candidates: [SpreadTerm['key'], number, Uint8Array, Uint8Array, (e: number) => boolean][] = [
    ['nights', fairness.nightsWeight, allDays, nightShifts, () => true],
    ['weekends', fairness.weekendsWeight, weekendDays, allShifts, (e) => problem.employees[e].maxWeekends > 0],
    ['holidays', fairness.holidaysWeight, holidayDays, allShifts, () => true],
  ];
  const out: SpreadTerm[] = [];
  for (const [key, weight, day, shift, eligible] of candidates) {
    if (!(weight > 0)) continue;
    const inPool = new Uint8Array(E);
    const pool: number[] = [];
    for (let e = 0; e < E; e++) {
      if (!eligible(e)) continue;
      let able = false;
      for (let s = 0; s < S && !able; s++) {
        if (!shift[s] || maxShifts[e * S + s] === 0) continue;
        for (let d = 0; d < D && !able; d++) if (day[d] && !dayOff[e * D + d]) able = true;
      }
      if (able) {
        inPool[e] = 1;
        pool.push(e);
      }
    }
    if (pool.length === 0) continue;
    const minutes = pool.reduce((sum, e) => sum + problem.employees[e].maxTotalMinutes, 0);
    const share = new Float64Array(E);
    for (const e of pool) share[e] = minutes > 0 ? problem.employees[e].maxTotalMinutes / minutes : 1 / pool.length;
    out.push({ key, weight, day, shift, inPool, share, pool: Int32Array.from(pool) });
  }
  return out;
}

/** Does cell value `s` on day `d` count for `term`? */
export function spreadCounts(term: SpreadTerm, d: number, s: number): boolean {
  return s >= 0 && term.day[d] === 1 && term.shift[s] === 1;
}

/** Per employee, the number of counted cells of `term` worked in `a`. */
export function spreadCountsOf(p: CompiledProblem, term: SpreadTerm, a: Int32Array): Int32Array {
  const n = new Int32Array(p.E);
  for (const e of term.pool) {
    let c = 0;
    for (let d = 0; d < p.D; d++) if (spreadCounts(term, d, a[e * p.D + d])) c++;
    n[e] = c;
  }
  return n;
}

/** weight × Σ_e |N_e − share_e · T| for the given counts. */
export function spreadPenalty(term: SpreadTerm, counts: Int32Array): number {
  let total = 0;
  for (const e of term.pool) total += counts[e];
  let dev = 0;
  for (const e of term.pool) dev += Math.abs(counts[e] - term.share[e] * total);
  return term.weight * dev;
}

/** Is day d of employee e an isolated working day (off on both sides; the edges are not off)? */
export function isIsolated(p: CompiledProblem, a: Int32Array, e: number, d: number): boolean {
  if (d <= 0 || d >= p.D - 1) return false;
  const i = e * p.D + d;
  return a[i] >= 0 && a[i - 1] < 0 && a[i + 1] < 0;
}

/** The fairness part of the objective of assignment `a`. */
export function fairnessOf(p: CompiledProblem, a: Int32Array): number {
  let total = 0;
  for (const term of p.spreads) total += spreadPenalty(term, spreadCountsOf(p, term, a));
  if (p.isolatedWeight !== 0) {
    let n = 0;
    for (let e = 0; e < p.E; e++) for (let d = 1; d < p.D - 1; d++) if (isIsolated(p, a, e, d)) n++;
    total += p.isolatedWeight * n;
  }
  return total;
}

/** May employee e be given shift type s on day d at all (skill, day off, lock)? */
export function cellAllows(p: CompiledProblem, e: number, d: number, s: number): boolean {
  const lock = p.locked[e * p.D + d];
  if (lock !== FREE) return lock === s;
  return p.maxShifts[e * p.S + s] > 0 && p.dayOff[e * p.D + d] === 0;
}

/** The penalty objective of an internal assignment (shift index or OFF per [e*D+d]). */
export function objectiveOf(p: CompiledProblem, a: Int32Array): number {
  const { E, D, S } = p;
  let total = p.onRequestTotal;
  const n = new Int32Array(D * S);
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) {
      const s = a[e * D + d];
      if (s < 0) continue;
      n[d * S + s]++;
      total += p.cellCost[(e * D + d) * S + s];
    }
  }
  for (let k = 0; k < D * S; k++) {
    const diff = p.requirement[k] - n[k];
    total += diff > 0 ? diff * p.underWeight[k] : -diff * p.overWeight[k];
  }
  if (p.spreads.length > 0 || p.isolatedWeight !== 0) total += fairnessOf(p, a);
  return total;
}
