import type { Highs } from 'highs';
import { OFF, type CompiledProblem } from './compiled-problem';
import type { Prng } from './prng';
import { priceRow, rowCost, rowPricingSupported } from './price-row';

/** One employee's feasible row and its own cost (cell costs and isolated days). */
interface Pattern {
  row: Int32Array;
  cost: number;
  /** Column index in the LP master. */
  col: number;
}

/** Labels per day kept by the heuristic pricing rounds. */
const PRICING_BEAM = 300;

/**
 * Most DP labels on one day for an exact pricing (or row improvement): beyond it the row is
 * priced by the beam instead, and no bound is claimed. Measured on Curtois rows with cover duals
 * of the order of the weights: up to ~1,500 labels for Instance5/7/11/16, ~17,000 for 8 and 18,
 * ~170,000 for 14 (a minute or more per round there).
 */
export const EXACT_MAX_STATES = 20_000;

/** An exact pricing round retries a row over `EXACT_MAX_STATES` with this many times the cap. */
const EXACT_ROUND_WIDER = 4;

/** Columns a pricing round may add per employee (the cheapest rows of its DP). */
const COLUMNS_PER_EMPLOYEE = 3;

/** Labels on one day of a pricing window above which that employee's next windows are halved. */
const PRICING_WINDOW_MAX_LABELS = 1000;

/**
 * Windowed pricing (see `priceRound`) only for models up to this many employee × day × shift-type
 * cells: on Instance20 (50 × 182 × 6) one round took ~10 s of the 18 s given to column generation
 * and the minute ended at 8188 against 7767 without it.
 */
const WINDOWED_PRICING_MAX_CELLS = 20_000;

/** A randomised dive fixes one of this many heaviest fractional rows. */
const DIVE_CHOICES = 3;

/** Share of the free employees a dive fixes per LP when no row is integral. */
const DIVE_FIX_SHARE = 0.15;

/** Reduced costs above this are not negative enough to add a column (numerical noise). */
const REDUCED_COST_EPS = 1e-6;

/** Can the pattern master model `p` exactly? (No coupling fairness term; every row priceable.) */
export function columnGenerationApplies(p: CompiledProblem): boolean {
  return p.spreads.length === 0 && p.minuteCaps.every((caps) => caps.length === 0);
}

/**
 * The set-partitioning ("pattern") form of the roster problem and its LP relaxation, solved by
 * column generation.
 *
 * Master: λ[e,π] ≥ 0 chooses pattern π of employee e (Σ_π λ[e,π] = 1); per cover cell k,
 * Σ λ·a[π,k] + under_k − over_k = requirement_k with under/over at their penalty weights;
 * objective Σ cost(π)·λ + Σ weights · slacks + Σ shift-on weights (the penalty's constant).
 * Every hard rule lives inside a pattern (a feasible row), so this LP is much tighter than the
 * cell MIP's relaxation. Pricing is exact (`priceRow`): with duals y_k on the cover rows and
 * μ_e on employee e's convexity row, the cheapest row under cell costs c − y has reduced cost
 * rc_e = cost − μ_e, and LP + Σ_e min(0, rc_e) is a valid lower bound on the optimum at every
 * iteration (the Lagrangian bound); at convergence it equals the LP value.
 */
export class PatternMaster {
  readonly patterns: Pattern[][];
  private readonly model: ReturnType<Highs['createModel']>;
  private readonly coverRow: Int32Array;
  private readonly coverCells: number[];
  private numCols = 0;
  private seen: Set<string>[];
  /** Best valid lower bound on the full objective so far (−∞ before the first pricing). */
  bound = -Infinity;
  /** LP value (full objective units) of the last solve. */
  lpValue = Infinity;
  /** True once a pricing round found no negative reduced cost. */
  converged = false;
  /** False when some row cannot be priced by the DP at all (or the LP failed): then no bound is valid. */
  exact = true;
  lastDuals: Float64Array | undefined;
  /** Employees whose exact DP is too wide (`EXACT_MAX_STATES`): priced by the beam only. */
  readonly tooWide: Uint8Array;
  /** Per employee, the days of a window of the windowed pricing (halved when one was too wide). */
  private readonly windowDays: Int32Array;
  /** Rows longer than a pricing window, in a model small enough for windowed pricing. */
  private readonly windowedPricing: boolean;
  /** Per employee, the pattern it is fixed to during a dive (null: free). */
  private readonly fixed: (Pattern | null)[];
  lastPrimal: Float64Array | undefined;

