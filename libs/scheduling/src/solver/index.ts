export * from './roster-problem';
export { evaluateRoster } from './evaluate-roster';
export { deriveCannotFollow, type ClockShiftType } from './derive-cannot-follow';
export {
  generateRoster,
  type GenerateRosterOptions,
  type GenerateRosterPhase,
  type GenerateRosterProgress,
  type GenerateRosterResult,
  type GenerateRosterStatus,
} from './generate-roster';
export { loadHighs } from './load-highs';
export { parseCurtoisInstance, type CurtoisParseError } from './curtois/parse-curtois-instance';
export * from './team-roster';
