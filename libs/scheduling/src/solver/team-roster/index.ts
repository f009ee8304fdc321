export * from './team-roster-model';
export { buildTeamRosterProblem, isNightShape, isShapeEligibleForRule, MAX_ROSTER_DAYS, REST_CONFLICT_WEIGHT } from './build-team-roster-problem';
export { explainUnfilledCover, findAvailabilityBreaches, rosterToDraftShifts } from './roster-to-drafts';
export { preferenceRequests, summarisePreferences, type PreferenceCells, type PreferenceOutcome } from './preferences';
