import {
  Channel,
  CHANNELS,
  Instant,
  LANGUAGE_LEVELS,
  LanguageLevel,
  Result,
  SchedulingAgent,
  Shift,
} from '../model/types';
import { CoverageLanguageRequirement, CoverageRule, expandCoverageRule } from './coverage-rule';

/*
 * Coverage over fixed buckets of `granularityMinutes`, starting at `from` (UTC epoch ms).
 *
 * Partial buckets: an agent counts in a bucket only when present for the WHOLE bucket
 * [bucketStart, bucketEnd). A shift starting at 08:10 therefore first counts in the 08:15
 * bucket (15-min grid), and a 30-minute break from 12:10 removes the agent from the 12:00,
 * 12:15 and 12:30 buckets. This never reports a bucket as covered when somebody was missing
 * for part of it, which is what gap detection needs. A bucket REQUIRES a rule's head-count
 * when any part of it lies inside the rule's demand, for the same reason.
 *
 * Speed: each agent's presence becomes a few [firstBucket, lastBucket) ranges which are added
 * to difference arrays (+1 at the first, −1 after the last) and prefix-summed once, so the cost
 * is O(shifts + buckets × series), not O(shifts × buckets).
 */

export const DEFAULT_COVERAGE_GRANULARITY_MINUTES = 15;

const MINUTE_MS = 60_000;
/** Upper bound on the span computed in one call, to keep memory bounded (≈ 2 years). */
const MAX_RANGE_DAYS = 800;

/** Counts per bucket for one language at one level; counts include better levels (native ⊂ fluent ⊂ basic). */
export interface LanguageCoverageSeries {
  code: string;
  level: LanguageLevel;
  counts: Int32Array;
}

export interface ChannelCoverageSeries {
  channel: Channel;
  counts: Int32Array;
}

/** A maximal run of buckets in which a rule requires somebody: [startIndex, endIndex). */
export interface CoverageRuleWindow {
  startIndex: number;
  endIndex: number;
  /** Longest shift (start→end, breaks included), in minutes, of an eligible agent overlapping the run; 0 if none. */
  longestShiftMinutes: number;
}

export interface RuleCoverageSeries {
  ruleId: string;
  ruleName: string;
  language?: CoverageLanguageRequirement;
  channel?: Channel;
  /** Head-count required per bucket (0 = outside the rule's windows). */
  required: Int32Array;
  /** Eligible agents present for the whole bucket. */
  present: Int32Array;
  windows: CoverageRuleWindow[];
}

/**
 * Compact coverage. Bucket `i` spans [from + i·granularity, min(to, from + (i+1)·granularity)).
 * Series are in a stable order: languages by code then level (native, fluent, basic),
 * channels in `CHANNELS` order, rules in input order.
 */
export interface Coverage {
  from: Instant;
  to: Instant;
  granularityMinutes: number;
  bucketCount: number;
  /** Agents present (on shift, not on break) for the whole bucket. */
  total: Int32Array;
  languages: LanguageCoverageSeries[];
  channels: ChannelCoverageSeries[];
  rules: RuleCoverageSeries[];
}

export type CoverageErrorReason = 'invalid-granularity' | 'invalid-range';

export interface ComputeCoverageInput {
  /** Start of the first bucket, UTC epoch ms. */
  from: Instant;
  /** Exclusive end, UTC epoch ms; the last bucket is shorter when the span is not a whole number of buckets. */
  to: Instant;
  /** 5..60 and a divisor of 1440 (so buckets tile whole days); default 15. */
  granularityMinutes?: number;
  /**
   * Final, resolved shifts. Every shift counts, drafts and inactive agents included (filter
   * before calling to preview only published shifts). Shifts of agents missing from `agents`
   * count only in `total` and for their own channel.
   */
  shifts: readonly Shift[];
  agents: readonly SchedulingAgent[];
  rules: readonly CoverageRule[];
}

interface MaskedSegment {
  start: Instant;
  end: Instant;
  mask: number;
}

const CHANNEL_BIT = new Map<Channel, number>(CHANNELS.map((channel, index) => [channel, 1 << index]));
const LEVEL_RANK = new Map<LanguageLevel, number>(LANGUAGE_LEVELS.map((level, index) => [level, index]));

function channelMask(channels: readonly Channel[]): number {
  let mask = 0;
  for (const channel of channels) mask |= CHANNEL_BIT.get(channel) ?? 0;
  return mask;
}

