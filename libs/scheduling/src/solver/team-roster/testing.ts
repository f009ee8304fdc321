import { createCoverageRuleFromPreset, type CoverageRule } from '../../coverage/coverage-rule';
import type { SchedulingAgent } from '../../model/types';
import { DEFAULT_LABOUR_RULES, type LabourRulesSet } from '../../rules/labour-rules';
import type { Roster } from '../roster-problem';
import { buildTeamRosterProblem } from './build-team-roster-problem';
import type { RosterShiftShape, TeamRosterInput, TeamRosterModel } from './team-roster-model';

// Fixtures shared by the team-roster specs: a Moscow team with two 8-hour shapes over one week.

export const MOSCOW = 'Europe/Moscow';
export const EARLY: RosterShiftShape = { id: 'Early', localStartTime: '07:00', lengthMinutes: 480 };
export const LATE: RosterShiftShape = { id: 'Late', localStartTime: '15:00', lengthMinutes: 480 };

export function agent(id: string, overrides: Partial<SchedulingAgent> = {}): SchedulingAgent {
  return { id, displayName: id, timeZone: MOSCOW, languages: [{ code: 'ru', level: 'native' }], channels: ['email', 'chat'], contractHoursPerWeek: 40, active: true, ...overrides };
}

export const sixteenHours = (): CoverageRule => createCoverageRuleFromPreset({ preset: '16h', timeZone: MOSCOW, minAgents: 1, id: 'r16' });
export const labourRules = (overrides: Partial<typeof DEFAULT_LABOUR_RULES> = {}): LabourRulesSet => ({ defaults: { ...DEFAULT_LABOUR_RULES, ...overrides } });

/** Monday 2 March to Sunday 8 March 2026, 16 h × 1 cover, Early and Late; four agents unless given. */
export function teamInput(overrides: Partial<TeamRosterInput> = {}): TeamRosterInput {
  return {
    timeZone: MOSCOW,
    from: '2026-03-02',
    to: '2026-03-08',
    agents: [agent('a'), agent('b'), agent('c'), agent('d')],
    rules: [sixteenHours()],
    shapes: [EARLY, LATE],
    labourRules: labourRules(),
    fixedShifts: [],
    timeOff: [],
    ...overrides,
  };
}

export function buildModel(input: TeamRosterInput): TeamRosterModel {
  const result = buildTeamRosterProblem(input);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** One string per employee of the model, one character per day: the shape id's first letter, `-` off. */
export function rosterOf(model: TeamRosterModel, ...rows: string[]): Roster {
  const byLetter = new Map(model.shapes.map((s) => [s.id[0], s.id]));
  return model.problem.employees.map((e, i) => ({ employeeId: e.id, days: model.dates.map((_, d) => byLetter.get(rows[i]?.[d] ?? '-') ?? null) }));
}
