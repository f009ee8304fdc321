import { Channel, Instant } from '../model/types';
import { Coverage } from './compute-coverage';
import { CoverageLanguageRequirement, CoverageRule } from './coverage-rule';
import { formatIsoUtc } from '../time';

/**
 * `uncovered`: a plain rule (no language, no channel) with nobody present anywhere in the gap.
 * `understaffed`: a plain rule with somebody, but fewer than required, all through the gap.
 * `language` / `channel`: a language rule (or language + channel rule) / a channel rule not met.
 * `single-point`: a warning, see `findGaps`.
 */
export type GapSeverity = 'uncovered' | 'understaffed' | 'language' | 'channel' | 'single-point';

export interface Gap {
  /**
   * Stable across rescans while the gap starts at the same instant: `gap:<ruleId>:<start UTC ISO>`
   * for shortfalls (so an `uncovered` gap that becomes `understaffed` keeps its id) and
   * `single-point:<ruleId>:<start UTC ISO>` for warnings.
   */
  id: string;
  ruleId: string;
  ruleName: string;
  severity: GapSeverity;
  level: 'error' | 'warning';
  /** [start, end) in UTC epoch ms, on bucket boundaries. */
  start: Instant;
  end: Instant;
  /** Largest head-count required in the gap. */
  required: number;
  /** Fewest eligible agents present in the gap. */
  present: number;
  /** Missing agent-hours summed over the gap (0 for single-point warnings). */
  shortfallAgentHours: number;
  language?: CoverageLanguageRequirement;
  channel?: Channel;
}

const MINUTE_MS = 60_000;

/**
 * Finds the gaps of every rule in `coverage` (or only of `rules`, when given; their current
 * names are used). A shortfall gap is a maximal run of consecutive buckets where the rule is
 * required, present < required, and the severity is the same: for a plain rule a run is split
 * where nobody (`uncovered`) turns into too few (`understaffed`), so the heatmap can outline the
 * empty desk apart from the thin one; language and channel gaps are never split. `required` is
 * the largest and `present` the smallest head-count in the run.
 *
 * Single-point (warning): inside one demand window of a rule whose required head-count is 1
 * (a maximal run of buckets where the rule requires somebody, e.g. 08:00–22:00, or the whole
 * range for 24/7), a maximal run of buckets with exactly one eligible agent present, reported
 * only when the window is longer than the longest eligible shift overlapping it — so no
 * single person can cover the window and the desk is hand-carried by one person at a time.
 * A window cut by `from`/`to` is measured as cut.
 *
 * Output is sorted by start, then rule id, then severity, so it is stable.
 */
export function findGaps(input: {
  coverage: Coverage;
  rules?: readonly CoverageRule[];
  includeSinglePoint?: boolean;
}): Gap[] {
  const { coverage } = input;
  const step = coverage.granularityMinutes * MINUTE_MS;
  const bucketStart = (i: number) => coverage.from + i * step;
  const bucketEnd = (i: number) => Math.min(coverage.to, coverage.from + (i + 1) * step);
  const wanted = input.rules ? new Map(input.rules.map((rule) => [rule.id, rule])) : null;
  const gaps: Gap[] = [];

  for (const series of coverage.rules) {
    if (wanted && !wanted.has(series.ruleId)) continue;
    const ruleName = wanted?.get(series.ruleId)?.name ?? series.ruleName;
    const extra = {
      ...(series.language ? { language: { ...series.language } } : {}),
      ...(series.channel ? { channel: series.channel } : {}),
    };
    const { required, present } = series;

    // Severity per bucket as a small code (0 = met or not required); hot loop, no allocation.
    const codes: GapSeverity[] = ['uncovered', 'understaffed', 'language', 'channel'];
    const fixedCode = series.language ? 3 : series.channel ? 4 : 0;
    const severityAt = (i: number): number => {
      if (i >= coverage.bucketCount) return 0;
      const need = required[i];
      const have = present[i];
      if (need === 0 || have >= need) return 0;
      return fixedCode !== 0 ? fixedCode : have === 0 ? 1 : 2;
    };

    let runStart = -1;
    let runSeverity = 0;
    let maxRequired = 0;
    let minPresent = Infinity;
    let shortfallMs = 0;
    for (let i = 0; i <= coverage.bucketCount; i += 1) {
      const severity = severityAt(i);
      if (runStart >= 0 && severity !== runSeverity) {
        const start = bucketStart(runStart);
        gaps.push({
          id: `gap:${series.ruleId}:${formatIsoUtc(start)}`,
          ruleId: series.ruleId,
          ruleName,
          severity: codes[runSeverity - 1],
          level: 'error',
          start,
          end: bucketEnd(i - 1),
          required: maxRequired,
          present: minPresent,
          shortfallAgentHours: Math.round((shortfallMs / 3_600_000) * 1000) / 1000,
          ...extra,
        });
        runStart = -1;
      }
      if (severity !== 0) {
        if (runStart < 0) {
          runStart = i;
          runSeverity = severity;
          maxRequired = 0;
          minPresent = Infinity;
          shortfallMs = 0;
        }
        maxRequired = Math.max(maxRequired, required[i]);
        minPresent = Math.min(minPresent, present[i]);
        shortfallMs += (required[i] - present[i]) * (bucketEnd(i) - bucketStart(i));
      }
    }

    if (input.includeSinglePoint === false) continue;
    for (const window of series.windows) {
      const windowMinutes = (bucketEnd(window.endIndex - 1) - bucketStart(window.startIndex)) / MINUTE_MS;
      if (window.longestShiftMinutes === 0 || windowMinutes <= window.longestShiftMinutes) continue;
      let start = -1;
      for (let i = window.startIndex; i <= window.endIndex; i += 1) {
        const lone = i < window.endIndex && required[i] === 1 && present[i] === 1;
        if (lone && start < 0) start = i;
        if (!lone && start >= 0) {
          const startMs = bucketStart(start);
          gaps.push({
            id: `single-point:${series.ruleId}:${formatIsoUtc(startMs)}`,
            ruleId: series.ruleId,
            ruleName,
            severity: 'single-point',
            level: 'warning',
            start: startMs,
            end: bucketEnd(i - 1),
            required: 1,
            present: 1,
            shortfallAgentHours: 0,
            ...extra,
          });
          start = -1;
        }
      }
    }
  }

  return gaps.sort(
    (a, b) =>
      a.start - b.start ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : 0),
  );
}
