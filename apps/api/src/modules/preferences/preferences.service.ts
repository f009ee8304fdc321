import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MAX_PREFERENCES_PER_AGENT,
  type CreateShiftPreferenceRequest,
  type PreferenceKind,
  type PreferenceStrength,
  type ShiftPreference,
  type ShiftPreferencesResponse,
  type UpdateShiftPreferenceRequest,
} from '@shiftdesk/shared-api-contract';
import { getLocalDate, type Instant, type SchedulingPreference } from '@shiftdesk/scheduling';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { badField } from '../schedule/schedule-errors';
import { ShiftPreferenceEntity } from './shift-preference.entity';

const AUDIT_TYPE = 'shift preference';

/**
 * Agents' shift preferences: an agent keeps their own, a manager those of the agents of the teams
 * they manage. A dated preference whose date has passed (in its zone) is no longer listed or
 * counted; the roster generator reads the current ones.
 */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, agentId: string, now: Instant = Date.now()): Promise<ShiftPreferencesResponse> {
    const agent = await this.agentFor(this.dataSource.manager, user, agentId, 'agentId');
    const rows = await this.current(this.dataSource.manager, [agent.id], getLocalDate(now, agent.timeZone));
    return { items: rows.map(toShiftPreference) };
  }

  async create(user: AuthenticatedUser, body: CreateShiftPreferenceRequest, now: Instant = Date.now()): Promise<ShiftPreference> {
    return this.transactions.run(async (manager) => {
      const agent = await this.agentFor(manager, user, body.agentId, 'agentId');
      const today = getLocalDate(now, agent.timeZone);
      const at = nowIso();
      const row = manager.create(ShiftPreferenceEntity, {
        id: randomUUID(),
        agentId: agent.id,
        kind: body.kind,
        date: body.date ?? null,
        weekdays: joinWeekdays(body.weekdays ?? []),
        startTime: body.startTime ?? null,
        endTime: body.endTime ?? null,
        timeZone: agent.timeZone,
        strength: body.strength ?? 'normal',
        note: body.note || null,
        createdAt: at,
        updatedAt: at,
      });
      assertCoherent(row, today);
      const count = (await this.current(manager, [agent.id], today)).length;
      if (count >= MAX_PREFERENCES_PER_AGENT) {
        throw new ConflictException(`${agent.displayName} already has ${MAX_PREFERENCES_PER_AGENT} preferences, the most one agent may keep; delete some first`);
      }
      await manager.insert(ShiftPreferenceEntity, row);
      const after = toShiftPreference(row);
      await this.audit.record(manager, { teamId: agent.teamId, entityType: AUDIT_TYPE, entityId: row.id, action: 'created', actor: user, after }, at);
      return after;
    });
  }

  async update(user: AuthenticatedUser, id: string, body: UpdateShiftPreferenceRequest, now: Instant = Date.now()): Promise<ShiftPreference> {
    return this.transactions.run(async (manager) => {
      const row = await this.load(manager, id);
      const agent = await this.agentFor(manager, user, row.agentId);
      const before = toShiftPreference(row);
      const next: ShiftPreferenceEntity = {
        ...row,
        ...(body.kind !== undefined ? { kind: body.kind } : {}),
        ...(body.date !== undefined ? { date: body.date } : {}),
        ...(body.weekdays !== undefined ? { weekdays: joinWeekdays(body.weekdays) } : {}),
        ...(body.startTime !== undefined ? { startTime: body.startTime } : {}),
        ...(body.endTime !== undefined ? { endTime: body.endTime } : {}),
        ...(body.strength !== undefined ? { strength: body.strength } : {}),
        ...(body.note !== undefined ? { note: body.note || null } : {}),
        updatedAt: nowIso(),
      };
      // Giving a date turns a weekly preference into a dated one and the other way round.
      if (body.date && body.weekdays === undefined) next.weekdays = '';
      if (body.weekdays?.length && body.date === undefined) next.date = null;
      assertCoherent(next, getLocalDate(now, row.timeZone));
      await manager.save(ShiftPreferenceEntity, next);
      const after = toShiftPreference(next);
      await this.audit.record(manager, { teamId: agent.teamId, entityType: AUDIT_TYPE, entityId: row.id, action: 'updated', actor: user, before, after }, next.updatedAt);
      return after;
    });
  }

  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const row = await this.load(manager, id);
      const agent = await this.agentFor(manager, user, row.agentId);
      await manager.delete(ShiftPreferenceEntity, { id });
      await this.audit.record(manager, { teamId: agent.teamId, entityType: AUDIT_TYPE, entityId: row.id, action: 'deleted', actor: user, before: toShiftPreference(row) });
    });
  }

  /** The current preferences of these agents, for the roster generator (past dated ones left out). */
  async forRoster(manager: EntityManager, agentIds: readonly string[], fromDate: string): Promise<SchedulingPreference[]> {
    const rows = await this.current(manager, agentIds, fromDate);
    return rows.map((row) => {
      const p = toShiftPreference(row);
      return { id: p.id, agentId: p.agentId, kind: p.kind, date: p.date, weekdays: p.weekdays, startTime: p.startTime, endTime: p.endTime, timeZone: p.timeZone, strength: p.strength };
    });
  }

  /** Weekly ones and dated ones on or after `fromDate` (compared as text: YYYY-MM-DD sorts as dates). */
  private async current(manager: EntityManager, agentIds: readonly string[], fromDate: string): Promise<ShiftPreferenceEntity[]> {
    if (agentIds.length === 0) return [];
    return manager
      .createQueryBuilder(ShiftPreferenceEntity, 'p')
      .where({ agentId: In([...agentIds]) })
      .andWhere(new Brackets((q) => q.where('p.date IS NULL').orWhere('p.date >= :fromDate', { fromDate })))
      .orderBy('p.agent_id')
      // Weekly ones first, then by date; said outright because the databases differ on NULLs.
      .addOrderBy('p.date', 'ASC', 'NULLS FIRST')
      .addOrderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }

  private async load(manager: EntityManager, id: string): Promise<ShiftPreferenceEntity> {
    const row = await manager.findOneBy(ShiftPreferenceEntity, { id });
    if (!row) throw new NotFoundException(`No shift preference with id ${id}`);
    return row;
  }

  /**
   * The agent a caller may keep preferences for: agents their own, managers any agent of a team
   * they manage. `field` names the body or query field when the id came from the caller.
   */
  private async agentFor(manager: EntityManager, user: AuthenticatedUser, agentId: string, field?: string): Promise<AgentEntity> {
    if (user.role === 'agent' && agentId !== user.agentId) throw new ForbiddenException('Agents keep their own preferences only');
    const agent = await manager.findOneBy(AgentEntity, { id: agentId });
    if (!agent || agent.archivedAt !== null) {
      if (field) throw badField(field, `no agent with id ${agentId}`);
      throw new NotFoundException(`No agent with id ${agentId}`);
    }
    if (user.role === 'manager' && !user.teamIds.includes(agent.teamId)) throw new ForbiddenException('You do not manage this agent’s team');
    return agent;
  }
}

