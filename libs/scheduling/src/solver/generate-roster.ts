import type { Highs } from 'highs';
import { bestResponseRow, columnGenerationApplies, improveRows, PatternMaster } from './column-generation';
import { compileProblem, FREE, objectiveOf, OFF, type CompiledProblem } from './compiled-problem';
import { ejectionChains } from './ejection-chain';
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
  /** Proven lower bound on the optimum, when a full MIP or the pattern LP has produced one. */
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
  /**
   * Largest model (binary variables) also solved as one full MIP, warm-started from the best
   * roster so far; default 500. Models up to 500 binaries get it first (it usually proves
   * optimality), larger ones (when allowed here) after the search phase, for the last 40 % of
   * the time limit. On Curtois Instance5, 7 and 8 (700–2,500 binaries) that late full MIP
   * never improved on the search in the runs measured, so by default they only search.
   */
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
/**
 * Safety cap on one sub-MIP, as a share of the time limit (at least 1 s): a block whose root node
 * is slow (cut rounds, sub-MIP heuristics) costs little, so the search makes many more moves.
 */
const SUB_MIP_TIME_SHARE = 1 / 40;
/** Up to this many binaries the full MIP runs right after construction, for 60 % of the time. */
const FULL_MIP_FIRST_MAX_VARIABLES = 500;
/** Share of the time limit given to the search before a later full MIP (mid-size models). */
const SEARCH_SHARE_BEFORE_FULL_MIP = 0.6;
/** Local-search annealing temperature, in multiples of the smallest positive penalty weight. */
const ANNEALING_WEIGHTS = 5;
/**
 * With a time limit, each annealing run is the base number of moves times the limit over this
 * (ms), at most `LONG_ANNEALING_MAX` times (from an 18 s limit on; ~0.5–1 s a run on Curtois).
 */
const LONG_ANNEALING_MS = 600;
const LONG_ANNEALING_MAX = 30;
/**
 * Imbalanced cover cells an LNS iteration starts ejection chains from (each ~0.2–0.5 s on
 * Instance18), only in iterations whose moves failed, resting after fruitless calls. Run whenever
 * the moves failed, 6 cells a call took 3–6 s an iteration and starved the annealing (Instance18,
 * 60 s: 5146 against 4949, seed 1). Gated so, 60 s runs against the code before (same load,
 * interleaved): Instance18 4986/5130, 5024/5226, 5167/5037, 4969/5052 (seeds 1–4), 4876/4970
 * (seed 1 again); Instance14 1388/1401,
 * 1382/1448; Instance8 1345/1455, 1444/1438; Instance5 1144/1150, 1144/1144; Instance10
 * 4659/4656, 4643/4651 — better in 9 of 13 pairs, equal in 1, each within the large run-to-run noise of a busy machine.
 */
const CHAIN_CELLS = 4;
/** Share of LNS blocks built around a cover gap (when there is one). */
const GAP_BLOCK_SHARE = 0.4;
/** Initial LNS block size in binaries; adapted as the search goes. */
const INITIAL_BLOCK_VARS = 150;
const MIN_BLOCK_VARS = 60;
/**
 * Column generation for the pattern LP runs until this share of the time limit at most (models
 * whose LP converges sooner stop sooner). Where it does not converge in a minute (Instance8, 14,
 * 18) a dive from a lower LP starts the search from a better roster, worth more than the time it
 * takes from the search. 60 s runs, seeds 1 and 2, 0.3 against 0.45: Instance8 1431/1427 against
 * 1319/1331, Instance14 1434/1314 against 1343/1335, Instance18 5024/4914 against 4798/4939,
 * Instance10 4639/4631 against 4639/4631; Instance5, 7, 16 (seed 1, 0.45) 1144, 1057, 3226 as
 * before. 0.55 (seed 1): Instance8 1339, 14 1349, 18 4712, within the noise of 0.45.
 */