/** Presence of a shift: its span minus its breaks (clipped to the span), half-open. */
function presenceOf(shift: Shift, mask: number, out: MaskedSegment[]): void {
  if (!(shift.end > shift.start)) return;
  if (shift.breaks.length === 0) {
    out.push({ start: shift.start, end: shift.end, mask });
    return;
  }
  const breaks = shift.breaks.length === 1 ? shift.breaks : [...shift.breaks].sort((a, b) => a.start - b.start);
  let cursor = shift.start;
  for (const pause of breaks) {
    const pauseStart = Math.max(pause.start, shift.start);
    const pauseEnd = Math.min(pause.end, shift.end);
    if (pauseEnd <= pauseStart) continue;
    if (pauseStart > cursor) out.push({ start: cursor, end: pauseStart, mask });
    cursor = Math.max(cursor, pauseEnd);
  }
  if (shift.end > cursor) out.push({ start: cursor, end: shift.end, mask });
}

/**
 * Streams the union of the segments whose mask shares a bit with `mask` (segments sorted by
 * start; touching ones merged, so back-to-back shifts fill a bucket) into `emit`, without
 * building intermediate arrays: this runs once per agent and dimension on every request.
 */
function emitUnion(segments: readonly MaskedSegment[], mask: number, emit: (start: Instant, end: Instant) => void): void {
  let start = NaN;
  let end = NaN;
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    if ((segment.mask & mask) === 0) continue;
    if (segment.start <= end) {
      if (segment.end > end) end = segment.end;
    } else {
      if (start === start) emit(start, end);
      start = segment.start;
      end = segment.end;
    }
  }
  if (start === start) emit(start, end);
}

function meetsLanguage(agent: SchedulingAgent | undefined, requirement: CoverageLanguageRequirement | undefined): boolean {
  if (!requirement) return true;
  if (!agent) return false;
  const needed = LEVEL_RANK.get(requirement.minLevel) ?? 0;
  return agent.languages.some(
    (skill) => skill.code === requirement.code && (LEVEL_RANK.get(skill.level) ?? Infinity) <= needed,
  );
}

/**
 * Computes coverage per bucket: agents present, per language (at-least-level counts), per
 * channel, and for each rule its required and present head-count. See the file comment for
 * the whole-bucket definition. Returns a typed failure for a bad granularity or range.
 */
