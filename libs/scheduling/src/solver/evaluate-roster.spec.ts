import { evaluateRoster } from './evaluate-roster';
import type { HardViolationCode, RosterEmployee, RosterProblem } from './roster-problem';
import { rosterOf, tinyEmployee, tinyProblem } from './testing/tiny-problem';

function codes(problem: RosterProblem, row: string): HardViolationCode[] {
  return evaluateRoster(problem, rosterOf(problem, row)).hardViolations.map((v) => v.code);
}

function withEmployee(overrides: Partial<RosterEmployee>): RosterProblem {
  return tinyProblem({ employees: [tinyEmployee(overrides)] });
}

describe('evaluateRoster: hard rules (one passing and one failing roster each)', () => {
  //            day: 01234567890123   (day 0 = Monday; 5,6 and 12,13 are weekends)
  it('rest: E may not follow L on the next day', () => {
    const p = tinyProblem();
    expect(codes(p, 'EL------------')).toEqual([]);
    expect(codes(p, 'LE------------')).toEqual(['rest']);
    expect(evaluateRoster(p, rosterOf(p, 'LE')).hardViolations[0]).toMatchObject({ employeeId: 'a', day: 1 });
  });

  it('max shifts per type, and 0 means the skill is missing', () => {
    const p = withEmployee({ maxShifts: { E: 2, L: 0 } });
    expect(codes(p, 'EE------------')).toEqual([]);
    expect(codes(p, 'EEE-----------')).toEqual(['max-shifts-per-type']);
    expect(codes(p, 'L-------------')).toEqual(['max-shifts-per-type']);
  });

  it('min and max total minutes', () => {
    const p = withEmployee({ minTotalMinutes: 960, maxTotalMinutes: 1440 });
    expect(codes(p, 'EE------------')).toEqual([]);
    expect(codes(p, 'EEE-----------')).toEqual([]);
    expect(codes(p, 'E-------------')).toEqual(['min-total-minutes']);
    expect(codes(p, 'EEEE----------')).toEqual(['max-total-minutes']);
  });

  it('minute caps: only the listed cells count, with their own minutes', () => {
    // Days 0–6 at most 960 min; an L on day 6 counts 120 min (e.g. a night split by the week end).
    const terms = [0, 1, 2, 3, 4, 5].map((day) => ({ day, shiftTypeId: 'E', minutes: 480 }));
    const p = withEmployee({ minuteCaps: [{ maxMinutes: 960, terms: [...terms, { day: 6, shiftTypeId: 'L', minutes: 120 }] }] });
    expect(codes(p, 'EE-----EEEEEE-')).toEqual([]);
    expect(codes(p, 'E-----L-------')).toEqual([]);
    expect(codes(p, 'EE----L-------')).toEqual(['minute-cap']);
    expect(codes(p, 'E-E-E---------')).toEqual(['minute-cap']);
  });

  it('max consecutive working days', () => {
    const p = withEmployee({ maxConsecutiveDays: 3 });
    expect(codes(p, 'EEE-EEE-------')).toEqual([]);
    expect(codes(p, '-EEEE---------')).toEqual(['max-consecutive-days']);
  });

  it('min consecutive working days, exempt at the horizon edges', () => {
    const p = withEmployee({ minConsecutiveDays: 2 });
    expect(codes(p, 'E--EE--------E')).toEqual([]);
    expect(codes(p, '--E-----------')).toEqual(['min-consecutive-days']);
  });

  it('min consecutive days off, exempt at the horizon edges', () => {
    const p = withEmployee({ minConsecutiveDaysOff: 2 });
    expect(codes(p, '-EE--EEEEEEEE-')).toEqual([]);
    expect(codes(p, 'EE-EEEEEEEEEEE')).toEqual(['min-consecutive-days-off']);
  });

  it('max working weekends: Saturday or Sunday worked counts the weekend once', () => {
    const p = withEmployee({ maxWeekends: 1 });
    expect(codes(p, '-----EE-------')).toEqual([]);
    expect(codes(p, '------E------E')).toEqual(['max-weekends']);
  });

  it('weekends follow firstWeekday (day 0 a Sunday is a weekend on its own)', () => {
    const p = tinyProblem({ firstWeekday: 7, employees: [tinyEmployee({ maxWeekends: 1 })] });
    expect(codes(p, 'E-----E-------')).toEqual(['max-weekends']);
    expect(codes(p, 'E---E---------')).toEqual([]);
  });

  it('days off', () => {
    const p = withEmployee({ daysOff: [3] });
    expect(codes(p, 'EEE-EE--------')).toEqual([]);
    expect(codes(p, 'EEEE----------')).toEqual(['day-off']);
  });

  it('locked assignments, including a pinned day off', () => {
    const p = tinyProblem({ locked: [{ employeeId: 'a', day: 2, shiftTypeId: 'L' }, { employeeId: 'a', day: 4, shiftTypeId: null }] });
    expect(codes(p, '--L-----------')).toEqual([]);
    expect(codes(p, '--E-E---------')).toEqual(['locked', 'locked']);
  });

  it('unknown shift types and rows of the wrong length', () => {
    const p = tinyProblem();
    expect(codes(p, 'X-------------')).toEqual(['unknown-shift-type']);
    expect(evaluateRoster(p, [{ employeeId: 'a', days: [null] }]).hardViolations.map((v) => v.code)).toEqual(['wrong-horizon']);
    expect(evaluateRoster(p, []).hardViolations.map((v) => v.code)).toEqual(['wrong-row-count', 'wrong-row-count']);
  });
});

