import { DateTime } from 'luxon';
import type { CoverageRule } from '../coverage/coverage-rule';
import type { SchedulingAgent, Shift } from '../model/types';
import { resolveSchedule } from '../resolution/resolve-schedule';
import type { SwapApplied, TimeOff } from '../resolution/resolution';
import { DEFAULT_LABOUR_RULES } from '../rules/labour-rules';
import { assessRequestImpact, type ShiftMove } from './assess-request-impact';

const HOUR = 3_600_000;
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const MONDAY = utc('2026-03-02T00:00:00Z');
const at = (day: number, hour: number) => MONDAY + day * 24 * HOUR + hour * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

function agent(id: string, overrides: Partial<SchedulingAgent> = {}): SchedulingAgent {
  return { id, displayName: id.toUpperCase(), timeZone: 'UTC', languages: [{ code: 'en', level: 'fluent' }], channels: ['email', 'chat'], contractHoursPerWeek: 40, active: true, ...overrides };
}

function shift(id: string, agentId: string, start: number, end: number, overrides: Partial<Shift> = {}): Shift {
  return { id, agentId, start, end, timeZone: 'UTC', channel: null, label: null, breaks: [], status: 'published', source: 'manual', ...overrides };
}

const desk: CoverageRule = { id: 'desk', name: 'Desk', kind: 'window', timeZone: 'UTC', windows: { 1: [{ start: '08:00', end: '16:00' }], 2: [{ start: '08:00', end: '16:00' }] }, minAgents: 1, exceptions: [] };
const labourRules = { defaults: DEFAULT_LABOUR_RULES };

/** The final schedule before and after swaps / time off, through the one resolution step. */
function assess(input: { agents: SchedulingAgent[]; shifts: Shift[]; swaps?: SwapApplied[]; timeOff?: TimeOff[]; rules?: CoverageRule[]; agentIds: string[] }) {
  const from = MONDAY - 7 * 24 * HOUR;
  const to = MONDAY + 14 * 24 * HOUR;
  const before = resolveSchedule({ shifts: input.shifts, rotations: [], from, to });
  const after = resolveSchedule({ shifts: input.shifts, rotations: [], swaps: input.swaps ?? [], timeOff: input.timeOff ?? [], from, to });
  const moves: ShiftMove[] = (input.swaps ?? []).map((swap) => ({ shiftId: swap.shiftId, fromAgentId: swap.fromAgentId, toAgentId: swap.toAgentId }));
  return assessRequestImpact({ agents: input.agents, coverageRules: input.rules ?? [desk], labourRules, before, after, moves, agentIds: input.agentIds, from: MONDAY, to: MONDAY + 7 * 24 * HOUR });
}

