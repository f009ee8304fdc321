import type { RosterDraftShift, RosterJob, RosterObjectiveBreakdown, RosterUnfilledGap, UnfilledCoverReason } from '@shiftdesk/shared-api-contract';
import { formatDayLabel } from '@shiftdesk/web-data-access-schedule';

/** What the progress panel says about a job: plain strings and a 0–100 bar, no clock read. */
export interface ProgressView {
  /** `Queued`, `Searching`, `Done`, `Stopped`, `Failed`. */
  statusLabel: string;
  tone: 'info' | 'success' | 'warning' | 'danger';
  /** `Building a first roster` … for the solver's phase; '' before it starts. */
  phaseLabel: string;
  /** Elapsed against the time limit, 0–100 (100 once finished). */
  percent: number;
  /** `12 s of 30 s`. */
  elapsed: string;
  /** `Penalty 42`, or `No roster yet`. */
  objective: string;
  /** `Lower bound 40 · gap 4.8 %`, or ''. */
  bound: string;
}

const PHASES: Readonly<Record<string, string>> = {
  construction: 'Building a first roster',
  mip: 'Optimising (exact solver)',
  lns: 'Improving (neighbourhood search)',
};

/** A penalty as people read it: whole numbers as they are, fractions (the pay tie-break) to two decimals. */
export function formatPenalty(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function seconds(value: number): string {
  return value < 10 ? `${value.toFixed(1)} s` : `${Math.round(value)} s`;
}

/** The job's progress in words, `timeLimitSeconds` being the bar's 100 %. */
export function describeProgress(job: RosterJob, timeLimitSeconds: number): ProgressView {
  const progress = job.progress;
  const elapsedSeconds = progress?.elapsedSeconds ?? 0;
  const finished = job.status === 'done' || job.status === 'cancelled' || job.status === 'failed';
  const percent = finished ? 100 : Math.max(0, Math.min(99, Math.round((elapsedSeconds / Math.max(1, timeLimitSeconds)) * 100)));
  const best = job.result?.objective ?? progress?.bestObjective ?? null;
  const bound = job.result?.bound ?? progress?.bound ?? null;
  const gap = progress?.gap ?? (best !== null && bound !== null && best > 0 ? (best - bound) / best : best === 0 && bound !== null ? 0 : null);
  const statusLabels = { queued: 'Queued', running: 'Searching', done: 'Done', cancelled: 'Stopped', failed: 'Failed' } as const;
  const tones = { queued: 'info', running: 'info', done: 'success', cancelled: 'warning', failed: 'danger' } as const;
  const phase = progress?.phase ?? '';
  return {
    statusLabel: statusLabels[job.status],
    tone: tones[job.status],
    phaseLabel: job.status === 'queued' ? 'Waiting for the solver' : finished ? '' : (PHASES[phase] ?? phase),
    percent,
    elapsed: `${seconds(elapsedSeconds)} of ${timeLimitSeconds} s`,
    objective: best === null ? 'No roster yet' : `Penalty ${formatPenalty(best)}`,
    bound: bound === null ? '' : `Lower bound ${formatPenalty(bound)}${gap === null ? '' : ` · gap ${(gap * 100).toFixed(1)} %`}`,
  };
}

/** Every term of the objective, labelled, in a stable order (unknown terms last, by key). */
export function describeBreakdown(breakdown: RosterObjectiveBreakdown): { key: string; label: string; value: number }[] {
  const labels: Readonly<Record<string, string>> = {
    coverUnder: 'Under-cover (staff short of the target)',
    coverOver: 'Over-cover (more staff than needed)',
    shiftOn: 'Wishes to work not met (agents’ preferences)',
    shiftOff: 'Wishes to be free not met (agents’ preferences)',
    nights: 'Nights spread unevenly',
    weekends: 'Weekends spread unevenly',
    holidays: 'Public holidays spread unevenly',
    isolatedDays: 'Single working days between days off',
    cost: 'Pay tie-break (relative hourly pay: the cheaper of equal rosters wins)',
  };
  const order = Object.keys(labels);
  const record = breakdown as unknown as Record<string, number>;
  const keys = [...order.filter((key) => key in record), ...Object.keys(record).filter((key) => !order.includes(key)).sort()];
  return keys.map((key) => ({ key, label: labels[key] ?? key, value: record[key] ?? 0 }));
}

export const UNFILLED_REASON_LABELS: Readonly<Record<UnfilledCoverReason, string>> = {
  'no-eligible-agent': 'No eligible agent',
  availability: 'Outside availability',
  'time-off': 'Time off',
  'other-shift': 'Already on another shift',
  'weekly-hours': 'Weekly hours limit',
  'consecutive-days': 'Consecutive days limit',
  rest: 'Minimum rest',
  'shape-cap': 'Shape cap per agent',
  mixed: 'Several limits',
  'search-stopped': 'Search stopped early',
};

/** The draft as days × shapes (every day of `dates`, shapes in request order): who works each. */
export function groupDraftByDay(options: { shifts: readonly RosterDraftShift[]; shapes: readonly string[]; dates: readonly string[] }): { date: string; cells: { shape: string; agents: string[] }[] }[] {
  const { shifts, shapes, dates } = options;
  return dates.map((date) => ({
    date,
    cells: shapes.map((shape) => ({
      shape,
      agents: shifts.filter((shift) => shift.date === date && shift.shape === shape).map((shift) => shift.agentName).sort((a, b) => a.localeCompare(b)),
    })),
  }));
}

/** How many gaps each reason leaves, most first (ties by label), for a one-line summary. */
export function countGapReasons(gaps: readonly RosterUnfilledGap[]): { reason: UnfilledCoverReason; label: string; count: number }[] {
  const counts = new Map<UnfilledCoverReason, number>();
  for (const gap of gaps) counts.set(gap.reason, (counts.get(gap.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, label: UNFILLED_REASON_LABELS[reason] ?? reason, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** `Mon 15 Mar – Sun 21 Mar 2027`; both years when the period crosses one. */
export function formatPeriod(from: string, to: string): string {
  const [fromYear, toYear] = [from.slice(0, 4), to.slice(0, 4)];
  return fromYear === toYear ? `${formatDayLabel(from)} – ${formatDayLabel(to)} ${toYear}` : `${formatDayLabel(from)} ${fromYear} – ${formatDayLabel(to)} ${toYear}`;
}
