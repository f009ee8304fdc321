import type { Rotation as RotationContract, RotationBreak } from '@shiftdesk/shared-api-contract';
import type { Rotation } from '@shiftdesk/scheduling';
import type { RotationEntity } from './rotation.entity';

export function toRotation(entity: RotationEntity, agentIds: string[]): RotationContract {
  return {
    id: entity.id,
    teamId: entity.teamId,
    name: entity.name,
    timeZone: entity.timeZone,
    localStartTime: entity.localStartTime,
    localEndTime: entity.localEndTime,
    rrule: entity.rrule,
    exdates: JSON.parse(entity.exdates) as string[],
    agentIds,
    handoff: entity.handoffMode === 'all' ? { mode: 'all' } : { mode: 'turns', every: entity.handoffEvery ?? 1 },
    startDate: entity.startDate,
    endDate: entity.endDate,
    turnOffset: entity.turnOffset,
    channel: entity.channel,
    label: entity.label,
    breaks: JSON.parse(entity.breaks) as RotationBreak[],
    status: entity.status,
    previousVersionId: entity.previousVersionId,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** Contract (or stored) rotation → the domain shape the pure lib expands. */
export function toDomainRotation(rotation: Omit<RotationContract, 'createdAt' | 'updatedAt' | 'previousVersionId' | 'name'>): Rotation {
  return {
    id: rotation.id,
    teamId: rotation.teamId,
    timeZone: rotation.timeZone,
    localStartTime: rotation.localStartTime,
    localEndTime: rotation.localEndTime,
    rrule: rotation.rrule,
    exdates: [...rotation.exdates],
    agentIds: [...rotation.agentIds],
    handoff: rotation.handoff.mode === 'all' ? { mode: 'all' } : { mode: 'turns', every: rotation.handoff.every },
    startDate: rotation.startDate,
    endDate: rotation.endDate,
    turnOffset: rotation.turnOffset,
    channel: rotation.channel,
    label: rotation.label,
    breaks: rotation.breaks.map((b) => ({ startAfterMinutes: b.startAfterMinutes, durationMinutes: b.durationMinutes })),
    status: rotation.status,
  };
}

/** Domain rotation + the fields only the API keeps → entity row (agents go to rotation_agents). */
export function toRotationEntity(rotation: Rotation, extra: { name: string; previousVersionId: string | null; createdAt: string; updatedAt: string }): RotationEntity {
  return {
    id: rotation.id,
    teamId: rotation.teamId as string,
    name: extra.name,
    timeZone: rotation.timeZone,
    localStartTime: rotation.localStartTime,
    localEndTime: rotation.localEndTime,
    rrule: rotation.rrule,
    exdates: JSON.stringify(rotation.exdates),
    handoffMode: rotation.handoff.mode,
    handoffEvery: rotation.handoff.mode === 'turns' ? rotation.handoff.every : null,
    startDate: rotation.startDate,
    endDate: rotation.endDate ?? null,
    turnOffset: rotation.turnOffset ?? 0,
    channel: rotation.channel ?? null,
    label: rotation.label ?? null,
    breaks: JSON.stringify(rotation.breaks ?? []),
    status: rotation.status,
    previousVersionId: extra.previousVersionId,
    createdAt: extra.createdAt,
    updatedAt: extra.updatedAt,
  };
}