  constructor(
    private readonly highs: Highs,
    private readonly p: CompiledProblem,
    seed: Int32Array,
    /** Labels per day of the heuristic pricing rounds (tests narrow it to make the beam miss). */
    private readonly pricingBeam = PRICING_BEAM,
  ) {
    const { E, D, S } = p;
    this.coverRow = new Int32Array(D * S).fill(-1);
    this.coverCells = [];
    for (let k = 0; k < D * S; k++) {
      if (p.underWeight[k] === 0 && p.overWeight[k] === 0) continue;
      this.coverRow[k] = E + this.coverCells.length;
      this.coverCells.push(k);
    }
    const numRows = E + this.coverCells.length;
    const rowLower = new Float64Array(numRows);
    for (let e = 0; e < E; e++) rowLower[e] = 1;
    this.coverCells.forEach((k, i) => (rowLower[E + i] = p.requirement[k]));
    // Slack columns: under (+1) and over (−1) per cover row, at their weights.
    const colCost: number[] = [];
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    this.coverCells.forEach((k, i) => {
      colCost.push(p.underWeight[k]);
      indices.push(E + i);
      values.push(1);
      starts.push(indices.length);
      colCost.push(p.overWeight[k]);
      indices.push(E + i);
      values.push(-1);
      starts.push(indices.length);
    });
    this.numCols = colCost.length;
    const inf = highs.infinity;
    this.model = highs.createModel({
      numCols: colCost.length,
      numRows,
      colCost: Float64Array.from(colCost),
      colLower: new Float64Array(colCost.length),
      colUpper: new Float64Array(colCost.length).fill(inf),
      rowLower,
      rowUpper: Float64Array.from(rowLower),
      matrix: { format: 'csc', numRows, numCols: colCost.length, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    });
    this.model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex', random_seed: 0 });
    this.patterns = Array.from({ length: E }, () => []);
    this.fixed = new Array<Pattern | null>(E).fill(null);
    this.tooWide = new Uint8Array(E);
    this.windowDays = new Int32Array(E).fill(ROW_WINDOW_DAYS);
    this.windowedPricing = D > ROW_WINDOW_DAYS && E * D * S <= WINDOWED_PRICING_MAX_CELLS;
    this.seen = Array.from({ length: E }, () => new Set<string>());
    for (let e = 0; e < E; e++) this.addPattern(e, seed.subarray(e * D, (e + 1) * D));
  }

  /** Adds employee e's row as a column unless it is already there; returns its pattern. */
  addPattern(e: number, row: ArrayLike<number>): Pattern {
    const { D, S } = this.p;
    const copy = Int32Array.from(row);
    const key = copy.join(',');
    if (this.seen[e].has(key)) return this.patterns[e].find((pt) => pt.row.join(',') === key) as Pattern;
    this.seen[e].add(key);
    const indices: number[] = [e];
    const values: number[] = [1];
    for (let d = 0; d < D; d++) {
      const s = copy[d];
      if (s === OFF) continue;
      const r = this.coverRow[d * S + s];
      if (r >= 0) {
        indices.push(r);
        values.push(1);
      }
    }
    const cost = rowCost(this.p, e, copy);
    this.model.addCol(cost, 0, this.highs.infinity, { indices, values });
    const pattern = { row: copy, cost, col: this.numCols++ };
    this.patterns[e].push(pattern);
    return pattern;
  }

  /** Solves the restricted master LP; false if HiGHS did not reach an optimum. */
  solveLp(): boolean {
    this.model.run();
    if (this.model.getModelStatus() !== this.highs.constants.modelStatus.optimal) return false;
    const solution = this.model.getSolution();
    this.lastDuals = Float64Array.from(solution.rowDual);
    this.lastPrimal = Float64Array.from(solution.colValue);
    this.lpValue = this.model.getObjectiveValue() + this.p.onRequestTotal;
    return true;
  }

  /**
   * One pricing round on the last LP duals: the cheapest row of every employee (in `order`) is
   * added when its reduced cost is negative. Returns the number of columns added; updates the
   * Lagrangian bound when every row was priced exactly.
   */
  price(shouldStop: () => boolean, heuristicOnly = false): number {
    // A beam-limited (fast, inexact) round first; the exact round, which alone yields a bound
    // and proves convergence, only when the heuristic finds no improving column.
    const added = this.priceRound(shouldStop, this.pricingBeam);
    return added > 0 || heuristicOnly ? added : this.priceRound(shouldStop, undefined);
  }

  private priceRound(shouldStop: () => boolean, beamWidth: number | undefined): number {
    const { E, D, S } = this.p;
    const y = this.lastDuals;
    if (!y) return 0;
    const adjust = new Float64Array(D * S);
    for (let k = 0; k < D * S; k++) adjust[k] = this.coverRow[k] >= 0 ? -y[this.coverRow[k]] : 0;
    let added = 0;
    let lagrangian = this.lpValue;
    // With employees fixed (diving) the LP is no longer a relaxation of the whole problem.
    let complete = this.fixed.every((f) => f === null);
    for (let e = 0; e < E; e++) {
      if (this.fixed[e] !== null) continue;
      if (shouldStop()) {
        complete = false;
        break;
      }
      // The cheapest known pattern bounds the search: only a cheaper row is worth finding.
      let known = Infinity;
      let knownRow: Int32Array | undefined;
      for (const pt of this.patterns[e]) {
        let c = pt.cost;
        for (let d = 0; d < D; d++) if (pt.row[d] !== OFF) c += adjust[d * S + pt.row[d]];
        if (c < known) {
          known = c;
          knownRow = pt.row;
        }
      }
      // An exact round tries every row exactly again (near convergence the bound to beat prunes
      // most labels, so a row too wide early on may fit now); too wide, the beam stands in.
      let beam = beamWidth;
      let r = priceRow({ p: this.p, e, cellAdjust: adjust, upperBound: known, beamWidth: beam, maxStates: EXACT_MAX_STATES, alternatives: COLUMNS_PER_EMPLOYEE });
      // The exact round alone gives a bound, and runs only once the beam finds nothing: a row
      // just over the cap is worth a wider DP there. Instance8 has one such row (exact in ~1.5 s at
      // the wider cap): 60 s runs gave bounds 1271 and 1249 (seeds 1, 2) where there was none, with
      // objectives 1336 and 1352 (1343 before, seed 1); Instance5, 10, 14, 16, 18 no worse.
      if (beamWidth === undefined && !r.ok && r.reason === 'too-large') {
        r = priceRow({ p: this.p, e, cellAdjust: adjust, upperBound: known, maxStates: EXACT_MAX_STATES * EXACT_ROUND_WIDER, alternatives: COLUMNS_PER_EMPLOYEE });
      }
      if (!r.ok && r.reason === 'too-large') {
        this.tooWide[e] = 1;
        beam = this.pricingBeam;
        r = priceRow({ p: this.p, e, cellAdjust: adjust, upperBound: known, beamWidth: beam, alternatives: COLUMNS_PER_EMPLOYEE });
      }
      // Several columns per employee and round: fewer rounds (LP solves, DPs) to converge.
      if (r.ok) for (const alt of r.alternatives) if (alt.cost - y[e] < -REDUCED_COST_EPS && this.addPattern(e, alt.row).col === this.numCols - 1) added++;
      if (beam !== undefined && this.windowedPricing) {
        // The beam alone stalls on long rows (Instance18: its LP stopped at ~6060, above rosters
        // the search finds); exact windows over the cheapest known pattern (another column than
        // the beam's) find the columns it misses (LP 4706 after 30 rounds; from the beam's row, 5062).
        // Wide windows are slow (or give up at the label cap): narrower ones next time (Instance14's
        // 28-day windows reach ~20,000 labels, 2.5 s a round against 1 s with 14 days; Instance18's
        // stay under 1,000 and move the LP further per second at 28 days than at 14 or 21).
        const w = improveRowByWindows({ p: this.p, e, row: knownRow as Int32Array, cellAdjust: adjust, cost: known, shouldStop, windowDays: this.windowDays[e] });
        if (w.split || w.widest > PRICING_WINDOW_MAX_LABELS) this.windowDays[e] = Math.max(MIN_ROW_WINDOW_DAYS, Math.floor(this.windowDays[e] / 2));
        if (w.cost - y[e] < -REDUCED_COST_EPS && this.addPattern(e, w.row).col === this.numCols - 1) added++;
      }
      if (beam !== undefined) {
        // A heuristic row proves nothing: without the exact one, this round gives no bound.
        if (beamWidth === undefined) complete = false;
        if (r.ok && r.cost - y[e] < -REDUCED_COST_EPS && this.addPattern(e, r.row).col === this.numCols - 1) added++;
        continue;
      }
      if (!r.ok && r.reason !== 'none-cheaper') {
        this.exact = false;
        complete = false;
        continue;
      }
      const reduced = (r.ok ? r.cost : known) - y[e];
      if (reduced < 0) lagrangian += reduced;
      if (r.ok && reduced < -REDUCED_COST_EPS) {
        const before = this.patterns[e].length;
        this.addPattern(e, r.row);
        if (this.patterns[e].length > before) added++;
      }
    }
    if (beamWidth === undefined && complete && this.exact) {
      this.bound = Math.max(this.bound, lagrangian);
      if (added === 0) this.converged = true;
    }
    return added;
  }

  /**
   * Column generation until convergence, `shouldStop`, or (for an integral objective) until the
   * rounded-up bound reaches the rounded-up LP value, where more columns cannot raise it.
   */
  generate(options: { shouldStop: () => boolean; maxRounds?: number; onRound?: () => void; heuristicOnly?: boolean }): void {
    const maxRounds = options.maxRounds ?? 10_000;
    for (let round = 0; round < maxRounds && !options.shouldStop(); round++) {
      if (!this.solveLp()) {
        this.exact = false;
        return;
      }
      const added = this.price(options.shouldStop, options.heuristicOnly);
      options.onRound?.();
      if (added === 0) return;
      if (this.p.integral && Math.ceil(this.bound - 1e-6) >= this.lpValue - 1e-6) return;
    }
  }

  /** Employee e's pattern with the largest LP weight in the last solve, and that weight. */
  heaviestPattern(e: number): { pattern: Pattern; weight: number } {
    let best = this.patterns[e][0];
    let weight = -1;
    for (const pt of this.patterns[e]) {
      const v = this.lastPrimal?.[pt.col] ?? 0;
      if (v > weight) {
        weight = v;
        best = pt;
      }
    }
    return { pattern: best, weight };
  }

  /** Fixes employee e to pattern `keep` in the LP (its other patterns bounded to 0), or frees it (null). */
  fixEmployee(e: number, keep: Pattern | null): void {
    this.fixed[e] = keep;
    for (const pt of this.patterns[e]) this.model.changeColBounds(pt.col, 0, keep === null || pt === keep ? this.highs.infinity : 0);
  }

  /**
   * Diving heuristic: repeatedly fixes the free employees whose LP row is (nearly) integral, or
   * else the one with the heaviest pattern, and re-generates columns for the others, until every
   * employee is fixed. Returns the resulting assignment (every row a feasible pattern), or
   * undefined when stopped first. Fixings are undone at the end, so the master stays usable.
   */
  dive(options: { shouldStop: () => boolean; roundsPerNode?: number; heuristicOnly?: boolean; rng?: Prng }): Int32Array | undefined {
    const { E, D } = this.p;
    let result: Int32Array | undefined;
    try {
      while (!options.shouldStop()) {
        this.generate({ shouldStop: options.shouldStop, maxRounds: options.roundsPerNode ?? 50, heuristicOnly: options.heuristicOnly });
        if (!this.lastPrimal || options.shouldStop()) return undefined;
        const candidates: { e: number; weight: number }[] = [];
        let fixedAny = false;
        for (let e = 0; e < E; e++) {
          if (this.fixed[e] !== null) continue;
          const { pattern, weight } = this.heaviestPattern(e);
          if (weight > 1 - 1e-6) {
            this.fixEmployee(e, pattern);
            fixedAny = true;
          } else candidates.push({ e, weight });
        }
        if (!fixedAny && candidates.length > 0) {
          // The heaviest patterns, a share of the free rows at a time (one LP per employee is too
          // slow on 40+ employees); with `rng`, the first one of the three heaviest instead of the
          // heaviest (another dive path).
          candidates.sort((a, b) => b.weight - a.weight || a.e - b.e);
          if (options.rng) {
            const i = options.rng.int(Math.min(DIVE_CHOICES, candidates.length));
            [candidates[0], candidates[i]] = [candidates[i], candidates[0]];
          }
          const n = Math.max(1, Math.ceil(candidates.length * DIVE_FIX_SHARE));
          for (const pick of candidates.slice(0, n)) this.fixEmployee(pick.e, this.heaviestPattern(pick.e).pattern);
        }
        if (this.fixed.every((f) => f !== null)) {
          result = new Int32Array(E * D);
          this.fixed.forEach((pt, e) => result?.set((pt as Pattern).row, e * D));
          return result;
        }
      }
      return undefined;
    } finally {
      for (let e = 0; e < E; e++) if (this.fixed[e] !== null) this.fixEmployee(e, null);
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}

/**
 * Re-optimises single rows: for each employee in `order`, the cheapest feasible row given
 * everybody else's (the cover penalty is linear in one employee's cells: working cell k costs
 * f_k(n_k + 1) − f_k(n_k) with n_k the others' head count), replacing the row when strictly
 * better. Exact by the DP, except for employees marked in `tooWide` (or found too wide here, then
 * marked), whose rows are searched by the beam. Repeats sweeps until none improves or
 * `shouldStop`. Returns the improved assignment.
 */
export function improveRows(options: { p: CompiledProblem; assignment: Int32Array; order: number[]; shouldStop: () => boolean; tooWide?: Uint8Array }): Int32Array {
  const { p, order, shouldStop } = options;
  const { E, D, S } = p;
  const tooWide = options.tooWide ?? new Uint8Array(E);
  const a = options.assignment.slice();
  const count = new Int32Array(D * S);
  for (let i = 0; i < E * D; i++) if (a[i] >= 0) count[(i % D) * S + a[i]]++;
  const adjust = new Float64Array(D * S);
  let improved = true;
  while (improved && !shouldStop()) {
    improved = false;
    for (const e of order) {
      if (shouldStop()) break;
      for (let d = 0; d < D; d++) if (a[e * D + d] >= 0) count[d * S + a[e * D + d]]--;
      for (let k = 0; k < D * S; k++) adjust[k] = coverPenalty(p, k, count[k] + 1) - coverPenalty(p, k, count[k]);
      let current = rowCost(p, e, a.subarray(e * D, (e + 1) * D), adjust);
      let r = tooWide[e] ? undefined : priceRow({ p, e, cellAdjust: adjust, upperBound: current, maxStates: EXACT_MAX_STATES });
      if (r === undefined || (!r.ok && r.reason === 'too-large')) {
        tooWide[e] = 1;
        // Exact over windows of the row first (the rest of the row held), then the beam over the
        // whole row, which can move work between distant weeks.
        const windowed = improveRowByWindows({ p, e, row: a.subarray(e * D, (e + 1) * D), cellAdjust: adjust, cost: current, shouldStop });
        if (windowed.cost < current - 1e-9) {
          a.set(windowed.row, e * D);
          current = windowed.cost;
          improved = true;
        }
        r = priceRow({ p, e, cellAdjust: adjust, upperBound: current, beamWidth: PRICING_BEAM });
      }
      if (r.ok && r.cost < current - 1e-9) {
        a.set(r.row, e * D);
        improved = true;
      }
      for (let d = 0; d < D; d++) if (a[e * D + d] >= 0) count[d * S + a[e * D + d]]++;
    }
  }
  return a;
}

/**
 * Employee e's cheapest feasible row against the other rows of `assignment` (marginal cover
 * penalty, as in `improveRows`), ignoring e's own row there: exact when the DP is narrow enough,
 * by the beam otherwise (or with `beamOnly`, for long rows). Undefined when no row was found (the beam can miss a feasible one) or
 * the DP does not apply. Builds a roster row by row far faster than a MIP per row.
 */
export function bestResponseRow(options: { p: CompiledProblem; assignment: Int32Array; e: number; beamOnly?: boolean }): Int32Array | undefined {
  const { p, assignment, e } = options;
  if (!rowPricingSupported(p, e)) return undefined;
  const { E, D, S } = p;
  const count = new Int32Array(D * S);
  for (let f = 0; f < E; f++) {
    if (f === e) continue;
    for (let d = 0; d < D; d++) if (assignment[f * D + d] >= 0) count[d * S + assignment[f * D + d]]++;
  }
  const adjust = new Float64Array(D * S);
  for (let k = 0; k < D * S; k++) adjust[k] = coverPenalty(p, k, count[k] + 1) - coverPenalty(p, k, count[k]);
  let r = options.beamOnly ? undefined : priceRow({ p, e, cellAdjust: adjust, maxStates: EXACT_MAX_STATES });
  if (r === undefined || (!r.ok && r.reason === 'too-large')) {
    // The beam's cost grows with the horizon: on long rows a narrower one builds the roster in
    // a fraction of the time (Instance22, 364 days: ~0.5 s a row at 300 labels a day).
    const width = Math.max(CONSTRUCTION_MIN_BEAM, Math.min(PRICING_BEAM, Math.round(CONSTRUCTION_BEAM_LABEL_DAYS / p.D)));
    r = priceRow({ p, e, cellAdjust: adjust, beamWidth: width });
  }
  return r.ok ? r.row : undefined;
}

/** Beam labels × days of a construction row by the beam (300 labels a day up to 84 days). */
const CONSTRUCTION_BEAM_LABEL_DAYS = 25_200;
const CONSTRUCTION_MIN_BEAM = 30;

/** Under- or over-cover penalty of cover cell k staffed by n. */
function coverPenalty(p: CompiledProblem, k: number, n: number): number {
  const diff = p.requirement[k] - n;
  return diff > 0 ? diff * p.underWeight[k] : -diff * p.overWeight[k];
}

/** Days re-optimised at once by `improveRowByWindows`; windows overlap by half. */
const ROW_WINDOW_DAYS = 28;
/** Shortest window tried when a window's DP is still too wide (it is halved down to this). */
const MIN_ROW_WINDOW_DAYS = 7;

/**
 * Exact re-optimisation of one row over overlapping windows of days, the row outside each window
 * held (see `PriceRowInput.window`): for rows whose whole-row DP is too wide (long horizons,
 * several capped shift types), each window's DP is narrow. A window still too wide is split in
 * halves. Returns the improved row and its cost (row cost plus `cellAdjust`), or the input,
 * whether a window had to be split and the most labels on a day of the windows that improved the
 * row (a caller calling again may start with narrower windows).
 */
export function improveRowByWindows(options: {
  p: CompiledProblem;
  e: number;
  row: ArrayLike<number>;
  cellAdjust: Float64Array;
  cost: number;
  shouldStop: () => boolean;
  windowDays?: number;
}): { row: Int32Array; cost: number; split: boolean; widest: number } {
  const { p, e, cellAdjust, shouldStop } = options;
  const D = p.D;
  let row: Int32Array = Int32Array.from(options.row);
  let cost = options.cost;
  let split = false;
  let widest = 0;
  const optimise = (from: number, to: number): void => {
    if (shouldStop()) return;
    const r = priceRow({ p, e, cellAdjust, upperBound: cost, maxStates: EXACT_MAX_STATES, window: { from, to, row } });
    if (r.ok) {
      row = r.row;
      cost = r.cost;
      widest = Math.max(widest, r.widest);
    } else if (r.reason === 'too-large' && to - from >= 2 * MIN_ROW_WINDOW_DAYS) {
      split = true;
      const mid = from + Math.floor((to - from) / 2);
      optimise(from, mid);
      optimise(mid, to);
    }
  };
  const W = Math.min(D, options.windowDays ?? ROW_WINDOW_DAYS);
  const step = Math.max(1, Math.floor(W / 2));
  for (let from = 0; from < D && !shouldStop(); from += step) {
    optimise(from, Math.min(D, from + W));
    if (from + W >= D) break;
  }
  return { row, cost, split, widest };
}
