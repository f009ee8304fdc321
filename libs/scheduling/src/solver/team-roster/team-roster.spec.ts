import { performance } from 'node:perf_hooks';
import { computeCoverage } from '../../coverage/compute-coverage';
import { createCoverageRuleFromPreset, type CoverageRule } from '../../coverage/coverage-rule';
import { findGaps } from '../../coverage/find-gaps';
import type { SchedulingAgent, Shift } from '../../model/types';
import { checkLabourRules } from '../../rules/check-labour-rules';
import { evaluateRoster } from '../evaluate-roster';
import { generateRoster } from '../generate-roster';
import { buildTeamRosterProblem, REST_CONFLICT_WEIGHT } from './build-team-roster-problem';
import { explainUnfilledCover, rosterToDraftShifts } from './roster-to-drafts';
import type { RosterShiftShape, TeamRosterInput, TeamRosterModel } from './team-roster-model';
import { agent, buildModel, EARLY, LATE, labourRules, MOSCOW, rosterOf, sixteenHours, teamInput } from './testing';

const iso = (ms: number) => new Date(ms).toISOString();
const rules = labourRules;
const input = teamInput;
const build = (overrides: Partial<TeamRosterInput> = {}): TeamRosterModel => buildModel(teamInput(overrides));
const roster = rosterOf;

function fixedShift(overrides: Partial<Shift> & Pick<Shift, 'id' | 'agentId' | 'start' | 'end'>): Shift {
  return { timeZone: MOSCOW, channel: null, label: null, breaks: [], status: 'published', source: 'manual', ...overrides };
}

