import type { CoverageBucket, Gap } from '@shiftdesk/shared-api-contract';
import { buildHeatmap, classifyBucket } from './heatmap';

const CHANNELS = { email: 0, tickets: 0, chat: 0, phone: 0 };

function bucket(start: string, localStart: string, rules: { required: number; present: number; ruleId?: string }[], minutes = 60): CoverageBucket {
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
  return {
    start,
    end,
    localStart,
    agents: rules[0]?.present ?? 0,
    channels: CHANNELS,
    rules: rules.map((r) => ({ ruleId: r.ruleId ?? 'r1', required: r.required, present: r.present, met: r.present >= r.required })),
  };
}

function gap(start: string, end: string, level: 'error' | 'warning' = 'error'): Gap {
  return {
    id: `gap:r1:${start}`,
    ruleId: 'r1',
    ruleName: '16 h',
    severity: level === 'error' ? 'uncovered' : 'single-point',
    level,
    start,
    end,
    localStart: '',
    localEnd: '',
    required: 1,
    present: 0,
    shortfallAgentHours: 1,
    language: null,
    channel: null,
  };
}

describe('classifyBucket', () => {
  it('tells met, short, uncovered and outside apart', () => {
    expect(classifyBucket(bucket('2026-01-05T08:00:00Z', '2026-01-05T09:00', [{ required: 2, present: 2 }]))).toBe('met');
    expect(classifyBucket(bucket('2026-01-05T08:00:00Z', '2026-01-05T09:00', [{ required: 2, present: 1 }]))).toBe('short');
    expect(classifyBucket(bucket('2026-01-05T08:00:00Z', '2026-01-05T09:00', [{ required: 1, present: 0 }]))).toBe('uncovered');
    expect(classifyBucket(bucket('2026-01-05T08:00:00Z', '2026-01-05T09:00', [{ required: 0, present: 3 }]))).toBe('outside');
    expect(classifyBucket(bucket('2026-01-05T08:00:00Z', '2026-01-05T09:00', []))).toBe('outside');
  });

  it('looks at one rule when asked', () => {
    const b = bucket('2026-01-05T08:00:00Z', '2026-01-05T09:00', [
      { ruleId: 'a', required: 1, present: 1 },
      { ruleId: 'b', required: 2, present: 1 },
    ]);
    expect(classifyBucket(b)).toBe('short');
    expect(classifyBucket(b, 'a')).toBe('met');
  });
});

describe('buildHeatmap', () => {
  it('takes the worst quarter of an hour and outlines hours a gap touches', () => {
    const buckets = [
      bucket('2026-01-05T08:00:00Z', '2026-01-05T09:00', [{ required: 1, present: 1 }], 15),
      bucket('2026-01-05T08:15:00Z', '2026-01-05T09:15', [{ required: 1, present: 0 }], 15),
      bucket('2026-01-05T08:30:00Z', '2026-01-05T09:30', [{ required: 1, present: 1 }], 15),
      bucket('2026-01-05T08:45:00Z', '2026-01-05T09:45', [{ required: 1, present: 1 }], 15),
      bucket('2026-01-05T09:00:00Z', '2026-01-05T10:00', [{ required: 1, present: 1 }], 60),
    ];
    const rows = buildHeatmap({ buckets, dates: ['2026-01-05'], gaps: [gap('2026-01-05T08:15:00Z', '2026-01-05T08:30:00Z')] });
    expect(rows).toHaveLength(24);
    expect(rows[9]?.cells[0]).toMatchObject({ state: 'uncovered', present: 0, required: 1, inGap: true });
    expect(rows[10]?.cells[0]).toMatchObject({ state: 'met', present: 1, inGap: false });
    expect(rows[11]?.cells[0]).toMatchObject({ state: 'none', inGap: false });
  });

  it('shows the missing hour of a spring-forward day as none and ignores warnings for outlines', () => {
    // Berlin 2026-03-29: local 01:00 CET = 00:00Z, then 03:00 CEST = 01:00Z; there is no 02:00.
    const buckets = [
      bucket('2026-03-29T00:00:00Z', '2026-03-29T01:00', [{ required: 1, present: 1 }]),
      bucket('2026-03-29T01:00:00Z', '2026-03-29T03:00', [{ required: 1, present: 1 }]),
    ];
    const rows = buildHeatmap({ buckets, dates: ['2026-03-29'], gaps: [gap('2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z', 'warning')] });
    expect(rows[1]?.cells[0]?.state).toBe('met');
    expect(rows[2]?.cells[0]?.state).toBe('none');
    expect(rows[3]?.cells[0]?.state).toBe('met');
    expect(rows.every((row) => row.cells.every((cell) => !cell.inGap))).toBe(true);
  });

  it('folds both 02:00 hours of a fall-back day into one cell', () => {
    // Berlin 2026-10-25: 02:00 CEST = 00:00Z and 02:00 CET = 01:00Z.
    const buckets = [
      bucket('2026-10-25T00:00:00Z', '2026-10-25T02:00', [{ required: 1, present: 1 }]),
      bucket('2026-10-25T01:00:00Z', '2026-10-25T02:00', [{ required: 1, present: 0 }]),
    ];
    const cell = buildHeatmap({ buckets, dates: ['2026-10-25'], gaps: [] })[2]?.cells[0];
    expect(cell).toMatchObject({ state: 'uncovered', start: Date.parse('2026-10-25T00:00:00Z'), end: Date.parse('2026-10-25T02:00:00Z') });
  });
});
