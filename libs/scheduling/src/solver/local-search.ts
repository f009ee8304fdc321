import { FREE, isIsolated, OFF, spreadCounts, spreadCountsOf, type CompiledProblem } from './compiled-problem';
import type { Prng } from './prng';

/**
 * Fast moves in plain TypeScript between the MIP neighbourhoods: thousands per second, each
 * checked against the employee's hard rules (a full row check, O(horizon)) and priced
 * incrementally (only the touched cover cells and request weights change).
 *
 * Moves: change one cell (to another allowed shift or off); change a run of 2–3 cells; change or
 * exchange two unrelated days of one employee; swap one day, or a run of days, between two
 * employees (cover unchanged).
 * A move is applied when it does not worsen the objective (plateau moves keep the search moving),
 * or, with a temperature, when it worsens it by less than a random annealing threshold; the best
 * roster seen is kept apart.
 */
export class LocalSearch {
  readonly a: Int32Array;
  objective: number;
  /** Best assignment seen by `run` and its objective. */
  readonly best: Int32Array;
  bestObjective: number;
  /** Largest worsening the current move may make (0 without annealing). */
  private threshold = 0;
  private readonly count: Int32Array;
  private readonly cf: Uint8Array;
  private readonly perType: Int32Array;
  private readonly allowed: number[][];
  private readonly backup: Int32Array;
  private readonly swapped: Uint8Array;
  private readonly days = new Int32Array(16);
  private readonly values = new Int32Array(16);
  /** Fairness bookkeeping (only when the problem has fairness terms). */
  private readonly fair: boolean;
  /** Per spread term: counted cells per employee, their total, and the term's penalty. */
  private readonly spreadN: Int32Array[];
  private readonly spreadT: number[];
  private readonly spreadPen: number[];
  /** Scratch per term: count changes of the move's two employees and the penalty after it. */
  private readonly dN1: Int32Array;
  private readonly dN2: Int32Array;
  private readonly pendingPen: number[];

  constructor(
    private readonly p: CompiledProblem,
    assignment: Int32Array,
    objective: number,
    private readonly rng: Prng,
  ) {
    const { E, D, S } = p;
    this.a = assignment.slice();
    this.objective = objective;
    this.best = this.a.slice();
    this.bestObjective = objective;
    this.count = new Int32Array(D * S);
    for (let e = 0; e < E; e++) for (let d = 0; d < D; d++) if (this.a[e * D + d] >= 0) this.count[d * S + this.a[e * D + d]]++;
    this.cf = new Uint8Array(S * S);
    p.cannotFollow.forEach((list, s) => list.forEach((t) => (this.cf[s * S + t] = 1)));
    this.perType = new Int32Array(S);
    this.allowed = Array.from({ length: E }, (_, e) => Array.from({ length: S }, (_, s) => s).filter((s) => p.maxShifts[e * S + s] > 0));
    this.backup = new Int32Array(16);
    this.swapped = new Uint8Array(16);
    this.fair = p.spreads.length > 0 || p.isolatedWeight !== 0;
    this.spreadN = p.spreads.map((term) => spreadCountsOf(p, term, this.a));
    this.spreadT = this.spreadN.map((n) => n.reduce((sum, c) => sum + c, 0));
    this.spreadPen = p.spreads.map((term, g) => this.spreadPenaltyWith(g, -1, 0, -1, 0));
    this.dN1 = new Int32Array(p.spreads.length);
    this.dN2 = new Int32Array(p.spreads.length);
    this.pendingPen = p.spreads.map(() => 0);
  }

  /** Penalty of spread term g if e1's count changed by c1 and e2's by c2 (−1: no employee). */
  private spreadPenaltyWith(g: number, e1: number, c1: number, e2: number, c2: number): number {
    const term = this.p.spreads[g];
    const n = this.spreadN[g];
    const T = this.spreadT[g] + (e1 >= 0 && term.inPool[e1] ? c1 : 0) + (e2 >= 0 && term.inPool[e2] ? c2 : 0);
    if (T === this.spreadT[g] && e1 >= 0) {
      // Same total: only the two employees' deviations move.
      let delta = 0;
      for (const [e, c] of [[e1, c1], [e2, c2]] as const) {
        if (e < 0 || c === 0 || !term.inPool[e]) continue;
        const target = term.share[e] * T;
        delta += Math.abs(n[e] + c - target) - Math.abs(n[e] - target);
      }
      return this.spreadPen[g] + term.weight * delta;
    }
    let dev = 0;
    for (const e of term.pool) {
      const c = n[e] + (e === e1 ? c1 : 0) + (e === e2 ? c2 : 0);
      dev += Math.abs(c - term.share[e] * T);
    }
    return term.weight * dev;
  }

