import type { Highs } from 'highs';
import { FREE, isIsolated, OFF, spreadCounts, spreadCountsOf, type CompiledProblem } from './compiled-problem';

/** A destroyed block: these employees over days [from, to) are re-optimised; everything else is fixed. */
export interface Block {
  employees: number[];
  from: number;
  to: number;
}

export interface SolveBlockOptions {
  /** Safety cap in seconds; the deterministic limit is `maxNodes`. */
  timeLimitSec: number;
  /** Branch-and-bound node limit (deterministic); omit for none. */
  maxNodes?: number;
  /** Polled from HiGHS's interrupt callback. */
  shouldInterrupt?: () => boolean;
  /** Called with the full objective of each improving solution HiGHS finds. */
  onImprovingSolution?: (objective: number, bound: number | undefined) => void;
  /** Relative gap at which the sub-MIP may stop (default 0: prove the block optimal). */
  relativeGap?: number;
  /** Stop at the first feasible block solution (a feasibility solve for construction). */
  firstSolution?: boolean;
  /** Pass the incumbent as a MIP start (default true). */
  warmStart?: boolean;
  /** Full penalty of `incumbent`; turns MIP objective values and bounds into full objective units. */
  incumbentObjective?: number;
}

export interface SolveBlockResult {
  /** `optimal`: the block's optimum was proven; `limit`: stopped early; `none`: no solution. */
  status: 'optimal' | 'limit' | 'none';
  /** The incumbent with the block replaced by the best block solution found (when any). */
  assignment?: Int32Array;
  /** Proven lower bound on the objective over this neighbourhood (full objective units). */
  bound?: number;
  freeCells: number;
}

class RowSet {
  starts: number[] = [0];
  indices: number[] = [];
  values: number[] = [];
  lower: number[] = [];
  upper: number[] = [];
  private acc = new Map<number, number>();
  private constant = 0;
  add(col: number, coef: number): void {
    this.acc.set(col, (this.acc.get(col) ?? 0) + coef);
  }
  addConstant(value: number): void {
    this.constant += value;
  }
  /** Closes the row lo ≤ Σ terms + constant ≤ hi; a row with no variable is dropped. */
  close(lo: number, hi: number): void {
    let n = 0;
    const entries = [...this.acc.entries()].sort((a, b) => a[0] - b[0]);
    for (const [col, coef] of entries) {
      if (coef === 0) continue;
      this.indices.push(col);
      this.values.push(coef);
      n++;
    }
    if (n > 0) {
      this.lower.push(lo - this.constant);
      this.upper.push(hi - this.constant);
      this.starts.push(this.indices.length);
    }
    this.acc.clear();
    this.constant = 0;
  }
}

/**
 * Builds the MIP of `block` with everything outside it fixed to `incumbent`, solves it with
 * HiGHS (warm-started from the incumbent) and returns the improved assignment.
 *
 * Formulation (x[e,d,s] binary; w[e,d] = Σ_s x[e,d,s] is substituted, not a variable):
 * - one shift a day; rest as x[d,s] + Σ_{t ∈ cannotFollow(s)} x[d+1,t] ≤ 1 (aggregated, stronger
 *   than pairwise); per-type caps; contract minutes band;
 * - max consecutive days as sliding windows Σ_{k..k+C} w ≤ C;
 * - min consecutive working days / days off as w[d] − w[d−1] ≤ w[d+k] and
 *   w[d−1] − w[d] + w[d+k] ≤ 1 (horizon-edge blocks exempt);
 * - weekends through indicators y[e,j] ≥ w[sat], y ≥ w[sun], Σ_j y ≤ maxWeekends;
 * - cover as one aggregate row per day × shift type: Σ_e x + under − over = requirement;
 * - fairness (`addFairness`): deviations from the spread targets and isolated days.
 * Rows whose cells are all fixed are dropped; fixed cells move into the row bounds.
 */
