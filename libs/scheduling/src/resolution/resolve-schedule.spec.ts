import type { Shift } from '../model/types';
import type { Rotation } from '../recurrence/rotation';
import { findOverlaps } from './find-overlaps';
import { resolveSchedule } from './resolve-schedule';

const utc = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h, min);

// Mon–Fri 09:00–17:00 Europe/Berlin (08:00Z–16:00Z in January), ana/ben/cho taking turns daily.
const day: Rotation = {
  id: 'day',
  teamId: 't1',
  timeZone: 'Europe/Berlin',
  localStartTime: '09:00',
  localEndTime: '17:00',
  rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  exdates: [],
  agentIds: ['ana', 'ben', 'cho'],
  handoff: { mode: 'turns', every: 1 },
  startDate: '2026-01-05',
  status: 'published',
};
const week = { from: utc(2026, 1, 5), to: utc(2026, 1, 10) };
const summary = (shifts: Shift[]): string[] =>
  shifts.map((s) => `${s.id} ${s.agentId} ${new Date(s.start).toISOString().slice(5, 16)}–${new Date(s.end).toISOString().slice(11, 16)} ${s.source}`);

function manual(patch: Partial<Shift> & Pick<Shift, 'id' | 'agentId' | 'start' | 'end'>): Shift {
  return { timeZone: 'Europe/Berlin', channel: null, label: null, breaks: [], status: 'published', source: 'manual', ...patch };
}

describe('resolveSchedule', () => {
  it('expands rotations and passes manual shifts through, sorted', () => {
    const extra = manual({ id: 'm1', agentId: 'dev', start: utc(2026, 1, 5, 8), end: utc(2026, 1, 5, 12) });
    const shifts = resolveSchedule({ shifts: [extra], rotations: [day], ...week });
    expect(summary(shifts)).toEqual([
      'day:2026-01-05:ana ana 01-05T08:00–16:00 rotation',
      'm1 dev 01-05T08:00–12:00 manual',
      'day:2026-01-06:ben ben 01-06T08:00–16:00 rotation',
      'day:2026-01-07:cho cho 01-07T08:00–16:00 rotation',
      'day:2026-01-08:ana ana 01-08T08:00–16:00 rotation',
      'day:2026-01-09:ben ben 01-09T08:00–16:00 rotation',
    ]);
  });

  it('an override splits a partly covered shift and keeps derived ids stable', () => {
    const override = { id: 'o1', rotationId: 'day', agentId: 'dev', start: utc(2026, 1, 6, 10), end: utc(2026, 1, 6, 12), timeZone: 'Europe/Berlin' };
    const run = () => resolveSchedule({ shifts: [], rotations: [day], overrides: [override], from: utc(2026, 1, 6), to: utc(2026, 1, 7) });
    expect(summary(run())).toEqual([
      'day:2026-01-06:ben ben 01-06T08:00–10:00 rotation',
      'day:2026-01-06:ben~override:o1 dev 01-06T10:00–12:00 override',
      `day:2026-01-06:ben~${utc(2026, 1, 6, 12)} ben 01-06T12:00–16:00 rotation`,
    ]);
    expect(run()).toEqual(run());
  });

  it('an override by team covers several days and leaves other teams alone', () => {
    const other: Rotation = { ...day, id: 'other', teamId: 't2', agentIds: ['zed'] };
    const override = { id: 'o2', teamId: 't1', agentId: 'dev', start: utc(2026, 1, 6), end: utc(2026, 1, 8), timeZone: 'UTC' };
    const shifts = resolveSchedule({ shifts: [], rotations: [day, other], overrides: [override], ...week });
    const onSixth = shifts.filter((s) => s.start >= utc(2026, 1, 6) && s.start < utc(2026, 1, 7));
    expect(onSixth.map((s) => `${s.id} ${s.agentId}`)).toEqual(['day:2026-01-06:ben~override:o2 dev', 'other:2026-01-06:zed zed']);
    expect(shifts.filter((s) => s.agentId === 'dev')).toHaveLength(2);
  });

  it("an override of an 'all' rotation books the replacement once, or replaces one agent", () => {
    const all: Rotation = { ...day, handoff: { mode: 'all' } };
    const span = { start: utc(2026, 1, 5), end: utc(2026, 1, 6), timeZone: 'UTC' };
    const everyone = resolveSchedule({ shifts: [], rotations: [all], overrides: [{ id: 'o', rotationId: 'day', agentId: 'dev', ...span }], from: span.start, to: span.end });
    expect(everyone.map((s) => s.agentId)).toEqual(['dev']);
    const onlyBen = resolveSchedule({
      shifts: [],
      rotations: [all],
      overrides: [{ id: 'o', rotationId: 'day', agentId: 'dev', replacesAgentId: 'ben', ...span }],
      from: span.start,
      to: span.end,
    });
    expect(onlyBen.map((s) => s.agentId)).toEqual(['ana', 'cho', 'dev']);
  });

  it('a swap reassigns a shift and keeps its id', () => {
    const shifts = resolveSchedule({
      shifts: [],
      rotations: [day],
      swaps: [
        { shiftId: 'day:2026-01-07:cho', fromAgentId: 'cho', toAgentId: 'ana' },
        // Stale: the shift is not ben's, so nothing moves.
        { shiftId: 'day:2026-01-08:ana', fromAgentId: 'ben', toAgentId: 'cho' },
      ],
      ...week,
    });
    expect(shifts.find((s) => s.id === 'day:2026-01-07:cho')).toMatchObject({ agentId: 'ana', source: 'swap', start: utc(2026, 1, 7, 8) });
    expect(shifts.find((s) => s.id === 'day:2026-01-08:ana')).toMatchObject({ agentId: 'ana', source: 'rotation' });
  });

  it('time off cuts a shift and removes fully covered ones, breaks clipped', () => {
    const withBreak = manual({ id: 'm1', agentId: 'ana', start: utc(2026, 1, 9, 8), end: utc(2026, 1, 9, 16), breaks: [{ start: utc(2026, 1, 9, 11), end: utc(2026, 1, 9, 13) }] });
    const shifts = resolveSchedule({
      shifts: [withBreak],
      rotations: [day],
      timeOff: [
        { agentId: 'ana', start: utc(2026, 1, 5, 12), end: utc(2026, 1, 5, 20) },
        { agentId: 'ana', start: utc(2026, 1, 8), end: utc(2026, 1, 9) },
        { agentId: 'ana', start: utc(2026, 1, 9, 12), end: utc(2026, 1, 9, 14) },
      ],
      ...week,
    });
    const ana = shifts.filter((s) => s.agentId === 'ana');
    expect(summary(ana)).toEqual([
      'day:2026-01-05:ana ana 01-05T08:00–12:00 rotation',
      'm1 ana 01-09T08:00–12:00 manual',
      `m1~${utc(2026, 1, 9, 14)} ana 01-09T14:00–16:00 manual`,
    ]);
    expect(ana[1].breaks).toEqual([{ start: utc(2026, 1, 9, 11), end: utc(2026, 1, 9, 12) }]);
    expect(ana[2].breaks).toEqual([]);
  });

  it('gives the same ids whatever order time off arrives in', () => {
    const offs = [
      { agentId: 'ben', start: utc(2026, 1, 6, 9), end: utc(2026, 1, 6, 10) },
      { agentId: 'ben', start: utc(2026, 1, 6, 13), end: utc(2026, 1, 6, 14) },
    ];
    const a = resolveSchedule({ shifts: [], rotations: [day], timeOff: offs, ...week });
    const b = resolveSchedule({ shifts: [], rotations: [day], timeOff: [...offs].reverse(), ...week });
    expect(a).toEqual(b);
    expect(a.filter((s) => s.agentId === 'ben' && s.start < utc(2026, 1, 7)).map((s) => s.id)).toEqual([
      'day:2026-01-06:ben',
      `day:2026-01-06:ben~${utc(2026, 1, 6, 10)}`,
      `day:2026-01-06:ben~${utc(2026, 1, 6, 14)}`,
    ]);
  });

  it('returns nothing for an empty window', () => {
    expect(resolveSchedule({ shifts: [], rotations: [day], from: week.to, to: week.from })).toEqual([]);
  });
});

