import { cellAllows, FREE, objectiveOf, type CompiledProblem } from './compiled-problem';
import type { Prng } from './prng';
import { priceRow, rowCost } from './price-row';

/** Cell adjustment that forces a row onto (or off) one cell: far above any penalty of a row. */
const FORCE = 1e7;

export interface EjectionChainOptions {
  p: CompiledProblem;
  /** A roster whose rows are all feasible; not modified. */
  assignment: Int32Array;
  /** The cover cell d·S + s the chain starts at: under-covered (filled) or over-covered (vacated). */
  cell: number;
  rng: Prng;
  /** Most rows changed by one chain. */
  maxDepth: number;
  /** Employees tried per link (a seeded sample of those able to take the link's cell). */
  breadth: number;
  /** Days each side of a link's cell that its employee's row is re-optimised over (the rest held). */
  halfWindow: number;
  /**
   * Most a link's row may cost over the row it replaces (marginal cover of the others included):
   * the DP prunes every row above it, which is what makes whole-row links cheap.
   */
  slack: number;
  /** Row DPs one chain may run (a deterministic budget), and the most labels one may keep on a day. */
  maxRowSolves: number;
  maxStates: number;
  shouldStop: () => boolean;
}

/**
 * An ejection chain of exact row moves around a cover imbalance, for rosters where every row is
 * already its own best response (so no single-row move helps): a cover gap is filled by an
 * employee whose row is re-optimised with that cell forced (exactly, by the row DP over a window
 * of days around it, the rest of the row held and marginal cover of the others); the cells that
 * row left and that are now under-covered become the next links (filled the same way by another
 * employee), and the cells it newly took that are now over-covered are vacated the same way (the
 * cell forbidden). The first chain of at most `maxDepth` rows that lowers the whole objective is
 * returned; each step alone usually costs (moving work from an exactly covered cell into a gap
 * is neutral), only the chain gains, e.g. one employee moves from an over-covered cell onto a
 * cell another one leaves for a gap.
 *
 * Depth-first over a seeded sample of `breadth` employees per link; deterministic for the Prng.
 * Returns the improved roster and its objective, or undefined.
 */
export function ejectionChain(options: EjectionChainOptions): { assignment: Int32Array; objective: number } | undefined {
  const { p, rng, maxDepth, breadth, halfWindow, slack, maxRowSolves, maxStates, shouldStop } = options;
  let solves = 0;
  const { E, D, S } = p;
  const a = options.assignment.slice();
  const base = objectiveOf(p, a);
  const count = new Int32Array(D * S);
  for (let i = 0; i < E * D; i++) if (a[i] >= 0) count[(i % D) * S + a[i]]++;
  const adjust = new Float64Array(D * S);
  const used = new Uint8Array(E);
  let found: number | undefined;

  const coverPenalty = (k: number, n: number) => {
    const diff = p.requirement[k] - n;
    return diff > 0 ? diff * p.underWeight[k] : -diff * p.overWeight[k];
  };
  const place = (row: ArrayLike<number>, sign: 1 | -1) => {
    for (let d = 0; d < D; d++) if (row[d] >= 0) count[d * S + row[d]] += sign;
  };

  // fill: k is a cell to take (a gap); otherwise a cell to leave (over-covered).
  const link = (k: number, fill: boolean, depth: number): boolean => {
    const d = Math.floor(k / S);
    const s = k % S;
    const able: number[] = [];
    for (let f = 0; f < E; f++) {
      if (used[f]) continue;
      const cur = a[f * D + d];
      if (fill ? cur !== s && cellAllows(p, f, d, s) : cur === s && p.locked[f * D + d] === FREE) able.push(f);
    }
    const from = Math.max(0, d - halfWindow);
    const to = Math.min(D, d + halfWindow + 1);
    for (const f of rng.shuffle(able).slice(0, breadth)) {
      if (shouldStop() || solves >= maxRowSolves) return false;
      solves++;
      const old = a.slice(f * D, (f + 1) * D);
      place(old, -1);
      for (let c = from * S; c < to * S; c++) adjust[c] = coverPenalty(c, count[c] + 1) - coverPenalty(c, count[c]);
      const upperBound = rowCost(p, f, old, adjust) + slack - (fill ? FORCE : 0);
      adjust[k] += fill ? -FORCE : FORCE;
      const r = priceRow({ p, e: f, cellAdjust: adjust, upperBound, maxStates, window: { from, to, row: old } });
      adjust[k] -= fill ? -FORCE : FORCE;
      if (!r.ok || (fill ? r.row[d] !== s : r.row[d] === s)) {
        place(old, 1);
        continue;
      }
      a.set(r.row, f * D);
      place(r.row, 1);
      const value = objectiveOf(p, a);
      if (value < base - 1e-9) {
        found = value;
        return true;
      }
      if (depth + 1 < maxDepth) {
        used[f] = 1;
        // The imbalances this row made: cells it left that are now short, cells it took that are now over.
        const next: { k: number; fill: boolean }[] = [];
        for (let t = from; t < to; t++) {
          if (old[t] === r.row[t]) continue;
          if (old[t] >= 0 && count[t * S + old[t]] < p.requirement[t * S + old[t]] && p.underWeight[t * S + old[t]] > 0) next.push({ k: t * S + old[t], fill: true });
          if (r.row[t] >= 0 && t * S + r.row[t] !== k && count[t * S + r.row[t]] > p.requirement[t * S + r.row[t]] && p.overWeight[t * S + r.row[t]] > 0) next.push({ k: t * S + r.row[t], fill: false });
        }
        for (const n of next) if (link(n.k, n.fill, depth + 1)) return true;
        used[f] = 0;
      }
      place(r.row, -1);
      a.set(old, f * D);
      place(old, 1);
    }
    return false;
  };

  const k = options.cell;
  const fill = count[k] < p.requirement[k];
  if (!fill && count[k] <= p.requirement[k]) return undefined;
  return link(k, fill, 0) && found !== undefined ? { assignment: a, objective: found } : undefined;
}

