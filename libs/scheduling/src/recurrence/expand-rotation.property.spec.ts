// fast-check is a test-only tool; the domain's allowedExternalImports list is meant for runtime code.
import fc from 'fast-check';
import type { Shift } from '../model/types';
import { findOverlaps } from '../resolution/find-overlaps';
import { expandRotation } from './expand-rotation';
import type { Rotation } from './rotation';

/*
 * Invariants of expansion over random rotations in zones with and without DST (including
 * half-hour offsets), over windows anywhere in 2026. Fixed seed so a failure reproduces.
 */

const DAY = 86_400_000;
const YEAR_START = Date.UTC(2026, 0, 1);
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Adelaide', 'Asia/Kolkata', 'UTC'];
const RULES = [
  'FREQ=DAILY',
  'FREQ=DAILY;INTERVAL=2',
  'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU',
  'FREQ=DAILY;COUNT=40',
  'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261031',
  'FREQ=MONTHLY;BYDAY=-1FR',
];
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const rotationArb = (handoff: fc.Arbitrary<Rotation['handoff']>): fc.Arbitrary<Rotation> =>
  fc.record({
    id: fc.constant('rot'),
    timeZone: fc.constantFrom(...ZONES),
    localStartTime: hhmm,
    localEndTime: hhmm,
    rrule: fc.constantFrom(...RULES),
    exdates: fc.array(fc.integer({ min: 0, max: 364 }).map((d) => new Date(YEAR_START + d * DAY).toISOString().slice(0, 10)), { maxLength: 5 }),
    agentIds: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 4 }),
    handoff,
    startDate: fc.integer({ min: 0, max: 120 }).map((d) => new Date(YEAR_START + d * DAY).toISOString().slice(0, 10)),
    status: fc.constant('published' as const),
  });
const anyHandoff = fc.oneof(
  fc.integer({ min: 1, max: 4 }).map((every) => ({ mode: 'turns' as const, every })),
  fc.constant({ mode: 'all' as const }),
);
const instantIn2026 = fc.integer({ min: 0, max: 364 * 24 }).map((h) => YEAR_START + h * 3_600_000);
const byId = (shifts: Shift[]): Map<string, Shift> => new Map(shifts.map((s) => [s.id, s]));

describe('expandRotation properties', () => {
  it('is deterministic', () => {
    fc.assert(
      fc.property(rotationArb(anyHandoff), instantIn2026, instantIn2026, (rotation, x, y) => {
        const window = { from: Math.min(x, y), to: Math.max(x, y) + DAY };
        expect(expandRotation({ rotation, ...window })).toEqual(expandRotation({ rotation, ...window }));
      }),
      { seed: 20260105, numRuns: 60 },
    );
  });

  it('windows compose: [a, c) equals [a, b) ∪ [b, c) by id', () => {
    fc.assert(
      fc.property(rotationArb(anyHandoff), fc.array(instantIn2026, { minLength: 3, maxLength: 3 }), (rotation, points) => {
        const [a, b, c] = [...points].sort((p, q) => p - q);
        const whole = expandRotation({ rotation, from: a, to: c + 1 });
        const union = byId([...expandRotation({ rotation, from: a, to: b }), ...expandRotation({ rotation, from: b, to: c + 1 })]);
        expect([...union.keys()].sort()).toEqual(whole.map((s) => s.id).sort());
        for (const shift of whole) expect(union.get(shift.id)).toEqual(shift);
      }),
      { seed: 42, numRuns: 80 },
    );
  });

  it("never double-books an agent within one rotation in 'turns' mode", () => {
    fc.assert(
      fc.property(rotationArb(fc.integer({ min: 1, max: 4 }).map((every) => ({ mode: 'turns' as const, every }))), (rotation) => {
        const shifts = expandRotation({ rotation, from: YEAR_START, to: YEAR_START + 365 * DAY });
        expect(findOverlaps(shifts)).toEqual([]);
        expect(new Set(shifts.map((s) => s.id)).size).toBe(shifts.length);
        // One agent per occurrence in turns mode.
        expect(new Set(shifts.map((s) => s.id.split(':')[1])).size).toBe(shifts.length);
      }),
      { seed: 7, numRuns: 40 },
    );
  });

  it('every shift has positive length and the output is sorted', () => {
    fc.assert(
      fc.property(rotationArb(anyHandoff), (rotation) => {
        const shifts = expandRotation({ rotation, from: YEAR_START, to: YEAR_START + 365 * DAY });
        for (const s of shifts) expect(s.end).toBeGreaterThan(s.start);
        for (let i = 1; i < shifts.length; i++) expect(shifts[i].start).toBeGreaterThanOrEqual(shifts[i - 1].start);
      }),
      { seed: 99, numRuns: 40 },
    );
  });
});
