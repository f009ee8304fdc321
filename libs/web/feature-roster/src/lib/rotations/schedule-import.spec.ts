import type { ImportedRotationPreview } from '@shiftdesk/shared-api-contract';
import { describeImportedRotation, describeTurns } from './schedule-import';

const day = (localDate: string, ...agentIds: string[]) => ({ index: 0, localDate, start: '', end: '', agentIds });
const names: Record<string, string> = { a: 'Anna Weber', b: 'Boris Lang' };

describe('describeTurns', () => {
  it('tells who works which days, as runs, the last one open', () => {
    const next = [day('2026-03-25', 'b'), day('2026-03-26', 'b'), day('2026-03-29', 'b'), day('2026-03-30', 'a'), day('2026-03-31', 'a')];
    expect(describeTurns(next, (id) => names[id] ?? id)).toEqual(['Boris Lang Wed 25 Mar – Sun 29 Mar', 'Anna Weber from Mon 30 Mar']);
  });

  it('names a one-day turn once and everyone on an all-hands shift', () => {
    const next = [day('2026-03-25', 'a'), day('2026-03-26', 'b'), day('2026-03-27', 'a', 'b')];
    expect(describeTurns(next, (id) => names[id] ?? id)).toEqual(['Anna Weber Wed 25 Mar', 'Boris Lang Thu 26 Mar', 'Anna Weber + Boris Lang from Fri 27 Mar']);
  });
});

describe('describeImportedRotation', () => {
  const base: ImportedRotationPreview = {
    name: 'x',
    timeZone: 'Europe/Berlin',
    localStartTime: '09:00',
    localEndTime: '09:00',
    rrule: 'FREQ=DAILY',
    agentIds: ['a', 'b'],
    handoff: { mode: 'turns', every: 7 },
    startDate: '2026-03-25',
    endDate: null,
    next: [],
  };

  it('says the span, the days and how the turn passes', () => {
    expect(describeImportedRotation(base)).toBe('24 h from 09:00 Europe/Berlin · every day · 7 shifts each');
    expect(describeImportedRotation({ ...base, localEndTime: '17:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,FR', handoff: { mode: 'all' } })).toBe('09:00–17:00 Europe/Berlin · Mon, Fri · everyone, every shift');
  });

  it('says how often a rotation with an interval repeats (Grafana OnCall imports keep theirs)', () => {
    expect(describeImportedRotation({ ...base, rrule: 'FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO', handoff: { mode: 'turns', every: 1 } })).toBe('24 h from 09:00 Europe/Berlin · Mon, every 2 weeks · 1 shift each');
    expect(describeImportedRotation({ ...base, rrule: 'FREQ=DAILY;INTERVAL=3', handoff: { mode: 'turns', every: 1 } })).toBe('24 h from 09:00 Europe/Berlin · every 3 days · 1 shift each');
  });
});
