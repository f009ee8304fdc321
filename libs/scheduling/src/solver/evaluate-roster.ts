import type {
  HardViolation,
  RosterEmployee,
  RosterRow,
  ObjectiveBreakdown,
  Roster,
  RosterEvaluation,
  RosterProblem,
} from './roster-problem';

/**
 * Checks every hard rule of `problem` on `roster` and computes the exact objective.
 *
 * Written on purpose as a plain, independent restatement of the rules (Curtois & Qu FORMAT.md
 * §3–4, plus locked cells and labour cost), sharing nothing with the generator's MIP or its
 * incremental bookkeeping, so that it can validate the generator's output.
 * Rows are matched to employees by `employeeId`; a missing row is treated as all days off and
 * reported as `wrong-row-count`.
 */
export function evaluateRoster(problem: RosterProblem, roster: Roster): RosterEvaluation {
  const H = problem.horizonDays;
  const violations: HardViolation[] = [];
  const shiftById = new Map(problem.shiftTypes.map((s) => [s.id, s]));
  const rowById = new Map(roster.map((r) => [r.employeeId, r]));
  if (roster.length !== problem.employees.length) {
    violations.push({
      code: 'wrong-row-count',
      employeeId: '',
      message: `roster has ${roster.length} rows for ${problem.employees.length} employees`,
    });
  }
  const saturdayOffset = (6 - problem.firstWeekday + 7) % 7; // first day index that is a Saturday
  const count = new Map<string, number>(); // `${day}|${shift}` → head count
  let cost = 0;

  for (const emp of problem.employees) {
    const row = rowById.get(emp.id);
    const days: (string | null)[] = [];
    for (let d = 0; d < H; d++) days.push(row?.days[d] ?? null);
    const fail = (code: HardViolation['code'], message: string, day?: number) =>
      violations.push(day === undefined ? { code, employeeId: emp.id, message } : { code, employeeId: emp.id, day, message });
    if (!row) fail('wrong-row-count', `no row for employee ${emp.id}`);
    else if (row.days.length !== H) fail('wrong-horizon', `row has ${row.days.length} days, horizon is ${H}`);

    const works = days.map((s) => s !== null);
    let minutes = 0;
    const perType = new Map<string, number>();
    for (let d = 0; d < H; d++) {
      const s = days[d];
      if (s === null) continue;
      const type = shiftById.get(s);
      if (!type) {
        fail('unknown-shift-type', `unknown shift type ${s}`, d);
        continue;
      }
      minutes += type.lengthMinutes;
      perType.set(s, (perType.get(s) ?? 0) + 1);
      count.set(`${d}|${s}`, (count.get(`${d}|${s}`) ?? 0) + 1);
      if (emp.hourlyCost) cost += (emp.hourlyCost * type.lengthMinutes) / 60;
      const next = d + 1 < H ? days[d + 1] : null;
      if (next !== null && type.cannotFollow.includes(next)) {
        fail('rest', `${next} on day ${d + 1} cannot follow ${s} on day ${d}`, d + 1);
      }
    }
    for (const type of problem.shiftTypes) {
      const limit = emp.maxShifts[type.id] ?? 0;
      const n = perType.get(type.id) ?? 0;
      if (n > limit) fail('max-shifts-per-type', `${n} × ${type.id}, limit ${limit}`);
    }
    if (minutes < emp.minTotalMinutes) fail('min-total-minutes', `${minutes} min worked, minimum ${emp.minTotalMinutes}`);
    if (minutes > emp.maxTotalMinutes) fail('max-total-minutes', `${minutes} min worked, maximum ${emp.maxTotalMinutes}`);
    for (const cap of emp.minuteCaps ?? []) {
      const counted = cap.terms.filter((t) => days[t.day] === t.shiftTypeId);
      const inCap = counted.reduce((sum, t) => sum + t.minutes, 0);
      if (inCap > cap.maxMinutes) {
        const first = Math.min(...cap.terms.map((t) => t.day));
        fail('minute-cap', `${inCap} min worked in a capped span from day ${first}, maximum ${cap.maxMinutes}`, first);
      }
    }

    // Blocks of equal working state: [start, end] inclusive.
    let start = 0;
    for (let d = 1; d <= H; d++) {
      if (d < H && works[d] === works[start]) continue;
      const end = d - 1;
      const length = end - start + 1;
      const inside = start > 0 && end < H - 1;
      if (works[start]) {
        if (length > emp.maxConsecutiveDays) {
          fail('max-consecutive-days', `${length} consecutive working days from day ${start}, maximum ${emp.maxConsecutiveDays}`, start);
        }
        if (inside && length < emp.minConsecutiveDays) {
          fail('min-consecutive-days', `${length} consecutive working days from day ${start}, minimum ${emp.minConsecutiveDays}`, start);
        }
      } else if (inside && length < emp.minConsecutiveDaysOff) {
        fail('min-consecutive-days-off', `${length} consecutive days off from day ${start}, minimum ${emp.minConsecutiveDaysOff}`, start);
      }
      start = d;
    }

    // A weekend is a Saturday and the following Sunday; one cut by the horizon edge counts alone.
    let weekends = 0;
    for (let sat = saturdayOffset - 7; sat < H; sat += 7) {
      const sun = sat + 1;
      if ((sat >= 0 && sat < H && works[sat]) || (sun >= 0 && sun < H && works[sun])) weekends++;
    }
    if (weekends > emp.maxWeekends) fail('max-weekends', `${weekends} working weekends, maximum ${emp.maxWeekends}`);

    for (const d of [...new Set(emp.daysOff)].sort((a, b) => a - b)) {
      if (d >= 0 && d < H && works[d]) fail('day-off', `works ${days[d]} on a day off`, d);
    }
  }

  for (const lock of problem.locked) {
    const row = rowById.get(lock.employeeId);
    const actual = row?.days[lock.day] ?? null;
    if (actual !== lock.shiftTypeId) {
      violations.push({
        code: 'locked',
        employeeId: lock.employeeId,
        day: lock.day,
        message: `locked to ${lock.shiftTypeId ?? 'off'}, roster has ${actual ?? 'off'}`,
      });
    }
  }

  const breakdown: ObjectiveBreakdown = { coverUnder: 0, coverOver: 0, shiftOn: 0, shiftOff: 0, cost, ...fairnessTerms(problem, rowById) };
  for (const c of problem.cover) {
    const n = count.get(`${c.day}|${c.shiftTypeId}`) ?? 0;
    breakdown.coverUnder += c.underWeight * Math.max(0, c.requirement - n);
    breakdown.coverOver += c.overWeight * Math.max(0, n - c.requirement);
  }
  for (const r of problem.shiftOnRequests) {
    if ((rowById.get(r.employeeId)?.days[r.day] ?? null) !== r.shiftTypeId) breakdown.shiftOn += r.weight;
  }
  for (const r of problem.shiftOffRequests) {
    if ((rowById.get(r.employeeId)?.days[r.day] ?? null) === r.shiftTypeId) breakdown.shiftOff += r.weight;
  }
  const objective =
    breakdown.coverUnder +
    breakdown.coverOver +
    breakdown.shiftOn +
    breakdown.shiftOff +
    breakdown.cost +
    breakdown.nights +
    breakdown.weekends +
    breakdown.holidays +
    breakdown.isolatedDays;
  const order = new Map(problem.employees.map((e, i) => [e.id, i]));
  violations.sort(
    (a, b) => (order.get(a.employeeId) ?? -1) - (order.get(b.employeeId) ?? -1) || (a.day ?? -1) - (b.day ?? -1),
  );
  return { objective, breakdown, hardViolations: violations };
}

