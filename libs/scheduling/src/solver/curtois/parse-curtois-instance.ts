import type { Result } from '../../model/types';
import type { RosterEmployee, RosterProblem, RosterShiftType, ShiftRequest } from '../roster-problem';

export type CurtoisParseError = 'malformed';

/**
 * Parses a Curtois & Qu employee scheduling instance (`InstanceN.txt`, schedulingbenchmarks.org)
 * into the generator's `RosterProblem`. Day 0 is a Monday; the file's "cannot follow" lists map
 * to `cannotFollow`; `MaxShifts` limits map to `maxShifts` (0 = lacks the skill).
 * Pure: the caller reads the file. Returns `{ ok: false, reason: 'malformed' }` with the line
 * number on bad input.
 */
export function parseCurtoisInstance(text: string): Result<RosterProblem, CurtoisParseError> {
  const sections = new Map<string, { line: number; fields: string[] }[]>();
  let current: string | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('SECTION_')) {
      current = line;
      sections.set(current, []);
      continue;
    }
    if (current === null) return fail(i + 1, 'data before the first SECTION_ header');
    sections.get(current)?.push({ line: i + 1, fields: line.split(',').map((f) => f.trim()) });
  }
  const rows = (name: string) => sections.get(name) ?? [];
  const int = (value: string | undefined): number => (value !== undefined && /^-?\d+$/.test(value) ? Number(value) : NaN);

  const horizonRows = rows('SECTION_HORIZON');
  const horizonDays = int(horizonRows[0]?.fields[0]);
  if (!(horizonDays > 0)) return fail(horizonRows[0]?.line ?? 0, 'missing or invalid SECTION_HORIZON');

  const shiftTypes: RosterShiftType[] = [];
  for (const { line, fields } of rows('SECTION_SHIFTS')) {
    const length = int(fields[1]);
    if (!fields[0] || !(length > 0)) return fail(line, 'shift line needs ID,LengthMinutes,NotFollow');
    shiftTypes.push({ id: fields[0], lengthMinutes: length, cannotFollow: (fields[2] ?? '').split('|').filter((s) => s !== '') });
  }
  if (shiftTypes.length === 0) return fail(0, 'no shift types');
  const shiftIds = new Set(shiftTypes.map((s) => s.id));
  for (const s of shiftTypes) {
    const bad = s.cannotFollow.find((t) => !shiftIds.has(t));
    if (bad) return fail(0, `shift ${s.id} lists unknown shift ${bad}`);
  }

  const employees: RosterEmployee[] = [];
  for (const { line, fields } of rows('SECTION_STAFF')) {
    const nums = fields.slice(2, 8).map(int);
    if (fields.length < 8 || nums.some((n) => Number.isNaN(n))) return fail(line, 'staff line needs 8 fields');
    const maxShifts: Record<string, number> = {};
    for (const part of fields[1].split('|').filter((p) => p !== '')) {
      const [id, limit] = part.split('=');
      if (!shiftIds.has(id) || Number.isNaN(int(limit))) return fail(line, `bad MaxShifts entry ${part}`);
      maxShifts[id] = int(limit);
    }
    const [maxTotal, minTotal, maxCons, minCons, minOff, maxWeekends] = nums;
    employees.push({
      id: fields[0],
      maxShifts,
      maxTotalMinutes: maxTotal,
      minTotalMinutes: minTotal,
      maxConsecutiveDays: maxCons,
      minConsecutiveDays: minCons,
      minConsecutiveDaysOff: minOff,
      maxWeekends,
      daysOff: [],
    });
  }
  const byId = new Map(employees.map((e) => [e.id, e]));
  const validDay = (d: number) => Number.isInteger(d) && d >= 0 && d < horizonDays;

  for (const { line, fields } of rows('SECTION_DAYS_OFF')) {
    const emp = byId.get(fields[0]);
    if (!emp) return fail(line, `unknown employee ${fields[0]}`);
    for (const f of fields.slice(1).filter((x) => x !== '')) {
      if (!validDay(int(f))) return fail(line, `bad day ${f}`);
      emp.daysOff.push(int(f));
    }
  }

  const requests = (name: string): Result<ShiftRequest[], CurtoisParseError> => {
    const out: ShiftRequest[] = [];
    for (const { line, fields } of rows(name)) {
      const [employeeId, day, shiftTypeId, weight] = fields;
      if (!byId.has(employeeId) || !validDay(int(day)) || !shiftIds.has(shiftTypeId) || Number.isNaN(int(weight))) {
        return fail(line, `bad ${name} line`);
      }
      out.push({ employeeId, day: int(day), shiftTypeId, weight: int(weight) });
    }
    return { ok: true, value: out };
  };
  const on = requests('SECTION_SHIFT_ON_REQUESTS');
  if (!on.ok) return on;
  const off = requests('SECTION_SHIFT_OFF_REQUESTS');
  if (!off.ok) return off;

  const cover: RosterProblem['cover'] = [];
  for (const { line, fields } of rows('SECTION_COVER')) {
    const [day, shiftTypeId, req, under, over] = fields;
    if (!validDay(int(day)) || !shiftIds.has(shiftTypeId) || [req, under, over].some((v) => Number.isNaN(int(v)))) {
      return fail(line, 'bad SECTION_COVER line');
    }
    cover.push({ day: int(day), shiftTypeId, requirement: int(req), underWeight: int(under), overWeight: int(over) });
  }

  return {
    ok: true,
    value: {
      horizonDays,
      firstWeekday: 1,
      shiftTypes,
      employees,
      cover,
      shiftOnRequests: on.value,
      shiftOffRequests: off.value,
      locked: [],
    },
  };
}

function fail(line: number, message: string): { ok: false; reason: CurtoisParseError; message: string } {
  return { ok: false, reason: 'malformed', message: line > 0 ? `line ${line}: ${message}` : message };
}