describe('evaluateRoster: objective terms', () => {
  const p = tinyProblem({
    employees: [tinyEmployee({ id: 'a', hourlyCost: 1500 }), tinyEmployee({ id: 'b' })],
    cover: [
      { day: 0, shiftTypeId: 'E', requirement: 2, underWeight: 100, overWeight: 1 },
      { day: 1, shiftTypeId: 'E', requirement: 0, underWeight: 100, overWeight: 3 },
    ],
    shiftOnRequests: [{ employeeId: 'b', day: 2, shiftTypeId: 'L', weight: 4 }],
    shiftOffRequests: [{ employeeId: 'a', day: 0, shiftTypeId: 'E', weight: 2 }],
  });

  it('prices under- and over-cover, shift-on and shift-off requests and labour cost', () => {
    // a: E on 0 and 1 (16 h × 1500); b: off. Day 0 E: 1 of 2 → under 100; day 1 E: 1 of 0 → over 3.
    const result = evaluateRoster(p, rosterOf(p, 'EE', '--'));
    expect(result.breakdown).toEqual({ coverUnder: 100, coverOver: 3, shiftOn: 4, shiftOff: 2, cost: 24000, nights: 0, weekends: 0, holidays: 0, isolatedDays: 0 });
    expect(result.objective).toBe(100 + 3 + 4 + 2 + 24000);
    expect(result.hardViolations).toEqual([]);
  });

  it('scores zero penalty for a perfect roster', () => {
    const perfect = evaluateRoster(p, rosterOf(p, '-', 'E-L'));
    expect(perfect.breakdown).toEqual({ coverUnder: 100, coverOver: 0, shiftOn: 0, shiftOff: 0, cost: 0, nights: 0, weekends: 0, holidays: 0, isolatedDays: 0 });
    const both = tinyProblem({ ...p, employees: [tinyEmployee({ id: 'a' }), tinyEmployee({ id: 'b' })], shiftOffRequests: [] });
    expect(evaluateRoster(both, rosterOf(both, 'E', 'E-L')).objective).toBe(0);
  });
});