/*
 * Measured on Instance18 rosters left by 45 s and 60 s runs (5229 and 5247), one chain from each
 * of their ~70 imbalanced cells: with 3 links × 16 employees, whole rows, slack 5, 100 DPs a chain,
 * 5229 → 5018 in ~16 s (two under-cover units gone) and 5247 → 5143; 2 links, or 3 links × 8
 * employees with 40 DPs, stopped at 5216 on the first. Links over ±7 or ±14 days around the cell
 * (instead of whole rows) reached 5216 and 5246: the rows must move work between distant weeks
 * (an exact all-employee sub-MIP over ±5 days around each gap found no under-cover unit either).
 */
/** Links of a chain (rows changed at most). */
const CHAIN_DEPTH = 3;
/** Employees tried per link. */
const CHAIN_BREADTH = 16;
/** Slack of a link's row over the row it replaces (a few request weights; 2 found as much as 5). */
const CHAIN_SLACK = 5;
/** Row DPs per chain (~0.2–0.5 s on Instance18). */
const CHAIN_ROW_SOLVES = 100;
/** Labels per day of a link's DP; wider rows are skipped (the slack prunes most rows; 2,000 found as much). */
const CHAIN_MAX_STATES = 5000;

/**
 * One pass of ejection chains from up to `cells` imbalanced cover cells (under-covered with a
 * penalty, or over-covered with one) in a seeded order, each improvement kept before the next
 * chain. Returns the (possibly) improved roster.
 */
export function ejectionChains(options: { p: CompiledProblem; assignment: Int32Array; rng: Prng; cells: number; shouldStop: () => boolean }): Int32Array {
  const { p, rng, shouldStop } = options;
  const { E, D, S } = p;
  let a = options.assignment;
  const count = new Int32Array(D * S);
  for (let i = 0; i < E * D; i++) if (a[i] >= 0) count[(i % D) * S + a[i]]++;
  const imbalanced: number[] = [];
  for (let k = 0; k < D * S; k++) {
    if ((count[k] < p.requirement[k] && p.underWeight[k] > 0) || (count[k] > p.requirement[k] && p.overWeight[k] > 0)) imbalanced.push(k);
  }
  for (const cell of rng.shuffle(imbalanced).slice(0, options.cells)) {
    if (shouldStop()) break;
    const r = ejectionChain({
      p,
      assignment: a,
      cell,
      rng,
      maxDepth: CHAIN_DEPTH,
      breadth: CHAIN_BREADTH,
      halfWindow: D,
      slack: CHAIN_SLACK,
      maxRowSolves: CHAIN_ROW_SOLVES,
      maxStates: CHAIN_MAX_STATES,
      shouldStop,
    });
    if (r) a = r.assignment;
  }
  return a;
}