const COLUMN_GENERATION_SHARE = 0.45;
/** Column generation rounds in the reproducible mode (`maxIterations`), instead of a time share. */
const REPRODUCIBLE_MAX_ROUNDS = 200;
/** Pricing rounds (heuristic) after each fixing in a dive: a few columns, not a converged LP. */
const DIVE_ROUNDS_PER_NODE = 1;
/** A dive that improves nothing and took longer than this share of the time limit ends diving. */
const SLOW_DIVE_SHARE = 0.05;
/** Consecutive dives without improvement that end diving. */
const MAX_FRUITLESS_DIVES = 10;
/** The dive through the pattern LP must finish by this share of the time limit. */
const DIVE_SHARE = 0.7;
/**
 * Rows with more day × shift-type cells than this skip column generation and its dives (the row
 * moves of the search still use the DP): on Instance22 (364 days × 10 shift types) one heuristic
 * pricing round over the 50 rows took ~25 s, and the minute ended at 254337 after the dive
 * instead of 170732 after one round of the search.
 */
const PATTERN_MAX_CELLS = 2000;
/** Rows with more day × shift-type cells than this are constructed feasibility-first (as are all rows of a model over FULL_MIP_FIRST_MAX_VARIABLES). */
const CONSTRUCTION_EXACT_MAX_CELLS = 400;

