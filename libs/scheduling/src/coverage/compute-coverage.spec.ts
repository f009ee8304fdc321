import fc from 'fast-check';
import { DateTime } from 'luxon';
import { Channel, SchedulingAgent, Shift } from '../model/types';
import { computeCoverage, Coverage, summarizeCoverage, toCoverageRows } from './compute-coverage';
import { CoverageRule } from './coverage-rule';

/** Runs a fast-check property with a fixed seed, so a failure replays the same way everywhere. */
function expectProperty(property: fc.IRawProperty<unknown[]>, runs: number): void {
  expect(() => fc.assert(property, { seed: 20240304, numRuns: runs })).not.toThrow();
}

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const HOUR = 3_600_000;
const DAY = utc('2024-03-04T00:00:00Z');
const at = (hour: number) => DAY + hour * HOUR;

function agent(id: string, overrides: Partial<SchedulingAgent> = {}): SchedulingAgent {
  return {
    id,
    displayName: id.toUpperCase(),
    timeZone: 'UTC',
    languages: [{ code: 'en', level: 'fluent' }],
    channels: ['email', 'chat'],
    contractHoursPerWeek: 40,
    active: true,
    ...overrides,
  };
}

function shift(id: string, agentId: string, start: number, end: number, overrides: Partial<Shift> = {}): Shift {
  return { id, agentId, start, end, timeZone: 'UTC', channel: null, label: null, breaks: [], status: 'published', source: 'manual', ...overrides };
}

const desk: CoverageRule = {
  id: 'desk',
  name: 'Desk',
  kind: 'window',
  timeZone: 'UTC',
  windows: { 1: [{ start: '08:00', end: '20:00' }] },
  minAgents: 2,
  exceptions: [],
};

