import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { findOverlaps, type Shift } from '@shiftdesk/scheduling';
import type { CreateOverrideRequest, Override, UpdateOverrideRequest, WindowQuery } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { type EntityManager, LessThan, MoreThan } from 'typeorm';
import { apiError } from '../../common/api-error';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RotationEntity } from '../rotations/rotation.entity';
import { DAY_MS, fromIso, normalizeIso, toIso } from '../schedule/instants';
import { badField } from '../schedule/schedule-errors';
import { ScheduleChanges } from '../schedule/schedule-changes.service';
import { ScheduleSource } from '../schedule/schedule-source.service';
import { OverrideEntity } from './override.entity';
import { toOverride } from './override.mapper';

/** Longest override: a month of cover (longer absences are time off, a later issue). */
const MAX_OVERRIDE_DAYS = 31;

@Injectable()
export class OverridesService {
  constructor(
    private readonly source: ScheduleSource,
    private readonly transactions: Transactions,
    private readonly changes: ScheduleChanges,
  ) {}

  /** Overrides intersecting [from, to) when given, else all; by start. */
  async list(user: AuthenticatedUser, teamId: string, query: WindowQuery): Promise<Override[]> {
    await this.source.readableTeam(user, teamId);
    const rows = await this.source.manager.find(OverrideEntity, {
      where: {
        teamId,
        ...(query.to !== undefined ? { startAt: LessThan(normalizeIso(query.to)) } : {}),
        ...(query.from !== undefined ? { endAt: MoreThan(normalizeIso(query.from)) } : {}),
      },
      order: { startAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toOverride);
  }

  async get(user: AuthenticatedUser, teamId: string, id: string): Promise<Override> {
    await this.source.readableTeam(user, teamId);
    return toOverride(await this.load(this.source.manager, teamId, id));
  }

  async create(user: AuthenticatedUser, teamId: string, request: CreateOverrideRequest): Promise<Override> {
    await this.source.managedTeam(user, teamId);
    const now = nowIso();
    const row: OverrideEntity = {
      id: randomUUID(),
      teamId,
      rotationId: request.rotationId ?? null,
      agentId: request.agentId,
      replacesAgentId: request.replacesAgentId ?? null,
      startAt: normalizeIso(request.start),
      endAt: normalizeIso(request.end),
      timeZone: request.timeZone,
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.run(async (manager) => {
      await this.assertValid(manager, row);
      await manager.insert(OverrideEntity, row);
      await this.assertNoDoubleBooking(manager, row);
    });
    await this.changes.changed(teamId);
    return toOverride(row);
  }

  async update(user: AuthenticatedUser, teamId: string, id: string, request: UpdateOverrideRequest): Promise<Override> {
    await this.source.managedTeam(user, teamId);
    const row = await this.transactions.run(async (manager) => {
      const current = await this.load(manager, teamId, id);
      if (request.agentId !== undefined) current.agentId = request.agentId;
      if (request.start !== undefined) current.startAt = normalizeIso(request.start);
      if (request.end !== undefined) current.endAt = normalizeIso(request.end);
      if (request.timeZone !== undefined) current.timeZone = request.timeZone;
      if (request.rotationId !== undefined) current.rotationId = request.rotationId;
      if (request.replacesAgentId !== undefined) current.replacesAgentId = request.replacesAgentId;
      current.updatedAt = nowIso();
      await this.assertValid(manager, current);
      await manager.save(OverrideEntity, current);
      await this.assertNoDoubleBooking(manager, current);
      return current;
    });
    await this.changes.changed(teamId);
    return toOverride(row);
  }

  async remove(user: AuthenticatedUser, teamId: string, id: string): Promise<void> {
    await this.source.managedTeam(user, teamId);
    await this.transactions.run(async (manager) => {
      await this.load(manager, teamId, id);
      await manager.delete(OverrideEntity, { id });
    });
    await this.changes.changed(teamId);
  }

  private async load(manager: EntityManager, teamId: string, id: string): Promise<OverrideEntity> {
    const row = await manager.findOneBy(OverrideEntity, { id, teamId });
    if (!row) throw new NotFoundException(`No override with id ${id} in this team`);
    return row;
  }

  /**
   * After writing (inside the transaction, so a refusal rolls it back): the replacement must not
   * end up on two shifts at once, e.g. taking over a rotation shift while already on a manual one.
   */
  private async assertNoDoubleBooking(manager: EntityManager, row: OverrideEntity): Promise<void> {
    const start = fromIso(row.startAt);
    const end = fromIso(row.endAt);
    const shifts = await this.source.resolve(manager, { teamId: row.teamId, from: start - DAY_MS, to: end + DAY_MS, agentId: row.agentId });
    const clash = findOverlaps(shifts.filter((shift) => shift.agentId === row.agentId)).find((o) => o.start < end && o.end > start);
    if (!clash) return;
    const describe = (shift: Shift) => `${shift.id} (${toIso(shift.start)} – ${toIso(shift.end)})`;
    const message = `agentId: the replacement would be on two shifts at once: ${describe(clash.first)} and ${describe(clash.second)}`;
    throw new ConflictException(apiError(409, message, [{ field: 'agentId', message }]));
  }

  private async assertValid(manager: EntityManager, row: OverrideEntity): Promise<void> {
    const start = fromIso(row.startAt);
    const end = fromIso(row.endAt);
    if (!(end > start)) throw badField('end', `must be after start (${row.startAt})`);
    if (end - start > MAX_OVERRIDE_DAYS * DAY_MS) throw badField('end', `an override may span at most ${MAX_OVERRIDE_DAYS} days`);
    const agent = await manager.findOneBy(AgentEntity, { id: row.agentId });
    if (!agent || agent.teamId !== row.teamId || agent.archivedAt) throw badField('agentId', `no agent with id "${row.agentId}" in this team`);
    if (!agent.active) throw badField('agentId', `${agent.displayName} is not active; activate the agent first`);
    if (row.replacesAgentId !== null) {
      if (row.replacesAgentId === row.agentId) throw badField('replacesAgentId', 'must be another agent than the replacement');
      const replaced = await manager.findOneBy(AgentEntity, { id: row.replacesAgentId });
      if (!replaced || replaced.teamId !== row.teamId) throw badField('replacesAgentId', `no agent with id "${row.replacesAgentId}" in this team`);
    }
    if (row.rotationId !== null && !(await manager.existsBy(RotationEntity, { id: row.rotationId, teamId: row.teamId }))) {
      throw badField('rotationId', `no rotation with id "${row.rotationId}" in this team`);
    }
  }
}