/**
 * Generates a roster for `problem`: no hard rule broken, minimum penalty as far as the budget
 * allows.
 *
 * 1. Construction: employees in a seeded random order, each one's whole row built against the
 *    marginal cover left by the rows already built: by the row DP where it prices the whole
 *    objective (exactly, or by its beam for long rows), otherwise (or when the beam finds no row)
 *    as a small MIP (HiGHS), exactly for small models and the first feasible row otherwise (the
 *    search repairs quality faster than exact rows build it).
 *    Hard rules are per employee, so this yields a feasible roster whenever each employee's rules
 *    can be met.
 * 2. Models whose rows the DP of `priceRow` prices exactly (no spread fairness term, no minute
 *    caps): column generation over one-row patterns, whose LP (Lagrangian) bound is reported,
 *    then a dive through the pattern LP for a roster (rows up to 2,000 day × shift-type cells),
 *    and exact single-row re-optimisation (each employee's best row against the others' cover)
 *    before and between the search's moves.
 * 2b. Small problems (≤ 500 binaries): the full MIP, warm-started from the construction, which
 *    usually proves optimality; its dual bound is reported.
 * 3. Large neighbourhood search: local search (with annealing; with a time limit each run grows
 *    with it) between MIP neighbourhoods; the row re-optimisation and the MIP neighbourhoods rest
 *    for a few iterations after failing in a row. When the moves fail, ejection chains of exact row
 *    moves around cover imbalances (see `ejectionChains`), resting after failures too. Each MIP neighbourhood
 *    destroys a block (the employees able to fill a cover gap around it, some employees × a window
 *    of days, or many employees × a few days), re-optimises it exactly with HiGHS with the rest
 *    fixed and the incumbent as a MIP start; accept equal or better. The block size adapts: grown
 *    after a proven-optimal block, shrunk after a block that hit its node or time cap.
 * 4. Mid-size problems (over 500 binaries, when `fullMipMaxVariables` allows them): after 60 %
 *    of the time, the full MIP warm-started from the search's best (its solutions and bound
 *    count), then the search again.
 *
 * Deterministic: randomness comes only from `seed`; HiGHS is single-threaded with a fixed seed;
 * each sub-MIP is limited by a node count. The clock stops the search and the full MIPs, and caps
 * a sub-MIP as a safety net (1/40 of the time limit, not with `maxIterations`), so for a seed the
 * result is the same whenever the time limit is not binding with `maxIterations` (which also skips
 * the later full MIP), and otherwise follows the same search path while the clock does not bind.
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
  const variables = countFreeVariables(p);
  const fullMipMax = options.fullMipMaxVariables ?? FULL_MIP_FIRST_MAX_VARIABLES;
  const longRows = D * p.S > CONSTRUCTION_EXACT_MAX_CELLS || variables > Math.min(fullMipMax, FULL_MIP_FIRST_MAX_VARIABLES);
  // Where the row DP prices the whole objective (column generation applies), each row is its
  // best response to the rows built before it, exact or (long rows) by the beam, and the MIP
  // builds only a row the beam misses: on Instance14 the first roster costs 8972 instead of
  // 18156 (feasibility-first MIP rows), on Instance22 258178 instead of 351852.
  const rowConstruction = columnGenerationApplies(p);
  for (const e of rng.shuffle(Array.from({ length: E }, (_, i) => i))) {
    if (options.shouldStop?.()) {
      stoppedByCaller = true;
      constructionFailed = true;
      break;
    }
    const row = rowConstruction ? bestResponseRow({ p, assignment: current, e, beamOnly: longRows }) : undefined;
    if (row) {
      current.set(row, e * D);
      continue;
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

  // 2. Column generation (models whose rows the DP prices exactly): the pattern LP's bound, then
  // a dive through it for a roster, polished by exact single-row re-optimisation.
  const patternSpace = !constructionFailed && columnGenerationApplies(p);
  // Employees whose exact row DP is too wide: their rows are searched by the beam instead.
  let tooWide: Uint8Array = new Uint8Array(E);
  if (patternSpace && D * p.S <= PATTERN_MAX_CELLS && !stop()) {
    phase = 'mip';
    const master = new PatternMaster(highs, p, best);
    try {
      // The phases end at shares of the time limit, except with `maxIterations` (the reproducible
      // mode), where a round count ends column generation and one dive is made, so that the
      // clock decides nothing unless the whole time limit binds.
      const reproducible = options.maxIterations !== undefined;
      const cgUntil = t0 + options.timeLimitMs * COLUMN_GENERATION_SHARE;
      master.generate({
        shouldStop: () => stop() || (!reproducible && now() >= cgUntil),
        maxRounds: reproducible ? REPRODUCIBLE_MAX_ROUNDS : undefined,
        onRound: () => {
          if (master.exact && Number.isFinite(master.bound)) {
            const b = p.integral ? Math.ceil(master.bound - 1e-6) : master.bound;
            bound = Math.max(bound ?? -Infinity, b);
          }
          report();
        },
      });
      if (!proven() && !stop()) {
        // Dives until the share runs out or a slow one brings nothing: the first follows the LP,
        // later ones (seeded) pick among the heaviest rows, since one dive's result varies a lot
        // with a single choice. Cheap dives (Instance5: 0.3 s) go on; a fruitless one that took
        // over 5 % of the time limit (Instance18: ~10 s of 60) ends them, as do 10 fruitless ones
        // in a row (the search then gets the time).
        const diveUntil = t0 + options.timeLimitMs * DIVE_SHARE;
        const diveStop = () => stop() || (!reproducible && now() >= diveUntil);
        let improving = true;
        let fruitless = 0;
        for (let dive = 0; dive < (reproducible ? 1 : Infinity) && improving && !proven() && !diveStop(); dive++) {
          const before = bestObjective;
          const diveStarted = now();
          const dived = master.dive({ shouldStop: diveStop, rng: dive === 0 ? undefined : rng, roundsPerNode: DIVE_ROUNDS_PER_NODE, heuristicOnly: true });
          tooWide = master.tooWide;
          if (dived) accept(improveRows({ p, assignment: dived, order: Array.from({ length: E }, (_, e) => e), shouldStop: stop, tooWide }));
          fruitless = bestObjective < before - 1e-9 ? 0 : fruitless + 1;
          improving = fruitless === 0 || (now() - diveStarted < options.timeLimitMs * SLOW_DIVE_SHARE && fruitless < MAX_FRUITLESS_DIVES);
          report();
        }
      }
      tooWide = master.tooWide;
    } finally {
      master.dispose();
    }
    if (!proven() && !stop()) accept(improveRows({ p, assignment: best, order: Array.from({ length: E }, (_, e) => e), shouldStop: stop, tooWide }));
    report();
  }

  // 3. Full MIP (small problems first, mid-size ones after the search phase).
  const fullMip = (timeLimitSec: number) => {
    phase = 'mip';
    const r = solveBlock(
      highs,
      p,
      best,
      { employees: Array.from({ length: E }, (_, i) => i), from: 0, to: D },
      {
        timeLimitSec,
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
  };
  const fullMipFirst = variables <= Math.min(fullMipMax, FULL_MIP_FIRST_MAX_VARIABLES);
  if (!constructionFailed && fullMipFirst && !proven() && !stop()) fullMip(remainingSec() * 0.6);

  // 4. Local search moves interleaved with MIP neighbourhoods (large neighbourhood search).
  let targetVars = Math.min(INITIAL_BLOCK_VARS, Math.max(MIN_BLOCK_VARS, variables));
  const maxVars = Math.max(MIN_BLOCK_VARS, Math.min(variables, 4000));
  const shiftsOf = Array.from({ length: E }, (_, e) => Array.from({ length: p.S }, (_, s) => s).filter((s) => p.maxShifts[e * p.S + s] > 0));
  // A longer annealing run finds what many short ones do not (60 s on Instance14: 1624–1728 with
  // the base length, 1431 with 30 times it, 1382–1444 with 100 times; Instance8: 1439 → 1353 with
  // 10 times; Instance18 5451 with 30 times, 5623 with 100 times), so with a time limit a run is
  // stretched with the budget (the limit, not the clock: the same input gives the same run). In
  // the reproducible mode an iteration stays the base unit of work.
  const baseMoves = Math.max(5000, Math.min(100_000, Math.round(2_000_000 / Math.max(1, D))));
  const moves = options.maxIterations !== undefined ? baseMoves : Math.round(baseMoves * Math.max(1, Math.min(LONG_ANNEALING_MAX, options.timeLimitMs / LONG_ANNEALING_MS)));
  const temperature = ANNEALING_WEIGHTS * smallestWeight(p);
  // With `maxIterations` (the reproducible mode) only the node count limits a sub-MIP: a
  // wall-clock cap would bind on a busy machine in one run and not in the next.
  const subMipCapSec = options.maxIterations !== undefined ? Infinity : Math.max(1, (options.timeLimitMs / 1000) * SUB_MIP_TIME_SHARE);
  const iterationCapped = () => options.maxIterations !== undefined && iterations >= options.maxIterations;
  // The row re-optimisation and the MIP neighbourhoods cost far more than a round of moves; one
  // that keeps failing rests for a while while the moves improve (deterministically, by outcome,
  // not by the clock), so the moves get the time where they are what improves (Instance14).
  const rowsRest = new Backoff();
  const mipRest = new Backoff();
  const chainRest = new Backoff();
  // Chains re-optimise whole rows: as for the dives, only for rows up to `PATTERN_MAX_CELLS` cells
  // (a precaution for a year of ten shift types, Instance22, where chains were not measured).
  const chains = patternSpace && D * p.S <= PATTERN_MAX_CELLS;
  const search = (until: number) => {
    phase = 'lns';
    while (!constructionFailed && !proven() && !stop() && !iterationCapped() && now() < until) {
      iterations++;
      const beforeMoves = bestObjective;
      const moveSearch = new LocalSearch(p, best, bestObjective, rng);
      moveSearch.run(moves, stop, temperature);
      accept(moveSearch.best);
      // Resting operators only yield to moves that are improving: when the moves fail too, all run.
      const movesImproved = bestObjective < beforeMoves - 1e-9;
      if (stop()) break;
      // Exact best response of single rows (in a seeded order) against the others' cover.
      if (patternSpace && (!movesImproved || rowsRest.due())) {
        const before = bestObjective;
        accept(improveRows({ p, assignment: best, order: rng.shuffle(Array.from({ length: E }, (_, e) => e)), shouldStop: stop, tooWide }));
        rowsRest.record(bestObjective < before - 1e-9);
      }
      if (stop()) break;
      if (chains && !movesImproved && chainRest.due()) {
        const before = bestObjective;
        accept(ejectionChains({ p, assignment: best, rng, cells: CHAIN_CELLS, shouldStop: stop }));
        chainRest.record(bestObjective < before - 1e-9);
      }
      if (stop()) break;
      if (!movesImproved || mipRest.due()) {
        const block = pickBlock(p, rng, targetVars, shiftsOf, best);
        const before = bestObjective;
        const r = solveBlock(highs, p, best, block, {
          timeLimitSec: Math.min(remainingSec(), subMipCapSec),
          maxNodes: SUB_MIP_MAX_NODES,
          incumbentObjective: bestObjective,
          shouldInterrupt: stop,
        });
        if (r.assignment) accept(r.assignment);
        mipRest.record(bestObjective < before - 1e-9);
        targetVars = r.status === 'optimal' ? Math.min(maxVars, targetVars * 1.1) : Math.max(MIN_BLOCK_VARS, targetVars * 0.75);
      }
      report();
    }
  };
  if (!fullMipFirst && variables <= fullMipMax) {
    search(t0 + options.timeLimitMs * SEARCH_SHARE_BEFORE_FULL_MIP);
    if (!constructionFailed && !proven() && !stop() && !iterationCapped()) fullMip(remainingSec());
  }
  search(Infinity);

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

/** Longest rest, in search iterations, of an operator that keeps failing. */
const MAX_REST_ITERATIONS = 4;

