import type {
  ImpactGap,
  PeriodHours,
  RequestAction,
  RequestImpact,
  RequestKind,
  RequestState,
  ShiftRequest,
  TimeOffReason,
} from '@shiftdesk/shared-api-contract';

/*
 * How the web names and summarises agents' requests (issue 5). Pure: no clock, no zone of the
 * host; instants and durations are parameters (epoch milliseconds, hours as decimals).
 */

export const REQUEST_KIND_LABELS: Readonly<Record<RequestKind, string>> = { swap: 'Swap', 'give-away': 'Give-away', 'time-off': 'Time off' };

export const REQUEST_STATE_LABELS: Readonly<Record<RequestState, string>> = {
  pending: 'Pending',
  accepted: 'Accepted',
  approved: 'Approved',
  declined: 'Declined',
  cancelled: 'Cancelled',
  expired: 'Expired',
  undone: 'Undone',
};

export const TIME_OFF_REASON_LABELS: Readonly<Record<TimeOffReason, string>> = {
  vacation: 'Vacation',
  sick: 'Sick',
  personal: 'Personal',
  training: 'Training',
  'public-holiday': 'Public holiday',
  other: 'Other',
};

export const REQUEST_ACTION_LABELS: Readonly<Record<RequestAction, string>> = {
  accept: 'Accept',
  decline: 'Decline',
  take: 'Take shift',
  cancel: 'Cancel request',
  approve: 'Approve',
  undo: 'Undo',
};

/** `Give-away to Marie Dubois`, `Shift offered to everyone`, `Swap with Leyla Aliyeva`, `Time off (Vacation)`. */
export function describeRequest(request: ShiftRequest): string {
  switch (request.kind) {
    case 'swap':
      return `Swap with ${request.targetName ?? 'a colleague'}`;
    case 'give-away':
      if (request.offered && !request.targetName) return 'Shift offered to everyone';
      return request.offered ? `Offered shift, taken by ${request.targetName}` : `Give-away to ${request.targetName ?? 'a colleague'}`;
    case 'time-off':
      return `Time off${request.timeOff ? ` (${TIME_OFF_REASON_LABELS[request.timeOff.reason]})` : ''}`;
  }
}

/** Whose move it is, in words: `Waiting for Marie Dubois`, `Open to every eligible colleague`, `Waiting for a manager`; '' when closed. */
export function describeAwaiting(request: ShiftRequest): string {
  switch (request.awaiting) {
    case 'colleague':
      return `Waiting for ${request.targetName ?? 'the colleague'}`;
    case 'taker':
      return 'Open to every eligible colleague';
    case 'manager':
      return 'Waiting for a manager';
    default:
      return '';
  }
}

/** `8 h`, `7.5 h`, `31.25 h`: hours rounded to the minute's hundredth, trailing zeros dropped. */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 100) / 100;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(2).replace(/0$/, '')} h`;
}

export interface HoursProgress {
  /** `24 of 40 h`. */
  text: string;
  /** Scheduled share of the contract, 0–100 (capped, for a bar). */
  percent: number;
  /** `under`: below 90 % of the contract, `over`: above it, `on`: within [90 %, 100 %]. */
  tone: 'under' | 'on' | 'over';
  /** `8 h short of contract`, `2 h over contract`, `On contract`. */
  note: string;
}

/** Scheduled hours of a week or month against the contract's share of it. */
export function describeHours(period: PeriodHours): HoursProgress {
  const { scheduledHours, contractHours } = period;
  const percent = contractHours > 0 ? Math.min(100, Math.round((scheduledHours / contractHours) * 100)) : scheduledHours > 0 ? 100 : 0;
  const difference = Math.round((scheduledHours - contractHours) * 100) / 100;
  const tone = difference > 0 ? 'over' : contractHours > 0 && scheduledHours < contractHours * 0.9 ? 'under' : 'on';
  const note = difference > 0 ? `${formatHours(difference)} over contract` : difference < 0 ? `${formatHours(-difference)} short of contract` : 'On contract';
  return { text: `${formatHours(scheduledHours).replace(/ h$/, '')} of ${formatHours(contractHours)}`, percent, tone, note };
}

/**
 * Time left until an instant, coarse far away and finer close by: `3 d 4 h`, `5 h 07 min`,
 * `12 min 05 s`, `45 s`; `now` at or after it.
 */
export function formatCountdown(milliseconds: number): string {
  if (milliseconds <= 0) return 'now';
  const totalSeconds = Math.floor(milliseconds / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return `${hours} h ${two(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${two(seconds)} s`;
  return `${seconds} s`;
}

const LABEL_DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** `Wed 25 Nov 09:00` for the API's local label `2026-11-25T09:00`; other text is returned as it is. */
export function formatLocalLabel(label: string): string {
  const match = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)/.exec(label);
  if (!match) return label;
  return `${LABEL_DAY.format(new Date(`${match[1]}T00:00:00Z`))} ${match[2]}`;
}

/** `Wed 25 Nov 09:00–17:00` (or `Wed 25 Nov 22:00 – Thu 26 Nov 06:00` across midnight), on the team's wall clock. */
export function formatGapSpan(gap: ImpactGap): string {
  const start = formatLocalLabel(gap.localStart);
  if (gap.localStart.slice(0, 10) === gap.localEnd.slice(0, 10) && /^\d\d:\d\d$/.test(gap.localEnd.slice(11, 16))) return `${start}–${gap.localEnd.slice(11, 16)}`;
  return `${start} – ${formatLocalLabel(gap.localEnd)}`;
}

/** `1 of 2 agents → 0 of 2`: the fewest eligible agents present before and after the change. */
export function formatGapStaffing(gap: ImpactGap): string {
  return `${gap.presentBefore} of ${gap.required} ${gap.required === 1 ? 'agent' : 'agents'} → ${gap.presentAfter} of ${gap.required}`;
}

export type ImpactTone = 'clean' | 'manager' | 'blocked' | 'stale';

export interface ImpactSummary {
  tone: ImpactTone;
  headline: string;
}

/**
 * One line on top of an impact: stale and blocked first (nobody can say yes), then "needs a
 * manager" when it opens a gap, else clean. Counts name what follows below it.
 */
export function summarizeImpact(impact: RequestImpact): ImpactSummary {
  if (impact.stale) return { tone: 'stale', headline: impact.staleReason || 'The shift changed since this was requested: it can only be cancelled or declined.' };
  if (impact.blockers.length) {
    const n = impact.blockers.length;
    return { tone: 'blocked', headline: `Not allowed: ${n} ${n === 1 ? 'rule stands' : 'rules stand'} in the way.` };
  }
  if (impact.gapsOpened.length) {
    const n = impact.gapsOpened.length;
    return { tone: 'manager', headline: `Needs a manager: opens ${n} coverage ${n === 1 ? 'gap' : 'gaps'}.` };
  }
  const closed = impact.gapsClosed.length;
  const warnings = impact.warnings.length;
  const extras = [closed ? `closes ${closed} ${closed === 1 ? 'gap' : 'gaps'}` : '', warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''].filter(Boolean);
  return { tone: 'clean', headline: `Clean: no new gap and no broken rule${extras.length ? ` (${extras.join(', ')})` : ''}.` };
}