  /** Count change of spread term g when employee e's cell on day d goes from `from` to `to`. */
  private spreadChange(g: number, d: number, from: number, to: number): number {
    const term = this.p.spreads[g];
    return (spreadCounts(term, d, to) ? 1 : 0) - (spreadCounts(term, d, from) ? 1 : 0);
  }

  /** Isolated working days of employee e among days [lo, hi]. */
  private isolatedIn(e: number, lo: number, hi: number): number {
    let n = 0;
    for (let d = Math.max(1, lo); d <= Math.min(this.p.D - 2, hi); d++) if (isIsolated(this.p, this.a, e, d)) n++;
    return n;
  }

  /** Fairness delta of the move recorded in dN1/dN2 (spread terms), filling pendingPen. */
  private spreadDelta(e1: number, e2: number): number {
    let delta = 0;
    for (let g = 0; g < this.p.spreads.length; g++) {
      if (this.dN1[g] === 0 && this.dN2[g] === 0) {
        this.pendingPen[g] = this.spreadPen[g];
        continue;
      }
      this.pendingPen[g] = this.spreadPenaltyWith(g, e1, this.dN1[g], e2, this.dN2[g]);
      delta += this.pendingPen[g] - this.spreadPen[g];
    }
    return delta;
  }

  /** Makes the move recorded in dN1/dN2 and pendingPen part of the state. */
  private commitSpread(e1: number, e2: number): void {
    for (let g = 0; g < this.p.spreads.length; g++) {
      const term = this.p.spreads[g];
      const n = this.spreadN[g];
      if (term.inPool[e1]) {
        n[e1] += this.dN1[g];
        this.spreadT[g] += this.dN1[g];
      }
      if (e2 >= 0 && term.inPool[e2]) {
        n[e2] += this.dN2[g];
        this.spreadT[g] += this.dN2[g];
      }
      this.spreadPen[g] = this.pendingPen[g];
    }
  }

  /**
   * Runs `iterations` random moves (stopping early when `shouldStop` says so) as simulated
   * annealing from `temperature` (objective units) down to 0 linearly: a worsening move of Δ is
   * accepted with probability exp(−Δ / T). `best`/`bestObjective` keep the best roster seen.
   * Returns the number of improvements of the best.
   */
  run(iterations: number, shouldStop: () => boolean, temperature = 0): number {
    let improved = 0;
    for (let i = 0; i < iterations; i++) {
      if ((i & 1023) === 0 && shouldStop()) break;
      const t = temperature * (1 - i / iterations);
      // Accept Δ ≤ threshold, drawn per move: −T·ln(u) is the annealing rule in threshold form.
      this.threshold = t > 0 ? -t * Math.log(1 - this.rng.next()) : 0;
      const r = this.rng.next();
      const delta =
        r < 0.3 ? this.tryChange(1) : r < 0.4 ? this.tryChange(2 + this.rng.int(2)) : r < 0.55 ? this.tryPair() : r < 0.8 ? this.trySwap(1) : this.trySwap(2 + this.rng.int(6));
      if (delta !== 0 && this.objective < this.bestObjective - 1e-9) {
        this.bestObjective = this.objective;
        this.best.set(this.a);
        improved++;
      }
    }
    return improved;
  }

  private coverCost(k: number, c: number): number {
    const diff = this.p.requirement[k] - c;
    return diff > 0 ? diff * this.p.underWeight[k] : -diff * this.p.overWeight[k];
  }

  /** Cost of moving one head on day d from shift `from` to shift `to` (either may be OFF). */
  private moveCost(d: number, from: number, to: number): number {
    const S = this.p.S;
    let delta = 0;
    if (from >= 0) {
      const k = d * S + from;
      delta += this.coverCost(k, this.count[k] - 1) - this.coverCost(k, this.count[k]);
      this.count[k]--;
    }
    if (to >= 0) {
      const k = d * S + to;
      delta += this.coverCost(k, this.count[k] + 1) - this.coverCost(k, this.count[k]);
      this.count[k]++;
    }
    return delta;
  }

