import { expandRotation } from './expand-rotation';
import type { Rotation } from './rotation';
import { splitRotationAt } from './split-rotation';

const utc = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h, min);

const original: Rotation = {
  id: 'r1',
  timeZone: 'Europe/Berlin',
  localStartTime: '09:00',
  localEndTime: '17:00',
  rrule: 'FREQ=DAILY',
  exdates: [],
  agentIds: ['ana', 'ben', 'cho'],
  handoff: { mode: 'turns', every: 1 },
  startDate: '2026-01-05',
  status: 'published',
};
const { startDate: _unused, ...edited } = { ...original, id: 'r1-v2', localStartTime: '10:00', localEndTime: '18:00' };

describe('splitRotationAt', () => {
  it('ends the old version at the change date and starts the new one there', () => {
    const result = splitRotationAt({ rotation: original, changeDate: '2026-01-10', newVersion: edited });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.previous).toEqual({ ...original, endDate: '2026-01-10' });
    expect(result.value.next).toMatchObject({ id: 'r1-v2', startDate: '2026-01-10', localStartTime: '10:00', turnOffset: 5 });
  });

  it('leaves every past shift exactly as it was and continues the turn order', () => {
    const result = splitRotationAt({ rotation: original, changeDate: '2026-01-10', newVersion: edited });
    if (!result.ok) throw new Error(result.message);
    const window = { from: utc(2026, 1, 1), to: utc(2026, 1, 14) };
    const before = expandRotation({ rotation: original, ...window }).filter((s) => s.start < utc(2026, 1, 10));
    const after = [
      ...expandRotation({ rotation: result.value.previous, ...window }),
      ...expandRotation({ rotation: result.value.next, ...window }),
    ];
    expect(after.filter((s) => s.start < utc(2026, 1, 10))).toEqual(before);
    const firstNew = after.find((s) => s.rotationId === 'r1-v2');
    // 01-05…01-09 went ana, ben, cho, ana, ben: 01-10 is cho's turn, now at 10:00 CET = 09:00Z.
    expect(firstNew).toMatchObject({ id: 'r1-v2:2026-01-10:cho', agentId: 'cho', start: utc(2026, 1, 10, 9) });
  });

  it('keeps an explicit turnOffset', () => {
    const result = splitRotationAt({ rotation: original, changeDate: '2026-01-10', newVersion: { ...edited, turnOffset: 0 } });
    expect(result.ok && result.value.next.turnOffset).toBe(0);
  });

  it.each<[string, string, Omit<Rotation, 'startDate'>, string]>([
    ['a change on the start date', '2026-01-05', edited, 'not-started'],
    ['a change after the end', '2026-03-01', edited, 'already-ended'],
    ['a reused id', '2026-01-10', { ...edited, id: 'r1' }, 'same-id'],
    ['a bad date', '2026-1-10', edited, 'invalid-date'],
    ['an invalid new version', '2026-01-10', { ...edited, agentIds: [] }, 'no-agents'],
  ])('refuses %s', (_name, changeDate, newVersion, reason) => {
    const rotation = reason === 'already-ended' ? { ...original, endDate: '2026-02-01' } : original;
    expect(splitRotationAt({ rotation, changeDate, newVersion })).toMatchObject({ ok: false, reason });
  });
});
