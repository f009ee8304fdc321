import { performance } from 'node:perf_hooks';
import type { AvailabilityByWeekday } from '../../model/types';
import { isWithinAvailability } from '../../rules/availability';
import { evaluateRoster } from '../evaluate-roster';
import { generateRoster } from '../generate-roster';
import { explainUnfilledCover, findAvailabilityBreaches, rosterToDraftShifts } from './roster-to-drafts';
import type { TeamRosterInput, TeamRosterModel } from './team-roster-model';
import { agent, buildModel, EARLY, LATE, MOSCOW, rosterOf, teamInput } from './testing';

// Availability windows as a hard rule of the team roster (issue 4): a remote agent in Lisbon
// available 08:00–20:00 local must never get the 07:00 Europe/Moscow shape (04:00 in Lisbon).

const LISBON = 'Europe/Lisbon';
const daily = (start: string, end: string, days: number[] = [1, 2, 3, 4, 5, 6, 7]): AvailabilityByWeekday =>
  Object.fromEntries(days.map((day) => [day, [{ start, end }]]));
const lisbon = (id: string, availability: AvailabilityByWeekday | null = daily('08:00', '20:00')) => agent(id, { timeZone: LISBON, availability });
// Lisbon is on UTC+0 in early March, Moscow on UTC+3.
const input = (overrides: Partial<TeamRosterInput> = {}): TeamRosterInput => teamInput({ agents: [agent('a'), lisbon('l')], ...overrides });
const build = (overrides: Partial<TeamRosterInput> = {}): TeamRosterModel => buildModel(input(overrides));
const roster = rosterOf;

describe('availability in the team roster model', () => {
  it('bans the 07:00 Moscow shape (04:00 Lisbon) for a Lisbon agent available 08:00–20:00, and keeps the 15:00 one', () => {
    const model = build();
    expect(model.unavailable['l']).toEqual(['0:Early', '1:Early', '2:Early', '3:Early', '4:Early', '5:Early', '6:Early']);
    expect(model.unavailable['a']).toBeUndefined();
    const l = model.problem.employees.find((e) => e.id === 'l');
    expect(l?.minuteCaps).toContainEqual({ maxMinutes: 0, terms: [{ day: 0, shiftTypeId: 'Early', minutes: 480 }] });
    expect(l?.daysOff).toEqual([]);
    // A roster that gives l the early shape breaks a hard rule.
    expect(evaluateRoster(model.problem, roster(model, 'L------', 'E------')).hardViolations.map((v) => [v.employeeId, v.day ?? null, v.code])).toEqual([['l', 0, 'minute-cap']]);
  });

  it('makes a day with no available shape a day off, and leaves agents with null availability alone', () => {
    const model = build({ agents: [agent('a'), lisbon('l', daily('08:00', '20:00', [1, 2, 3, 4, 5])), lisbon('n', null)] });
    expect(model.problem.employees.find((e) => e.id === 'l')?.daysOff).toEqual([5, 6]);
    expect(model.unavailable['n']).toBeUndefined();
  });

  it('uses the agent’s zone on a DST day: Lisbon springs forward on 2026-03-29, Moscow does not', () => {
    // Sunday 29 March: Late is 12:00Z–20:00Z = 13:00–21:00 in Lisbon (WEST) after the change.
    const model = build({ from: '2026-03-28', to: '2026-03-29', shapes: [LATE] });
    expect(model.unavailable['l']).toEqual(['1:Late']);
  });

  it('keeps a cell the manager pinned with a fixed shift even outside availability', () => {
    const start = Date.parse('2026-03-02T04:00:00Z');
    const model = build({
      fixedShifts: [{ id: 'p', agentId: 'l', start, end: start + 8 * 3_600_000, timeZone: MOSCOW, channel: null, label: null, breaks: [], status: 'published', source: 'manual' }],
    });
    expect(model.unavailable['l'][0]).toBe('1:Early');
    expect(model.problem.locked).toEqual([{ employeeId: 'l', day: 0, shiftTypeId: 'Early' }]);
  });
});

describe('availability in drafts and unfilled cover', () => {
  it('drops a draft outside availability and reports the cover it leaves short', () => {
    const model = build({ agents: [lisbon('l')], shapes: [EARLY], to: '2026-03-02' });
    const forced = roster(model, 'E');
    expect(findAvailabilityBreaches({ model, roster: forced })).toEqual([{ agentId: 'l', date: '2026-03-02', shapeId: 'Early' }]);
    expect(rosterToDraftShifts({ model, roster: forced })).toEqual([]);
    expect(explainUnfilledCover({ model, roster: forced }).map((u) => [u.date, u.assigned, u.reason, u.message, u.blocked])).toEqual([
      ['2026-03-02', 0, 'availability', 'Nobody eligible is available then (1 agent is outside their availability)', { availability: 1 }],
    ]);
  });

  it('says availability is the binding reason when every eligible agent is outside theirs, and mixed otherwise', () => {
    const model = build({ agents: [lisbon('l'), lisbon('m')], shapes: [EARLY], to: '2026-03-03' });
    expect(explainUnfilledCover({ model, roster: roster(model) }).map((u) => [u.reason, u.message])).toEqual([
      ['availability', 'Nobody eligible is available then (2 agents are outside their availability)'],
      ['availability', 'Nobody eligible is available then (2 agents are outside their availability)'],
    ]);
    const mixed = build({
      agents: [lisbon('l'), agent('a')],
      shapes: [EARLY],
      to: '2026-03-02',
      timeOff: [{ agentId: 'a', start: Date.parse('2026-03-02T00:00:00Z'), end: Date.parse('2026-03-03T00:00:00Z') }],
    });
    expect(explainUnfilledCover({ model: mixed, roster: roster(mixed) }).map((u) => [u.reason, u.message])).toEqual([
      ['mixed', 'Every eligible agent is blocked: 1 outside their availability, 1 on time off or busy'],
    ]);
  });
});

describe('a generated roster with a remote agent abroad', () => {
  it('never gives the Lisbon agent a shape outside 08:00–20:00 Lisbon, and fills the early shape with the Moscow agents', async () => {
    const teamInput = input({ agents: [agent('a'), agent('b'), lisbon('l'), lisbon('m')] });
    const model = build(teamInput);
    const result = await generateRoster({ problem: model.problem, seed: 7, timeLimitMs: 20_000, maxIterations: 30, now: () => performance.now() });
    expect(result.feasible).toBe(true);
    expect(findAvailabilityBreaches({ model, roster: result.roster })).toEqual([]);
    const drafts = rosterToDraftShifts({ model, roster: result.roster });
    const remote = drafts.filter((d) => d.agentId === 'l' || d.agentId === 'm');
    expect(remote.length).toBeGreaterThan(0);
    expect(remote.every((d) => d.shapeId === 'Late')).toBe(true);
    for (const draft of remote) {
      const owner = teamInput.agents.find((a) => a.id === draft.agentId);
      expect(isWithinAvailability({ availability: owner?.availability, zone: LISBON, start: draft.start, end: draft.end })).toBe(true);
    }
    expect(drafts.filter((d) => d.shapeId === 'Early')).toHaveLength(7);
    expect(explainUnfilledCover({ model, roster: result.roster })).toEqual([]);
  });
});