type FairnessTerms = Pick<ObjectiveBreakdown, 'nights' | 'weekends' | 'holidays' | 'isolatedDays'>;

/** The fairness terms of `RosterFairness`, computed straight from its definition. */
function fairnessTerms(problem: RosterProblem, rowById: Map<string, RosterRow>): FairnessTerms {
  const terms: FairnessTerms = { nights: 0, weekends: 0, holidays: 0, isolatedDays: 0 };
  const fairness = problem.fairness;
  if (!fairness) return terms;
  const H = problem.horizonDays;
  const dayOf = (emp: RosterEmployee, d: number): string | null => rowById.get(emp.id)?.days[d] ?? null;
  const canWork = (emp: RosterEmployee, shiftTypeId: string) => (emp.maxShifts[shiftTypeId] ?? 0) > 0;
  const weekday = (d: number) => ((problem.firstWeekday - 1 + d) % 7) + 1; // 1 = Monday … 7 = Sunday
  const nights = new Set(fairness.nightShiftTypeIds);
  const holidays = new Set(fairness.holidayDays);
  const allDays = Array.from({ length: H }, (_, d) => d);
  const spread = (weight: number, days: number[], counts: (shiftTypeId: string) => boolean, eligible: (emp: RosterEmployee) => boolean) => {
    if (!(weight > 0)) return 0;
    // Who could work a counted cell at all (an allowed counted shift type on a day not off).
    const pool = problem.employees.filter(
      (emp) => eligible(emp) && days.some((d) => !emp.daysOff.includes(d) && problem.shiftTypes.some((t) => counts(t.id) && canWork(emp, t.id))),
    );
    if (pool.length === 0) return 0;
    const worked = pool.map((emp) => days.filter((d) => { const s = dayOf(emp, d); return s !== null && counts(s); }).length);
    const total = worked.reduce((a, b) => a + b, 0);
    const minutes = pool.reduce((a, emp) => a + emp.maxTotalMinutes, 0);
    let penalty = 0;
    pool.forEach((emp, i) => {
      const share = minutes > 0 ? emp.maxTotalMinutes / minutes : 1 / pool.length;
      penalty += Math.abs(worked[i] - total * share);
    });
    return weight * penalty;
  };
  terms.nights = spread(fairness.nightsWeight, allDays, (s) => nights.has(s), () => true);
  terms.weekends = spread(fairness.weekendsWeight, allDays.filter((d) => weekday(d) >= 6), () => true, (emp) => emp.maxWeekends > 0);
  terms.holidays = spread(fairness.holidaysWeight, allDays.filter((d) => holidays.has(d)), () => true, () => true);
  if (fairness.isolatedDayWeight > 0) {
    let isolated = 0;
    for (const emp of problem.employees) {
      // The horizon edges are not days off, so only days 1 … H − 2 can be isolated.
      for (let d = 1; d < H - 1; d++) if (dayOf(emp, d) !== null && dayOf(emp, d - 1) === null && dayOf(emp, d + 1) === null) isolated++;
    }
    terms.isolatedDays = fairness.isolatedDayWeight * isolated;
  }
  return terms;
}
