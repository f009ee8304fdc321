import fc from 'fast-check';
import { DateTime } from 'luxon';
import { SchedulingAgent, Shift } from '../model/types';
import { DEFAULT_LABOUR_RULES } from '../rules/labour-rules';
import { computeCoverage, Coverage } from './compute-coverage';
import { CoverageRule } from './coverage-rule';
import { findCandidatesForGap } from './find-gap-candidates';
import { Gap, findGaps } from './find-gaps';

/** Runs a fast-check property with a fixed seed, so a failure replays the same way everywhere. */
function expectProperty(property: fc.IRawProperty<unknown[]>, runs: number): void {
  expect(() => fc.assert(property, { seed: 20240304, numRuns: runs })).not.toThrow();
}

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const iso = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).toISO({ suppressMilliseconds: true });
const HOUR = 3_600_000;
const DAY = utc('2024-03-04T00:00:00Z'); // a Monday
const at = (hour: number) => DAY + hour * HOUR;

function agent(id: string, overrides: Partial<SchedulingAgent> = {}): SchedulingAgent {
  return {
    id,
    displayName: id.toUpperCase(),
    timeZone: 'UTC',
    languages: [{ code: 'en', level: 'fluent' }],
    channels: ['email', 'chat', 'phone'],
    contractHoursPerWeek: 40,
    active: true,
    ...overrides,
  };
}

function shift(id: string, agentId: string, start: number, end: number, overrides: Partial<Shift> = {}): Shift {
  return { id, agentId, start, end, timeZone: 'UTC', channel: null, label: null, breaks: [], status: 'published', source: 'manual', ...overrides };
}

function rule(overrides: Partial<CoverageRule> = {}): CoverageRule {
  return {
    id: 'desk',
    name: 'Desk',
    kind: 'window',
    timeZone: 'UTC',
    windows: { 1: [{ start: '08:00', end: '20:00' }] },
    minAgents: 2,
    exceptions: [],
    ...overrides,
  };
}

