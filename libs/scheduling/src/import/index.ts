// Public API of the import module: schedules from other tools, mapped onto rotations.
export { importOpsgenieSchedule } from './opsgenie-schedule';
export type { OpsgenieImport, OpsgenieImportResult } from './opsgenie-schedule';
export type { ImportedRotation, MissingPerson, ScheduleImport, ScheduleImportResult } from './imported-rotation';
export { importGrafanaOncallShifts } from './grafana-oncall-shifts';
