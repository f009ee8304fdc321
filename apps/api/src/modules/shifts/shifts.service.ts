import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { MAX_SHIFT_HOURS, type CreateShiftRequest, type ListShiftsQuery, type ManualShift, type PublishShiftsResponse, type UpdateShiftRequest, type WindowQuery } from '@shiftdesk/shared-api-contract';
import { findOverlaps, type Shift } from '@shiftdesk/scheduling';
import { randomUUID } from 'node:crypto';
import { And, type EntityManager, LessThan, MoreThan, MoreThanOrEqual } from 'typeorm';
import { apiError } from '../../common/api-error';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { HOUR_MS, fromIso, normalizeIso, toIso } from '../schedule/instants';
import { badField } from '../schedule/schedule-errors';
import { ScheduleChanges } from '../schedule/schedule-changes.service';
import { ScheduleSource } from '../schedule/schedule-source.service';
import { resolveWindow } from '../schedule/time-window';
import { ShiftEntity } from './shift.entity';
import { serializeBreaks, toDomainShift, toManualShift } from './shift.mapper';

@Injectable()
export class ShiftsService {
  constructor(
    private readonly source: ScheduleSource,
    private readonly transactions: Transactions,
    private readonly changes: ScheduleChanges,
  ) {}

  /** Manual shifts intersecting [from, to) (default this week); agents see published ones only. */
  async list(user: AuthenticatedUser, teamId: string, query: ListShiftsQuery): Promise<ManualShift[]> {
    const team = await this.source.readableTeam(user, teamId);
    const { from, to } = resolveWindow({ from: query.from, to: query.to, zone: team.timeZone, now: Date.now() });
    const rows = await this.source.manager.find(ShiftEntity, {
      where: {
        teamId,
        startAt: LessThan(toIso(to)),
        endAt: MoreThan(toIso(from)),
        ...(query.agentId ? { agentId: query.agentId } : {}),
        ...(user.role === 'manager' ? {} : { status: 'published' as const }),
      },
      order: { startAt: 'ASC', agentId: 'ASC', id: 'ASC' },
    });
    return rows.map(toManualShift);
  }

  async get(user: AuthenticatedUser, teamId: string, id: string): Promise<ManualShift> {
    await this.source.readableTeam(user, teamId);
    const row = await this.source.manager.findOneBy(ShiftEntity, { id, teamId });
    if (!row || (user.role !== 'manager' && row.status !== 'published')) throw new NotFoundException(`No shift with id ${id} in this team`);
    return toManualShift(row);
  }

  async create(user: AuthenticatedUser, teamId: string, request: CreateShiftRequest): Promise<ManualShift> {
    await this.source.managedTeam(user, teamId);
    const now = nowIso();
    const row: ShiftEntity = {
      id: randomUUID(),
      teamId,
      agentId: request.agentId,
      startAt: normalizeIso(request.start),
      endAt: normalizeIso(request.end),
      timeZone: request.timeZone,
      channel: request.channel ?? null,
      label: request.label || null,
      breaks: serializeBreaks((request.breaks ?? []).map((b) => ({ start: normalizeIso(b.start), end: normalizeIso(b.end) }))),
      status: request.status ?? 'published',
      source: 'manual',
      locked: request.locked ?? false,
      createdAt: now,
      updatedAt: now,
    };
    const saved = await this.transactions.run(async (manager) => {
      await this.assertValid(manager, row);
      await manager.insert(ShiftEntity, row);
      return row;
    });
    await this.changes.changed(teamId);
    return toManualShift(saved);
  }

  async update(user: AuthenticatedUser, teamId: string, id: string, request: UpdateShiftRequest): Promise<ManualShift> {
    await this.source.managedTeam(user, teamId);
    const saved = await this.transactions.run(async (manager) => {
      const row = await manager.findOneBy(ShiftEntity, { id, teamId });
      if (!row) throw new NotFoundException(`No shift with id ${id} in this team`);
      if (request.agentId !== undefined) row.agentId = request.agentId;
      if (request.start !== undefined) row.startAt = normalizeIso(request.start);
      if (request.end !== undefined) row.endAt = normalizeIso(request.end);
      if (request.timeZone !== undefined) row.timeZone = request.timeZone;
      if (request.channel !== undefined) row.channel = request.channel;
      if (request.label !== undefined) row.label = request.label || null;
      if (request.breaks !== undefined) row.breaks = serializeBreaks(request.breaks.map((b) => ({ start: normalizeIso(b.start), end: normalizeIso(b.end) })));
      if (request.status !== undefined) row.status = request.status;
      if (request.locked !== undefined) row.locked = request.locked;
      row.updatedAt = nowIso();
      await this.assertValid(manager, row);
      await manager.save(ShiftEntity, row);
      return row;
    });
    await this.changes.changed(teamId);
    return toManualShift(saved);
  }

