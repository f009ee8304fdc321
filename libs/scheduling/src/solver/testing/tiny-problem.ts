import type { Roster, RosterEmployee, RosterProblem } from '../roster-problem';

/**
 * Test fixtures: a two-week problem with an early (E) and a late (L) shift, where E cannot
 * follow L (L lists E in `cannotFollow`), and one relaxed employee to override per test.
 */
export function tinyEmployee(overrides: Partial<RosterEmployee> = {}): RosterEmployee {
  return {
    id: 'a',
    maxShifts: { E: 14, L: 14 },
    minTotalMinutes: 0,
    maxTotalMinutes: 14 * 480,
    maxConsecutiveDays: 14,
    minConsecutiveDays: 1,
    minConsecutiveDaysOff: 1,
    maxWeekends: 2,
    daysOff: [],
    ...overrides,
  };
}

export function tinyProblem(overrides: Partial<RosterProblem> = {}): RosterProblem {
  return {
    horizonDays: 14,
    firstWeekday: 1,
    shiftTypes: [
      { id: 'E', lengthMinutes: 480, cannotFollow: [] },
      { id: 'L', lengthMinutes: 480, cannotFollow: ['E'] },
    ],
    employees: [tinyEmployee()],
    cover: [],
    shiftOnRequests: [],
    shiftOffRequests: [],
    locked: [],
    ...overrides,
  };
}

/** `rows('EE-L…', …)`: one string per employee, one character per day, `-` = off. */
export function rosterOf(problem: RosterProblem, ...rows: string[]): Roster {
  return problem.employees.map((emp, i) => ({
    employeeId: emp.id,
    days: Array.from({ length: problem.horizonDays }, (_, d) => {
      const c = rows[i]?.[d] ?? '-';
      return c === '-' ? null : c;
    }),
  }));
}
