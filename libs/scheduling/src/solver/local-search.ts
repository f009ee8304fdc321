import { FREE, OFF, type CompiledProblem } from './compiled-problem';
import type { Prng } from './prng';

/**
 * Fast moves in plain TypeScript between the MIP neighbourhoods: thousands per second, each
 * checked against the employee's hard rules (a full row check, O(horizon)) and priced
 * incrementally (only the touched cover cells and request weights change).
 *
 * Moves: change one cell (to another allowed shift or off); change a run of 2–3 cells; swap one
 * day between two employees; swap a run of days between two employees (cover unchanged).
 * A move is applied when it does not worsen the objective (plateau moves keep the search moving).
 */
export class LocalSearch {
  readonly a: Int32Array;
  objective: number;
  private readonly count: Int32Array;
  private readonly cf: Uint8Array;
  private readonly perType: Int32Array;
  private readonly allowed: number[][];
  private readonly backup: Int32Array;
  private readonly swapped: Uint8Array;

  constructor(
    private readonly p: CompiledProblem,
    assignment: Int32Array,
    objective: number,
    private readonly rng: Prng,
  ) {
    const { E, D, S } = p;
    this.a = assignment.slice();
    this.objective = objective;
    this.count = new Int32Array(D * S);
    for (let e = 0; e < E; e++) for (let d = 0; d < D; d++) if (this.a[e * D + d] >= 0) this.count[d * S + this.a[e * D + d]]++;
    this.cf = new Uint8Array(S * S);
    p.cannotFollow.forEach((list, s) => list.forEach((t) => (this.cf[s * S + t] = 1)));
    this.perType = new Int32Array(S);
    this.allowed = Array.from({ length: E }, (_, e) => Array.from({ length: S }, (_, s) => s).filter((s) => p.maxShifts[e * S + s] > 0));
    this.backup = new Int32Array(16);
    this.swapped = new Uint8Array(16);
  }

  /** Runs `iterations` random moves (stopping early when `shouldStop` says so); returns improving moves made. */
  run(iterations: number, shouldStop: () => boolean): number {
    let improved = 0;
    for (let i = 0; i < iterations; i++) {
      if ((i & 1023) === 0 && shouldStop()) break;
      const r = this.rng.next();
      const delta = r < 0.35 ? this.tryChange(1) : r < 0.5 ? this.tryChange(2 + this.rng.int(2)) : r < 0.75 ? this.trySwap(1) : this.trySwap(2 + this.rng.int(6));
      if (delta < -1e-9) improved++;
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

  private tryChange(len: number): number {
    const { E, D } = this.p;
    const e = this.rng.int(E);
    const from = this.rng.int(Math.max(1, D - len + 1));
    const to = Math.min(D, from + len);
    const options = this.allowed[e];
    const pick = this.rng.int(options.length + 1);
    const value = pick === options.length ? OFF : options[pick];
    let delta = 0;
    let changed = 0;
    for (let d = from; d < to; d++) {
      const i = e * D + d;
      this.backup[d - from] = this.a[i];
      if (!this.movable(e, d) || this.a[i] === value || (value >= 0 && this.p.dayOff[i])) continue;
      delta += this.moveCost(d, this.a[i], value) + this.cellCost(e, d, value) - this.cellCost(e, d, this.a[i]);
      this.a[i] = value;
      changed++;
    }
    if (changed > 0 && delta <= 1e-9 && this.rowFeasible(e)) {
      this.objective += delta;
      return delta;
    }
    for (let d = from; d < to; d++) {
      const i = e * D + d;
      if (this.a[i] !== this.backup[d - from]) {
        this.moveCost(d, this.a[i], this.backup[d - from]);
        this.a[i] = this.backup[d - from];
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
    for (let d = from; d < to; d++) {
      const i1 = e1 * D + d;
      const i2 = e2 * D + d;
      const v1 = this.a[i1];
      const v2 = this.a[i2];
      if (v1 === v2 || !this.movable(e1, d) || !this.movable(e2, d)) continue;
      if ((v2 >= 0 && (this.p.dayOff[i1] || this.p.maxShifts[e1 * this.p.S + v2] === 0)) || (v1 >= 0 && (this.p.dayOff[i2] || this.p.maxShifts[e2 * this.p.S + v1] === 0))) continue;
      delta += this.cellCost(e1, d, v2) - this.cellCost(e1, d, v1) + this.cellCost(e2, d, v1) - this.cellCost(e2, d, v2);
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
    if (changed > 0 && delta <= 1e-9 && this.rowFeasible(e1) && this.rowFeasible(e2)) {
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
