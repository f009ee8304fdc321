import { FREE, OFF, type CompiledProblem } from './compiled-problem';

export interface PriceRowInput {
  p: CompiledProblem;
  /** Employee index. */
  e: number;
  /**
   * Extra cost per cell [d·S + s] on top of the employee's own cell cost, e.g. minus the cover
   * duals of a column-generation master, or the marginal cover penalty given the other rows.
   */
  cellAdjust?: Float64Array;
  /**
   * Only rows costing strictly less are wanted (reason `none-cheaper` when there is none), e.g.
   * the cost of a row already known: labels that cannot beat it are pruned, which is what makes
   * pricing fast once column generation is near convergence.
   */
  upperBound?: number;
  /** Also return the next cheapest rows, up to this many rows in all (column generation adds several per round). */
  alternatives?: number;
  /**
   * Heuristic mode: keep at most this many labels per day (those with the best optimistic
   * completion). The row returned is still feasible but not necessarily the cheapest, and
   * `none-cheaper` / `infeasible` then prove nothing.
   */
  beamWidth?: number;
  /**
   * Give up (reason `too-large`) when one day holds more DP states than this: the state space
   * grows with the horizon and the per-type caps, and a long horizon is left to the search.
   */
  maxStates?: number;
  /**
   * Re-optimise days [from, to) only, the other days held at `row`'s values (a feasible row of
   * this employee). The DP still walks the whole horizon, so the window's boundary (runs, rest,
   * weekends, caps, minutes) is checked exactly, but outside the window every label has one
   * choice: a long row's DP stays as narrow as a short one's.
   */
  window?: { from: number; to: number; row: ArrayLike<number> };
}

export type PriceRowResult =
  | {
      ok: true;
      /** The row's own cost (cell costs, isolated days) plus the adjustments of its cells. */
      cost: number;
      /** Shift index or OFF per day. */
      row: Int32Array;
      /** Up to `alternatives` − 1 further rows, next cheapest first (each also below `upperBound`). */
      alternatives: { cost: number; row: Int32Array }[];
      /** Most labels kept on one day: the DP's width, a deterministic measure of its cost. */
      widest: number;
    }
  | { ok: false; reason: 'infeasible' | 'none-cheaper' | 'too-large' | 'unsupported' };

/** Largest backward table over (day, core state, minutes) built for pruning (float64 entries). */
const MAX_UNITS_TAIL = 2_000_000;

/** Default cap on DP states per day (see `PriceRowInput.maxStates`). */
const DEFAULT_MAX_STATES = 200_000;

/**
 * Can `priceRow` price employee e's row exactly? Minute caps (weekly hours) are not tracked by
 * the DP; spread fairness terms couple employees and are never part of a row's cost.
 */
export function rowPricingSupported(p: CompiledProblem, e: number): boolean {
  return p.minuteCaps[e].length === 0;
}

/**
 * The minimum-cost feasible row of one employee, exactly, by dynamic programming over the days.
 *
 * A state after day d is (last shift or off, length of the current run of working days or days
 * off, whether that run started on day 0, worked minutes, weekends worked, shifts of each capped
 * type); the hard rules of one row are all expressible in it:
 * rest (last shift), max consecutive days (run length; days before day 0 count as off), min
 * consecutive working days and days off (checked when a run ends inside the horizon and did not
 * start on day 0: runs touching an edge are exempt), contract minutes band (checked at the end,
 * with states that can no longer reach the minimum pruned), per-type caps, max weekends,
 * days off and locks (the cell choices). Isolated working days (a worked day with a day off on
 * both sides, edges excluded) are charged when the day off after a one-day run starting after
 * day 0 is taken, so they are priced exactly too.
 *
 * Ties are broken by state order, so the result is deterministic.
 */
