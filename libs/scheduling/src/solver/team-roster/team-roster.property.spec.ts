// fast-check is a test-only tool; the domain's allowedExternalImports list is meant for runtime code.
import fc from 'fast-check';
import { DEFAULT_LABOUR_RULES } from '../../rules/labour-rules';
import { addCalendarDays, getLocalDate, getZoneOffsetMinutes } from '../../time';
import { buildTeamRosterProblem } from './build-team-roster-problem';
import { rosterToDraftShifts } from './roster-to-drafts';

/*
 * Invariants of the team-roster adapter over random shapes and periods in zones with and without
 * DST (including half-hour offsets) anywhere in 2026. Fixed seed so a failure reproduces.
 */

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Adelaide', 'Asia/Kolkata', 'Europe/Moscow'];
const MINUTE = 60_000;
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const anyDate = fc.integer({ min: 0, max: 364 }).map((day) => addCalendarDays('2026-01-01', day));
/** Periods starting just before a DST change in one of the zones (Berlin, New York, Adelaide). */
const nearDst = fc.constantFrom('2026-03-07', '2026-03-08', '2026-03-27', '2026-03-28', '2026-04-04', '2026-10-03', '2026-10-24', '2026-10-31', '2026-11-01');
const dateIn2026 = fc.oneof(anyDate, nearDst);
const wallMinutes = (instant: number, zone: string) => instant / MINUTE + getZoneOffsetMinutes(zone, instant);
const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('team roster adapter (properties)', () => {
  it('every draft keeps its shape on the wall clock: starts on its local date at the local start, lasts the length on the wall clock, in order; only a start or end in a spring-forward gap moves forward, by the gap', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        dateIn2026,
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.record({ start: hhmm, length: fc.integer({ min: 4, max: 48 }).map((q) => q * 15) }), { minLength: 1, maxLength: 3 }),
        (zone, from, days, raw) => {
          const shapes = raw.map((s, i) => ({ id: `S${i}`, localStartTime: s.start, lengthMinutes: s.length }));
          const to = addCalendarDays(from, days - 1);
          const built = buildTeamRosterProblem({
            timeZone: zone,
            from,
            to,
            agents: [{ id: 'a', displayName: 'a', timeZone: zone, languages: [], channels: [], contractHoursPerWeek: 168, active: true }],
            rules: [],
            shapes,
            labourRules: { defaults: DEFAULT_LABOUR_RULES },
            fixedShifts: [],
            timeOff: [],
          });
          if (!built.ok) return false;
          const model = built.value;
          // Every cell worked once by the single agent, day by day (the adapter does not judge rules).
          const drafts = shapes.flatMap((shape) => rosterToDraftShifts({ model, roster: [{ employeeId: 'a', days: model.dates.map(() => shape.id) }] }));
          expect(drafts).toHaveLength(days * shapes.length);
          for (const draft of drafts) {
            const shape = shapes.find((s) => s.id === draft.shapeId);
            if (!shape) return false;
            expect(getLocalDate(draft.start, zone)).toBe(draft.date);
            expect(draft.timeZone).toBe(zone);
            expect(draft.end).toBeGreaterThan(draft.start);
            // Wall-clock minutes since the local midnight of the draft's date.
            const midnight = wallMinutes(Date.parse(`${draft.date}T00:00:00Z`), 'UTC');
            const startShift = wallMinutes(draft.start, zone) - midnight - minuteOf(shape.localStartTime);
            const endShift = wallMinutes(draft.end, zone) - midnight - minuteOf(shape.localStartTime) - shape.lengthMinutes;
            // 0 normally; forward by the gap (1 h in these zones) when the local time does not exist.
            expect([0, 60]).toContain(startShift);
            expect([0, 60]).toContain(endShift);
          }
          for (const shape of shapes) {
            const own = drafts.filter((d) => d.shapeId === shape.id);
            own.slice(1).forEach((d, i) => expect(d.start).toBeGreaterThan(own[i].start));
          }
          return true;
        },
      ),
      { seed: 20260329, numRuns: 300 },
    );
  });
});