/** Rest for an operator of the search: after n fruitless calls in a row it skips min(n, 4) iterations. */
class Backoff {
  private fruitless = 0;
  private rest = 0;
  due(): boolean {
    if (this.rest === 0) return true;
    this.rest--;
    return false;
  }
  record(improved: boolean): void {
    this.fruitless = improved ? 0 : this.fruitless + 1;
    this.rest = Math.min(this.fruitless, MAX_REST_ITERATIONS);
  }
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
 * Picks the next neighbourhood with about `targetVars` binaries: often the employees able to fill
 * a random cover gap of `current` over a window of days around it; otherwise half the time a few
 * employees that share a shift type over a long window (lets them trade shifts), or many
 * employees over a short window (reshuffles who works which day).
 */
function pickBlock(p: CompiledProblem, rng: Prng, targetVars: number, shiftsOf: number[][], current: Int32Array): Block {
  const { E, D, S } = p;
  const avgShifts = Math.max(1, shiftsOf.reduce((sum, list) => sum + list.length, 0) / Math.max(1, E));
  const cells = Math.max(4, targetVars / avgShifts);
  if (rng.next() < GAP_BLOCK_SHARE) {
    const gaps = coverGaps(p, current);
    if (gaps.length > 0) {
      const k = gaps[rng.int(gaps.length)];
      const day = Math.floor(k / S);
      const s = k % S;
      const able = rng.shuffle(
        Array.from({ length: E }, (_, e) => e).filter(
          (e) => p.maxShifts[e * S + s] > 0 && !p.dayOff[e * D + day] && p.locked[e * D + day] === FREE && current[e * D + day] !== s,
        ),
      );
      if (able.length > 0) {
        const n = Math.min(able.length, 2 + rng.int(4));
        const W = Math.max(1, Math.min(D, Math.round(cells / n)));
        const from = Math.max(0, Math.min(D - W, day - rng.int(W)));
        return { employees: able.slice(0, n).sort((a, b) => a - b), from, to: from + W };
      }
    }
  }
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

/** Day × shift-type cells (d·S + s) whose head count is below the requirement, in index order. */
function coverGaps(p: CompiledProblem, current: Int32Array): number[] {
  const { E, D, S } = p;
  const count = new Int32Array(D * S);
  for (let i = 0; i < E * D; i++) if (current[i] >= 0) count[(i % D) * S + current[i]]++;
  const gaps: number[] = [];
  for (let k = 0; k < D * S; k++) if (count[k] < p.requirement[k] && p.underWeight[k] > 0) gaps.push(k);
  return gaps;
}

/** Smallest positive penalty weight (over-cover, under-cover, per-cell request or cost, fairness); 0 if none. */
function smallestWeight(p: CompiledProblem): number {
  let min = Infinity;
  for (const w of p.overWeight) if (w > 0 && w < min) min = w;
  for (const w of p.underWeight) if (w > 0 && w < min) min = w;
  for (const c of p.cellCost) if (c !== 0 && Math.abs(c) < min) min = Math.abs(c);
  for (const term of p.spreads) if (term.weight < min) min = term.weight;
  if (p.isolatedWeight > 0 && p.isolatedWeight < min) min = p.isolatedWeight;
  return Number.isFinite(min) ? min : 0;
}