/** What one field cannot say alone: a date or weekdays (not both), both window ends or neither. */
function assertCoherent(row: ShiftPreferenceEntity, today: string): void {
  const weekdays = splitWeekdays(row.weekdays);
  if (row.date === null && weekdays.length === 0) throw badField('date', 'give either a date (YYYY-MM-DD) or weekdays (e.g. [6, 7]) for a weekly preference');
  if (row.date !== null && weekdays.length > 0) throw badField('weekdays', 'give either a date or weekdays, not both; leave weekdays out for a dated preference');
  if (row.date !== null && row.date < today) throw badField('date', `must be today (${today}, ${row.timeZone}) or later`);
  if ((row.startTime === null) !== (row.endTime === null)) {
    throw badField(row.startTime === null ? 'startTime' : 'endTime', 'give both startTime and endTime for a window, or neither for the whole day');
  }
  if (row.startTime !== null && row.startTime === row.endTime) throw badField('endTime', 'must differ from startTime; leave both out for the whole day');
}

function joinWeekdays(weekdays: readonly number[]): string {
  return [...weekdays].sort((a, b) => a - b).join(',');
}

function splitWeekdays(text: string): number[] {
  return text === '' ? [] : text.split(',').map(Number);
}

export function toShiftPreference(row: ShiftPreferenceEntity): ShiftPreference {
  return {
    id: row.id,
    agentId: row.agentId,
    kind: row.kind as PreferenceKind,
    date: row.date,
    weekdays: splitWeekdays(row.weekdays),
    startTime: row.startTime,
    endTime: row.endTime,
    timeZone: row.timeZone,
    strength: row.strength as PreferenceStrength,
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