export function computeCoverage(input: ComputeCoverageInput): Result<Coverage, CoverageErrorReason> {
  const granularityMinutes = input.granularityMinutes ?? DEFAULT_COVERAGE_GRANULARITY_MINUTES;
  const { from, to } = input;
  if (
    !Number.isInteger(granularityMinutes) ||
    granularityMinutes < 5 ||
    granularityMinutes > 60 ||
    1440 % granularityMinutes !== 0
  ) {
    return {
      ok: false,
      reason: 'invalid-granularity',
      field: 'granularityMinutes',
      message: 'granularityMinutes must be a whole number from 5 to 60 that divides 1440 (e.g. 5, 10, 15, 30, 60)',
    };
  }
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(to > from)) {
    return { ok: false, reason: 'invalid-range', field: 'to', message: 'to must be after from' };
  }
  if (to - from > MAX_RANGE_DAYS * 1440 * MINUTE_MS) {
    return { ok: false, reason: 'invalid-range', field: 'to', message: `the range may span at most ${MAX_RANGE_DAYS} days` };
  }

  const step = granularityMinutes * MINUTE_MS;
  const bucketCount = Math.ceil((to - from) / step);
  // Whole buckets inside [start, end): first index whose bucket starts at/after `start`, up to the
  // last index whose bucket ends at/before `end` (the short last bucket ends at `to`).
  const firstBucket = (start: Instant) => Math.max(0, Math.ceil((start - from) / step));
  const endBucket = (end: Instant) => (end >= to ? bucketCount : Math.max(0, Math.floor((end - from) / step)));

  const agentsById = new Map<string, SchedulingAgent>();
  const agentChannelMask = new Map<string, number>();
  for (const agent of input.agents) {
    agentsById.set(agent.id, agent);
    agentChannelMask.set(agent.id, channelMask(agent.channels));
  }

  const total = new Int32Array(bucketCount + 1);
  const channelDiffs = CHANNELS.map(() => new Int32Array(bucketCount + 1));
  const languageDiffs = new Map<string, Int32Array[]>();
  const rules = input.rules;
  const ruleDiffs = rules.map(() => new Int32Array(bucketCount + 1));
  const ruleChannelBit = rules.map((rule) => (rule.channel ? (CHANNEL_BIT.get(rule.channel) ?? 0) : 0));

  // Group presence by agent so overlapping or touching shifts of one agent count once.
  const presenceByAgent = new Map<string, MaskedSegment[]>();
  for (const shift of input.shifts) {
    if (shift.end <= from || shift.start >= to) continue;
    const mask = shift.channel ? (CHANNEL_BIT.get(shift.channel) ?? 0) : (agentChannelMask.get(shift.agentId) ?? 0);
    let list = presenceByAgent.get(shift.agentId);
    if (!list) {
      list = [];
      presenceByAgent.set(shift.agentId, list);
    }
    presenceOf(shift, mask, list);
  }

  // Every diff array a merged presence range is added to; reused across agents.
  let targets: Int32Array[] = [];
  const addToTargets = (start: Instant, end: Instant) => {
    const i0 = firstBucket(start);
    const i1 = endBucket(end);
    if (i1 <= i0) return;
    for (let t = 0; t < targets.length; t += 1) {
      targets[t][i0] += 1;
      targets[t][i1] -= 1;
    }
  };
  const ALL_CHANNELS = -1; // every bit set: the "any channel" union also takes mask-0 segments

  for (const [agentId, segments] of presenceByAgent) {
    const agent = agentsById.get(agentId);
    segments.sort((a, b) => a.start - b.start || a.end - b.end);
    let agentMask = 0;
    for (const segment of segments) agentMask |= segment.mask;

    targets = [total];
    for (const skill of agent?.languages ?? []) {
      let diffs = languageDiffs.get(skill.code);
      if (!diffs) {
        diffs = LANGUAGE_LEVELS.map(() => new Int32Array(bucketCount + 1));
        languageDiffs.set(skill.code, diffs);
      }
      // A native speaker also counts as fluent and basic: series are "at least this level".
      for (let level = LEVEL_RANK.get(skill.level) ?? LANGUAGE_LEVELS.length; level < LANGUAGE_LEVELS.length; level += 1) {
        targets.push(diffs[level]);
      }
    }
    const eligible: boolean[] = [];
    for (let r = 0; r < rules.length; r += 1) {
      eligible.push(meetsLanguage(agent, rules[r].language));
      if (eligible[r] && ruleChannelBit[r] === 0) targets.push(ruleDiffs[r]);
    }
    emitUnion(segments, ALL_CHANNELS, addToTargets);

    for (let c = 0; c < CHANNELS.length; c += 1) {
      const bit = 1 << c;
      if ((agentMask & bit) === 0) continue;
      targets = [channelDiffs[c]];
      for (let r = 0; r < rules.length; r += 1) if (eligible[r] && ruleChannelBit[r] === bit) targets.push(ruleDiffs[r]);
      emitUnion(segments, bit, addToTargets);
    }
  }

  const prefixSum = (diff: Int32Array): Int32Array => {
    const out = new Int32Array(bucketCount);
    let running = 0;
    for (let i = 0; i < bucketCount; i += 1) {
      running += diff[i];
      out[i] = running;
    }
    return out;
  };

  const languages: LanguageCoverageSeries[] = [];
  for (const code of [...languageDiffs.keys()].sort()) {
    const diffs = languageDiffs.get(code) as Int32Array[];
    LANGUAGE_LEVELS.forEach((level, index) => languages.push({ code, level, counts: prefixSum(diffs[index]) }));
  }

  const ruleSeries: RuleCoverageSeries[] = rules.map((rule, index) => {
    const required = new Int32Array(bucketCount);
    for (const demand of expandCoverageRule({ rule, from, to })) {
      // Any overlap with the demand makes the bucket required (see file comment).
      const i0 = Math.max(0, Math.floor((demand.start - from) / step));
      const i1 = Math.min(bucketCount, Math.ceil((demand.end - from) / step));
      for (let i = i0; i < i1; i += 1) if (demand.minAgents > required[i]) required[i] = demand.minAgents;
    }
    const windows = findRuleWindows(required);
    measureLongestShifts({ windows, rule, shifts: input.shifts, agentsById, from, step });
    return {
      ruleId: rule.id,
      ruleName: rule.name,
      ...(rule.language ? { language: { ...rule.language } } : {}),
      ...(rule.channel ? { channel: rule.channel } : {}),
      required,
      present: prefixSum(ruleDiffs[index]),
      windows,
    };
  });

  return {
    ok: true,
    value: {
      from,
      to,
      granularityMinutes,
      bucketCount,
      total: prefixSum(total),
      languages,
      channels: CHANNELS.map((channel, index) => ({ channel, counts: prefixSum(channelDiffs[index]) })),
      rules: ruleSeries,
    },
  };
}

function findRuleWindows(required: Int32Array): CoverageRuleWindow[] {
  const windows: CoverageRuleWindow[] = [];
  let start = -1;
  for (let i = 0; i <= required.length; i += 1) {
    const on = i < required.length && required[i] > 0;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      windows.push({ startIndex: start, endIndex: i, longestShiftMinutes: 0 });
      start = -1;
    }
  }
  return windows;
}