export function solveBlock(
  highs: Highs,
  p: CompiledProblem,
  incumbent: Int32Array,
  block: Block,
  options: SolveBlockOptions,
): SolveBlockResult {
  const { D, S } = p;
  const { from, to } = block;
  const W = to - from;
  const inBlock = new Int32Array(p.E).fill(-1);
  block.employees.forEach((e, i) => (inBlock[e] = i));

  const colCost: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const integrality: number[] = [];
  const start: number[] = [];
  const addCol = (cost: number, upper: number, integer: boolean, value: number): number => {
    colCost.push(cost);
    colLower.push(0);
    colUpper.push(upper);
    integrality.push(integer ? 1 : 0);
    start.push(value);
    return colCost.length - 1;
  };

  // x columns for free cells.
  const colOf = new Int32Array(block.employees.length * W * S).fill(-1);
  let freeCells = 0;
  block.employees.forEach((e, i) => {
    for (let d = from; d < to; d++) {
      if (p.locked[e * D + d] !== FREE || p.dayOff[e * D + d]) continue;
      freeCells++;
      for (let s = 0; s < S; s++) {
        if (p.maxShifts[e * S + s] === 0) continue;
        colOf[(i * W + (d - from)) * S + s] = addCol(p.cellCost[(e * D + d) * S + s], 1, true, incumbent[e * D + d] === s ? 1 : 0);
      }
    }
  });
  const isFree = (e: number, d: number) => inBlock[e] >= 0 && d >= from && d < to && p.locked[e * D + d] === FREE && !p.dayOff[e * D + d];

  const rows = new RowSet();
  const x = (e: number, d: number, s: number, coef: number) => {
    if (d < 0 || d >= D) return;
    if (isFree(e, d)) {
      const col = colOf[(inBlock[e] * W + (d - from)) * S + s];
      if (col >= 0) rows.add(col, coef);
    } else if (incumbent[e * D + d] === s) rows.addConstant(coef);
  };
  const w = (e: number, d: number, coef: number) => {
    if (d < 0 || d >= D) return;
    if (isFree(e, d)) for (let s = 0; s < S; s++) x(e, d, s, coef);
    else if (incumbent[e * D + d] !== OFF) rows.addConstant(coef);
  };

  for (const e of block.employees) {
    for (let d = from; d < to; d++) {
      w(e, d, 1);
      rows.close(0, 1);
    }
    for (let d = Math.max(0, from - 1); d < Math.min(to, D - 1); d++) {
      for (let s = 0; s < S; s++) {
        if (p.cannotFollow[s].length === 0) continue;
        x(e, d, s, 1);
        for (const t of p.cannotFollow[s]) x(e, d + 1, t, 1);
        rows.close(-Infinity, 1);
      }
    }
    for (let s = 0; s < S; s++) {
      const cap = p.maxShifts[e * S + s];
      if (cap === 0 || cap >= D) continue;
      for (let d = 0; d < D; d++) x(e, d, s, 1);
      rows.close(-Infinity, cap);
    }
    for (let d = 0; d < D; d++) for (let s = 0; s < S; s++) x(e, d, s, p.length[s]);
    rows.close(p.minMinutes[e], p.maxMinutes[e]);
    for (const cap of p.minuteCaps[e]) {
      if (cap.lastDay < from || cap.firstDay >= to) continue;
      for (let k = 0; k < cap.cells.length; k++) x(e, Math.floor(cap.cells[k] / S), cap.cells[k] % S, cap.minutes[k]);
      rows.close(-Infinity, cap.maxMinutes);
    }

    const C = p.maxCons[e];
    for (let k = Math.max(0, from - C); k + C < D && k < to; k++) {
      for (let d = k; d <= k + C; d++) w(e, d, 1);
      rows.close(-Infinity, C);
    }
    const m = p.minCons[e];
    const mo = p.minOff[e];
    const reach = Math.max(m, mo);
    for (let d = Math.max(1, from - reach); d < D && d <= to; d++) {
      for (let k = 1; k < m && d + k <= D - 1; k++) {
        w(e, d, 1);
        w(e, d - 1, -1);
        w(e, d + k, -1);
        rows.close(-Infinity, 0);
      }
      for (let k = 1; k < mo && d + k <= D - 1; k++) {
        w(e, d - 1, 1);
        w(e, d, -1);
        w(e, d + k, 1);
        rows.close(-Infinity, 1);
      }
    }
    if (p.maxWeekends[e] < p.weekends.length) {
      let fixedWorked = 0;
      const ys: number[] = [];
      for (const days of p.weekends) {
        const anyFree = days.some((d) => isFree(e, d));
        const worked = days.some((d) => incumbent[e * D + d] !== OFF);
        if (!anyFree) {
          if (worked) fixedWorked++;
          continue;
        }
        const y = addCol(0, 1, false, worked ? 1 : 0);
        ys.push(y);
        for (const d of days) {
          rows.add(y, 1);
          w(e, d, -1);
          rows.close(0, Infinity);
        }
      }
      for (const y of ys) rows.add(y, 1);
      rows.close(-Infinity, p.maxWeekends[e] - fixedWorked);
    }
  }

  // Aggregate cover rows for the window.
  for (let d = from; d < to; d++) {
    for (let s = 0; s < S; s++) {
      const k = d * S + s;
      if (p.underWeight[k] === 0 && p.overWeight[k] === 0) continue;
      let fixed = 0;
      let current = 0;
      let anyVar = false;
      for (let e = 0; e < p.E; e++) {
        const worksS = incumbent[e * D + d] === s ? 1 : 0;
        current += worksS;
        if (isFree(e, d)) {
          if (colOf[(inBlock[e] * W + (d - from)) * S + s] >= 0) anyVar = true;
        } else fixed += worksS;
      }
      if (!anyVar) continue;
      for (const e of block.employees) if (isFree(e, d)) x(e, d, s, 1);
      const req = p.requirement[k];
      const under = addCol(p.underWeight[k], Infinity, false, Math.max(0, req - current));
      const over = addCol(p.overWeight[k], Infinity, false, Math.max(0, current - req));
      rows.add(under, 1);
      rows.add(over, -1);
      rows.close(req - fixed, req - fixed);
    }
  }

  addFairness(p, incumbent, block, isFree, addCol, rows, x, w);

  const numCols = colCost.length;
  if (numCols === 0) return { status: 'optimal', assignment: incumbent.slice(), freeCells };
  const numRows = rows.lower.length;
  const inf = highs.infinity;
  const clip = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v);
  const model = highs.createModel({
    numCols,
    numRows,
    colCost: Float64Array.from(colCost),
    colLower: Float64Array.from(colLower),
    colUpper: Float64Array.from(colUpper, clip),
    rowLower: Float64Array.from(rows.lower, clip),
    rowUpper: Float64Array.from(rows.upper, clip),
    matrix: {
      format: 'csr',
      numRows,
      numCols,
      starts: Int32Array.from(rows.starts),
      indices: Int32Array.from(rows.indices),
      values: Float64Array.from(rows.values),
    },
    integrality: Int32Array.from(integrality) as unknown as Int32Array,
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.05, options.timeLimitSec),
      mip_rel_gap: options.relativeGap ?? 0,
      mip_abs_gap: p.integral ? 0.99 : 1e-6,
      random_seed: 0,
    });
    if (options.firstSolution) model.options.set({ mip_max_improving_sols: 1 });
    if (options.maxNodes !== undefined) model.options.set({ mip_max_nodes: options.maxNodes });
    const startCost = colCost.reduce((sum, c, j) => sum + c * start[j], 0);
    if (options.warmStart !== false) model.setSolution({ colValue: Float64Array.from(start) });
    // The MIP objective differs from the full penalty by a constant (fixed cells and rows):
    // the incumbent's penalty minus its MIP objective.
    const offset = options.incumbentObjective === undefined ? Number.NaN : options.incumbentObjective - startCost;
    const cb = highs.constants.callbackType;
    model.run({
      [cb.mipInterrupt](event) {
        if (options.shouldInterrupt?.()) event.interrupt();
      },
      [cb.mipImprovingSolution](event) {
        if (options.onImprovingSolution && Number.isFinite(offset)) {
          const v = event.data.objective_function_value;
          const b = event.data.mip_dual_bound;
          if (v !== undefined) options.onImprovingSolution(v + offset, b !== undefined && Number.isFinite(b) ? b + offset : undefined);
        }
      },
    });
    const solution = model.getSolution();
    const status = model.getModelStatus();
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    if (!hasSolution) return { status: 'none', freeCells };
    const next = incumbent.slice();
    block.employees.forEach((e, i) => {
      for (let d = from; d < to; d++) {
        if (!isFree(e, d)) continue;
        let chosen = OFF;
        for (let s = 0; s < S; s++) {
          const col = colOf[(i * W + (d - from)) * S + s];
          if (col >= 0 && solution.colValue[col] > 0.5) chosen = s;
        }
        next[e * D + d] = chosen;
      }
    });
    const dual = Number(model.info.get('mip_dual_bound'));
    return {
      status: status === highs.constants.modelStatus.optimal ? 'optimal' : 'limit',
      assignment: next,
      bound: Number.isFinite(dual) && Number.isFinite(offset) ? dual + offset : undefined,
      freeCells,
    };
  } finally {
    model.dispose();
  }
}

