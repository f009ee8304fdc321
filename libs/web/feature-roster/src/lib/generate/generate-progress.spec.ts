import type { RosterJob } from '@shiftdesk/shared-api-contract';
import { countGapReasons, describeBreakdown, describeProgress, formatPenalty, formatPeriod, groupDraftByDay } from './generate-progress';

const JOB: RosterJob = {
  id: 'j1', teamId: 't1', status: 'running', from: '2026-11-30', to: '2026-12-06', createdAt: '', startedAt: '', finishedAt: null,
  progress: { phase: 'lns', bestObjective: 12, bound: 10, gap: 1 / 6, elapsedSeconds: 3.25 },
  result: null, error: null,
};

describe('the progress panel', () => {
  it('says the phase, best penalty, bound with gap, and time used against the limit', () => {
    expect(describeProgress(JOB, 10)).toEqual({
      statusLabel: 'Searching', tone: 'info', phaseLabel: 'Improving (neighbourhood search)', percent: 33,
      elapsed: '3.3 s of 10 s', objective: 'Penalty 12', bound: 'Lower bound 10 · gap 16.7 %',
    });
  });

  it('waits without numbers while queued, and never shows a full bar before the end', () => {
    const queued = describeProgress({ ...JOB, status: 'queued', progress: null }, 30);
    expect(queued).toMatchObject({ statusLabel: 'Queued', phaseLabel: 'Waiting for the solver', percent: 0, elapsed: '0.0 s of 30 s', objective: 'No roster yet', bound: '' });
    expect(describeProgress({ ...JOB, progress: { ...JOB.progress!, elapsedSeconds: 31 } }, 30).percent).toBe(99);
  });

  it('fills the bar when finished, and reads the result over the last progress', () => {
    const result = { solverStatus: 'optimal', feasible: true, objective: 0, breakdown: { coverUnder: 0, coverOver: 0, shiftOn: 0, shiftOff: 0, cost: 0 }, bound: 0, shifts: [], unfilled: [], preferences: { total: 0, met: 0, unmet: [] } };
    const done = describeProgress({ ...JOB, status: 'done', progress: { ...JOB.progress!, gap: null }, result }, 30);
    expect(done).toMatchObject({ statusLabel: 'Done', tone: 'success', phaseLabel: '', percent: 100, objective: 'Penalty 0', bound: 'Lower bound 0 · gap 0.0 %' });
    expect(describeProgress({ ...JOB, status: 'cancelled' }, 30)).toMatchObject({ statusLabel: 'Stopped', tone: 'warning', percent: 100 });
    expect(describeProgress({ ...JOB, status: 'failed', error: 'boom' }, 30)).toMatchObject({ statusLabel: 'Failed', tone: 'danger' });
  });

  it('lists every objective term, known ones first in a fixed order', () => {
    const terms = describeBreakdown({ cost: 5, coverUnder: 3, coverOver: 1, shiftOn: 0, shiftOff: 2, fairness: 4 } as never);
    expect(terms.map((t) => [t.key, t.value])).toEqual([['coverUnder', 3], ['coverOver', 1], ['shiftOn', 0], ['shiftOff', 2], ['cost', 5], ['fairness', 4]]);
    expect(terms[0]?.label).toContain('Under-cover');
  });

  it('lays the draft out as days × shapes, every day of the period, names sorted', () => {
    const shift = (agentName: string, date: string, shape: string) => ({ agentId: agentName, agentName, date, shape, start: '', end: '', timeZone: 'UTC', channel: null });
    const days = groupDraftByDay({ shifts: [shift('Olga', '2026-11-30', 'Early'), shift('Anna', '2026-11-30', 'Early'), shift('Ivan', '2026-11-30', 'Late')], shapes: ['Early', 'Late'], dates: ['2026-11-30', '2026-12-01'] });
    expect(days).toEqual([
      { date: '2026-11-30', cells: [{ shape: 'Early', agents: ['Anna', 'Olga'] }, { shape: 'Late', agents: ['Ivan'] }] },
      { date: '2026-12-01', cells: [{ shape: 'Early', agents: [] }, { shape: 'Late', agents: [] }] },
    ]);
  });

  it('counts the gaps by reason, most first', () => {
    const gap = (reason: 'weekly-hours' | 'no-eligible-agent') => ({ date: '2026-11-30', shape: 'Late', start: '', end: '', required: 1, assigned: 0, reason, message: '' });
    expect(countGapReasons([gap('no-eligible-agent'), gap('weekly-hours'), gap('weekly-hours')])).toEqual([
      { reason: 'weekly-hours', label: 'Weekly hours limit', count: 2 },
      { reason: 'no-eligible-agent', label: 'No eligible agent', count: 1 },
    ]);
  });

  it('names the period with its year, both years when it crosses one', () => {
    expect(formatPeriod('2027-03-15', '2027-03-21')).toBe('Mon 15 Mar – Sun 21 Mar 2027');
    expect(formatPeriod('2026-11-30', '2027-03-31')).toBe('Mon 30 Nov 2026 – Wed 31 Mar 2027');
  });
});

describe('formatPenalty', () => {
  it('keeps whole penalties and rounds the pay tie-break to two decimals', () => {
    expect([formatPenalty(42), formatPenalty(0.7301707782563993), formatPenalty(0.125)]).toEqual(['42', '0.73', '0.13']);
  });
});
