// Public API of the import module: schedules from other tools, mapped onto rotations.
export { importOpsgenieSchedule } from './opsgenie-schedule';
export type { ImportedRotation, OpsgenieImport, OpsgenieImportResult } from './opsgenie-schedule';
