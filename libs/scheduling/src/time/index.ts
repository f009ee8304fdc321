// Public API of the time module; helpers used only inside the library stay unexported here.
export { addLocalDays, parseLocalDate, parseLocalTime } from './local-date-time';
export type { LocalDateParts, LocalTimeParts } from './local-date-time';
export { getZoneOffsetMinutes, instantToWall, isValidTimeZone, wallToInstant } from './time-zone';
export { formatInZone, formatOffset, getZoneAbbreviation, instantToLocal, localToInstant } from './zoned-time';
export type { LocalDateTime, TimeConversionReason } from './zoned-time';