describe('buildTeamRosterProblem', () => {
  it('derives cover per day × shape from the rule, cannot-follow from the minimum rest, and the contract cap', () => {
    const night: RosterShiftShape = { id: 'Night', localStartTime: '23:00', lengthMinutes: 480 };
    const model = build({ shapes: [EARLY, LATE, night] });
    const { problem } = model;
    expect(problem.horizonDays).toBe(7);
    expect(problem.firstWeekday).toBe(1);
    expect(model.dates[6]).toBe('2026-03-08');
    // 07:00–23:00 needs one agent during Early and Late, nobody during Night.
    expect(problem.cover.filter((c) => c.day === 0).map((c) => [c.shiftTypeId, c.requirement])).toEqual([
      ['Early', 1],
      ['Late', 1],
      ['Night', 0],
    ]);
    // Late ends 23:00, Early starts 07:00: 8 h < 11 h rest.
    expect(problem.shiftTypes).toEqual([
      { id: 'Early', lengthMinutes: 480, cannotFollow: [] },
      { id: 'Late', lengthMinutes: 480, cannotFollow: ['Early'] },
      { id: 'Night', lengthMinutes: 480, cannotFollow: ['Early', 'Late'] },
    ]);
    expect(problem.employees[0]).toMatchObject({ id: 'a', maxConsecutiveDays: 6, maxShifts: { Early: 7, Late: 7, Night: 7 } });
    // Weekly hours: one cap per ISO week in the agent's zone; Sunday's night shape counts its one
    // hour before Monday 00:00 here and the rest in the next week.
    const caps = problem.employees[0].minuteCaps ?? [];
    expect(caps.map((cap) => cap.maxMinutes)).toEqual([2400, 2400]);
    expect(caps[0].terms).toHaveLength(21);
    expect(caps[0].terms.at(-1)).toEqual({ day: 6, shiftTypeId: 'Night', minutes: 60 });
    expect(caps[1].terms).toEqual([{ day: 6, shiftTypeId: 'Night', minutes: 420 }]);
    // A single day may use the whole week's contract: the rest of the week is not planned here.
    expect(build({ to: '2026-03-02', agents: [agent('a', { contractHoursPerWeek: 6 })] }).problem.employees[0].minuteCaps).toEqual([
      { maxMinutes: 360, terms: [{ day: 0, shiftTypeId: 'Early', minutes: 480 }, { day: 0, shiftTypeId: 'Late', minutes: 480 }] },
    ]);
  });

  it('puts a 08:00–16:00 Europe/Moscow shape at 05:00Z–13:00Z', () => {
    const model = build({ shapes: [{ id: 'Day', localStartTime: '08:00', lengthMinutes: 480 }] });
    expect(iso(model.spans[0][0].start)).toBe('2026-03-02T05:00:00.000Z');
    expect(iso(model.spans[0][0].end)).toBe('2026-03-02T13:00:00.000Z');
  });

  it('keeps local start and end of a Europe/Berlin shape across the spring-forward night (7 h)', () => {
    const model = build({
      timeZone: 'Europe/Berlin',
      from: '2026-03-28',
      to: '2026-03-29',
      agents: [agent('a', { timeZone: 'Europe/Berlin' })],
      rules: [],
      shapes: [{ id: 'Night', localStartTime: '22:00', lengthMinutes: 480 }],
    });
    const drafts = rosterToDraftShifts({ model, roster: roster(model, 'N-') });
    expect(drafts).toEqual([
      { agentId: 'a', date: '2026-03-28', shapeId: 'Night', start: Date.parse('2026-03-28T21:00:00Z'), end: Date.parse('2026-03-29T04:00:00Z'), timeZone: 'Europe/Berlin', channel: null, label: 'Night' },
    ]);
    // The next night is in summer time: 22:00 CEST is 20:00Z, 8 h again.
    expect(iso(model.spans[1][0].start)).toBe('2026-03-29T20:00:00.000Z');
    expect(model.spans[1][0].end - model.spans[1][0].start).toBe(8 * 3_600_000);
  });

  it('moves a local start in the spring-forward gap forward by the gap, and never drafts an empty shift', () => {
    const model = build({
      timeZone: 'Europe/Berlin',
      from: '2026-03-29',
      to: '2026-03-29',
      agents: [agent('a', { timeZone: 'Europe/Berlin' })],
      rules: [],
      shapes: [
        { id: 'Gap', localStartTime: '02:30', lengthMinutes: 480 },
        { id: 'Hour', localStartTime: '02:00', lengthMinutes: 60 },
      ],
    });
    // 02:30 does not exist that night: 03:30 CEST (01:30Z) to 10:30 CEST, 7 h.
    expect([iso(model.spans[0][0].start), iso(model.spans[0][0].end)]).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-29T08:30:00.000Z']);
    // 02:00–03:00 is all gap: an empty span, which no draft shift is made of.
    expect(model.spans[0][1].end - model.spans[0][1].start).toBe(0);
    const both = (shapeId: string) => rosterToDraftShifts({ model, roster: [{ employeeId: 'a', days: [shapeId] }] });
    expect(both('Gap')).toHaveLength(1);
    expect(both('Hour')).toEqual([]);
  });

  it('counts language and channel minimums only on shapes labelled with them, and checks agents against them', () => {
    const french: CoverageRule = { ...sixteenHours(), id: 'fr', name: 'French', windows: { 1: [{ start: '09:00', end: '18:00' }] }, language: { code: 'fr', minLevel: 'native' } };
    const phone: CoverageRule = { ...sixteenHours(), id: 'ph', name: 'Phone', minAgents: 2, channel: 'phone' };
    const model = build({
      agents: [agent('a', { languages: [{ code: 'fr', level: 'basic' }] }), agent('b', { languages: [{ code: 'fr', level: 'native' }], channels: ['phone'] })],
      rules: [sixteenHours(), french, phone],
      shapes: [EARLY, { id: 'French', localStartTime: '09:00', lengthMinutes: 540, language: 'fr' }, { id: 'Phone', localStartTime: '07:00', lengthMinutes: 480, channel: 'phone' }],
    });
    const monday = model.problem.cover.filter((c) => c.day === 0).map((c) => [c.shiftTypeId, c.requirement]);
    expect(monday).toEqual([
      ['Early', 1],
      ['French', 1],
      ['Phone', 2],
    ]);
    // Tuesday has no French window: the plain rule still asks one agent on the French shape.
    expect(model.problem.cover.find((c) => c.day === 1 && c.shiftTypeId === 'French')?.requirement).toBe(1);
    expect(model.eligibility).toEqual({
      a: { Early: null, French: 'language', Phone: 'channel' },
      b: { Early: null, French: null, Phone: null },
    });
    expect(model.problem.employees[0].maxShifts).toEqual({ Early: 7, French: 0, Phone: 0 });
  });

  it('pins fixed shifts that match a shape and blocks the day (and the rest around it) for others', () => {
    const early = build().spans[0][0];
    const model = build({
      fixedShifts: [
        fixedShift({ id: 'pinned', agentId: 'a', start: early.start, end: early.end }),
        // b: 10:00–18:00 Moscow on Tuesday, no shape matches; it covers nothing whole.
        fixedShift({ id: 'odd', agentId: 'b', start: Date.parse('2026-03-03T07:00:00Z'), end: Date.parse('2026-03-03T15:00:00Z') }),
      ],
    });
    expect(model.problem.locked).toEqual([{ employeeId: 'a', day: 0, shiftTypeId: 'Early' }]);
    expect(model.pinned).toEqual({ 'a:0': 'pinned' });
    expect(model.busyDays).toEqual({ b: [1] });
    expect(model.problem.employees[1]).toMatchObject({ daysOff: [1] });
    expect(model.problem.employees[1].minuteCaps?.[0].maxMinutes).toBe(32 * 60);
    // Monday Late ends 23:00, 11 h before 10:00; 18:00 + 11 h is 05:00 Wednesday, before Early: no conflict.
    expect(model.restConflicts).toEqual({});
    const drafts = rosterToDraftShifts({ model, roster: roster(model, 'E', '-L') });
    expect(drafts.map((d) => `${d.agentId}:${d.date}:${d.shapeId}`)).toEqual(['b:2026-03-03:Late']);
  });

  it('turns cells within the minimum rest of a fixed shift into heavy shift-off requests', () => {
    // b works 01:00–09:00 Moscow on Tuesday (no shape): Monday's Early and Late end less than
    // 11 h before; 09:00 + 11 h is 20:00 Tuesday, so Wednesday is free.
    const model = build({ fixedShifts: [fixedShift({ id: 'x', agentId: 'b', start: Date.parse('2026-03-02T22:00:00Z'), end: Date.parse('2026-03-03T06:00:00Z') })] });
    expect(model.restConflicts['b']).toEqual(['0:Early', '0:Late']);
    expect(model.problem.shiftOffRequests).toContainEqual({ employeeId: 'b', day: 0, shiftTypeId: 'Late', weight: REST_CONFLICT_WEIGHT });
  });

  it('takes days with time off out, and leaves inactive agents out of the roster', () => {
    const model = build({
      agents: [agent('a'), agent('z', { active: false })],
      timeOff: [{ agentId: 'a', start: Date.parse('2026-03-04T00:00:00Z'), end: Date.parse('2026-03-05T00:00:00Z') }],
    });
    expect(model.problem.employees.map((e) => e.id)).toEqual(['a']);
    expect(model.problem.employees[0].daysOff).toEqual([2]);
    expect(model.eligibility['z']).toEqual({ Early: 'inactive', Late: 'inactive' });
  });

  it('refuses a bad period or shape with the field named', () => {
    expect(buildTeamRosterProblem(input({ to: '2026-03-01' }))).toMatchObject({ ok: false, field: 'to', message: 'to must be on or after from' });
    expect(buildTeamRosterProblem(input({ shapes: [EARLY, { ...LATE, id: 'Early' }] }))).toMatchObject({ ok: false, field: 'shapes.1.id' });
    expect(buildTeamRosterProblem(input({ shapes: [{ ...EARLY, localStartTime: '7:00' }] }))).toMatchObject({ ok: false, field: 'shapes.0.start' });
    expect(buildTeamRosterProblem(input({ to: '2027-03-08' }))).toMatchObject({ ok: false, field: 'to', message: 'the period may span at most 366 days' });
    for (const cap of [2.5, -1, 367]) {
      expect(buildTeamRosterProblem(input({ shapes: [EARLY, { ...LATE, maxPerAgent: cap }] }))).toMatchObject({ ok: false, field: 'shapes.1.maxPerAgent', message: 'shapes.1.maxPerAgent must be a whole number from 0 to 366, or null for no cap' });
    }
  });

  it("caps a shape per agent over the period, and keeps a pinned shift past the cap", () => {
    const capped = build({ shapes: [EARLY, { ...LATE, maxPerAgent: 2 }] });
    expect(capped.problem.employees.map((e) => e.maxShifts)).toEqual(Array(4).fill({ Early: 7, Late: 2 }));
    // 'a' has three Late shifts pinned: all stay, and the cap for 'a' is those three.
    const pinned = [2, 3, 4].map((day) =>
      fixedShift({ id: `late-${day}`, agentId: 'a', start: Date.parse(`2026-03-0${day}T12:00:00Z`), end: Date.parse(`2026-03-0${day}T20:00:00Z`) }),
    );
    const withPinned = build({ shapes: [EARLY, { ...LATE, maxPerAgent: 2 }], fixedShifts: pinned });
    expect(withPinned.problem.employees.find((e) => e.id === 'a')?.maxShifts).toEqual({ Early: 7, Late: 3 });
    expect(withPinned.problem.employees.find((e) => e.id === 'b')?.maxShifts).toEqual({ Early: 7, Late: 2 });
  });
});