export function priceRow(input: PriceRowInput): PriceRowResult {
  const { p, e } = input;
  if (!rowPricingSupported(p, e)) return { ok: false, reason: 'unsupported' };
  const { D, S } = p;
  const maxStates = input.maxStates ?? DEFAULT_MAX_STATES;
  const adjust = input.cellAdjust;

  // Minutes in units of the gcd of the lengths, so the state key stays small.
  let unit = 0;
  for (let s = 0; s < S; s++) if (p.maxShifts[e * S + s] > 0 && p.length[s] > 0) unit = gcd(unit, p.length[s]);
  if (unit === 0) unit = 1;
  const lenUnits = Int32Array.from(p.length, (l) => Math.round(l / unit));
  const maxUnits = Math.floor(p.maxMinutes[e] / unit);
  const minUnits = Math.ceil(p.minMinutes[e] / unit);
  if (maxUnits < 0) return { ok: false, reason: 'infeasible' };
  let maxLen = 0;
  for (let s = 0; s < S; s++) if (p.maxShifts[e * S + s] > 0) maxLen = Math.max(maxLen, lenUnits[s]);

  const maxCons = p.maxCons[e];
  const minCons = p.minCons[e];
  const minOff = p.minOff[e];
  const offCap = Math.max(1, minOff);
  const runRadix = Math.max(maxCons, offCap) + 1;
  const maxWeekends = Math.max(0, Math.min(p.maxWeekends[e], p.weekends.length));

  const forbidAfter = new Uint8Array((S + 1) * S);
  for (let s = 0; s < S; s++) for (const t of p.cannotFollow[s]) forbidAfter[(s + 1) * S + t] = 1;

  // Choices per day: OFF and/or the allowed shift types.
  const choices: number[][] = [];
  const window = input.window;
  for (let d = 0; d < D; d++) {
    if (window && (d < window.from || d >= window.to)) {
      choices.push([window.row[d]]);
      continue;
    }
    const lock = p.locked[e * D + d];
    const list: number[] = [];
    // A lock does not lift the other rules: a pinned shift on a day off or of a type the
    // employee may not work leaves no choice (as the evaluator reports it).
    if (lock !== FREE) {
      if (lock === OFF || (!p.dayOff[e * D + d] && p.maxShifts[e * S + lock] > 0)) list.push(lock);
    } else {
      list.push(OFF);
      if (!p.dayOff[e * D + d]) for (let s = 0; s < S; s++) if (p.maxShifts[e * S + s] > 0) list.push(s);
    }
    choices.push(list);
  }
  // Capped shift types (a cap below the days that may take the type can bind) are tracked as
  // counters; outside a window a day may take only the held row's value, so few caps bind there.
  const cappedIndex = new Int32Array(S).fill(-1);
  const caps: number[] = [];
  for (let s = 0; s < S; s++) {
    const cap = p.maxShifts[e * S + s];
    let days = 0;
    for (let d = 0; d < D; d++) if (choices[d].includes(s)) days++;
    if (cap > 0 && cap < days) {
      cappedIndex[s] = caps.length;
      caps.push(cap);
    }
  }
  const nc = caps.length;
  // Key radices; a key space beyond 2^52 cannot be a float64 integer key, so the states are then
  // keyed by strings (slower; Instance22's rows have nine capped types).
  let space = (S + 1) * runRadix * 2 * (maxUnits + 1) * (maxWeekends + 1);
  for (const cap of caps) space *= cap + 1;
  const numericKeys = space <= 2 ** 52;

  // Upper bound on the days still workable from day d on, to prune states that can no longer
  // reach the minimum minutes: any C + offCap consecutive days hold at most C worked ones (C + 1
  // would need an off run shorter than the minimum between two working days, or a run longer
  // than C), so n days hold at most ⌊n / (C + offCap)⌋·C + min(C, the rest). Without the
  // minimum days off in it (offCap 1), the beam kept rows that could no longer reach the minimum
  // minutes and ended with none on Instance22's tight contract bands.
  const workableFrom = new Int32Array(D + 1);
  {
    const best = new Int32Array(D + 1);
    for (let d = D - 1; d >= 0; d--) best[d] = best[d + 1] + (choices[d].some((c) => c >= 0) ? 1 : 0);
    const C = maxCons;
    const period = C + offCap;
    for (let d = 0; d <= D; d++) {
      const n = D - d;
      workableFrom[d] = Math.min(best[d], C > 0 ? Math.floor(n / period) * C + Math.min(C, n % period) : 0);
    }
  }
  // Workable days from day d on that are not weekend days: with w weekends left to work, at most
  // this + 2w more days (+ 1, the rest of a weekend already counted). Rows that must work nearly
  // every weekday lose their feasible labels in the beam without it (Instance22).
  const weekdaysFrom = new Int32Array(D + 1);
  for (let d = D - 1; d >= 0; d--) weekdaysFrom[d] = weekdaysFrom[d + 1] + (p.weekendOf[d] < 0 && choices[d].some((c) => c >= 0) ? 1 : 0);

  /**
   * The rules that need no resource: rest, max consecutive days, min consecutive working days and
   * days off, on the core state (last shift, run length, run touches day 0). Returns the core state
   * after choosing `c` on day d, or −1 when a rule forbids it. Runs are capped (work at maxCons,
   * off at max(1, minOff)) since longer ones behave alike.
   */
  const nCore = (S + 1) * runRadix * 2;
  const coreOf = (last: number, run: number, start: number) => ((last + 1) * runRadix + run) * 2 + start;
  const step = (last: number, run: number, start: number, c: number, d: number): number => {
    if (c >= 0) {
      if (last >= 0) {
        if (forbidAfter[(last + 1) * S + c] || run + 1 > maxCons) return -1;
        return coreOf(c, run + 1, start);
      }
      // An off run ends: it must be long enough unless it touches day 0.
      if ((!start && run < minOff) || maxCons < 1) return -1;
      return coreOf(c, 1, d === 0 ? 1 : 0);
    }
    if (last >= 0) {
      // A working run ends: it must be long enough unless it touches day 0.
      if (!start && run < minCons) return -1;
      return coreOf(OFF, 1, d === 0 ? 1 : 0);
    }
    return coreOf(OFF, Math.min(offCap, run + 1), d === 0 ? 1 : start);
  };
  /** Cost of choosing c on day d after core (last, run, start): the cell, or an isolated day ending. */
  const stepCost = (last: number, run: number, start: number, c: number, d: number): number => {
    if (c >= 0) return p.cellCost[(e * D + d) * S + c] + (adjust ? adjust[d * S + c] : 0);
    // A one-day run that started after day 0, ending before the last day, is an isolated day.
    return last >= 0 && !start && run === 1 ? p.isolatedWeight : 0;
  };
  // Transitions and their costs per day, core state and choice (index c + 1), −1 when forbidden.
  const nChoice = S + 1;
  const trans = new Int32Array(D * nCore * nChoice).fill(-1);
  const transCost = new Float64Array(D * nCore * nChoice);
  for (let d = 0; d < D; d++) {
    for (let k = 0; k < nCore; k++) {
      const start = k % 2;
      const run = Math.floor(k / 2) % runRadix;
      const last = Math.floor(k / (2 * runRadix)) - 1;
      for (const c of choices[d]) {
        const t = (d * nCore + k) * nChoice + c + 1;
        trans[t] = step(last, run, start, c, d);
        transCost[t] = stepCost(last, run, start, c, d);
      }
    }
  }
  // Backward pass over the core states only: tail[d·nCore + k] is the cheapest completion of
  // days d … D − 1 from core state k, a lower bound for any label (the resources only restrict).
  const tail = new Float64Array((D + 1) * nCore);
  for (let d = D - 1; d >= 0; d--) {
    for (let k = 0; k < nCore; k++) {
      let best = Infinity;
      for (const c of choices[d]) {
        const t = (d * nCore + k) * nChoice + c + 1;
        if (trans[t] < 0) continue;
        const v = transCost[t] + tail[(d + 1) * nCore + trans[t]];
        if (v < best) best = v;
      }
      tail[d * nCore + k] = best;
    }
  }
  // With minutes too (when the table is small enough): tailU[((d − lo)·nCore + k)·(maxUnits + 1) + u]
  // is the cheapest completion from core state k on day d with u minute units worked so far that
  // ends inside the contract band. Much tighter than `tail` (a row short of hours must still pay
  // for them). With a window it is kept for days [lo, hi] = [from, to] only: before the window the
  // forward pass holds a single label (nothing to prune), and after it every day has one choice, so
  // the completion from day `to` is one walk per core state (its minutes are the same for all).
  // Building the table over the whole horizon was ~70 % of a windowed DP on Instance18's rows.
  const lo = window ? Math.max(0, Math.min(D, window.from)) : 0;
  const hi = window ? Math.max(lo, Math.min(D, window.to)) : D;
  const unitsRadix = maxUnits + 1;
  const tailU = (hi - lo + 1) * nCore * unitsRadix <= MAX_UNITS_TAIL ? new Float64Array((hi - lo + 1) * nCore * unitsRadix) : undefined;
  if (tailU) {
    let suffixUnits = 0;
    for (let d = hi; d < D; d++) if (choices[d][0] >= 0) suffixUnits += lenUnits[choices[d][0]];
    for (let k = 0; k < nCore; k++) {
      let core = k;
      let cost = 0;
      for (let d = hi; d < D && core >= 0; d++) {
        const t = (d * nCore + core) * nChoice + choices[d][0] + 1;
        core = trans[t];
        cost += transCost[t];
      }
      const at = ((hi - lo) * nCore + k) * unitsRadix;
      for (let u = 0; u < unitsRadix; u++) tailU[at + u] = core >= 0 && u + suffixUnits >= minUnits && u + suffixUnits <= maxUnits ? cost : Infinity;
    }
    // Only the minutes a label can hold on day d are computed: from those worked before the
    // window (the held row's, 0 without a window) up to maxLen a day more, and none from which
    // the minimum is out of reach (the rest of the day's vector stays at Infinity, as the full
    // computation left it): no label reads another entry. Building these tables took ~20–25 % of
    // a 60 s run on Instance14.
    const uFrom = new Int32Array(hi - lo + 1);
    const uTo = new Int32Array(hi - lo + 1);
    let prefixUnits = 0;
    for (let d = 0; d < lo; d++) if (choices[d][0] >= 0) prefixUnits += lenUnits[choices[d][0]];
    for (let d = lo; d <= hi; d++) {
      uFrom[d - lo] = Math.max(prefixUnits, minUnits - maxLen * workableFrom[d]);
      uTo[d - lo] = Math.min(maxUnits, prefixUnits + maxLen * (d - lo));
    }
    // Transition by transition over a minutes vector: a tight typed-array loop, several times
    // faster than the choices per (state, minutes) entry.
    for (let d = hi - 1; d >= lo; d--) {
      const from = uFrom[d - lo];
      const to = uTo[d - lo];
      const nextFrom = uFrom[d + 1 - lo];
      const nextTo = uTo[d + 1 - lo];
      for (let k = 0; k < nCore; k++) {
        const at = ((d - lo) * nCore + k) * unitsRadix;
        tailU.fill(Infinity, at, at + unitsRadix);
        if (tail[d * nCore + k] === Infinity) continue;
        for (const c of choices[d]) {
          const t = (d * nCore + k) * nChoice + c + 1;
          const nk = trans[t];
          if (nk < 0) continue;
          const tc = transCost[t];
          const len = c >= 0 ? lenUnits[c] : 0;
          const next = ((d + 1 - lo) * nCore + nk) * unitsRadix + len;
          for (let u = Math.max(from, nextFrom - len), n = Math.min(to, nextTo - len); u <= n; u++) {
            const v = tc + tailU[next + u];
            if (v < tailU[at + u]) tailU[at + u] = v;
          }
        }
      }
    }
  }
  const bound = (d: number, core: number, units: number) =>
    tailU && d >= lo && d <= hi ? tailU[((d - lo) * nCore + core) * unitsRadix + units] : tail[d * nCore + core];
  // Only rows strictly cheaper than this are wanted (a known row already achieves it).
  const limit = input.upperBound ?? Infinity;

  // Label storage (all days) in growable typed arrays; the parent pointer gives the backtrack.
  let capacity = 1024;
  let lCore = new Int32Array(capacity);
  let lUnits = new Int32Array(capacity);
  let lWeekends = new Int32Array(capacity);
  let lCounts = new Int32Array(capacity * nc);
  let lCost = new Float64Array(capacity);
  let lParent = new Int32Array(capacity);
  let lChoice = new Int32Array(capacity);
  let size = 0;
  const grow = () => {
    capacity *= 2;
    const more = <T extends Int32Array | Float64Array>(a: T, n: number): T => {
      const b = new (a.constructor as { new (n: number): T })(n);
      b.set(a);
      return b;
    };
    lCore = more(lCore, capacity);
    lUnits = more(lUnits, capacity);
    lWeekends = more(lWeekends, capacity);
    lCounts = more(lCounts, capacity * nc);
    lCost = more(lCost, capacity);
    lParent = more(lParent, capacity);
    lChoice = more(lChoice, capacity);
  };

  // The virtual state before day 0: off, in a run that touches the start (exempt).
  lCore[0] = coreOf(OFF, 0, 1);
  lParent[0] = -1;
  lChoice[0] = OFF;
  size = 1;
  let layer: number[] = [0];
  let widest = 1;

  for (let d = 0; d < D; d++) {
    const index = new Map<number | string, number>();
    const next: number[] = [];
    const weekend = p.weekendOf[d];
    const sameWeekendAsPrevious = d > 0 && weekend >= 0 && p.weekendOf[d - 1] === weekend;
    const dayChoices = choices[d];
    const tailNext = (d + 1) * nCore;
    for (const from of layer) {
      const fromCore = lCore[from];
      const last = lChoice[from];
      const units = lUnits[from];
      const weekends = lWeekends[from];
      const base = lCost[from];
      const tBase = (d * nCore + fromCore) * nChoice + 1;
      for (const c of dayChoices) {
        const core = trans[tBase + c];
        if (core < 0) continue;
        const cost = base + transCost[tBase + c];
        if (cost + tail[tailNext + core] >= limit - 1e-9) continue;
        if (c >= 0 && units + lenUnits[c] > maxUnits) continue;
        if (tailU && cost + bound(d + 1, core, c >= 0 ? units + lenUnits[c] : units) >= limit - 1e-9) continue;
        let nUnits = units;
        let nWeekends = weekends;
        let capped = -1;
        if (c >= 0) {
          nUnits += lenUnits[c];
          if (nUnits > maxUnits) continue;
          if (weekend >= 0 && !(sameWeekendAsPrevious && last >= 0)) {
            nWeekends++;
            if (nWeekends > maxWeekends) continue;
          }
          capped = cappedIndex[c];
          if (capped >= 0 && lCounts[from * nc + capped] + 1 > caps[capped]) continue;
        }
        const workable = Math.min(workableFrom[d + 1], weekdaysFrom[d + 1] + 2 * (maxWeekends - nWeekends) + 1);
        if (nUnits + maxLen * workable < minUnits) continue;
        let key: number | string;
        if (numericKeys) {
          key = (core * (maxUnits + 1) + nUnits) * (maxWeekends + 1) + nWeekends;
          for (let i = 0; i < nc; i++) key = key * (caps[i] + 1) + lCounts[from * nc + i] + (i === capped ? 1 : 0);
        } else {
          key = `${core},${nUnits},${nWeekends}`;
          for (let i = 0; i < nc; i++) key += `,${lCounts[from * nc + i] + (i === capped ? 1 : 0)}`;
        }
        const existing = index.get(key);
        if (existing !== undefined) {
          if (cost < lCost[existing] - 1e-12) {
            lCost[existing] = cost;
            lParent[existing] = from;
          }
          continue;
        }
        if (size === capacity) grow();
        const id = size++;
        lCore[id] = core;
        lUnits[id] = nUnits;
        lWeekends[id] = nWeekends;
        for (let i = 0; i < nc; i++) lCounts[id * nc + i] = lCounts[from * nc + i] + (i === capped ? 1 : 0);
        lCost[id] = cost;
        lParent[id] = from;
        lChoice[id] = c;
        index.set(key, id);
        next.push(id);
      }
    }
    layer = nc > 0 || maxWeekends > 0 ? paretoFilter(next) : next;
    if (input.beamWidth !== undefined && layer.length > input.beamWidth) {
      // Heuristic mode: keep the labels with the best optimistic completion cost. Scores are
      // computed once per label, and only the labels scoring at most the beam's last score are
      // ordered (that score comes from a native sort, far faster than a comparator sort of all).
      const ids = layer;
      const n = ids.length;
      const score = new Float64Array(n);
      for (let i = 0; i < n; i++) score[i] = lCost[ids[i]] + bound(d + 1, lCore[ids[i]], lUnits[ids[i]]);
      const kth = score.slice().sort()[input.beamWidth - 1];
      const chosen: number[] = [];
      for (let i = 0; i < n; i++) if (score[i] <= kth) chosen.push(i);
      chosen.sort((a, b) => score[a] - score[b] || ids[a] - ids[b]);
      layer = new Array<number>(input.beamWidth);
      for (let i = 0; i < input.beamWidth; i++) layer[i] = ids[chosen[i]];
    }
    if (layer.length > maxStates) return { ok: false, reason: 'too-large' };
    widest = Math.max(widest, layer.length);
  }

  /**
   * Dominance: among labels with the same core state and minutes (the parts of the state that
   * are two-sided or shape the future), one that costs no more and has used no more weekends and
   * no more shifts of every capped type leaves every completion open to the other at no more
   * cost, so the other is dropped. Sorting by cost means a label only needs comparing against
   * the kept ones before it.
   */
  function paretoFilter(labels: number[]): number[] {
    const n = labels.length;
    const group = new Float64Array(n);
    const cost = new Float64Array(n);
    const used = new Float64Array(n);
    // Keys computed once per label; grouped by a native sort of (group, position) keys, then each
    // group (a few labels) ordered by cost: far faster than one comparator sort of the whole day.
    const keyed = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const id = labels[i];
      group[i] = lCore[id] * (maxUnits + 1) + lUnits[id];
      cost[i] = lCost[id];
      used[i] = usage(id);
      keyed[i] = group[i] * n + i;
    }
    keyed.sort();
    const order = new Array<number>(n);
    for (let i = 0; i < n; i++) order[i] = keyed[i] % n;
    const byCost = (a: number, b: number) => cost[a] - cost[b] || used[a] - used[b] || labels[a] - labels[b];
    for (let i = 0, j = 0; i < n; i = j) {
      for (j = i + 1; j < n && group[order[j]] === group[order[i]]; j++);
      if (j - i > 1) {
        const run = order.slice(i, j).sort(byCost);
        for (let q = i; q < j; q++) order[q] = run[q - i];
      }
    }
    const kept: number[] = [];
    let groupStart = 0;
    for (let i = 0; i < order.length; i++) {
      const id = labels[order[i]];
      if (i > 0 && group[order[i - 1]] !== group[order[i]]) groupStart = kept.length;
      let dominated = false;
      for (let j = groupStart; j < kept.length && !dominated; j++) {
        const other = kept[j];
        if (lWeekends[other] > lWeekends[id]) continue;
        let covers = true;
        for (let q = 0; q < nc && covers; q++) if (lCounts[other * nc + q] > lCounts[id * nc + q]) covers = false;
        dominated = covers;
      }
      if (!dominated) kept.push(id);
    }
    return kept;
  }
  function usage(id: number): number {
    let u = lWeekends[id];
    for (let i = 0; i < nc; i++) u += lCounts[id * nc + i];
    return u;
  }

  const ends = layer.filter((id) => lUnits[id] >= minUnits && lCost[id] < limit - 1e-9).sort((x, y) => lCost[x] - lCost[y] || x - y);
  if (ends.length === 0) return { ok: false, reason: input.upperBound === undefined ? 'infeasible' : 'none-cheaper' };
  const rowOf = (label: number) => {
    const row = new Int32Array(D);
    for (let id = label, d = D - 1; d >= 0; d--) {
      row[d] = lChoice[id];
      id = lParent[id];
    }
    return row;
  };
  // Distinct end labels have distinct histories, hence distinct rows.
  const alternatives = ends.slice(1, input.alternatives ?? 0).map((id) => ({ cost: lCost[id], row: rowOf(id) }));
  return { ok: true, cost: lCost[ends[0]], row: rowOf(ends[0]), widest, alternatives };
}

/** The row's own cost (cell costs and isolated days) plus `cellAdjust` over its worked cells. */
export function rowCost(p: CompiledProblem, e: number, row: ArrayLike<number>, cellAdjust?: Float64Array): number {
  const { D, S } = p;
  let cost = 0;
  for (let d = 0; d < D; d++) {
    const s = row[d];
    if (s < 0) continue;
    cost += p.cellCost[(e * D + d) * S + s] + (cellAdjust ? cellAdjust[d * S + s] : 0);
    if (p.isolatedWeight !== 0 && d > 0 && d < D - 1 && row[d - 1] < 0 && row[d + 1] < 0) cost += p.isolatedWeight;
  }
  return cost;
}

function gcd(a: number, b: number): number {
  a = Math.abs(Math.round(a));
  b = Math.abs(Math.round(b));
  while (b) [a, b] = [b, a % b];
  return a;
}
