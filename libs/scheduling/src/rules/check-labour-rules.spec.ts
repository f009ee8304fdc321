import { DateTime } from 'luxon';
import { SchedulingAgent, Shift } from '../model/types';
import { checkLabourRules, LabourViolation } from './check-labour-rules';
import { DEFAULT_LABOUR_RULES, LABOUR_RULE_PRESETS, LabourRules, resolveLabourRules } from './labour-rules';

const HOUR = 3_600_000;

function agent(id: string, timeZone: string, overrides: Partial<SchedulingAgent> = {}): SchedulingAgent {
  return { id, displayName: id, timeZone, languages: [], channels: ['chat'], contractHoursPerWeek: 40, active: true, ...overrides };
}

let counter = 0;
/** A shift from local `start` (ISO without offset, in `zone`) lasting `hours`. */
function local(agentId: string, zone: string, start: string, hours: number, overrides: Partial<Shift> = {}): Shift {
  counter += 1;
  const begin = DateTime.fromISO(start, { zone }).toMillis();
  return {
    id: overrides.id ?? `s${String(counter).padStart(3, '0')}`,
    agentId,
    start: begin,
    end: begin + hours * HOUR,
    timeZone: zone,
    channel: null,
    label: null,
    breaks: [],
    status: 'published',
    source: 'manual',
    ...overrides,
  };
}

function check(input: { agent: SchedulingAgent; shifts: Shift[]; rules?: LabourRules; from: string; to: string }): LabourViolation[] {
  return checkLabourRules({
    agents: [input.agent],
    shifts: input.shifts,
    rules: { defaults: input.rules ?? DEFAULT_LABOUR_RULES },
    from: DateTime.fromISO(input.from, { zone: input.agent.timeZone }).toMillis(),
    to: DateTime.fromISO(input.to, { zone: input.agent.timeZone }).toMillis(),
  });
}

const codes = (violations: LabourViolation[]) => violations.map((violation) => violation.code);
const only = (violations: LabourViolation[], code: string) => violations.filter((violation) => violation.code === code);