describe('explainUnfilledCover', () => {
  it('names the language nobody speaks and the channel nobody works', () => {
    const french: CoverageRule = { ...sixteenHours(), id: 'fr', name: 'French', language: { code: 'fr', minLevel: 'native' } };
    const phone: CoverageRule = { ...sixteenHours(), id: 'ph', name: 'Phone', channel: 'phone' };
    const model = build({
      to: '2026-03-02',
      agents: [agent('a'), agent('b', { languages: [{ code: 'fr', level: 'fluent' }] })],
      rules: [french, phone],
      shapes: [
        { id: 'French', localStartTime: '07:00', lengthMinutes: 480, language: 'fr' },
        { id: 'Phone', localStartTime: '15:00', lengthMinutes: 480, channel: 'phone' },
      ],
    });
    const unfilled = explainUnfilledCover({ model, roster: roster(model) });
    expect(unfilled.map((u) => [u.shapeId, u.reason, u.message])).toEqual([
      ['French', 'no-eligible-agent', 'Nobody eligible: no active agent speaks French (fr) at native level or better'],
      ['Phone', 'no-eligible-agent', 'Nobody eligible: no active agent works the phone channel'],
    ]);
    expect(unfilled[0]).toMatchObject({ date: '2026-03-02', required: 1, assigned: 0, start: Date.parse('2026-03-02T04:00:00Z'), end: Date.parse('2026-03-02T12:00:00Z') });
  });

  it('says when every eligible agent is at the weekly-hours limit', () => {
    const model = build({ agents: [agent('a', { contractHoursPerWeek: 16 })], shapes: [EARLY] });
    const unfilled = explainUnfilledCover({ model, roster: roster(model, 'EE') });
    expect(unfilled).toHaveLength(5);
    expect(unfilled[0]).toMatchObject({ date: '2026-03-04', reason: 'weekly-hours', message: 'Every eligible agent is at the weekly-hours limit of their contract (1 agent)', blocked: { 'weekly-hours': 1 } });
  });

  it('says when every eligible agent is at the consecutive-days limit, on time off, or blocked for mixed reasons', () => {
    const model = build({
      agents: [agent('a', { contractHoursPerWeek: 60 }), agent('b')],
      shapes: [EARLY],
      labourRules: rules({ maxConsecutiveDays: 3 }),
      timeOff: [{ agentId: 'b', start: Date.parse('2026-03-02T00:00:00Z'), end: Date.parse('2026-03-09T00:00:00Z') }],
    });
    const unfilled = explainUnfilledCover({ model, roster: roster(model, 'EEE-EEE') });
    expect(unfilled.map((u) => [u.date, u.reason, u.message])).toEqual([
      ['2026-03-05', 'mixed', 'Every eligible agent is blocked: 1 on time off or busy, 1 held by the consecutive-days rules'],
    ]);
    const alone = build({ agents: [agent('b', { contractHoursPerWeek: 60 })], shapes: [EARLY], labourRules: rules({ maxConsecutiveDays: 5 }), timeOff: [{ agentId: 'b', start: Date.parse('2026-03-02T00:00:00Z'), end: Date.parse('2026-03-03T00:00:00Z') }] });
    expect(explainUnfilledCover({ model: alone, roster: roster(alone, '-EEEEE-') }).map((u) => [u.date, u.reason, u.message])).toEqual([
      ['2026-03-02', 'time-off', 'Every eligible agent is on time off or busy in their calendar (1 agent)'],
      ['2026-03-08', 'consecutive-days', 'Every eligible agent is held by the consecutive-days rules: too many days in a row, or too short a run of work or of days off (1 agent)'],
    ]);
  });

  it("says when every eligible agent has worked the shape's cap", () => {
    const model = build({ agents: [agent('a'), agent('b')], shapes: [{ ...EARLY, maxPerAgent: 3 }] });
    const unfilled = explainUnfilledCover({ model, roster: roster(model, 'EEE----', '---EEE-') });
    expect(unfilled.map((u) => [u.date, u.reason, u.message])).toEqual([
      ['2026-03-08', 'shape-cap', 'Every eligible agent already works as many of this shape as the generation allows per agent (2 agents)'],
    ]);
  });

  it('says the search stopped when an eligible agent was still free', () => {
    const model = build({ agents: [agent('a')], shapes: [EARLY] });
    const unfilled = explainUnfilledCover({ model, roster: roster(model, 'EEEE') });
    expect(unfilled[0]).toMatchObject({ date: '2026-03-06', reason: 'search-stopped', message: '1 agent could still take it: the search stopped before using them (a longer time limit may fill it)' });
  });
});

