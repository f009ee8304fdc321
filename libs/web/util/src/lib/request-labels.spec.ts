import type { ImpactGap, RequestImpact, ShiftRequest } from '@shiftdesk/shared-api-contract';
import { describeAwaiting, describeHours, describeRequest, formatCountdown, formatGapSpan, formatGapStaffing, formatHours, formatLocalLabel, summarizeImpact } from './request-labels';

function gap(over: Partial<ImpactGap> = {}): ImpactGap {
  return {
    ruleId: 'r1', ruleName: 'Phones 16 h', start: '2026-11-25T06:00:00.000Z', end: '2026-11-25T14:00:00.000Z', localStart: '2026-11-25T09:00', localEnd: '2026-11-25T17:00',
    required: 2, presentBefore: 2, presentAfter: 1, language: null, channel: null, ...over,
  };
}

function impact(over: Partial<RequestImpact> = {}): RequestImpact {
  return { computedAt: '2026-11-23T12:00:00.000Z', stale: false, staleReason: null, blockers: [], warnings: [], gapsOpened: [], gapsClosed: [], clean: true, ...over };
}

const issue = { agentId: 'a2', agentName: 'Marie Dubois', code: 'min-rest', message: 'Only 8 h of rest before this shift; at least 11 h are required.' };

describe('request labels', () => {
  it('formats hours as decimals without trailing zeros', () => {
    expect(formatHours(8)).toBe('8 h');
    expect(formatHours(7.5)).toBe('7.5 h');
    expect(formatHours(31.25)).toBe('31.25 h');
    expect(formatHours(1 / 3)).toBe('0.33 h');
    expect(formatHours(0)).toBe('0 h');
  });

  it('reads hours against the contract: short, on, over', () => {
    const period = { from: '', to: '', workedHours: 8 };
    expect(describeHours({ ...period, scheduledHours: 24, contractHours: 40 })).toEqual({ text: '24 of 40 h', percent: 60, tone: 'under', note: '16 h short of contract' });
    expect(describeHours({ ...period, scheduledHours: 40, contractHours: 40 })).toMatchObject({ percent: 100, tone: 'on', note: 'On contract' });
    expect(describeHours({ ...period, scheduledHours: 37.5, contractHours: 40 })).toMatchObject({ tone: 'on', note: '2.5 h short of contract' });
    expect(describeHours({ ...period, scheduledHours: 44, contractHours: 40 })).toMatchObject({ percent: 100, tone: 'over', note: '4 h over contract' });
    // A month's contract share is fractional (40 × 30 ÷ 7).
    expect(describeHours({ ...period, scheduledHours: 160, contractHours: 171.428571 }).text).toBe('160 of 171.43 h');
    expect(describeHours({ ...period, scheduledHours: 0, contractHours: 0 })).toMatchObject({ percent: 0, tone: 'on' });
  });

  it('counts down coarsely far away and to the second close by', () => {
    const s = 1000;
    expect(formatCountdown((3 * 86_400 + 4 * 3600 + 59 * 60) * s)).toBe('3 d 4 h');
    expect(formatCountdown(2 * 86_400 * s)).toBe('2 d');
    expect(formatCountdown((5 * 3600 + 7 * 60 + 30) * s)).toBe('5 h 07 min');
    expect(formatCountdown((12 * 60 + 5) * s + 999)).toBe('12 min 05 s');
    expect(formatCountdown(45 * s)).toBe('45 s');
    expect(formatCountdown(0)).toBe('now');
    expect(formatCountdown(-5 * s)).toBe('now');
  });

  it('labels gaps on the team clock, across midnight too', () => {
    expect(formatLocalLabel('2026-11-25T09:00')).toBe('Wed 25 Nov 09:00');
    expect(formatLocalLabel('soon')).toBe('soon');
    expect(formatGapSpan(gap())).toBe('Wed 25 Nov 09:00–17:00');
    expect(formatGapSpan(gap({ localStart: '2026-11-25T22:00', localEnd: '2026-11-26T06:00' }))).toBe('Wed 25 Nov 22:00 – Thu 26 Nov 06:00');
    expect(formatGapStaffing(gap())).toBe('2 of 2 agents → 1 of 2');
    expect(formatGapStaffing(gap({ required: 1, presentBefore: 1, presentAfter: 0 }))).toBe('1 of 1 agent → 0 of 1');
  });

  it('sums an impact up: stale, then blocked, then needs a manager, else clean', () => {
    expect(summarizeImpact(impact())).toEqual({ tone: 'clean', headline: 'Clean: no new gap and no broken rule.' });
    expect(summarizeImpact(impact({ gapsClosed: [gap()], warnings: [issue] })).headline).toBe('Clean: no new gap and no broken rule (closes 1 gap, 1 warning).');
    expect(summarizeImpact(impact({ clean: false, gapsOpened: [gap(), gap({ ruleId: 'r2' })] }))).toEqual({ tone: 'manager', headline: 'Needs a manager: opens 2 coverage gaps.' });
    expect(summarizeImpact(impact({ clean: false, blockers: [issue], gapsOpened: [gap()] }))).toEqual({ tone: 'blocked', headline: 'Not allowed: 1 rule stands in the way.' });
    expect(summarizeImpact(impact({ clean: false, stale: true, staleReason: 'The shift was moved after the request.', blockers: [issue] }))).toEqual({ tone: 'stale', headline: 'The shift was moved after the request.' });
  });

  it('names a request and whose move it is', () => {
    const base = { kind: 'give-away', offered: false, targetName: 'Marie Dubois', awaiting: 'colleague', timeOff: null } as unknown as ShiftRequest;
    expect(describeRequest(base)).toBe('Give-away to Marie Dubois');
    expect(describeAwaiting(base)).toBe('Waiting for Marie Dubois');
    expect(describeRequest({ ...base, offered: true, targetName: null })).toBe('Shift offered to everyone');
    expect(describeAwaiting({ ...base, offered: true, targetName: null, awaiting: 'taker' })).toBe('Open to every eligible colleague');
    expect(describeRequest({ ...base, offered: true })).toBe('Offered shift, taken by Marie Dubois');
    expect(describeRequest({ ...base, kind: 'swap' })).toBe('Swap with Marie Dubois');
    expect(describeAwaiting({ ...base, awaiting: 'manager' })).toBe('Waiting for a manager');
    expect(describeAwaiting({ ...base, awaiting: null })).toBe('');
    expect(describeRequest({ ...base, kind: 'time-off', timeOff: { reason: 'sick' } as ShiftRequest['timeOff'] })).toBe('Time off (Sick)');
  });
});
