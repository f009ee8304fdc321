import type { CoverageBucket } from '@shiftdesk/shared-api-contract';
import { buildHeatmap } from '../coverage-page/heatmap';
import { buildCoverStrip, describeCoverStrip } from './cover-strip';

const CHANNELS = { email: 0, tickets: 0, chat: 0, phone: 0 };

/** A day of hourly buckets on a wall clock whose local hours are `hours` (23 on a spring-forward day). */
function day(date: string, hours: number[], rule: (hour: number) => { required: number; present: number }): CoverageBucket[] {
  return hours.map((hour, i) => {
    const start = Date.parse(`${date}T00:00:00Z`) + i * 3_600_000;
    const { required, present } = rule(hour);
    return {
      start: new Date(start).toISOString(),
      end: new Date(start + 3_600_000).toISOString(),
      localStart: `${date}T${String(hour).padStart(2, '0')}:00`,
      agents: present,
      channels: CHANNELS,
      rules: [{ ruleId: 'r1', required, present, met: present >= required }],
    };
  });
}

const ALL_HOURS = Array.from({ length: 24 }, (_, h) => h);

describe('buildCoverStrip', () => {
  it('puts each day’s hours under that day, counts the short ones and says how each hour stands', () => {
    // 08:00–12:00 asks for two agents: two at 08 and 09, one at 10, nobody at 11.
    const present: Record<number, number> = { 8: 2, 9: 2, 10: 1, 11: 0 };
    const buckets = [
      ...day('2026-01-05', ALL_HOURS, (h) => (h >= 8 && h < 12 ? { required: 2, present: present[h] ?? 0 } : { required: 0, present: 0 })),
      ...day('2026-01-06', ALL_HOURS, (h) => (h >= 8 && h < 12 ? { required: 2, present: 2 } : { required: 0, present: 1 })),
    ];
    const dates = ['2026-01-05', '2026-01-06'];
    const strip = buildCoverStrip(buildHeatmap({ buckets, dates, gaps: [] }), dates);

    expect(strip.days.map((d) => d.date)).toEqual(dates);
    expect(strip.days[0]?.cells.map((c) => c.state).slice(7, 13)).toEqual(['outside', 'met', 'met', 'short', 'uncovered', 'outside']);
    expect(strip.days[1]?.cells.every((c) => c.state === 'met' || c.state === 'outside')).toBe(true);
    expect(strip).toMatchObject({ targetHours: 8, shortHours: 2, uncoveredHours: 1 });
    expect(strip.days[0]?.cells[10]?.title).toBe('Mon 5 Jan 10:00–11:00 · 1 of 2 on shift · Short');
    expect(strip.days[0]?.cells[23]?.title).toBe('Mon 5 Jan 23:00–00:00 · no coverage target');
    expect(describeCoverStrip(strip)).toBe('2 h short (1 h with nobody)');
    expect(strip.days.map((d) => d.summary)).toEqual(['Mon 5 Jan: short at 10:00, 11:00', 'Tue 6 Jan: target met']);
  });

  it('leaves the missing hour of a spring-forward day empty and keeps the others on their wall-clock hour', () => {
    // Berlin, 29 March 2026: 02:00 does not exist; 03:00 is the third bucket of the day.
    const hours = ALL_HOURS.filter((h) => h !== 2);
    const buckets = day('2026-03-29', hours, (h) => ({ required: 1, present: h === 3 ? 0 : 1 }));
    const strip = buildCoverStrip(buildHeatmap({ buckets, dates: ['2026-03-29'], gaps: [] }), ['2026-03-29']);
    const cells = strip.days[0]?.cells ?? [];

    expect(cells).toHaveLength(24);
    expect(cells[2]).toMatchObject({ state: 'none', title: 'Sun 29 Mar 02:00–03:00 · no such hour (the clocks change)' });
    expect(cells[3]?.state).toBe('uncovered');
    expect(strip).toMatchObject({ targetHours: 23, shortHours: 1, uncoveredHours: 1 });
  });

  it('says when the week meets its target and when there is none', () => {
    const dates = ['2026-01-05'];
    const met = buildCoverStrip(buildHeatmap({ buckets: day('2026-01-05', ALL_HOURS, () => ({ required: 1, present: 1 })), dates, gaps: [] }), dates);
    const none = buildCoverStrip(buildHeatmap({ buckets: day('2026-01-05', ALL_HOURS, () => ({ required: 0, present: 1 })), dates, gaps: [] }), dates);

    expect(describeCoverStrip(met)).toBe('Target met all week');
    expect(describeCoverStrip(none)).toBe('No target this week');
    const empty = buildCoverStrip(buildHeatmap({ buckets: day('2026-01-05', ALL_HOURS, () => ({ required: 2, present: 0 })), dates, gaps: [] }), dates);
    expect(describeCoverStrip(empty)).toBe('24 h with nobody on shift');
    expect(none.days[0]?.summary).toBe('Mon 5 Jan: no target');
  });
});