function compute(input: { shifts: Shift[]; agents: SchedulingAgent[]; rules?: CoverageRule[]; granularityMinutes?: number }): Coverage {
  const result = computeCoverage({ from: DAY, to: DAY + 24 * HOUR, rules: [], ...input });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** Bucket index of a UTC hour (+ minutes) at the given granularity. */
const bucket = (hour: number, minutes = 0, granularity = 15) => (hour * 60 + minutes) / granularity;

describe('computeCoverage', () => {
  it('rejects a granularity outside 5..60 or not dividing a day, and an empty range', () => {
    for (const granularityMinutes of [4, 7, 61, 90, 12.5]) {
      const result = computeCoverage({ from: DAY, to: DAY + HOUR, granularityMinutes, shifts: [], agents: [], rules: [] });
      expect(result).toMatchObject({ ok: false, reason: 'invalid-granularity', field: 'granularityMinutes' });
    }
    expect(computeCoverage({ from: DAY, to: DAY, shifts: [], agents: [], rules: [] })).toMatchObject({ ok: false, field: 'to' });
    expect(computeCoverage({ from: DAY, to: DAY + HOUR, granularityMinutes: 45, shifts: [], agents: [], rules: [] }).ok).toBe(true);
  });

  it('defaults to 15-minute buckets and counts an agent only for whole buckets', () => {
    const coverage = compute({ agents: [agent('a')], shifts: [shift('s1', 'a', at(8) + 10 * 60_000, at(10) + 20 * 60_000)] });
    expect(coverage.granularityMinutes).toBe(15);
    expect(coverage.bucketCount).toBe(96);
    expect(coverage.total[bucket(8)]).toBe(0); // 08:00–08:15, agent from 08:10 only
    expect(coverage.total[bucket(8, 15)]).toBe(1);
    expect(coverage.total[bucket(10)]).toBe(1); // 10:00–10:15 fully present
    expect(coverage.total[bucket(10, 15)]).toBe(0); // leaves at 10:20
  });

  it('removes an agent on break from the buckets the break touches', () => {
    const coverage = compute({
      agents: [agent('a')],
      shifts: [shift('s1', 'a', at(8), at(16), { breaks: [{ start: at(12) + 10 * 60_000, end: at(12) + 40 * 60_000 }] })],
    });
    expect(coverage.total[bucket(11, 45)]).toBe(1);
    expect([0, 15, 30].map((minutes) => coverage.total[bucket(12, minutes)])).toEqual([0, 0, 0]);
    expect(coverage.total[bucket(12, 45)]).toBe(1);
  });

  it('counts touching shifts of one agent as continuous presence, and overlapping ones once', () => {
    const coverage = compute({
      agents: [agent('a')],
      shifts: [
        shift('s1', 'a', at(8), at(12) + 7 * 60_000),
        shift('s2', 'a', at(12) + 7 * 60_000, at(14)),
        shift('s3', 'a', at(13), at(15)),
      ],
    });
    expect(coverage.total[bucket(12)]).toBe(1);
    expect(coverage.total[bucket(13, 30)]).toBe(1);
    expect(coverage.total[bucket(14, 30)]).toBe(1);
  });

  it('counts languages as "at least this level"', () => {
    const coverage = compute({
      agents: [
        agent('a', { languages: [{ code: 'fr', level: 'native' }] }),
        agent('b', { languages: [{ code: 'fr', level: 'basic' }, { code: 'de', level: 'fluent' }] }),
      ],
      shifts: [shift('s1', 'a', at(8), at(16)), shift('s2', 'b', at(8), at(16))],
    });
    const row = toCoverageRows(coverage)[bucket(9)];
    expect(row.languages).toEqual({ de: { native: 0, fluent: 1, basic: 1 }, fr: { native: 1, fluent: 1, basic: 2 } });
    expect(coverage.languages.map((series) => `${series.code}/${series.level}`)).toEqual([
      'de/native', 'de/fluent', 'de/basic', 'fr/native', 'fr/fluent', 'fr/basic',
    ]);
  });

  it('counts a shift without channel for every channel of the agent, a shift with one for that one', () => {
    const coverage = compute({
      agents: [agent('a', { channels: ['email', 'phone'] }), agent('b', { channels: ['email', 'phone'] })],
      shifts: [shift('s1', 'a', at(8), at(16)), shift('s2', 'b', at(8), at(16), { channel: 'phone' })],
    });
    expect(toCoverageRows(coverage)[bucket(9)].channels).toEqual({ email: 1, tickets: 0, chat: 0, phone: 2 });
  });

  it('gives each rule its required and present head-count', () => {
    const phone: CoverageRule = { ...desk, id: 'phone', name: 'Phone', minAgents: 2, channel: 'phone' as Channel };
    const french: CoverageRule = { ...desk, id: 'fr', name: 'French', minAgents: 1, language: { code: 'fr', minLevel: 'fluent' } };
    const coverage = compute({
      agents: [
        agent('a', { channels: ['phone'], languages: [{ code: 'fr', level: 'basic' }] }),
        agent('b', { channels: ['chat'], languages: [{ code: 'fr', level: 'native' }] }),
      ],
      shifts: [shift('s1', 'a', at(8), at(20)), shift('s2', 'b', at(8), at(12))],
      rules: [desk, phone, french],
    });
    const rows = toCoverageRows(coverage);
    expect(rows[bucket(9)].rules).toEqual([
      { ruleId: 'desk', required: 2, present: 2, met: true },
      { ruleId: 'phone', required: 2, present: 1, met: false },
      { ruleId: 'fr', required: 1, present: 1, met: true },
    ]);
    expect(rows[bucket(13)].rules.map((rule) => [rule.present, rule.met])).toEqual([[1, false], [1, false], [0, false]]);
    expect(rows[bucket(21)].rules.map((rule) => rule.required)).toEqual([0, 0, 0]);
    expect(summarizeCoverage(coverage)).toEqual([
      { ruleId: 'desk', ruleName: 'Desk', requiredHours: 12, metHours: 4, metShare: 0.3333, shortfallAgentHours: 8 },
      { ruleId: 'phone', ruleName: 'Phone', requiredHours: 12, metHours: 0, metShare: 0, shortfallAgentHours: 12 },
      { ruleId: 'fr', ruleName: 'French', requiredHours: 12, metHours: 4, metShare: 0.3333, shortfallAgentHours: 8 },
    ]);
  });

  it('records demand windows with the longest eligible shift overlapping them', () => {
    const coverage = compute({
      agents: [agent('a'), agent('b')],
      shifts: [shift('s1', 'a', at(6), at(14)), shift('s2', 'b', at(14), at(23))],
      rules: [desk],
    });
    expect(coverage.rules[0].windows).toEqual([{ startIndex: bucket(8), endIndex: bucket(20), longestShiftMinutes: 9 * 60 }]);
  });

  it('makes the last bucket short when the range is not a whole number of buckets', () => {
    const result = computeCoverage({
      from: DAY,
      to: DAY + 70 * 60_000,
      granularityMinutes: 30,
      agents: [agent('a')],
      shifts: [shift('s1', 'a', DAY, DAY + 2 * HOUR)],
      rules: [],
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.bucketCount).toBe(3);
    expect(Array.from(result.value.total)).toEqual([1, 1, 1]);
    expect(toCoverageRows(result.value)[2].end).toBe(DAY + 70 * 60_000);
  });
});

describe('computeCoverage properties', () => {
  const agents = ['a', 'b', 'c', 'd'].map((id, index) =>
    agent(id, { channels: index % 2 ? ['phone'] : ['chat', 'phone'], languages: [{ code: 'fr', level: index % 2 ? 'basic' : 'native' }] }),
  );
  const rules: CoverageRule[] = [
    { ...desk, kind: 'always', windows: {} },
    { ...desk, id: 'fr', language: { code: 'fr', minLevel: 'fluent' }, minAgents: 1 },
    { ...desk, id: 'phone', channel: 'phone', minAgents: 2 },
  ];
  const shiftArb = fc
    .record({
      agent: fc.constantFrom('a', 'b', 'c', 'd'),
      startMinutes: fc.integer({ min: -120, max: 24 * 60 }),
      lengthMinutes: fc.integer({ min: 1, max: 12 * 60 }),
      breakAt: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
      channel: fc.constantFrom<Channel | null>(null, 'phone', 'chat'),
    })
    .map((raw) => {
      const start = DAY + raw.startMinutes * 60_000;
      const end = start + raw.lengthMinutes * 60_000;
      const breaks = raw.breakAt === undefined ? [] : [{ start: start + raw.breakAt * 60_000, end: start + (raw.breakAt + 30) * 60_000 }];
      return { agentId: raw.agent, start, end, breaks, channel: raw.channel };
    });
  const scheduleArb = fc.array(shiftArb, { maxLength: 12 }).map((list) =>
    list.map((raw, index) => shift(`s${index}`, raw.agentId, raw.start, raw.end, { breaks: raw.breaks, channel: raw.channel })),
  );
  const series = (coverage: Coverage) => [
    Array.from(coverage.total),
    ...coverage.channels.map((s) => Array.from(s.counts)),
    ...coverage.rules.map((s) => Array.from(s.present)),
  ];

  it('adding a shift never lowers coverage anywhere', () => {
    expectProperty(
      fc.property(scheduleArb, shiftArb, (schedule, extra) => {
        const before = series(compute({ agents, shifts: schedule, rules }));
        const added = shift('extra', extra.agentId, extra.start, extra.end, { breaks: extra.breaks, channel: extra.channel });
        const after = series(compute({ agents, shifts: [...schedule, added], rules }));
        return before.every((values, row) => values.every((value, i) => after[row][i] >= value));
      }),
      150,
    );
  });

  it('does not depend on the order of the shifts', () => {
    expectProperty(
      fc.property(scheduleArb, fc.integer(), (schedule, seed) => {
        const shuffled = [...schedule].sort((a, b) => ((a.start * 31 + seed) % 97) - ((b.start * 31 + seed) % 97) || b.end - a.end);
        return (
          JSON.stringify(series(compute({ agents, shifts: shuffled, rules }))) ===
          JSON.stringify(series(compute({ agents, shifts: schedule, rules })))
        );
      }),
      100,
    );
  });

  it('never counts more agents than exist, nor a rule more than the total', () => {
    expectProperty(
      fc.property(scheduleArb, (schedule) => {
        const coverage = compute({ agents, shifts: schedule, rules });
        for (let i = 0; i < coverage.bucketCount; i += 1) {
          if (coverage.total[i] < 0 || coverage.total[i] > agents.length) return false;
          if (coverage.rules.some((rule) => rule.present[i] > coverage.total[i])) return false;
        }
        return true;
      }),
      100,
    );
  });
});