  private cellCost(e: number, d: number, s: number): number {
    return s < 0 ? 0 : this.p.cellCost[(e * this.p.D + d) * this.p.S + s];
  }

  private movable(e: number, d: number): boolean {
    return this.p.locked[e * this.p.D + d] === FREE;
  }

  /** Changes a run of `len` days of one employee to one value. */
  private tryChange(len: number): number {
    const { E, D } = this.p;
    const e = this.rng.int(E);
    const from = this.rng.int(Math.max(1, D - len + 1));
    const value = this.randomValue(e);
    for (let k = 0; k < len && from + k < D; k++) {
      this.days[k] = from + k;
      this.values[k] = value;
    }
    return this.tryCells(e, Math.min(len, D - from));
  }

  /** Changes two unrelated days of one employee (e.g. trade a surplus day for a gap), or swaps them. */
  private tryPair(): number {
    const { E, D } = this.p;
    if (D < 2) return 0;
    const e = this.rng.int(E);
    const d1 = this.rng.int(D);
    let d2 = this.rng.int(D - 1);
    if (d2 >= d1) d2++;
    this.days[0] = d1;
    this.days[1] = d2;
    if (this.rng.next() < 0.5) {
      this.values[0] = this.a[e * D + d2];
      this.values[1] = this.a[e * D + d1];
    } else {
      this.values[0] = this.randomValue(e);
      this.values[1] = this.randomValue(e);
    }
    return this.tryCells(e, 2);
  }

  private randomValue(e: number): number {
    const options = this.allowed[e];
    const pick = this.rng.int(options.length + 1);
    return pick === options.length ? OFF : options[pick];
  }

  /** Applies days[0..n) := values[0..n) to employee e when feasible and not worse; else undoes. */
  private tryCells(e: number, n: number): number {
    const D = this.p.D;
    let delta = 0;
    let changed = 0;
    let lo = 0;
    let hi = 0;
    if (this.fair) {
      this.dN1.fill(0);
      lo = D;
      hi = -1;
      for (let k = 0; k < n; k++) {
        lo = Math.min(lo, this.days[k] - 1);
        hi = Math.max(hi, this.days[k] + 1);
      }
      if (this.p.isolatedWeight !== 0) delta -= this.p.isolatedWeight * this.isolatedIn(e, lo, hi);
    }
    for (let k = 0; k < n; k++) {
      const d = this.days[k];
      const value = this.values[k];
      const i = e * D + d;
      this.backup[k] = this.a[i];
      if (!this.movable(e, d) || this.a[i] === value || (value >= 0 && this.p.dayOff[i])) continue;
      delta += this.moveCost(d, this.a[i], value) + this.cellCost(e, d, value) - this.cellCost(e, d, this.a[i]);
      for (let g = 0; g < this.p.spreads.length; g++) this.dN1[g] += this.spreadChange(g, d, this.a[i], value);
      this.a[i] = value;
      changed++;
    }
    if (this.fair && changed > 0) {
      if (this.p.isolatedWeight !== 0) delta += this.p.isolatedWeight * this.isolatedIn(e, lo, hi);
      delta += this.spreadDelta(e, -1);
    }
    if (changed > 0 && delta <= this.threshold + 1e-9 && this.rowFeasible(e)) {
      if (this.fair) this.commitSpread(e, -1);
      this.objective += delta;
      return delta;
    }
    for (let k = n - 1; k >= 0; k--) {
      const d = this.days[k];
      const i = e * D + d;
      if (this.a[i] !== this.backup[k]) {
        this.moveCost(d, this.a[i], this.backup[k]);
        this.a[i] = this.backup[k];
      }
    }
    return 0;
  }

