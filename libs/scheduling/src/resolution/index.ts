// Public API of the resolution module.
export { findOverlaps } from './find-overlaps';
export type { ShiftOverlap } from './find-overlaps';
export type { Override, ResolveScheduleInput, SwapApplied, TimeOff } from './resolution';
export { resolveSchedule } from './resolve-schedule';
