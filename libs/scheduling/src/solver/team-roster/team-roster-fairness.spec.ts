import { performance } from 'node:perf_hooks';
import { createCoverageRuleFromPreset } from '../../coverage/coverage-rule';
import { evaluateRoster } from '../evaluate-roster';
import { generateRoster } from '../generate-roster';
import { isNightShape } from './build-team-roster-problem';
import { explainUnfilledCover } from './roster-to-drafts';
import type { RosterShiftShape, TeamFairness, TeamRosterInput, TeamRosterModel } from './team-roster-model';
import { agent, buildModel, EARLY, LATE, MOSCOW, rosterOf, teamInput } from './testing';

// Fairness and minimum runs in the team roster (issue 4): nights, weekends and holidays spread by contract share,
// isolated working days avoided. The week is Monday 2 – Sunday 8 March 2026, Moscow.

const NIGHT: RosterShiftShape = { id: 'Night', localStartTime: '23:00', lengthMinutes: 480 };
const FAIR: TeamFairness = { nightsWeight: 1, weekendsWeight: 1, holidaysWeight: 1, isolatedDayWeight: 1, holidays: [] };
const build = (overrides: Partial<TeamRosterInput> = {}): TeamRosterModel => buildModel(teamInput(overrides));

describe('isNightShape', () => {
  it('calls a shape a night when at least half of it lies between 22:00 and 06:00', () => {
    expect(isNightShape(23 * 60, 480)).toBe(true);
    expect(isNightShape(18 * 60, 480)).toBe(true); // 18:00–02:00: 4 of 8 hours
    expect(isNightShape(16 * 60, 480)).toBe(false); // 16:00–24:00: 2 of 8 hours
    expect(isNightShape(0, 240)).toBe(true);
    expect(isNightShape(7 * 60, 480)).toBe(false);
    expect(isNightShape(0, 1440)).toBe(false); // 8 of 24 hours
  });
});

describe('fairness in the team roster model', () => {
  it('marks night shapes, holidays of the period, and shares by contract hours', () => {
    const model = build({
      shapes: [EARLY, LATE, NIGHT],
      agents: [agent('full'), agent('half', { contractHoursPerWeek: 20 })],
      fairness: { ...FAIR, holidays: ['2026-03-08', '2026-05-01'] },
    });
    expect(model.problem.fairness).toEqual({ nightShiftTypeIds: ['Night'], holidayDays: [6], nightsWeight: 1, weekendsWeight: 1, holidaysWeight: 1, isolatedDayWeight: 1 });
    const [full, half] = model.problem.employees;
    // Default labour rules: contract + tolerance per ISO week; the half-timer's share is smaller.
    expect(half.maxTotalMinutes).toBeLessThan(full.maxTotalMinutes);
    expect(build().problem.fairness).toBeUndefined();
  });

  it('spreads the nights of a week evenly over agents with equal contracts', async () => {
    const agents = ['a', 'b', 'c', 'd'].map((id) => agent(id));
    const nightsOnly = { shapes: [NIGHT], agents, rules: [createCoverageRuleFromPreset({ preset: '24/7', timeZone: MOSCOW, minAgents: 1, id: 'r24' })] };
    const nightsOf = (roster: { employeeId: string; days: (string | null)[] }[]) => roster.map((row) => row.days.filter((d) => d === 'Night').length).sort();
    const fair = buildModel(teamInput({ ...nightsOnly, fairness: FAIR }));
    const result = await generateRoster({ problem: fair.problem, seed: 1, timeLimitMs: 20_000, now: () => performance.now() });
    expect(evaluateRoster(fair.problem, result.roster).hardViolations).toEqual([]);
    expect(result.breakdown.coverUnder).toBe(0);
    // Seven nights over four agents: 2, 2, 2, 1; never an eighth, surplus night to even it out.
    expect(result.breakdown.coverOver).toBe(0);
    expect(nightsOf(result.roster)).toEqual([1, 2, 2, 2]);
    // Mean 1.75: |2 − 1.75| × 3 + |1 − 1.75|.
    expect(result.breakdown.nights).toBeCloseTo(1.5);
  });
});

describe('minimum runs in the team roster model', () => {
  it('maps the team’s minimum runs of work and of days off, and names them when they keep a seat empty', () => {
    const model = buildModel(
      teamInput({ to: '2026-03-06', agents: [agent('a')], shapes: [EARLY], labourRules: { defaults: { ...teamInput().labourRules.defaults, minConsecutiveDays: 2, minConsecutiveDaysOff: 2 } } }),
    );
    expect(model.problem.employees[0]).toMatchObject({ minConsecutiveDays: 2, minConsecutiveDaysOff: 2 });
    // Works Monday, Tuesday and Friday: Wednesday or Thursday would leave a single day off.
    const unfilled = explainUnfilledCover({ model, roster: rosterOf(model, 'EE--E') });
    expect(unfilled.map((u) => [u.date, u.reason])).toEqual([
      ['2026-03-04', 'consecutive-days'],
      ['2026-03-05', 'consecutive-days'],
    ]);
    expect(evaluateRoster(model.problem, rosterOf(model, 'EE-EE')).hardViolations.map((v) => v.code)).toEqual(['min-consecutive-days-off']);
  });
});

describe('working weekends in the team roster model', () => {
  const capped = (to: string) =>
    buildModel(teamInput({ to, agents: [agent('a')], shapes: [EARLY], labourRules: { defaults: { ...teamInput().labourRules.defaults, maxWorkingWeekendsPer4Weeks: 1 } } })).problem.employees[0].maxWeekends;

  it('caps weekends by the team’s rule: the cap itself up to four weekends, its share beyond', () => {
    expect(capped('2026-03-08')).toBe(1);
    expect(capped('2026-03-29')).toBe(1); // four weekends
    expect(capped('2026-04-26')).toBe(2); // eight weekends
    expect(buildModel(teamInput({ agents: [agent('a')] })).problem.employees[0].maxWeekends).toBe(7);
  });
});
