import type { LocalDate } from '../model/types';
import { parseLocalDate, toEpochDay } from '../time/local-date-time';
import { countOccurrencesBefore } from './expand-rotation';
import type { Rotation } from './rotation';
import { compileRotation, type RotationErrorReason } from './validate-rotation';

export type SplitRotationReason = RotationErrorReason | 'not-started' | 'already-ended' | 'same-id';

export type SplitRotationResult =
  | { ok: true; value: { previous: Rotation; next: Rotation } }
  | { ok: false; reason: SplitRotationReason; field: string; message: string };

/**
 * Versions a rotation that has already started: the old version ends at `changeDate` (its
 * exclusive `endDate` becomes `changeDate`) and `newVersion` starts on `changeDate`, so every
 * shift that starts before `changeDate` (local date in the old rotation's zone) is left exactly
 * as it was. `newVersion` needs its own id (shift ids derive from it); its `endDate` is kept.
 *
 * When both versions hand off in turns and `newVersion.turnOffset` is not given, the new
 * version continues the old cycle: its first occurrence goes to whoever's turn was next.
 * A rotation that has not started by `changeDate` should be edited in place instead
 * (`not-started`).
 */
export function splitRotationAt(input: {
  rotation: Rotation;
  changeDate: LocalDate;
  newVersion: Omit<Rotation, 'startDate'>;
}): SplitRotationResult {
  const { rotation, changeDate, newVersion } = input;
  const change = parseLocalDate(changeDate, 'changeDate');
  if (!change.ok) return { ok: false, reason: 'invalid-date', field: 'changeDate', message: change.message };
  const compiled = compileRotation(rotation);
  if (!compiled.ok) return { ok: false, reason: compiled.reason, field: `rotation.${compiled.field}`, message: compiled.message };
  const changeDay = toEpochDay(change.value);
  if (changeDay <= compiled.value.startDay) {
    return { ok: false, reason: 'not-started', field: 'changeDate', message: `rotation ${rotation.id} starts on ${rotation.startDate}; edit it in place instead of versioning` };
  }
  if (compiled.value.endDay !== null && changeDay >= compiled.value.endDay) {
    return { ok: false, reason: 'already-ended', field: 'changeDate', message: `rotation ${rotation.id} already ends before ${changeDate}` };
  }
  if (newVersion.id === rotation.id) {
    return { ok: false, reason: 'same-id', field: 'newVersion.id', message: 'the new version needs its own id so past shift ids stay unique' };
  }

  let turnOffset = newVersion.turnOffset;
  if (turnOffset === undefined && rotation.handoff.mode === 'turns' && newVersion.handoff?.mode === 'turns') {
    turnOffset = compiled.value.turnOffset + countOccurrencesBefore(compiled.value, changeDay);
  }
  const next: Rotation = { ...newVersion, startDate: changeDate, ...(turnOffset === undefined ? {} : { turnOffset }) };
  const checked = compileRotation(next);
  if (!checked.ok) return { ok: false, reason: checked.reason, field: `newVersion.${checked.field}`, message: checked.message };

  return { ok: true, value: { previous: { ...rotation, endDate: changeDate }, next } };
}
