import { performance } from 'node:perf_hooks';
import type { SchedulingPreference } from '../../rules/preferences';
import { evaluateRoster } from '../evaluate-roster';
import { generateRoster } from '../generate-roster';
import { summarisePreferences } from './preferences';
import type { TeamRosterInput, TeamRosterModel } from './team-roster-model';
import { agent, buildModel, MOSCOW, rosterOf, teamInput } from './testing';

// Agents' shift preferences in the team roster (issue 4): soft, in the zone they were entered in,
// weighed after cover. The week is Monday 2 – Sunday 8 March 2026; Early 07:00 and Late 15:00 Moscow.

let next = 0;
const preference = (over: Partial<SchedulingPreference> & Pick<SchedulingPreference, 'agentId' | 'kind'>): SchedulingPreference => ({
  id: `p${++next}`,
  date: null,
  weekdays: [],
  startTime: null,
  endTime: null,
  timeZone: MOSCOW,
  strength: 'normal',
  ...over,
});
const build = (overrides: Partial<TeamRosterInput> = {}): TeamRosterModel => buildModel(teamInput(overrides));
const requests = (list: { employeeId: string; day: number; shiftTypeId: string; weight: number }[]) =>
  list.map((r) => `${r.employeeId} ${r.day} ${r.shiftTypeId} ${r.weight}`).sort();

describe('preferences in the team roster model', () => {
  it('turns a whole day off into shift-off requests on every shape of that day, weighted by strength', () => {
    const model = build({ preferences: [preference({ agentId: 'a', kind: 'off', date: '2026-03-04', strength: 'strong' })] });
    expect(requests(model.problem.shiftOffRequests)).toEqual(['a 2 Early 6', 'a 2 Late 6']);
    expect(model.problem.shiftOnRequests).toEqual([]);
    expect(model.preferences).toEqual([{ preferenceId: expect.any(String), agentId: 'a', kind: 'off', date: '2026-03-04', cells: ['2:Early', '2:Late'] }]);
  });

  it('turns a wish to work a window into one shift-on request on the shape that fits it best', () => {
    // Friday 12:00–18:00 overlaps Early by 3 h and Late by 3 h: the earlier start wins the tie;
    // 14:00–20:00 overlaps Late more.
    const model = build({
      preferences: [
        preference({ agentId: 'b', kind: 'work', date: '2026-03-06', startTime: '12:00', endTime: '18:00', strength: 'low' }),
        preference({ agentId: 'c', kind: 'work', date: '2026-03-06', startTime: '14:00', endTime: '20:00' }),
      ],
    });
    expect(requests(model.problem.shiftOnRequests)).toEqual(['b 4 Early 1', 'c 4 Late 3']);
  });

  it('reads a preference on the wall clock of its own zone: a Lisbon evening is a Moscow late shift', () => {
    // Weekly, Mondays 18:00–23:00 in Lisbon (UTC+0) = 21:00–02:00 Moscow: only Late (15:00–23:00) overlaps.
    const model = build({
      agents: [agent('a'), agent('l', { timeZone: 'Europe/Lisbon' })],
      preferences: [preference({ agentId: 'l', kind: 'off', weekdays: [1], startTime: '18:00', endTime: '23:00', timeZone: 'Europe/Lisbon' })],
    });
    expect(requests(model.problem.shiftOffRequests)).toEqual(['l 0 Late 3']);
  });

  it('skips cells the agent could not take anyway, and agents not rostered', () => {
    const model = build({
      agents: [agent('a'), agent('b'), agent('gone', { active: false })],
      // a is on time off all Wednesday (Moscow).
      timeOff: [{ agentId: 'a', start: Date.parse('2026-03-03T21:00:00Z'), end: Date.parse('2026-03-04T21:00:00Z') }],
      preferences: [
        preference({ agentId: 'a', kind: 'off', date: '2026-03-04' }),
        preference({ agentId: 'a', kind: 'work', date: '2026-03-04' }),
        preference({ agentId: 'gone', kind: 'work', weekdays: [1, 2, 3, 4, 5] }),
      ],
    });
    expect(model.problem.shiftOffRequests).toEqual([]);
    expect(model.problem.shiftOnRequests).toEqual([]);
    // The occurrence stays: unmet work, met off, whatever the roster.
    const outcome = summarisePreferences({ model, roster: rosterOf(model) });
    expect(outcome).toMatchObject({ total: 2, met: 1, unmet: [{ agentId: 'a', kind: 'work', date: '2026-03-04' }] });
  });

  it('counts met and unmet occurrences of a roster', () => {
    const model = build({
      preferences: [preference({ agentId: 'a', kind: 'off', weekdays: [1, 2] }), preference({ agentId: 'b', kind: 'work', date: '2026-03-02', startTime: '16:00', endTime: '20:00' })],
    });
    // a works Monday (breaks the Monday wish), is off Tuesday; b works Late on Monday (meets it).
    const outcome = summarisePreferences({ model, roster: rosterOf(model, 'E------', 'L------') });
    expect(outcome.total).toBe(3);
    expect(outcome.met).toBe(2);
    expect(outcome.unmet).toEqual([{ preferenceId: expect.any(String), agentId: 'a', kind: 'off', date: '2026-03-02' }]);
  });

  it('the generator honours preferences where cover allows, and cover wins where it does not', async () => {
    // Four agents, one seat per shape per day. Everybody but d wants Wednesday off; b wants to
    // work Friday's late shift; c wants Saturday off. Wednesday needs two of them: d and one other.
    const model = build({
      preferences: [
        preference({ agentId: 'a', kind: 'off', date: '2026-03-04', strength: 'strong' }),
        preference({ agentId: 'b', kind: 'off', date: '2026-03-04', strength: 'strong' }),
        preference({ agentId: 'c', kind: 'off', date: '2026-03-04', strength: 'low' }),
        preference({ agentId: 'b', kind: 'work', date: '2026-03-06', startTime: '15:00', endTime: '23:00', strength: 'strong' }),
        preference({ agentId: 'c', kind: 'off', date: '2026-03-07' }),
      ],
    });
    const result = await generateRoster({ problem: model.problem, seed: 1, timeLimitMs: 20_000, now: () => performance.now() });
    expect(evaluateRoster(model.problem, result.roster).hardViolations).toEqual([]);
    expect(result.breakdown.coverUnder).toBe(0);
    const row = (id: string) => result.roster.find((r) => r.employeeId === id)?.days ?? [];
    // Wednesday: d and the weakest wish (c, low) work; a and b are free.
    expect([row('a')[2], row('b')[2]]).toEqual([null, null]);
    expect(row('c')[2]).not.toBeNull();
    expect(row('d')[2]).not.toBeNull();
    expect(row('b')[4]).toBe('Late');
    expect(row('c')[5]).toBeNull();
    const outcome = summarisePreferences({ model, roster: result.roster });
    expect(outcome).toMatchObject({ total: 5, met: 4, unmet: [{ agentId: 'c', kind: 'off', date: '2026-03-04' }] });
    expect(result.breakdown.shiftOff).toBe(1);
  });
});