describe('evaluateRoster: fairness terms', () => {
  const fairness = { nightShiftTypeIds: ['L'], holidayDays: [], nightsWeight: 0, weekendsWeight: 0, holidaysWeight: 0, isolatedDayWeight: 0 };
  const three = (overrides: Partial<RosterEmployee>[] = []) =>
    ['a', 'b', 'c'].map((id, i) => tinyEmployee({ id, ...overrides[i] }));

  it('nights: deviation from the team mean, per night', () => {
    const p = tinyProblem({ employees: three(), fairness: { ...fairness, nightsWeight: 10 } });
    // 3, 0, 0 nights: mean 1 → |3−1| + |0−1| + |0−1| = 4 nights off target.
    expect(evaluateRoster(p, rosterOf(p, 'LLL', '', 'EE')).breakdown.nights).toBe(40);
    expect(evaluateRoster(p, rosterOf(p, 'L', '-L', '--L')).breakdown.nights).toBe(0);
    expect(evaluateRoster(p, rosterOf(p, 'L', '-L', '--L')).objective).toBe(0);
  });

  it('nights: the target scales with maxTotalMinutes, and who cannot work nights has none', () => {
    const p = tinyProblem({
      employees: three([{}, { maxTotalMinutes: 7 * 480 }, { maxShifts: { E: 14, L: 0 } }]),
      fairness: { ...fairness, nightsWeight: 1 },
    });
    // a and b share 3 nights 2 : 1 (14 vs 7 days of contract); c is not in the pool.
    expect(evaluateRoster(p, rosterOf(p, 'LL', '--L', 'EEEE')).breakdown.nights).toBe(0);
    // 1.5 nights each would be fair for equals; here a's target is 2, b's 1: off by 1 + 1.
    expect(evaluateRoster(p, rosterOf(p, 'L', '-LL', '')).breakdown.nights).toBeCloseTo(2, 9);
  });

  it('weekends count Saturday and Sunday days worked, from firstWeekday; holidays count listed days', () => {
    const p = tinyProblem({ employees: three().slice(0, 2), fairness: { ...fairness, weekendsWeight: 1, holidaysWeight: 5, holidayDays: [2, 40] } });
    //                                       day 0123456  (5, 6 = Sat, Sun)
    expect(evaluateRoster(p, rosterOf(p, '-----EE', '')).breakdown.weekends).toBe(2);
    expect(evaluateRoster(p, rosterOf(p, '-----E-', '------E')).breakdown.weekends).toBe(0);
    expect(evaluateRoster(p, rosterOf(p, '--E', '')).breakdown.holidays).toBe(5);
    const sunday = tinyProblem({ ...p, firstWeekday: 7 });
    // Day 0 is a Sunday; day 6 a Saturday.
    expect(evaluateRoster(sunday, rosterOf(sunday, 'E-----E', '')).breakdown.weekends).toBe(2);
    expect(evaluateRoster(sunday, rosterOf(sunday, '-----EE', '')).breakdown.weekends).toBe(1);
  });

  it('weekends: an employee with maxWeekends 0 has no target', () => {
    const p = tinyProblem({ employees: three([{}, { maxWeekends: 0 }]).slice(0, 2), fairness: { ...fairness, weekendsWeight: 1 } });
    expect(evaluateRoster(p, rosterOf(p, '-----EE', '')).breakdown.weekends).toBe(0);
  });

  it('isolated days: off on both sides; the horizon edges are not days off', () => {
    const p = tinyProblem({ fairness: { ...fairness, isolatedDayWeight: 3 } });
    //                                  day 01234567890123
    expect(evaluateRoster(p, rosterOf(p, '-E-EE--E------')).breakdown.isolatedDays).toBe(6);
    expect(evaluateRoster(p, rosterOf(p, 'E-EE--------LE')).breakdown.isolatedDays).toBe(0);
    expect(evaluateRoster(p, rosterOf(p, 'E------------E')).breakdown.isolatedDays).toBe(0);
  });

  it('no fairness, or zero weights, add nothing', () => {
    const p = tinyProblem({ employees: three() });
    const zero = tinyProblem({ employees: three(), fairness: { ...fairness, holidayDays: [0] } });
    for (const problem of [p, zero]) {
      expect(evaluateRoster(problem, rosterOf(problem, 'LLL-L', 'E-E', '')).breakdown).toMatchObject({ nights: 0, weekends: 0, holidays: 0, isolatedDays: 0 });
    }
  });
});