/**
 * Fairness terms of the block's MIP.
 *
 * Spread (nights, weekends, holidays): the total T = Σ_f N_f is a column t (the team mean moves
 * with the decision), and every pool employee e gets N_e − share_e · t = pos_e − neg_e with
 * pos, neg ≥ 0 at the term's weight: minimising makes pos + neg = |N_e − share_e · T| exactly.
 * Employees outside the block have a constant N_e but their deviation still moves with t, so
 * all pool employees take part (one short row each). Skipped when no counted cell is free.
 *
 * Isolated days: z[e,d] ≥ w[d] − w[d−1] − w[d+1], z ≥ 0 at the weight, for days 1 … D − 2
 * whose window touches a free cell; minimising makes z = 1 exactly on an isolated day.
 */
function addFairness(
  p: CompiledProblem,
  incumbent: Int32Array,
  block: Block,
  isFree: (e: number, d: number) => boolean,
  addCol: (cost: number, upper: number, integer: boolean, value: number) => number,
  rows: RowSet,
  x: (e: number, d: number, s: number, coef: number) => void,
  w: (e: number, d: number, coef: number) => void,
): void {
  const { D, S } = p;
  const { from, to } = block;
  for (const term of p.spreads) {
    const counts = spreadCountsOf(p, term, incumbent);
    let total = 0;
    for (const e of term.pool) total += counts[e];
    // Counted cells of the incumbent that are free here: N_e = fixed_e + Σ free counted x.
    const fixed = Int32Array.from(counts);
    let anyFree = false;
    for (const e of block.employees) {
      if (!term.inPool[e]) continue;
      for (let d = from; d < to; d++) {
        if (!term.day[d] || !isFree(e, d)) continue;
        if (spreadCounts(term, d, incumbent[e * D + d])) fixed[e]--;
        for (let s = 0; s < S; s++) if (term.shift[s] && p.maxShifts[e * S + s] > 0) anyFree = true;
      }
    }
    if (!anyFree) continue;
    const freeCounted = (e: number, coef: number) => {
      if (!term.inPool[e]) return;
      for (let d = from; d < to; d++) {
        if (!term.day[d] || !isFree(e, d)) continue;
        for (let s = 0; s < S; s++) if (term.shift[s]) x(e, d, s, coef);
      }
    };
    let fixedTotal = 0;
    for (const e of term.pool) fixedTotal += fixed[e];
    const t = addCol(0, Infinity, false, total);
    rows.add(t, 1);
    for (const e of block.employees) freeCounted(e, -1);
    rows.close(fixedTotal, fixedTotal);
    const inBlock = new Uint8Array(p.E);
    for (const e of block.employees) inBlock[e] = 1;
    for (const e of term.pool) {
      const deviation = counts[e] - term.share[e] * total;
      const pos = addCol(term.weight, Infinity, false, Math.max(0, deviation));
      const neg = addCol(term.weight, Infinity, false, Math.max(0, -deviation));
      if (inBlock[e]) freeCounted(e, 1);
      rows.add(t, -term.share[e]);
      rows.add(pos, -1);
      rows.add(neg, 1);
      rows.close(-fixed[e], -fixed[e]);
    }
  }
  if (p.isolatedWeight !== 0) {
    for (const e of block.employees) {
      for (let d = Math.max(1, from - 1); d <= Math.min(D - 2, to); d++) {
        if (!isFree(e, d - 1) && !isFree(e, d) && !isFree(e, d + 1)) continue;
        const z = addCol(p.isolatedWeight, 1, false, isIsolated(p, incumbent, e, d) ? 1 : 0);
        rows.add(z, 1);
        w(e, d, -1);
        w(e, d - 1, 1);
        w(e, d + 1, 1);
        rows.close(0, Infinity);
      }
    }
  }
}
