// Public API of the recurrence module.
export { compareShifts, expandRotation, previewRotation } from './expand-rotation';
export { parseRecurrenceRule, RECURRENCE_FREQUENCIES } from './parse-recurrence-rule';
export type { RecurrenceDay, RecurrenceFrequency, RecurrenceRule, RecurrenceUntil } from './parse-recurrence-rule';
export type { Rotation, RotationBreak, RotationHandoff, RotationOccurrence } from './rotation';
export { splitRotationAt } from './split-rotation';
export type { SplitRotationReason, SplitRotationResult } from './split-rotation';
export { validateRotation } from './validate-rotation';
export type { RotationErrorReason, RotationFieldError, RotationValidation } from './validate-rotation';