  private trySwap(len: number): number {
    const { E, D } = this.p;
    if (E < 2) return 0;
    const e1 = this.rng.int(E);
    let e2 = this.rng.int(E - 1);
    if (e2 >= e1) e2++;
    const from = this.rng.int(Math.max(1, D - len + 1));
    const to = Math.min(D, from + len);
    let delta = 0;
    let changed = 0;
    const isolatedWeight = this.p.isolatedWeight;
    if (this.fair) {
      this.dN1.fill(0);
      this.dN2.fill(0);
      if (isolatedWeight !== 0) delta -= isolatedWeight * (this.isolatedIn(e1, from - 1, to) + this.isolatedIn(e2, from - 1, to));
    }
    for (let d = from; d < to; d++) {
      const i1 = e1 * D + d;
      const i2 = e2 * D + d;
      const v1 = this.a[i1];
      const v2 = this.a[i2];
      if (v1 === v2 || !this.movable(e1, d) || !this.movable(e2, d)) continue;
      if ((v2 >= 0 && (this.p.dayOff[i1] || this.p.maxShifts[e1 * this.p.S + v2] === 0)) || (v1 >= 0 && (this.p.dayOff[i2] || this.p.maxShifts[e2 * this.p.S + v1] === 0))) continue;
      delta += this.cellCost(e1, d, v2) - this.cellCost(e1, d, v1) + this.cellCost(e2, d, v1) - this.cellCost(e2, d, v2);
      for (let g = 0; g < this.p.spreads.length; g++) {
        this.dN1[g] += this.spreadChange(g, d, v1, v2);
        this.dN2[g] += this.spreadChange(g, d, v2, v1);
      }
      this.a[i1] = v2;
      this.a[i2] = v1;
      this.swapped[d - from] = 1;
      changed++;
    }
    const undo = () => {
      for (let d = from; d < to; d++) {
        if (this.swapped[d - from] !== 1) continue;
        const i1 = e1 * D + d;
        const i2 = e2 * D + d;
        const v = this.a[i1];
        this.a[i1] = this.a[i2];
        this.a[i2] = v;
      }
    };
    let result = 0;
    if (this.fair && changed > 0) {
      if (isolatedWeight !== 0) delta += isolatedWeight * (this.isolatedIn(e1, from - 1, to) + this.isolatedIn(e2, from - 1, to));
      delta += this.spreadDelta(e1, e2);
    }
    if (changed > 0 && delta <= this.threshold + 1e-9 && this.rowFeasible(e1) && this.rowFeasible(e2)) {
      if (this.fair) this.commitSpread(e1, e2);
      this.objective += delta;
      result = delta;
    } else if (changed > 0) undo();
    this.swapped.fill(0);
    return result;
  }

  /** All hard rules of one employee's row (the generator's own check; evaluateRoster is the independent one). */
  rowFeasible(e: number): boolean {
    const p = this.p;
    const { D, S } = p;
    const base = e * D;
    const perType = this.perType;
    perType.fill(0);
    let minutes = 0;
    let workRun = 0;
    let workStart = 0;
    let offRun = 0;
    let offStart = 0;
    let prev = OFF;
    let weekends = 0;
    let lastWeekend = -1;
    for (let d = 0; d < D; d++) {
      const s = this.a[base + d];
      if (s >= 0) {
        minutes += p.length[s];
        if (++perType[s] > p.maxShifts[e * S + s]) return false;
        if (prev >= 0 && this.cf[prev * S + s]) return false;
        if (offRun > 0) {
          if (offStart > 0 && offRun < p.minOff[e]) return false;
          offRun = 0;
        }
        if (workRun === 0) workStart = d;
        if (++workRun > p.maxCons[e]) return false;
        const w = p.weekendOf[d];
        if (w >= 0 && w !== lastWeekend) {
          lastWeekend = w;
          if (++weekends > p.maxWeekends[e]) return false;
        }
      } else {
        if (workRun > 0) {
          if (workStart > 0 && workRun < p.minCons[e]) return false;
          workRun = 0;
        }
        if (offRun === 0) offStart = d;
        offRun++;
      }
      prev = s;
    }
    if (minutes < p.minMinutes[e] || minutes > p.maxMinutes[e]) return false;
    for (const cap of p.minuteCaps[e]) {
      let inCap = 0;
      for (let k = 0; k < cap.cells.length; k++) {
        const cell = cap.cells[k];
        if (this.a[base + Math.floor(cell / S)] === cell % S) inCap += cap.minutes[k];
      }
      if (inCap > cap.maxMinutes) return false;
    }
    return true;
  }
}
