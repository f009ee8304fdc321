import type { CoverageBucket, Gap } from '@shiftdesk/shared-api-contract';

/**
 * How well one local hour is covered: `met`, `short` (fewer than required), `uncovered`
 * (nobody where someone is required), `outside` (no rule asks for anyone), or `none` (the hour
 * does not exist that day, e.g. 02:00 on a spring-forward Sunday, or no data).
 */
export type CellState = 'met' | 'short' | 'uncovered' | 'outside' | 'none';

export interface HeatCell {
  date: string;
  hour: number;
  state: CellState;
  /** Fewest agents on shift in any in-window bucket of the hour (null when outside the window). */
  present: number | null;
  /** Most agents any rule asks for in the hour (0 outside the window). */
  required: number;
  /** [start, end) of the hour's buckets, epoch ms; NaN for `none`. */
  start: number;
  end: number;
  /** An error-level gap touches the hour: the cell is outlined. */
  inGap: boolean;
}

export interface HeatRow {
  hour: number;
  cells: HeatCell[];
}

const RANK: Record<CellState, number> = { none: 0, outside: 1, met: 2, short: 3, uncovered: 4 };

/** One bucket against the rules (only `ruleId`'s when given); a rule requiring 0 is outside. */
export function classifyBucket(bucket: CoverageBucket, ruleId?: string): CellState {
  const rules = bucket.rules.filter((rule) => (!ruleId || rule.ruleId === ruleId) && rule.required > 0);
  if (!rules.length) return 'outside';
  if (rules.every((rule) => rule.met || rule.present >= rule.required)) return 'met';
  return rules.some((rule) => !rule.met && rule.present === 0) ? 'uncovered' : 'short';
}

/**
 * Hour rows × day columns from coverage buckets whose `localStart` is in the display zone. An
 * hour takes the WORST state of its buckets (a 15-minute hole makes the hour short), so a
 * hole is never averaged away. Buckets of a repeated hour (fall-back) fall into one cell.
 */
export function buildHeatmap(input: { buckets: readonly CoverageBucket[]; dates: readonly string[]; gaps: readonly Gap[]; ruleId?: string }): HeatRow[] {
  const { buckets, dates, ruleId } = input;
  const gaps = input.gaps.filter((gap) => gap.level === 'error' && (!ruleId || gap.ruleId === ruleId)).map((gap) => [Date.parse(gap.start), Date.parse(gap.end)] as const);
  const byCell = new Map<string, CoverageBucket[]>();
  for (const bucket of buckets) {
    const key = bucket.localStart.slice(0, 13);
    const list = byCell.get(key) ?? [];
    list.push(bucket);
    byCell.set(key, list);
  }
  return Array.from({ length: 24 }, (_, hour) => ({
    hour,
    cells: dates.map((date) => {
      const cellBuckets = byCell.get(`${date}T${String(hour).padStart(2, '0')}`) ?? [];
      if (!cellBuckets.length) return { date, hour, state: 'none' as const, present: null, required: 0, start: NaN, end: NaN, inGap: false };
      let state: CellState = 'none';
      let present: number | null = null;
      let required = 0;
      let start = Infinity;
      let end = -Infinity;
      for (const bucket of cellBuckets) {
        const bucketState = classifyBucket(bucket, ruleId);
        if (RANK[bucketState] > RANK[state]) state = bucketState;
        start = Math.min(start, Date.parse(bucket.start));
        end = Math.max(end, Date.parse(bucket.end));
        for (const rule of bucket.rules) {
          if ((ruleId && rule.ruleId !== ruleId) || rule.required <= 0) continue;
          required = Math.max(required, rule.required);
          present = present === null ? rule.present : Math.min(present, rule.present);
        }
      }
      const inGap = gaps.some(([gapStart, gapEnd]) => gapStart < end && gapEnd > start);
      return { date, hour, state, present, required, start, end, inGap };
    }),
  }));
}

/** Short words for the legend and for screen readers. */
export const CELL_STATE_LABELS: Readonly<Record<CellState, string>> = {
  met: 'Met',
  short: 'Short',
  uncovered: 'Uncovered',
  outside: 'Outside window',
  none: 'No such hour',
};
