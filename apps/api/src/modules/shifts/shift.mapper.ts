import type { ManualShift, ScheduledShift, ShiftBreakSpan } from '@shiftdesk/shared-api-contract';
import type { Shift } from '@shiftdesk/scheduling';
import { fromIso, toIso } from '../schedule/instants';
import type { ShiftEntity } from './shift.entity';

/** Breaks are stored as the contract writes them: JSON `[{ "start", "end" }]`, ISO UTC (see shift.entity.ts). */
export function parseBreaks(json: string): ShiftBreakSpan[] {
  return (JSON.parse(json) as ShiftBreakSpan[]).map((b) => ({ start: b.start, end: b.end }));
}

export function serializeBreaks(breaks: readonly ShiftBreakSpan[]): string {
  return JSON.stringify(breaks.map((b) => ({ start: b.start, end: b.end })));
}

export function toManualShift(entity: ShiftEntity): ManualShift {
  return {
    id: entity.id,
    teamId: entity.teamId,
    agentId: entity.agentId,
    start: entity.startAt,
    end: entity.endAt,
    timeZone: entity.timeZone,
    channel: entity.channel,
    label: entity.label,
    breaks: parseBreaks(entity.breaks),
    status: entity.status,
    locked: entity.locked,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** Stored manual shift → domain shift (UTC epoch ms). */
export function toDomainShift(entity: ShiftEntity): Shift {
  return {
    id: entity.id,
    agentId: entity.agentId,
    start: fromIso(entity.startAt),
    end: fromIso(entity.endAt),
    timeZone: entity.timeZone,
    channel: entity.channel,
    label: entity.label,
    breaks: parseBreaks(entity.breaks).map((b) => ({ start: fromIso(b.start), end: fromIso(b.end) })),
    status: entity.status,
    source: 'manual',
    locked: entity.locked,
  };
}

/** Final shift of the resolved schedule → contract. */
export function toScheduledShift(shift: Shift): ScheduledShift {
  return {
    id: shift.id,
    agentId: shift.agentId,
    start: toIso(shift.start),
    end: toIso(shift.end),
    timeZone: shift.timeZone,
    channel: shift.channel,
    label: shift.label,
    breaks: shift.breaks.map((b) => ({ start: toIso(b.start), end: toIso(b.end) })),
    status: shift.status,
    source: shift.source,
    rotationId: shift.rotationId ?? null,
    locked: shift.locked ?? false,
  };
}