function coverageOf(input: { shifts: Shift[]; agents: SchedulingAgent[]; rules: CoverageRule[] }): Coverage {
  const result = computeCoverage({ from: DAY, to: DAY + 24 * HOUR, ...input });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const brief = (gaps: Gap[]) => gaps.map((gap) => [gap.severity, iso(gap.start), iso(gap.end), gap.required, gap.present]);

describe('findGaps', () => {
  const agents = ['a', 'b', 'c'].map((id) => agent(id));

  it('reports an empty desk as one uncovered gap with a stable id', () => {
    const gaps = findGaps({ coverage: coverageOf({ agents, shifts: [], rules: [rule()] }) });
    expect(gaps).toEqual([
      {
        id: 'gap:desk:2024-03-04T08:00:00Z',
        ruleId: 'desk',
        ruleName: 'Desk',
        severity: 'uncovered',
        level: 'error',
        start: at(8),
        end: at(20),
        required: 2,
        present: 0,
        shortfallAgentHours: 24,
      },
    ]);
  });

  it('reports too few agents as understaffed, and keeps runs maximal', () => {
    const coverage = coverageOf({
      agents,
      shifts: [shift('s1', 'a', at(8), at(14)), shift('s2', 'b', at(10), at(20))],
      rules: [rule()],
    });
    expect(brief(findGaps({ coverage }))).toEqual([
      ['understaffed', '2024-03-04T08:00:00Z', '2024-03-04T10:00:00Z', 2, 1],
      ['understaffed', '2024-03-04T14:00:00Z', '2024-03-04T20:00:00Z', 2, 1],
    ]);
  });

  it('splits a plain gap where nobody turns into too few, and uses the largest requirement', () => {
    const coverage = coverageOf({
      agents,
      shifts: [shift('s1', 'a', at(12), at(16))],
      rules: [rule({ exceptions: [{ date: '2024-03-04', windows: [{ start: '08:00', end: '20:00' }], minAgents: 3 }] })],
    });
    expect(brief(findGaps({ coverage }))).toEqual([
      ['uncovered', '2024-03-04T08:00:00Z', '2024-03-04T12:00:00Z', 3, 0],
      ['understaffed', '2024-03-04T12:00:00Z', '2024-03-04T16:00:00Z', 3, 1],
      ['uncovered', '2024-03-04T16:00:00Z', '2024-03-04T20:00:00Z', 3, 0],
    ]);
  });

  it('reports language and channel shortfalls as one run each, even where nobody is there', () => {
    const french = rule({ id: 'fr', name: 'French', minAgents: 1, language: { code: 'fr', minLevel: 'fluent' } });
    const phone = rule({ id: 'phone', name: 'Phone', minAgents: 2, channel: 'phone' });
    const coverage = coverageOf({
      agents: [agent('a', { languages: [{ code: 'fr', level: 'basic' }] }), agent('b', { languages: [{ code: 'fr', level: 'native' }] })],
      shifts: [shift('s1', 'a', at(8), at(20), { channel: 'chat' }), shift('s2', 'b', at(8), at(12))],
      rules: [french, phone],
    });
    const gaps = findGaps({ coverage });
    expect(gaps.map((gap) => [gap.ruleId, gap.severity, iso(gap.start), iso(gap.end), gap.present])).toEqual([
      // French 08–20 hangs on one 4 h shift before it fails: a single-point warning first.
      ['fr', 'single-point', '2024-03-04T08:00:00Z', '2024-03-04T12:00:00Z', 1],
      ['phone', 'channel', '2024-03-04T08:00:00Z', '2024-03-04T20:00:00Z', 0],
      ['fr', 'language', '2024-03-04T12:00:00Z', '2024-03-04T20:00:00Z', 0],
    ]);
    expect(gaps[2].language).toEqual({ code: 'fr', minLevel: 'fluent' });
    expect(gaps[1].channel).toBe('phone');
  });

  it('warns single-point where one agent at a time carries a window longer than any shift', () => {
    const single = rule({ minAgents: 1, windows: { 1: [{ start: '08:00', end: '22:00' }] } });
    const relay = coverageOf({
      agents,
      shifts: [shift('s1', 'a', at(8), at(16)), shift('s2', 'b', at(15), at(22))],
      rules: [single],
    });
    const gaps = findGaps({ coverage: relay });
    expect(gaps.map((gap) => [gap.id, gap.severity, gap.level, iso(gap.end)])).toEqual([
      ['single-point:desk:2024-03-04T08:00:00Z', 'single-point', 'warning', '2024-03-04T15:00:00Z'],
      ['single-point:desk:2024-03-04T16:00:00Z', 'single-point', 'warning', '2024-03-04T22:00:00Z'],
    ]);
    expect(findGaps({ coverage: relay, includeSinglePoint: false })).toEqual([]);
  });

  it('does not warn single-point when one shift spans the whole window, or when two are required', () => {
    const single = rule({ minAgents: 1, windows: { 1: [{ start: '08:00', end: '18:00' }] } });
    const oneShift = coverageOf({ agents, shifts: [shift('s1', 'a', at(8), at(18))], rules: [single] });
    expect(findGaps({ coverage: oneShift })).toEqual([]);
    const pair = coverageOf({ agents, shifts: [shift('s1', 'a', at(8), at(18))], rules: [{ ...single, minAgents: 2 }] });
    expect(findGaps({ coverage: pair }).map((gap) => gap.severity)).toEqual(['understaffed']);
  });

  it('keeps gap ids across rescans when the gap start does not move, and filters by rule', () => {
    const other = rule({ id: 'other', name: 'Other', minAgents: 1 });
    const first = findGaps({ coverage: coverageOf({ agents, shifts: [shift('s1', 'a', at(14), at(16))], rules: [rule(), other] }) });
    const second = findGaps({
      coverage: coverageOf({ agents, shifts: [shift('s1', 'a', at(14), at(16)), shift('s2', 'b', at(18), at(20))], rules: [rule(), other] }),
      rules: [{ ...rule(), name: 'Desk (renamed)' }],
    });
    expect(second[0].id).toBe(first[0].id);
    expect(second.every((gap) => gap.ruleId === 'desk' && gap.ruleName === 'Desk (renamed)')).toBe(true);
  });

  it('never reports overlapping gaps for one rule (property)', () => {
    const rules = [rule(), rule({ id: 'fr', minAgents: 1, language: { code: 'fr', minLevel: 'basic' } }), rule({ id: 'one', minAgents: 1, kind: 'always' })];
    const people = ['a', 'b', 'c'].map((id, index) => agent(id, { languages: index ? [{ code: 'fr', level: 'fluent' }] : [] }));
    expectProperty(
      fc.property(
        fc.array(fc.record({ who: fc.constantFrom('a', 'b', 'c'), start: fc.integer({ min: 0, max: 95 }), length: fc.integer({ min: 1, max: 48 }) }), {
          maxLength: 10,
        }),
        (raw) => {
          const shifts = raw.map((r, index) => shift(`s${index}`, r.who, DAY + r.start * 15 * 60_000, DAY + (r.start + r.length) * 15 * 60_000));
          const gaps = findGaps({ coverage: coverageOf({ agents: people, shifts, rules }) });
          for (const id of ['desk', 'fr', 'one']) {
            const own = gaps.filter((gap) => gap.ruleId === id);
            for (let i = 1; i < own.length; i += 1) if (own[i].start < own[i - 1].end) return false;
            if (new Set(own.map((gap) => gap.id)).size !== own.length) return false;
          }
          return gaps.every((gap) => gap.end > gap.start);
        },
      ),
      150,
    );
  });
});

describe('findCandidatesForGap', () => {
  const labourRules = { defaults: DEFAULT_LABOUR_RULES };
  const gapFor = (shifts: Shift[], agents: SchedulingAgent[], rules = [rule()]) =>
    findGaps({ coverage: coverageOf({ agents, shifts, rules }) }).find((gap) => gap.level === 'error') as Gap;

  it('lists free agents who break no rule, best first, and excludes rest-rule breakers', () => {
    const agents = [
      agent('a'),
      agent('c', { displayName: 'Cleo' }),
      agent('d', { displayName: 'Dan' }),
      agent('e', { displayName: 'Eve' }),
      agent('f', { displayName: 'Finn' }),
      agent('g', { displayName: 'Gus' }),
      agent('h', { displayName: 'Hal', active: false }),
    ];
    const shifts = [
      shift('a1', 'a', at(8), at(20)),
      shift('d1', 'd', at(-8), at(3)), // ends 03:00: 11 h before 14:00
      shift('e1', 'e', at(-2), at(6)), // ends 06:00: only 8 h before 14:00
      shift('f1', 'f', at(6), at(14)), // extending gives a 14 h shift
      shift('g1', 'g', at(10), at(14)), // extending gives 10 h
      shift('x1', 'c', at(8), at(10)), // Cleo works 08–10, then is free
    ];
    const withC = [...shifts.filter((s) => s.id !== 'x1')];
    const gap = gapFor([...withC, shift('c0', 'c', at(8), at(14))], agents);
    expect([iso(gap.start), iso(gap.end), gap.severity]).toEqual(['2024-03-04T14:00:00Z', '2024-03-04T20:00:00Z', 'understaffed']);

    const candidates = findCandidatesForGap({ gap, agents, shifts: withC, labourRules });
    expect(candidates.map((c) => [c.agentId, c.fill, c.headroomHours])).toEqual([
      ['c', 'new-shift', 34],
      ['d', 'new-shift', 31],
      ['g', 'extend-shift', 30],
    ]);
    expect(candidates[2]).toMatchObject({ extendsShiftIds: ['g1'], proposedShift: { start: at(10), end: at(20) }, weekHoursBefore: 4 });
  });

  it('leaves out agents who are unavailable (imported calendar) at any moment of the gap', () => {
    const agents = [agent('a'), agent('c', { displayName: 'Cleo' }), agent('d', { displayName: 'Dan' })];
    const shifts = [shift('a1', 'a', at(8), at(20))];
    const gap = gapFor([...shifts, shift('c0', 'c', at(8), at(14))], agents);
    const unavailable = [
      { agentId: 'c', start: at(19), end: at(21) }, // overlaps the gap's last hour
      { agentId: 'd', start: at(20), end: at(22) }, // starts as the gap ends: free
    ];
    expect(findCandidatesForGap({ gap, agents, shifts, labourRules, unavailable }).map((c) => c.agentId)).toEqual(['d']);
    expect(findCandidatesForGap({ gap, agents, shifts, labourRules }).map((c) => c.agentId)).toEqual(['c', 'd']);
  });

  it('needs the gap language at its level and the gap channel', () => {
    const french = rule({ id: 'fr', minAgents: 1, language: { code: 'fr', minLevel: 'fluent' }, channel: 'phone' });
    const agents = [
      agent('basic', { languages: [{ code: 'fr', level: 'basic' }] }),
      agent('native', { languages: [{ code: 'fr', level: 'native' }] }),
      agent('fluent', { languages: [{ code: 'fr', level: 'fluent' }] }),
      agent('nophone', { languages: [{ code: 'fr', level: 'native' }], channels: ['email'] }),
    ];
    const gap = gapFor([], agents, [french]);
    expect(gap.severity).toBe('language');
    const candidates = findCandidatesForGap({ gap, agents, shifts: [], labourRules });
    expect(candidates.map((c) => [c.agentId, c.languageLevel])).toEqual([
      ['native', 'native'],
      ['fluent', 'fluent'],
    ]);
  });

  it('does not offer agents whose availability (in their own zone) leaves part of the gap out', () => {
    // The gap is Monday 08:00–20:00 UTC.
    const agents = [
      agent('a'),
      agent('l', { displayName: 'Lia', timeZone: 'Europe/Lisbon', availability: { 1: [{ start: '08:00', end: '20:00' }] } }),
      agent('k', { displayName: 'Kiran', timeZone: 'Asia/Kolkata', availability: { 1: [{ start: '09:00', end: '18:00' }] } }),
      agent('n', { displayName: 'Noor', timeZone: 'America/New_York', availability: { 1: [{ start: '08:00', end: '20:00' }] } }),
      agent('t', { displayName: 'Tess', availability: { 2: [{ start: '08:00', end: '20:00' }] } }),
    ];
    const gap = gapFor([], agents);
    expect([iso(gap.start), iso(gap.end)]).toEqual(['2024-03-04T08:00:00Z', '2024-03-04T20:00:00Z']);
    expect(findCandidatesForGap({ gap, agents, shifts: [], labourRules }).map((c) => c.agentId)).toEqual(['a', 'l']);
  });

  it('uses per-agent rules: a shorter max shift hides an agent', () => {
    const agents = [agent('a'), agent('b')];
    const gap = gapFor([], agents);
    const candidates = findCandidatesForGap({
      gap,
      agents,
      shifts: [],
      labourRules: { defaults: DEFAULT_LABOUR_RULES, byAgent: { b: { ...DEFAULT_LABOUR_RULES, maxShiftHours: 8 } } },
    });
    expect(candidates.map((c) => c.agentId)).toEqual(['a']);
  });
});