describe('assessRequestImpact', () => {
  it('finds a give-away to a free colleague clean: no blocker, no gap', () => {
    const impact = assess({
      agents: [agent('a'), agent('b')],
      shifts: [shift('s1', 'a', at(0, 8), at(0, 16))],
      swaps: [{ shiftId: 's1', fromAgentId: 'a', toAgentId: 'b' }],
      agentIds: ['a', 'b'],
    });
    expect(impact).toEqual({ blockers: [], warnings: [], gapsOpened: [], gapsClosed: [], clean: true });
  });

  it('blocks a give-away to someone who lacks the shift channel, is inactive, or is busy then', () => {
    const shifts = [shift('s1', 'a', at(0, 8), at(0, 16), { channel: 'phone' }), shift('s2', 'c', at(0, 12), at(0, 20))];
    const channel = assess({ agents: [agent('a', { channels: ['phone'] }), agent('b')], shifts, swaps: [{ shiftId: 's1', fromAgentId: 'a', toAgentId: 'b' }], agentIds: ['a', 'b'] });
    expect(channel.blockers).toEqual([{ agentId: 'b', code: 'channel', message: 'does not work the phone channel this shift is for' }]);
    expect(channel.clean).toBe(false);

    const inactive = assess({ agents: [agent('a'), agent('b', { active: false })], shifts: [shift('s1', 'a', at(0, 8), at(0, 16))], swaps: [{ shiftId: 's1', fromAgentId: 'a', toAgentId: 'b' }], agentIds: ['a', 'b'] });
    expect(inactive.blockers.map((b) => b.code)).toContain('inactive');

    const busy = assess({
      agents: [agent('a', { channels: ['phone', 'email'] }), agent('c', { channels: ['phone', 'email'] })],
      shifts,
      swaps: [{ shiftId: 's1', fromAgentId: 'a', toAgentId: 'c' }],
      agentIds: ['a', 'c'],
    });
    expect(busy.blockers.map((b) => `${b.agentId}:${b.code}`)).toContain('c:overlap');
  });

  it('blocks a move that breaks the receiver’s minimum rest, but not a violation that was already there', () => {
    // b ends at 23:00 on Monday; a's Tuesday 06:00 shift would leave b 7 h of rest (11 h required).
    const shifts = [shift('late', 'b', at(0, 15), at(0, 23)), shift('early', 'a', at(1, 6), at(1, 14))];
    const impact = assess({ agents: [agent('a'), agent('b')], shifts, swaps: [{ shiftId: 'early', fromAgentId: 'a', toAgentId: 'b' }], agentIds: ['a', 'b'] });
    expect(impact.blockers).toEqual([expect.objectContaining({ agentId: 'b', code: 'min-rest' })]);

    // a already has a short rest between two shifts: giving an unrelated Thursday shift away is not blocked by it.
    const already = [shift('x1', 'a', at(2, 15), at(2, 23)), shift('x2', 'a', at(3, 6), at(3, 10)), shift('thu', 'a', at(4, 8), at(4, 16))];
    const unrelated = assess({ agents: [agent('a'), agent('b')], shifts: already, swaps: [{ shiftId: 'thu', fromAgentId: 'a', toAgentId: 'b' }], agentIds: ['a', 'b'] });
    expect(unrelated.blockers).toEqual([]);
  });

  it('reports the gap a time-off request opens, in the rule’s window only', () => {
    const shifts = [shift('mon', 'a', at(0, 6), at(0, 18))];
    const off = assess({ agents: [agent('a'), agent('b')], shifts, timeOff: [{ agentId: 'a', start: at(0, 0), end: at(1, 0) }], agentIds: ['a'] });
    expect(off.gapsOpened.map((g) => [g.ruleId, iso(g.start), iso(g.end), g.required, g.presentBefore, g.presentAfter])).toEqual([
      ['desk', '2026-03-02T08:00:00.000Z', '2026-03-02T16:00:00.000Z', 1, 1, 0],
    ]);
    expect(off.clean).toBe(false);
    expect(off.blockers).toEqual([]);
  });

  it('reports the language gap a swap closes: the French speaker moves onto the day the French desk needs her', () => {
    const frenchMonday: CoverageRule = { ...desk, id: 'fr', name: 'French desk', windows: { 1: [{ start: '08:00', end: '16:00' }] }, language: { code: 'fr', minLevel: 'fluent' } };
    const agents = [agent('a', { languages: [{ code: 'fr', level: 'native' }] }), agent('b')];
    const shifts = [shift('b-mon', 'b', at(0, 8), at(0, 16)), shift('a-tue', 'a', at(1, 8), at(1, 16))];
    const impact = assess({
      agents,
      shifts,
      swaps: [
        { shiftId: 'b-mon', fromAgentId: 'b', toAgentId: 'a' },
        { shiftId: 'a-tue', fromAgentId: 'a', toAgentId: 'b' },
      ],
      rules: [desk, frenchMonday],
      agentIds: ['a', 'b'],
    });
    expect(impact.gapsClosed.map((g) => [g.ruleId, iso(g.start), iso(g.end), g.presentBefore, g.presentAfter])).toEqual([['fr', '2026-03-02T08:00:00.000Z', '2026-03-02T16:00:00.000Z', 0, 1]]);
    expect(impact.gapsOpened).toEqual([]);
    expect(impact.clean).toBe(true);
  });

  it('blocks a move onto someone on approved time off, and warns when the receiver lacks a language a rule asks for', () => {
    const french: CoverageRule = { ...desk, id: 'fr', name: 'French desk', minAgents: 1, language: { code: 'fr', minLevel: 'fluent' } };
    const agents = [agent('a', { languages: [{ code: 'fr', level: 'native' }] }), agent('b')];
    const shifts = [shift('s1', 'a', at(0, 8), at(0, 16))];
    const impact = assess({ agents, shifts, swaps: [{ shiftId: 's1', fromAgentId: 'a', toAgentId: 'b' }], timeOff: [{ agentId: 'b', start: at(0, 0), end: at(1, 0) }], rules: [french], agentIds: ['a', 'b'] });
    expect(impact.blockers.map((b) => b.code)).toEqual(['time-off']);
    expect(impact.warnings).toEqual([{ agentId: 'b', code: 'language', message: 'does not speak fr at fluent level or better, which "French desk" asks for' }]);
    expect(impact.gapsOpened.map((g) => g.ruleId)).toEqual(['fr']);
  });
});