describe('checkLabourRules', () => {
  const berlin = agent('ber', 'Europe/Berlin');

  it('min-rest: 9.5 h between shifts fails, 11 h passes', () => {
    const late = local('ber', 'Europe/Berlin', '2024-03-04T14:00', 8, { id: 'late' });
    const early = local('ber', 'Europe/Berlin', '2024-03-05T07:30', 8, { id: 'early' });
    const violations = check({ agent: berlin, shifts: [early, late], from: '2024-03-04', to: '2024-03-06' });
    expect(violations).toEqual([
      {
        agentId: 'ber',
        code: 'min-rest',
        shiftIds: ['early', 'late'],
        message: '9.5 h rest between shifts; at least 11 h required',
        start: late.start,
        end: early.end,
        actual: 9.5,
        limit: 11,
      },
    ]);
    const fine = local('ber', 'Europe/Berlin', '2024-03-05T09:00', 8);
    expect(check({ agent: berlin, shifts: [late, fine], from: '2024-03-04', to: '2024-03-06' })).toEqual([]);
  });

  it('min-rest counts real hours across a DST change (rest 10 h on the spring-forward night)', () => {
    const evening = local('ber', 'Europe/Berlin', '2024-03-30T14:00', 8);
    const morning = local('ber', 'Europe/Berlin', '2024-03-31T09:00', 8);
    const violations = check({ agent: berlin, shifts: [evening, morning], from: '2024-03-30', to: '2024-04-01' });
    expect(violations.map((v) => [v.code, v.actual])).toEqual([['min-rest', 10]]);
  });

  it('reports overlapping shifts', () => {
    const one = local('ber', 'Europe/Berlin', '2024-03-04T08:00', 8);
    const two = local('ber', 'Europe/Berlin', '2024-03-04T15:00', 4);
    expect(codes(check({ agent: berlin, shifts: [one, two], from: '2024-03-04', to: '2024-03-05' }))).toEqual(['overlap']);
  });

  it('max-shift-length: 13 h fails, 12 h passes (breaks included in the length)', () => {
    const long = local('ber', 'Europe/Berlin', '2024-03-04T08:00', 13, { breaks: [] });
    const violations = check({ agent: berlin, shifts: [long], from: '2024-03-04', to: '2024-03-05' });
    expect(violations.map((v) => v.message)).toEqual(['13 h shift from 2024-03-04 08:00; at most 12 h allowed']);
    const ok = local('ber', 'Europe/Berlin', '2024-03-04T08:00', 12);
    expect(check({ agent: berlin, shifts: [ok], from: '2024-03-04', to: '2024-03-05' })).toEqual([]);
  });

  it("max-consecutive-days counts local dates in the agent's zone", () => {
    // Tokyo dates 4..10 March in a row; the UTC dates of the same starts have holes.
    const tokyo = agent('tyo', 'Asia/Tokyo');
    const seven = [4, 5, 6, 7, 8, 9, 10].map((day) =>
      local('tyo', 'Asia/Tokyo', `2024-03-${String(day).padStart(2, '0')}T${day % 2 ? '09:30' : '08:30'}`, 6),
    );
    const violations = only(check({ agent: tokyo, shifts: seven, from: '2024-03-04', to: '2024-03-11' }), 'max-consecutive-days');
    expect(violations.map((v) => v.message)).toEqual(['7 consecutive working days from 2024-03-04 to 2024-03-10; at most 6 allowed']);
    expect(violations[0].shiftIds).toHaveLength(7);

    const utcAgent = agent('utc', 'UTC');
    const sameInstants = seven.map((s) => ({ ...s, agentId: 'utc' }));
    expect(only(check({ agent: utcAgent, shifts: sameInstants, from: '2024-03-03', to: '2024-03-11' }), 'max-consecutive-days')).toEqual([]);

    expect(only(check({ agent: tokyo, shifts: seven.slice(0, 6), from: '2024-03-04', to: '2024-03-11' }), 'max-consecutive-days')).toEqual([]);
  });

  it('min-consecutive-days and min-days-off judge runs on local dates, and only runs known to be over', () => {
    const lisbon = agent('lis', 'Europe/Lisbon');
    const rules = { ...DEFAULT_LABOUR_RULES, minConsecutiveDays: 2, minConsecutiveDaysOff: 2 };
    // Lisbon dates: works 4–5, 7 (alone), 9–10 March; then 12 (alone, last known: may go on).
    const days = ['04', '05', '07', '09', '10', '12'].map((day) => local('lis', 'Europe/Lisbon', `2024-03-${day}T09:00`, 8));
    const found = check({ agent: lisbon, shifts: days, rules, from: '2024-03-04', to: '2024-03-13' });
    expect(only(found, 'min-consecutive-days').map((v) => v.message)).toEqual(['Only 1 working day in a row (2024-03-07) between days off; at least 2 required']);
    expect(only(found, 'min-days-off').map((v) => v.message)).toEqual([
      'Only 1 day off between 2024-03-05 and 2024-03-07; at least 2 required',
      'Only 1 day off between 2024-03-07 and 2024-03-09; at least 2 required',
      'Only 1 day off between 2024-03-10 and 2024-03-12; at least 2 required',
    ]);
    // Off by default, and in every preset.
    expect(only(check({ agent: lisbon, shifts: days, from: '2024-03-04', to: '2024-03-13' }), 'min-days-off')).toEqual([]);
    expect(LABOUR_RULE_PRESETS['ru-labour-code'].minConsecutiveDaysOff).toBeNull();
  });

  it('max-working-weekends counts ISO weeks with a Saturday or Sunday shift in any four weeks, on local dates', () => {
    // Tokyo dates count: Monday 25 March 01:00 in Tokyo is Sunday 24 March in UTC, not a weekend.
    const tokyo = agent('tyo', 'Asia/Tokyo');
    const rules = { ...DEFAULT_LABOUR_RULES, maxWorkingWeekendsPer4Weeks: 2 };
    // Weekends of 2, 9, 16 and 30 March 2024 (Saturdays): three in the four weeks to 17 March.
    const shifts = ['2024-03-02T09:00', '2024-03-03T09:00', '2024-03-10T01:00', '2024-03-16T09:00', '2024-03-30T09:00', '2024-03-25T01:00'].map((start) => local('tyo', 'Asia/Tokyo', start, 8));
    const found = only(check({ agent: tokyo, shifts, rules, from: '2024-02-26', to: '2024-04-01' }), 'max-working-weekends');
    // The weekend of 16 March is the third in its four weeks; so is that of 30 March (10, 16, 30).
    expect(found.map((v) => v.message)).toEqual([
      '3 working weekends in the four weeks from 2024-02-19 to the weekend of 2024-03-16; at most 2 allowed',
      '3 working weekends in the four weeks from 2024-03-04 to the weekend of 2024-03-30; at most 2 allowed',
    ]);
    expect(found[0].shiftIds).toHaveLength(4);
    // Without 30 March only the first; without a cap nothing.
    expect(only(check({ agent: tokyo, shifts: shifts.slice(0, 4), rules, from: '2024-02-26', to: '2024-04-01' }), 'max-working-weekends')).toHaveLength(1);
    expect(only(check({ agent: tokyo, shifts, rules: DEFAULT_LABOUR_RULES, from: '2024-02-26', to: '2024-04-01' }), 'max-working-weekends')).toEqual([]);
  });

  it('weekly-rest: a New York week (the DST week) needs 24 h in one piece', () => {
    const ny = agent('ny', 'America/New_York');
    const days = [4, 5, 6, 7, 8, 9, 10].map((day) => `2024-03-${String(day).padStart(2, '0')}`);
    const everyDay = days.map((date) => local('ny', 'America/New_York', `${date}T09:00`, 8));
    const failing = only(check({ agent: ny, shifts: everyDay, from: '2024-03-04', to: '2024-03-11' }), 'weekly-rest');
    expect(failing.map((v) => v.message)).toEqual(['longest uninterrupted rest in week 2024-W10 is 16 h; at least 24 h required']);
    expect(failing[0].end - failing[0].start).toBe(167 * HOUR); // the local week lost an hour

    const sundayOff = everyDay.slice(0, 6);
    expect(only(check({ agent: ny, shifts: sundayOff, from: '2024-03-04', to: '2024-03-11' }), 'weekly-rest')).toEqual([]);
  });

  it("weekly-hours: the contract is checked per ISO week in the agent's zone", () => {
    const kolkata = agent('kol', 'Asia/Kolkata');
    const week = ['04', '05', '06', '07'].map((day) => local('kol', 'Asia/Kolkata', `2024-03-${day}T09:00`, 9));
    const sundayEvening = local('kol', 'Asia/Kolkata', '2024-03-10T19:00', 4); // still W10 locally
    const mondayNight = local('kol', 'Asia/Kolkata', '2024-03-11T01:00', 4); // W11 locally, W10 in UTC
    const shifts = [...week, sundayEvening, mondayNight];
    expect(only(check({ agent: kolkata, shifts, from: '2024-03-04', to: '2024-03-11' }), 'weekly-hours')).toEqual([]);

    const friday = local('kol', 'Asia/Kolkata', '2024-03-08T09:00', 5);
    const over = only(check({ agent: kolkata, shifts: [...shifts, friday], from: '2024-03-04', to: '2024-03-11' }), 'weekly-hours');
    expect(over.map((v) => v.message)).toEqual(['45 h worked in week 2024-W10; contract 40 h + 0 h tolerance']);
    const tolerant = { ...DEFAULT_LABOUR_RULES, weeklyHoursTolerance: 5 };
    expect(only(check({ agent: kolkata, shifts: [...shifts, friday], rules: tolerant, from: '2024-03-04', to: '2024-03-11' }), 'weekly-hours')).toEqual([]);
  });

  it('weekly hours leave unpaid breaks out', () => {
    const utcAgent = agent('u', 'UTC', { contractHoursPerWeek: 20 });
    const shifts = ['04', '05'].map((day) =>
      local('u', 'UTC', `2024-03-${day}T08:00`, 10.5, {
        breaks: [{ start: DateTime.fromISO(`2024-03-${day}T12:00`, { zone: 'utc' }).toMillis(), end: DateTime.fromISO(`2024-03-${day}T12:30`, { zone: 'utc' }).toMillis() }],
      }),
    );
    expect(only(check({ agent: utcAgent, shifts, from: '2024-03-04', to: '2024-03-11' }), 'weekly-hours')).toEqual([]);
  });

  it('only returns violations overlapping [from, to)', () => {
    const late = local('ber', 'Europe/Berlin', '2024-03-04T14:00', 8);
    const early = local('ber', 'Europe/Berlin', '2024-03-05T07:30', 8);
    expect(check({ agent: berlin, shifts: [late, early], from: '2024-03-06', to: '2024-03-07' })).toEqual([]);
  });
});

