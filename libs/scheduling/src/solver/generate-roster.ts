import type { Highs } from 'highs';
import { compileProblem, FREE, objectiveOf, OFF, type CompiledProblem } from './compiled-problem';
import { evaluateRoster } from './evaluate-roster';
import { loadHighs } from './load-highs';
import { LocalSearch } from './local-search';
import { Prng } from './prng';
import type { HardViolation, ObjectiveBreakdown, Roster, RosterProblem } from './roster-problem';
import { solveBlock, type Block } from './solve-block';

export type GenerateRosterPhase = 'construction' | 'mip' | 'lns';

/** A progress event: the incumbent's objective, the proven bound when known, and the gap. */
export interface GenerateRosterProgress {
  phase: GenerateRosterPhase;
  /** Milliseconds since the call started, on the caller's `now` clock. */
  elapsedMs: number;
  /** Objective of the best feasible roster so far (undefined during construction). */
  objective?: number;
  /** Proven lower bound on the optimum, when a full MIP has produced one. */
  bound?: number;
  /** (objective − bound) / objective, when both are known. */
  gap?: number;
  /** LNS iterations completed. */
  iteration: number;
}

export interface GenerateRosterOptions {
  problem: RosterProblem;
  /** Seeds the search's PRNG; same seed and input → same search path. */
  seed: number;
  /** Wall-clock budget in milliseconds (on `now`). The construction always completes. */
  timeLimitMs: number;
  /** Clock in milliseconds, e.g. `() => performance.now()`; the domain never reads the clock itself. */
  now: () => number;
  onProgress?: (progress: GenerateRosterProgress) => void;
  /** Polled often; when it returns true the best roster so far is returned. */
  shouldStop?: () => boolean;
  /** A loaded HiGHS module; loaded once per process when omitted. */
  highs?: Highs;
  /**
   * Cap on large-neighbourhood-search iterations. With it (and a time limit that does not bind)
   * the result is fully deterministic for a seed.
   */
  maxIterations?: number;
  /** Largest model (binary variables) solved as one full MIP before LNS; default 2,500. */
  fullMipMaxVariables?: number;
}

export type GenerateRosterStatus = 'optimal' | 'time-limit' | 'iteration-limit' | 'stopped' | 'infeasible';

export interface GenerateRosterResult {
  /** One row per employee in `problem.employees` order. */
  roster: Roster;
  objective: number;
  breakdown: ObjectiveBreakdown;
  /** Proven lower bound on the optimum, when known (full MIP). Equal to `objective` when optimal. */
  bound?: number;
  /** True when `evaluateRoster` finds no hard violation in `roster`. */
  feasible: boolean;
  hardViolations: HardViolation[];
  timeToFirstFeasibleMs: number;
  timeToBestMs: number;
  status: GenerateRosterStatus;
  iterations: number;
}

/** LNS sub-MIP node limit: the deterministic budget of each neighbourhood solve. */
const SUB_MIP_MAX_NODES = 100;
/** Initial LNS block size in binaries; adapted as the search goes. */
const INITIAL_BLOCK_VARS = 150;
const MIN_BLOCK_VARS = 60;
/** Rows with more day × shift-type cells than this are constructed feasibility-first. */
const CONSTRUCTION_EXACT_MAX_CELLS = 400;

/**
 * Generates a roster for `problem`: no hard rule broken, minimum penalty as far as the budget
 * allows.
 *
 * 1. Construction: employees in a seeded random order, each one's whole row solved exactly as a
 *    small MIP (HiGHS) against the marginal cover left by the rows already built. Hard rules are
 *    per employee, so this yields a feasible roster whenever each employee's rules can be met.
 * 2. Small problems (≤ `fullMipMaxVariables` binaries): the full MIP, warm-started from the
 *    construction, which usually proves optimality; its dual bound is reported.
 * 3. Large neighbourhood search: destroy a block (some employees × a window of days, or many
 *    employees × a few days), re-optimise it exactly with HiGHS with the rest fixed and the
 *    incumbent as a MIP start; accept equal or better. The block size adapts: grown after a
 *    proven-optimal block, shrunk after a block that hit its node limit.
 *
 * Deterministic: randomness comes only from `seed`; HiGHS is single-threaded with a fixed seed;
 * each sub-MIP is limited by a node count. The clock only stops the search (and caps a sub-MIP
 * as a safety net), so for a seed the result is the same whenever the time limit is not binding
 * (e.g. with `maxIterations`), and otherwise a prefix of the same search path.
 */