  /**
   * Publishes every draft shift of the team that starts in [from, to) (default: this week in the
   * team's zone), e.g. a generated roster once the manager has checked it. Drafts were checked for
   * overlaps when written, so this only flips their status; one transaction.
   */
  async publish(user: AuthenticatedUser, teamId: string, query: WindowQuery): Promise<PublishShiftsResponse> {
    const team = await this.source.managedTeam(user, teamId);
    const { from, to } = resolveWindow({ from: query.from, to: query.to, zone: team.timeZone, now: Date.now() });
    const published = await this.transactions.run(async (manager) => {
      const result = await manager.update(
        ShiftEntity,
        { teamId, status: 'draft', startAt: And(MoreThanOrEqual(toIso(from)), LessThan(toIso(to))) },
        { status: 'published', updatedAt: nowIso() },
      );
      return result.affected ?? 0;
    });
    if (published > 0) await this.changes.changed(teamId);
    return { published };
  }

  async remove(user: AuthenticatedUser, teamId: string, id: string): Promise<void> {
    await this.source.managedTeam(user, teamId);
    await this.transactions.run(async (manager) => {
      const result = await manager.delete(ShiftEntity, { id, teamId });
      if (!result.affected) throw new NotFoundException(`No shift with id ${id} in this team`);
    });
    await this.changes.changed(teamId);
  }

  /**
   * Span, breaks, agent and overlaps, inside the write transaction. Overlaps are checked
   * against the agent's final schedule (manual shifts and rotation shifts after overrides), so
   * a manual shift cannot double-book a rotation either. On PostgreSQL the agent row is locked
   * first, so two concurrent writes for one agent cannot both pass the check (SQLite writes are
   * serialized by `Transactions`).
   */
  private async assertValid(manager: EntityManager, row: ShiftEntity): Promise<void> {
    const start = fromIso(row.startAt);
    const end = fromIso(row.endAt);
    if (!(end > start)) throw badField('end', `must be after start (${row.startAt})`);
    if (end - start > MAX_SHIFT_HOURS * HOUR_MS) throw badField('end', `a shift may last at most ${MAX_SHIFT_HOURS} h; this one lasts ${((end - start) / HOUR_MS).toFixed(2)} h`);
    const breaks = toDomainShift(row).breaks.sort((a, b) => a.start - b.start);
    breaks.forEach((b, index) => {
      if (!(b.end > b.start)) throw badField(`breaks.${index}.end`, 'must be after the break start');
      if (b.start < start || b.end > end) throw badField(`breaks.${index}`, `must lie inside the shift ${row.startAt} – ${row.endAt}`);
      if (index > 0 && b.start < breaks[index - 1].end) throw badField(`breaks.${index}`, 'overlaps another break');
    });

    const lock = manager.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {};
    const agent = await manager.findOne(AgentEntity, { where: { id: row.agentId }, ...lock });
    if (!agent || agent.teamId !== row.teamId || agent.archivedAt) throw badField('agentId', `no agent with id "${row.agentId}" in this team`);
    if (!agent.active) throw badField('agentId', `${agent.displayName} is not active; activate the agent first`);

    const existing = await this.source.resolve(manager, { teamId: row.teamId, from: start, to: end, agentId: row.agentId });
    const candidate: Shift = { ...toDomainShift(row), id: `candidate:${row.id}` };
    const others = existing.filter((shift) => shift.agentId === row.agentId && shift.id !== row.id);
    const clash = findOverlaps([...others, candidate]).find((o) => o.first.id === candidate.id || o.second.id === candidate.id);
    if (clash) {
      const other = clash.first.id === candidate.id ? clash.second : clash.first;
      const span = `${toIso(other.start)} – ${toIso(other.end)}`;
      const message = `start: ${agent.displayName} already has shift ${other.id} (${span}) overlapping this one`;
      throw new ConflictException(apiError(409, message, [{ field: 'start', message }]));
    }
  }
}