describe('labour rule presets', () => {
  const eu = LABOUR_RULE_PRESETS['eu-working-time-directive'];
  const ru = LABOUR_RULE_PRESETS['ru-labour-code'];

  it('carry the numbers of the directive and the code', () => {
    expect(eu).toMatchObject({ minRestHours: 11, weeklyRestHours: 35, maxWeeklyHours: 48, averagingWeeks: 17, maxNightHoursPer24: 8 });
    expect(ru).toMatchObject({ minRestHours: 12, weeklyRestHours: 42, maxWeeklyHours: 40, nightShiftShorterByHours: 1 });
    expect(ru.nightWindow).toEqual({ start: '22:00', end: '06:00' });
  });

  it('weekly rest: 42 h off meets the EU 35 h; 41 h misses the Russian 42 h', () => {
    const paris = agent('par', 'Europe/Paris');
    const six = ['04', '05', '06', '07', '08', '09'].map((day) => local('par', 'Europe/Paris', `2024-03-${day}T09:00`, 6));
    const withMonday = [...six, local('par', 'Europe/Paris', '2024-03-11T09:00', 6)]; // 42 h off
    const euRest = only(check({ agent: paris, shifts: withMonday, rules: { ...eu, weeklyHoursTolerance: null }, from: '2024-03-04', to: '2024-03-11' }), 'weekly-rest');
    expect(euRest).toEqual([]);
    const moscow = agent('msk', 'Europe/Moscow');
    const sixMsk = ['04', '05', '06', '07', '08', '09'].map((day) => local('msk', 'Europe/Moscow', `2024-03-${day}T09:00`, 6));
    const sundayOnly = [...sixMsk, local('msk', 'Europe/Moscow', '2024-03-11T08:00', 6)];
    const ruRest = only(check({ agent: moscow, shifts: sundayOnly, rules: { ...ru, weeklyHoursTolerance: null }, from: '2024-03-04', to: '2024-03-11' }), 'weekly-rest');
    expect(ruRest.map((v) => v.message)).toEqual(['longest uninterrupted rest in week 2024-W10 is 41 h; at least 42 h required']);
  });

  it('EU: a 48 h average over the reference period, not per week', () => {
    const utcAgent = agent('u', 'UTC', { contractHoursPerWeek: 60 });
    const shiftsOfWeek = (monday: string, perDay: number) =>
      [0, 1, 2, 3, 4].map((offset) => local('u', 'UTC', `${DateTime.fromISO(monday, { zone: 'utc' }).plus({ days: offset }).toISODate()}T08:00`, perDay));
    const heavy = [...shiftsOfWeek('2024-03-04', 12), ...shiftsOfWeek('2024-03-11', 6)]; // 60 h then 30 h
    expect(only(check({ agent: utcAgent, shifts: heavy, rules: eu, from: '2024-03-04', to: '2024-03-18' }), 'average-weekly-hours')).toEqual([]);
    const twoHeavy = [...shiftsOfWeek('2024-03-04', 12), ...shiftsOfWeek('2024-03-11', 12)];
    const failing = only(check({ agent: utcAgent, shifts: twoHeavy, rules: eu, from: '2024-03-04', to: '2024-03-18' }), 'average-weekly-hours');
    expect(failing.map((v) => v.message)).toEqual(['60 h average week over 2 week(s) from 2024-W10; at most 48 h allowed']);
  });

  it('EU: a night shift holds at most 8 h in 24 h', () => {
    const lisbon = agent('lis', 'Europe/Lisbon');
    const tooLong = local('lis', 'Europe/Lisbon', '2024-03-04T22:00', 10);
    const night = only(check({ agent: lisbon, shifts: [tooLong], rules: eu, from: '2024-03-04', to: '2024-03-06' }), 'night-work');
    expect(night.map((v) => v.message)).toEqual(['10 h worked in the 24 h from the night shift at 2024-03-04 22:00; at most 8 h allowed']);
    const fine = local('lis', 'Europe/Lisbon', '2024-03-04T23:00', 8);
    expect(only(check({ agent: lisbon, shifts: [fine], rules: eu, from: '2024-03-04', to: '2024-03-06' }), 'night-work')).toEqual([]);
    const day = local('lis', 'Europe/Lisbon', '2024-03-04T08:00', 10); // not a night shift at all
    expect(check({ agent: lisbon, shifts: [day], rules: { ...eu, weeklyHoursTolerance: null }, from: '2024-03-04', to: '2024-03-06' })).toEqual([]);
  });

  it('RU: a night shift is one hour shorter than the 8 h day shift', () => {
    const moscow = agent('msk', 'Europe/Moscow');
    const fullNight = local('msk', 'Europe/Moscow', '2024-03-04T22:00', 8);
    const violations = only(check({ agent: moscow, shifts: [fullNight], rules: ru, from: '2024-03-04', to: '2024-03-06' }), 'night-shift-length');
    expect(violations.map((v) => v.message)).toEqual([
      '8 h night shift from 2024-03-04 22:00; a night shift must be 1 h shorter than the 8 h day shift (at most 7 h)',
    ]);
    const shorter = local('msk', 'Europe/Moscow', '2024-03-04T23:00', 7);
    const evening = local('msk', 'Europe/Moscow', '2024-03-06T16:00', 8); // 2 h of night: under half, a day shift
    expect(check({ agent: moscow, shifts: [shorter, evening], rules: ru, from: '2024-03-04', to: '2024-03-07' })).toEqual([]);
  });

  it('RU: no two shifts in a row — 11 h rest is not enough, 12 h is', () => {
    const moscow = agent('msk', 'Europe/Moscow');
    const first = local('msk', 'Europe/Moscow', '2024-03-04T09:00', 8);
    const tooSoon = local('msk', 'Europe/Moscow', '2024-03-05T04:00', 8);
    expect(codes(check({ agent: moscow, shifts: [first, tooSoon], rules: ru, from: '2024-03-04', to: '2024-03-06' }))).toContain('min-rest');
    const next = local('msk', 'Europe/Moscow', '2024-03-05T05:00', 8);
    expect(codes(check({ agent: moscow, shifts: [first, next], rules: ru, from: '2024-03-04', to: '2024-03-06' }))).not.toContain('min-rest');
  });

  it('RU: 40 h week cap', () => {
    const moscow = agent('msk', 'Europe/Moscow', { contractHoursPerWeek: 48 });
    const week = ['04', '05', '06', '07', '08', '09'].map((day) => local('msk', 'Europe/Moscow', `2024-03-${day}T09:00`, 7));
    const violations = only(check({ agent: moscow, shifts: week, rules: ru, from: '2024-03-04', to: '2024-03-11' }), 'max-weekly-hours');
    expect(violations.map((v) => v.message)).toEqual(['42 h worked in week 2024-W10; at most 40 h allowed']);
  });
});