export async function generateRoster(options: GenerateRosterOptions): Promise<GenerateRosterResult> {
  const highs = options.highs ?? (await loadHighs());
  const { problem, now } = options;
  const t0 = now();
  const deadline = t0 + options.timeLimitMs;
  const elapsed = () => now() - t0;
  let stoppedByCaller = false;
  const stop = () => {
    if (options.shouldStop?.()) stoppedByCaller = true;
    return stoppedByCaller || now() >= deadline;
  };
  const remainingSec = () => Math.max(0, (deadline - now()) / 1000);
  const rng = new Prng(options.seed);
  const p = compileProblem(problem);
  const { E, D } = p;

  // 1. Construction.
  let current: Int32Array = new Int32Array(E * D).fill(OFF);
  for (let i = 0; i < E * D; i++) if (p.locked[i] !== FREE) current[i] = p.locked[i];
  let constructionFailed = false;
  // Long rows (e.g. a year of several shift types) are slow to optimise one by one: take the
  // first feasible row and leave the quality to the search.
  const longRows = D * p.S > CONSTRUCTION_EXACT_MAX_CELLS;
  for (const e of rng.shuffle(Array.from({ length: E }, (_, i) => i))) {
    if (options.shouldStop?.()) {
      stoppedByCaller = true;
      constructionFailed = true;
      break;
    }
    const r = solveBlock(highs, p, current, { employees: [e], from: 0, to: D }, { timeLimitSec: 60, warmStart: false, firstSolution: longRows });
    if (r.assignment) current = r.assignment;
    else constructionFailed = true;
  }
  let best: Int32Array = current;
  let bestObjective = objectiveOf(p, best);
  const timeToFirstFeasibleMs = elapsed();
  let timeToBestMs = timeToFirstFeasibleMs;
  let bound: number | undefined;
  let iterations = 0;
  let phase: GenerateRosterPhase = 'construction';
  const report = () => {
    const gap = bound !== undefined && bestObjective > 0 ? Math.max(0, (bestObjective - bound) / bestObjective) : bound !== undefined ? 0 : undefined;
    options.onProgress?.({ phase, elapsedMs: elapsed(), objective: bestObjective, bound, gap, iteration: iterations });
  };
  const accept = (next: Int32Array): void => {
    const value = objectiveOf(p, next);
    if (value <= bestObjective + 1e-9) {
      if (value < bestObjective - 1e-9) timeToBestMs = elapsed();
      best = next;
      bestObjective = value;
    }
  };
  report();
  // Every objective term is a non-negative penalty, so a roster with objective 0 is optimal
  // without any bound from a MIP (large problems skip the full MIP and would search on).
  const proven = () => bestObjective <= 1e-9 || (bound !== undefined && bestObjective - bound < (p.integral ? 1 - 1e-6 : 1e-6));

  // 2. Full MIP for small problems.
  const variables = countFreeVariables(p);
  if (!constructionFailed && variables <= (options.fullMipMaxVariables ?? 2500) && !stop()) {
    phase = 'mip';
    const r = solveBlock(
      highs,
      p,
      best,
      { employees: Array.from({ length: E }, (_, i) => i), from: 0, to: D },
      {
        timeLimitSec: remainingSec() * 0.6,
        incumbentObjective: bestObjective,
        shouldInterrupt: stop,
        onImprovingSolution: (value, b) => {
          if (value < bestObjective - 1e-9) {
            timeToBestMs = elapsed();
            bestObjective = value;
          }
          if (b !== undefined) bound = Math.max(bound ?? -Infinity, b);
          report();
        },
      },
    );
    bestObjective = objectiveOf(p, best);
    if (r.assignment) accept(r.assignment);
    if (r.bound !== undefined) bound = Math.max(bound ?? -Infinity, Math.min(r.bound, bestObjective));
    if (r.status === 'optimal') bound = bestObjective;
    report();
  }

  // 3. Local search moves interleaved with MIP neighbourhoods (large neighbourhood search).
  phase = 'lns';
  let targetVars = Math.min(INITIAL_BLOCK_VARS, Math.max(MIN_BLOCK_VARS, variables));
  const maxVars = Math.max(MIN_BLOCK_VARS, Math.min(variables, 4000));
  const shiftsOf = Array.from({ length: E }, (_, e) => Array.from({ length: p.S }, (_, s) => s).filter((s) => p.maxShifts[e * p.S + s] > 0));
  const moves = Math.max(5000, Math.min(100_000, Math.round(2_000_000 / Math.max(1, D))));
  while (!constructionFailed && !proven() && !stop()) {
    if (options.maxIterations !== undefined && iterations >= options.maxIterations) break;
    iterations++;
    const search = new LocalSearch(p, best, bestObjective, rng);
    search.run(moves, stop);
    accept(search.a);
    if (stop()) break;
    const block = pickBlock(p, rng, targetVars, shiftsOf);
    const r = solveBlock(highs, p, best, block, {
      timeLimitSec: Math.min(remainingSec(), Math.max(2, options.timeLimitMs / 1000 / 10)),
      maxNodes: SUB_MIP_MAX_NODES,
      incumbentObjective: bestObjective,
      shouldInterrupt: stop,
    });
    if (r.assignment) accept(r.assignment);
    targetVars = r.status === 'optimal' ? Math.min(maxVars, targetVars * 1.1) : Math.max(MIN_BLOCK_VARS, targetVars * 0.75);
    report();
  }

  const roster = toRoster(problem, p, best);
  const evaluation = evaluateRoster(problem, roster);
  const feasible = evaluation.hardViolations.length === 0;
  let status: GenerateRosterStatus;
  if (stoppedByCaller) status = 'stopped';
  else if (!feasible) status = 'infeasible';
  else if (proven()) status = 'optimal';
  else if (options.maxIterations !== undefined && iterations >= options.maxIterations) status = 'iteration-limit';
  else status = 'time-limit';
  return {
    roster,
    objective: evaluation.objective,
    breakdown: evaluation.breakdown,
    ...(bound !== undefined ? { bound: Math.min(bound, evaluation.objective) } : {}),
    feasible,
    hardViolations: evaluation.hardViolations,
    timeToFirstFeasibleMs,
    timeToBestMs,
    status,
    iterations,
  };
}