describe('findOverlaps', () => {
  it("pairs one agent's overlapping shifts and ignores touching ones and other agents", () => {
    const a = manual({ id: 'a', agentId: 'ana', start: utc(2026, 1, 5, 8), end: utc(2026, 1, 5, 16) });
    const b = manual({ id: 'b', agentId: 'ana', start: utc(2026, 1, 5, 15), end: utc(2026, 1, 5, 20) });
    const touching = manual({ id: 'c', agentId: 'ana', start: utc(2026, 1, 5, 20), end: utc(2026, 1, 5, 22) });
    const otherAgent = manual({ id: 'd', agentId: 'ben', start: utc(2026, 1, 5, 8), end: utc(2026, 1, 5, 16) });
    const inside = manual({ id: 'e', agentId: 'ana', start: utc(2026, 1, 5, 9), end: utc(2026, 1, 5, 10) });
    const overlaps = findOverlaps([b, touching, otherAgent, a, inside]);
    expect(overlaps.map((o) => [o.first.id, o.second.id, o.start, o.end])).toEqual([
      ['a', 'e', utc(2026, 1, 5, 9), utc(2026, 1, 5, 10)],
      ['a', 'b', utc(2026, 1, 5, 15), utc(2026, 1, 5, 16)],
    ]);
  });

  it('finds nothing in a clean schedule', () => {
    expect(findOverlaps(resolveSchedule({ shifts: [], rotations: [day], ...week }))).toEqual([]);
  });
});
