import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCurtoisInstance } from './parse-curtois-instance';

/** The shared benchmark folder; read in place, never copied into the repo. */
export const CURTOIS_DIR = '/work/shared/benchmarks/curtois';

function readInstance(name: string): string {
  const file = join(CURTOIS_DIR, name);
  if (!existsSync(file)) {
    throw new Error(`Curtois benchmark file ${file} is missing: these tests read the shared instances in place (see issue 4).`);
  }
  return readFileSync(file, 'utf8');
}

describe('parseCurtoisInstance', () => {
  it('reads Instance1: 14 days, 1 shift type, 8 staff, 14 cover lines, requests and days off', () => {
    const parsed = parseCurtoisInstance(readInstance('Instance1.txt'));
    if (!parsed.ok) throw new Error(parsed.message);
    const p = parsed.value;
    expect(p.horizonDays).toBe(14);
    expect(p.firstWeekday).toBe(1);
    expect(p.shiftTypes).toEqual([{ id: 'D', lengthMinutes: 480, cannotFollow: [] }]);
    expect(p.employees).toHaveLength(8);
    expect(p.cover).toHaveLength(14);
    expect(p.shiftOnRequests).toHaveLength(21);
    expect(p.shiftOffRequests).toHaveLength(5);
    expect(p.employees.reduce((n, e) => n + e.daysOff.length, 0)).toBe(8);
    expect(p.employees[0]).toEqual({
      id: 'A',
      maxShifts: { D: 14 },
      maxTotalMinutes: 4320,
      minTotalMinutes: 3360,
      maxConsecutiveDays: 5,
      minConsecutiveDays: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 1,
      daysOff: expect.any(Array),
    });
    expect(p.locked).toEqual([]);
  });

  it('reads "cannot follow" lists and per-type limits (Instance4)', () => {
    const parsed = parseCurtoisInstance(readInstance('Instance4.txt'));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.horizonDays).toBe(28);
    expect(parsed.value.shiftTypes.length).toBe(2);
    expect(parsed.value.employees).toHaveLength(10);
    expect(parsed.value.cover).toHaveLength(56);
    expect(parsed.value.shiftTypes.some((s) => s.cannotFollow.length > 0)).toBe(true);
  });

  it('accepts LF line endings and rejects malformed lines with the line number', () => {
    const text = ['SECTION_HORIZON', '7', '', 'SECTION_SHIFTS', 'D,480,', '', 'SECTION_STAFF', 'A,D=7,4000,0,5,1,1,1', ''].join('\n');
    const ok = parseCurtoisInstance(text);
    expect(ok.ok && ok.value.employees[0].maxShifts).toEqual({ D: 7 });
    const bad = parseCurtoisInstance(text.replace('A,D=7,4000,0,5,1,1,1', 'A,D=7,lots,0,5,1,1,1'));
    expect(bad).toMatchObject({ ok: false, reason: 'malformed', message: expect.stringContaining('line 8') });
    expect(parseCurtoisInstance('SECTION_HORIZON\nx\n')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(parseCurtoisInstance(text.replace('D,480,', 'D,480,Z'))).toMatchObject({ ok: false, message: expect.stringContaining('unknown shift Z') });
  });
});