function countFreeVariables(p: CompiledProblem): number {
  let n = 0;
  for (let e = 0; e < p.E; e++) {
    let allowed = 0;
    for (let s = 0; s < p.S; s++) if (p.maxShifts[e * p.S + s] > 0) allowed++;
    for (let d = 0; d < p.D; d++) if (p.locked[e * p.D + d] === FREE && !p.dayOff[e * p.D + d]) n += allowed;
  }
  return n;
}

/**
 * Picks the next neighbourhood with about `targetVars` binaries: half the time a few employees
 * that share a shift type over a long window (lets them trade shifts), otherwise many employees
 * over a short window (reshuffles who works which day).
 */
function pickBlock(p: CompiledProblem, rng: Prng, targetVars: number, shiftsOf: number[][]): Block {
  const { E, D } = p;
  const avgShifts = Math.max(1, shiftsOf.reduce((sum, list) => sum + list.length, 0) / Math.max(1, E));
  const cells = Math.max(4, targetVars / avgShifts);
  if (rng.next() < 0.5 || E <= 2) {
    const W = D <= 42 ? D : Math.min(D, 14 + 7 * rng.int(5));
    const from = rng.int(D - W + 1);
    const k = Math.max(2, Math.min(E, Math.round(cells / W)));
    const first = rng.int(E);
    const sharing = new Set(shiftsOf[first]);
    const pool = rng.shuffle(Array.from({ length: E }, (_, i) => i).filter((e) => e !== first));
    const related = pool.filter((e) => shiftsOf[e].some((s) => sharing.has(s)));
    const others = pool.filter((e) => !shiftsOf[e].some((s) => sharing.has(s)));
    const employees = [first, ...related, ...others].slice(0, k).sort((a, b) => a - b);
    return { employees, from, to: from + W };
  }
  const W = Math.max(2, Math.min(D, Math.round(cells / E) + rng.int(3)));
  const k = Math.max(2, Math.min(E, Math.round(cells / W)));
  const from = rng.int(D - W + 1);
  const employees = rng
    .shuffle(Array.from({ length: E }, (_, i) => i))
    .slice(0, k)
    .sort((a, b) => a - b);
  return { employees, from, to: from + W };
}

function toRoster(problem: RosterProblem, p: CompiledProblem, a: Int32Array): Roster {
  return problem.employees.map((emp, e) => ({
    employeeId: emp.id,
    days: Array.from({ length: p.D }, (_, d) => {
      const s = a[e * p.D + d];
      return s === OFF ? null : problem.shiftTypes[s].id;
    }),
  }));
}