describe('resolveLabourRules', () => {
  it('layers defaults, team defaults and agent overrides; null switches a check off', () => {
    const resolved = resolveLabourRules({
      teamDefaults: { minRestHours: 12, maxWeeklyHours: 45, nightShiftDefinition: { minNightShare: 0.5 } },
      agentOverrides: { maxWeeklyHours: null, maxShiftHours: 10, minRestHours: undefined },
    });
    expect(resolved).toEqual({
      ...DEFAULT_LABOUR_RULES,
      minRestHours: 12,
      maxShiftHours: 10,
      maxWeeklyHours: null,
      nightShiftDefinition: { minNightShare: 0.5 },
    });
  });

  it('can start from a preset', () => {
    const resolved = resolveLabourRules({ base: LABOUR_RULE_PRESETS['eu-working-time-directive'], agentOverrides: { minRestHours: 12 } });
    expect(resolved.weeklyRestHours).toBe(35);
    expect(resolved.minRestHours).toBe(12);
  });
});

describe('weekly rest across the week boundary', () => {
  it('credits days off on Sunday and Monday to both weeks (EU 35 h)', () => {
    const paris = agent('par', 'Europe/Paris');
    const dates = ['2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08', '2024-03-09', '2024-03-12', '2024-03-13', '2024-03-14', '2024-03-15', '2024-03-16', '2024-03-19'];
    const shifts = dates.map((date) => local('par', 'Europe/Paris', `${date}T09:00`, 8));
    const rules = { ...LABOUR_RULE_PRESETS['eu-working-time-directive'], weeklyHoursTolerance: null };
    expect(only(check({ agent: paris, shifts, rules, from: '2024-03-11', to: '2024-03-18' }), 'weekly-rest')).toEqual([]);
  });
});
