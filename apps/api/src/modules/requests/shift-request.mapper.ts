import type { RequestAction, RequestShift, RequestTimeOff, ShiftRequest } from '@shiftdesk/shared-api-contract';
import { requestAwaiting, type Shift } from '@shiftdesk/scheduling';
import { toIso } from '../schedule/instants';
import type { ShiftRequestEntity } from './shift-request.entity';

/** A final-schedule shift as a request remembers it. */
export function toRequestShift(shift: Shift): RequestShift {
  return { shiftId: shift.id, agentId: shift.agentId, start: toIso(shift.start), end: toIso(shift.end), timeZone: shift.timeZone, channel: shift.channel, label: shift.label };
}

export function parseSnapshot(json: string | null): RequestShift | null {
  return json === null ? null : (JSON.parse(json) as RequestShift);
}

function timeOffOf(row: ShiftRequestEntity): RequestTimeOff | null {
  if (row.kind !== 'time-off' || !row.timeOffStart || !row.timeOffEnd || !row.timeOffZone || !row.timeOffReason) return null;
  return {
    start: row.timeOffStart,
    end: row.timeOffEnd,
    timeZone: row.timeOffZone,
    allDay: row.timeOffFirstDate !== null,
    firstDate: row.timeOffFirstDate,
    lastDate: row.timeOffLastDate,
    reason: row.timeOffReason,
  };
}

/** Entity → contract. `names` maps agent ids to display names; `actions` are the caller's. */
export function toShiftRequest(row: ShiftRequestEntity, names: ReadonlyMap<string, string>, actions: RequestAction[] = []): ShiftRequest {
  const name = (id: string) => names.get(id) ?? 'A former agent';
  return {
    id: row.id,
    teamId: row.teamId,
    kind: row.kind,
    state: row.state,
    awaiting: requestAwaiting(row),
    requesterAgentId: row.requesterAgentId,
    requesterName: name(row.requesterAgentId),
    targetAgentId: row.targetAgentId,
    targetName: row.targetAgentId === null ? null : name(row.targetAgentId),
    offered: row.offered,
    shift: parseSnapshot(row.shiftSnapshot),
    targetShift: parseSnapshot(row.targetShiftSnapshot),
    timeOff: timeOffOf(row),
    note: row.note,
    createdByName: row.createdByName,
    decidedByName: row.decidedByName,
    decisionComment: row.decisionComment,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    appliedAt: row.appliedAt,
    undoneAt: row.undoneAt,
    version: row.version,
    actions,
  };
}
