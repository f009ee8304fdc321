import type { LocalDate, LocalTime } from '../model/types';
import type { Rotation } from '../recurrence/rotation';
import { splitRotationAt } from '../recurrence/split-rotation';
import { validateRotation } from '../recurrence/validate-rotation';

/** What every importer of another tool's schedule returns: rotations as Shiftdesk will create them. */

/** A rotation as Shiftdesk will create it, with the name it gets; ids are the caller's. */
export type ImportedRotation = Omit<Rotation, 'id' | 'teamId'> & { name: string };

export interface ScheduleImport {
  scheduleName: string;
  timeZone: string;
  /** The first local date the rotations run on here. */
  from: LocalDate;
  rotations: ImportedRotation[];
  /** What could not be carried over exactly, in words a manager acts on. */
  warnings: string[];
}

/**
 * Someone the other tool's schedule puts on call who is not an agent of the team, with what that
 * tool says about them (null where it says nothing): the caller may add them as agents.
 */
export interface MissingPerson {
  email: string;
  name: string | null;
  /** A valid IANA zone, or null. */
  timeZone: string | null;
}

export type ImportFailure = {
  ok: false;
  field: string;
  message: string;
  /** Set when the only thing in the way is people who are not agents yet (by email, sorted). */
  missing?: MissingPerson[];
};

export type ScheduleImportResult = { ok: true; value: ScheduleImport } | ImportFailure;
export const importFailure = (field: string, message: string): ImportFailure => ({ ok: false, field, message });

export const MINUTES_PER_DAY = 1440;
/** RRULE weekday codes, Monday first (ISO weekday − 1 is the index). */
export const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** The API's name limit: longer names are cut to it. */
const MAX_NAME_LENGTH = 120;

/** The rotation from `from` on, its turn order continued (a rotation starting later is kept as is). */
export function continueFrom(rotation: Rotation, from: LocalDate): { ok: true; value: Rotation } | { ok: false; message: string } {
  const checked = validateRotation(rotation);
  if (!checked.ok) return { ok: false, message: `${checked.field}: ${checked.message}` };
  if (rotation.startDate >= from) return { ok: true, value: rotation };
  const split = splitRotationAt({ rotation, changeDate: from, newVersion: { ...rotation, id: `${rotation.id}-from`, turnOffset: undefined } });
  if (!split.ok) return { ok: false, message: split.message };
  return { ok: true, value: split.value.next };
}

/** The rotation without the caller's ids, named. */
export function named(rotation: Rotation, name: string): ImportedRotation {
  const { id: _id, teamId: _team, ...value } = rotation;
  return { ...value, name };
}

export function minutesOf(time: LocalTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function clock(minutes: number): LocalTime {
  const m = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` as LocalTime;
}

/** `09:00–17:00`, `all day` (00:00 to 00:00) or `24 h from 09:00`; `end` may pass midnight. */
export function windowLabel(start: number, end: number): string {
  if (end - start === MINUTES_PER_DAY) return start === 0 ? 'all day' : `24 h from ${clock(start)}`;
  return `${clock(start)}–${clock(end)}`;
}

export function truncateName(name: string): string {
  return name.length <= MAX_NAME_LENGTH ? name : `${name.slice(0, MAX_NAME_LENGTH - 1)}…`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