/** Fills `longestShiftMinutes` of each window with the longest eligible shift overlapping it. */
function measureLongestShifts(input: {
  windows: CoverageRuleWindow[];
  rule: CoverageRule;
  shifts: readonly Shift[];
  agentsById: Map<string, SchedulingAgent>;
  from: Instant;
  step: number;
}): void {
  const { windows, rule, from, step } = input;
  if (windows.length === 0) return;
  const windowStarts = windows.map((window) => from + window.startIndex * step);
  const windowEnds = windows.map((window) => from + window.endIndex * step);
  const eligibleAgent = new Map<string, boolean>();
  for (const shift of input.shifts) {
    let eligible = eligibleAgent.get(shift.agentId);
    if (eligible === undefined) {
      eligible = meetsLanguage(input.agentsById.get(shift.agentId), rule.language);
      eligibleAgent.set(shift.agentId, eligible);
    }
    if (!eligible) continue;
    if (rule.channel) {
      const works = shift.channel
        ? shift.channel === rule.channel
        : (input.agentsById.get(shift.agentId)?.channels ?? []).includes(rule.channel);
      if (!works) continue;
    }
    const minutes = (shift.end - shift.start) / MINUTE_MS;
    // First window ending after the shift starts (binary search), then walk while overlapping.
    let lo = 0;
    let hi = windows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (windowEnds[mid] <= shift.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < windows.length && windowStarts[i] < shift.end; i += 1) {
      if (minutes > windows[i].longestShiftMinutes) windows[i].longestShiftMinutes = minutes;
    }
  }
}

/** One bucket of coverage in a JSON-friendly shape. */
export interface CoverageRow {
  start: Instant;
  end: Instant;
  agents: number;
  /** code → level → agents speaking it at that level or better. */
  languages: Record<string, Record<LanguageLevel, number>>;
  channels: Record<Channel, number>;
  rules: { ruleId: string; required: number; present: number; met: boolean }[];
}

/** Turns compact coverage into one plain object per bucket (for the API and the heatmap). */
export function toCoverageRows(coverage: Coverage): CoverageRow[] {
  const step = coverage.granularityMinutes * MINUTE_MS;
  const rows: CoverageRow[] = [];
  for (let i = 0; i < coverage.bucketCount; i += 1) {
    const languages: Record<string, Record<LanguageLevel, number>> = {};
    for (const series of coverage.languages) {
      languages[series.code] ??= { native: 0, fluent: 0, basic: 0 };
      languages[series.code][series.level] = series.counts[i];
    }
    const channels = {} as Record<Channel, number>;
    for (const series of coverage.channels) channels[series.channel] = series.counts[i];
    rows.push({
      start: coverage.from + i * step,
      end: Math.min(coverage.to, coverage.from + (i + 1) * step),
      agents: coverage.total[i],
      languages,
      channels,
      rules: coverage.rules.map((rule) => ({
        ruleId: rule.ruleId,
        required: rule.required[i],
        present: rule.present[i],
        met: rule.present[i] >= rule.required[i],
      })),
    });
  }
  return rows;
}

/** Per-rule totals over the whole range. Hours are bucket hours; shortfall is in agent-hours. */
export interface RuleCoverageSummary {
  ruleId: string;
  ruleName: string;
  requiredHours: number;
  metHours: number;
  /** metHours ÷ requiredHours (1 when nothing is required). */
  metShare: number;
  shortfallAgentHours: number;
}

/** Summarises each rule: how many of its required hours are met and the missing agent-hours. */
export function summarizeCoverage(coverage: Coverage): RuleCoverageSummary[] {
  const step = coverage.granularityMinutes * MINUTE_MS;
  return coverage.rules.map((rule) => {
    let requiredMs = 0;
    let metMs = 0;
    let shortfallMs = 0;
    for (let i = 0; i < coverage.bucketCount; i += 1) {
      if (rule.required[i] === 0) continue;
      const length = Math.min(coverage.to, coverage.from + (i + 1) * step) - (coverage.from + i * step);
      requiredMs += length;
      if (rule.present[i] >= rule.required[i]) metMs += length;
      else shortfallMs += (rule.required[i] - rule.present[i]) * length;
    }
    const hours = (ms: number) => Math.round((ms / 3_600_000) * 1000) / 1000;
    return {
      ruleId: rule.ruleId,
      ruleName: rule.ruleName,
      requiredHours: hours(requiredMs),
      metHours: hours(metMs),
      metShare: requiredMs === 0 ? 1 : Math.round((metMs / requiredMs) * 10000) / 10000,
      shortfallAgentHours: hours(shortfallMs),
    };
  });
}