describe('a generated team roster', () => {
  it('gives the work to the cheaper of otherwise equal agents, and never trades cover for cost', async () => {
    const oneDay = { from: '2026-03-02', to: '2026-03-02', shapes: [EARLY, LATE], agents: [agent('dear'), agent('cheap')] };
    const model = build({ ...oneDay, hourlyCosts: { dear: 90_000, cheap: 30_000 } });
    // The dearest agent's hour weighs 1/25: an 8 h shift stays under the smallest cover penalty (1).
    const [dearest, cheapest] = model.problem.employees;
    expect(dearest.hourlyCost).toBeCloseTo(1 / 25, 12);
    expect(cheapest.hourlyCost).toBeCloseTo(1 / 75, 12);
    const result = await generateRoster({ problem: model.problem, seed: 1, timeLimitMs: 20_000, now: () => performance.now() });
    // Both shapes need somebody: both agents work (cover first), one shape each.
    expect(result.breakdown.coverUnder).toBe(0);
    expect(result.roster.map((r) => r.days[0]).filter(Boolean)).toHaveLength(2);

    const single = build({ ...oneDay, shapes: [EARLY], hourlyCosts: { dear: 90_000, cheap: 30_000 } });
    const cheap = await generateRoster({ problem: single.problem, seed: 1, timeLimitMs: 20_000, now: () => performance.now() });
    expect(cheap.roster.find((r) => r.employeeId === 'cheap')?.days[0]).toBe('Early');
    expect(cheap.roster.find((r) => r.employeeId === 'dear')?.days[0]).toBeNull();
    // The other way round, the other agent; without pay data there is no cost term at all.
    const swapped = build({ ...oneDay, shapes: [EARLY], hourlyCosts: { dear: 30_000, cheap: 90_000 } });
    const other = await generateRoster({ problem: swapped.problem, seed: 1, timeLimitMs: 20_000, now: () => performance.now() });
    expect(other.roster.find((r) => r.employeeId === 'dear')?.days[0]).toBe('Early');
    expect(build({ ...oneDay, shapes: [EARLY] }).problem.employees.every((e) => e.hourlyCost === undefined)).toBe(true);
  });

  it('covers a 16 h target for a week with four agents: no gaps in computeCoverage/findGaps, no labour violation', async () => {
    const teamInput = input();
    const model = build();
    const result = await generateRoster({ problem: model.problem, seed: 1, timeLimitMs: 20_000, now: () => performance.now() });
    expect(result.feasible).toBe(true);
    expect(result.breakdown.coverUnder).toBe(0);
    expect(evaluateRoster(model.problem, result.roster).hardViolations).toEqual([]);
    expect(explainUnfilledCover({ model, roster: result.roster })).toEqual([]);

    const drafts = rosterToDraftShifts({ model, roster: result.roster });
    expect(drafts).toHaveLength(14);
    const shifts: Shift[] = drafts.map((d, i) => ({ id: `draft-${i}`, agentId: d.agentId, start: d.start, end: d.end, timeZone: d.timeZone, channel: d.channel, label: d.label, breaks: [], status: 'draft', source: 'roster' }));
    const from = Date.parse('2026-03-01T21:00:00Z'); // Monday 00:00 Moscow
    const coverage = computeCoverage({ from, to: from + 7 * 86_400_000, shifts, agents: teamInput.agents, rules: teamInput.rules });
    if (!coverage.ok) throw new Error(coverage.message);
    expect(findGaps({ coverage: coverage.value, includeSinglePoint: false })).toEqual([]);
    // The labour-rule check of issue 3 (rest, weekly hours vs contract, consecutive days, weekly rest) finds nothing.
    expect(checkLabourRules({ agents: teamInput.agents, shifts, rules: teamInput.labourRules, from, to: from + 7 * 86_400_000 })).toEqual([]);
  });

  it("never gives an agent more of a shape than its cap, and names the cap for the day it leaves open", async () => {
    const model = build({ agents: [agent('a'), agent('b')], shapes: [{ ...EARLY, maxPerAgent: 3 }] });
    const result = await generateRoster({ problem: model.problem, seed: 1, timeLimitMs: 10_000, now: () => performance.now() });
    expect(result.feasible).toBe(true);
    expect(result.roster.map((row) => row.days.filter((id) => id === 'Early').length)).toEqual([3, 3]);
    const unfilled = explainUnfilledCover({ model, roster: result.roster });
    expect(unfilled.map((u) => u.reason)).toEqual(['shape-cap']);
  });

  it('covers two weeks with a night shape in Europe/Berlin across the spring-forward night, within the labour rules', async () => {
    const berlin = (id: string): SchedulingAgent => agent(id, { timeZone: 'Europe/Berlin' });
    const teamInput = input({
      timeZone: 'Europe/Berlin',
      from: '2026-03-23',
      to: '2026-04-05',
      agents: ['a', 'b', 'c', 'd', 'e', 'f'].map(berlin),
      rules: [createCoverageRuleFromPreset({ preset: '24/7', timeZone: 'Europe/Berlin', minAgents: 1, id: 'r24' })],
      shapes: [
        { id: 'Day', localStartTime: '06:00', lengthMinutes: 480 },
        { id: 'Evening', localStartTime: '14:00', lengthMinutes: 480 },
        { id: 'Night', localStartTime: '22:00', lengthMinutes: 480 },
      ],
    });
    const built = buildTeamRosterProblem(teamInput);
    if (!built.ok) throw new Error(built.message);
    const model = built.value;
    const result = await generateRoster({ problem: model.problem, seed: 3, timeLimitMs: 20_000, now: () => performance.now() });
    expect(result.breakdown.coverUnder).toBe(0);
    const drafts = rosterToDraftShifts({ model, roster: result.roster });
    const night = drafts.find((d) => d.date === '2026-03-28' && d.shapeId === 'Night');
    expect(night && [iso(night.start), iso(night.end)]).toEqual(['2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z']);
    const shifts: Shift[] = drafts.map((d, i) => ({ id: `draft-${i}`, agentId: d.agentId, start: d.start, end: d.end, timeZone: d.timeZone, channel: d.channel, label: d.label, breaks: [], status: 'draft', source: 'roster' }));
    // From Monday's 06:00 (before it, the night shift of the previous period is on duty) to the
    // end of the last night shape, 06:00 CEST on Monday 6 April.
    const from = Date.parse('2026-03-23T05:00:00Z');
    const to = Date.parse('2026-04-06T04:00:00Z');
    const coverage = computeCoverage({ from, to, shifts, agents: teamInput.agents, rules: teamInput.rules });
    if (!coverage.ok) throw new Error(coverage.message);
    expect(findGaps({ coverage: coverage.value, includeSinglePoint: false })).toEqual([]);
    expect(checkLabourRules({ agents: teamInput.agents, shifts, rules: teamInput.labourRules, from, to })).toEqual([]);
  });
});
