// Public API of the time module: the one implementation of local wall-clock ↔ UTC instant
// conversion (DST policy in time-zone.ts), zone-less calendar arithmetic and formatting.
// Wall-ms and epoch-day plumbing used only inside the library stays unexported here.
export {
  addCalendarDays,
  addLocalDays,
  formatDurationHours,
  getIsoWeekday,
  getStartOfIsoWeek,
  isLocalDate,
  parseLocalDate,
  parseLocalTime,
  parseMinuteOfDay,
} from './local-date-time';
export type { LocalDateParts, LocalTimeParts } from './local-date-time';
export { getZoneOffsetMinutes, instantToWall, isValidTimeZone, wallToInstant } from './time-zone';
export {
  formatInZone,
  formatIsoUtc,
  formatLocalDateTime,
  formatOffset,
  getLocalDate,
  getStartOfLocalDay,
  getZoneAbbreviation,
  instantToLocal,
  localMinuteToInstant,
  localToInstant,
} from './zoned-time';
export type { LocalDateTime, TimeConversionReason } from './zoned-time';
