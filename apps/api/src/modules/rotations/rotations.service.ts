import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type {
  CreateRotationRequest,
  DeleteRotationResponse,
  ImportGrafanaOncallRequest,
  ImportOpsgenieRequest,
  ImportedAgent,
  ImportScheduleResponse,
  Rotation as RotationContract,
  RotationPreviewQuery,
  RotationPreviewResponse,
  UpdateRotationRequest,
  UpdateRotationResponse,
} from '@shiftdesk/shared-api-contract';
import {
  addCalendarDays,
  importGrafanaOncallShifts,
  importOpsgenieSchedule,
  instantToLocal,
  localToInstant,
  previewRotation,
  splitRotationAt,
  validateRotation,
  type Rotation,
  type ScheduleImport,
  type ScheduleImportResult,
} from '@shiftdesk/scheduling';
import { randomUUID } from 'node:crypto';
import { type EntityManager, In, IsNull, MoreThanOrEqual } from 'typeorm';
import { apiError } from '../../common/api-error';
import { isValidEmail, quoted } from '../../common/validators';
import { parseJsonDocuments } from '../../common/json-documents';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import { toNewAgentEntity } from '../agents/agent.mapper';
import { OverrideEntity } from '../overrides/override.entity';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { fromIso, toIso } from '../schedule/instants';
import { badField, badFields, conflictField } from '../schedule/schedule-errors';
import { ScheduleChanges } from '../schedule/schedule-changes.service';
import { ScheduleSource } from '../schedule/schedule-source.service';
import { RotationAgentEntity } from './rotation-agent.entity';
import { RotationEntity } from './rotation.entity';
import { toDomainRotation, toRotation, toRotationEntity } from './rotation.mapper';

const DEFAULT_PREVIEW_COUNT = 10;
/** Occurrences shown per rotation in an import's answer: enough to see the turns pass. */
const IMPORT_PREVIEW_COUNT = 8;
/** Contract hours of an agent an import adds: a full week, until the manager says otherwise. */
const IMPORTED_AGENT_HOURS = 40;

/** A pasted document (or several pages of one): JSON as it came, or its text parsed; bad text names the field. */
function parseJsonField(value: unknown, field: string, hint: string): unknown {
  if (typeof value !== 'string') return value;
  const parsed = parseJsonDocuments(value);
  if (!parsed.ok) throw badField(field, `is not valid JSON (${parsed.message}): ${hint}`);
  return parsed.value;
}

/** Today's local date in `zone` (the request's clock; the pure lib never reads one). */
function todayIn(zone: string): string {
  const local = instantToLocal(Date.now(), zone);
  return local.ok ? local.value.date : new Date().toISOString().slice(0, 10);
}

@Injectable()
export class RotationsService {
  constructor(
    private readonly source: ScheduleSource,
    private readonly transactions: Transactions,
    private readonly changes: ScheduleChanges,
  ) {}

  /** Every version, oldest first; agents see published rotations only. */
  async list(user: AuthenticatedUser, teamId: string): Promise<RotationContract[]> {
    await this.source.readableTeam(user, teamId);
    const rotations = await this.source.loadRotations(this.source.manager, teamId);
    return user.role === 'manager' ? rotations : rotations.filter((rotation) => rotation.status === 'published');
  }

  async get(user: AuthenticatedUser, teamId: string, id: string): Promise<RotationContract> {
    await this.source.readableTeam(user, teamId);
    const rotation = await this.load(this.source.manager, teamId, id);
    if (user.role !== 'manager' && rotation.status !== 'published') throw new NotFoundException(`No rotation with id ${id} in this team`);
    return rotation;
  }

  /** The next occurrences (who and when), for the editor's live preview. */
  async preview(user: AuthenticatedUser, teamId: string, id: string, query: RotationPreviewQuery): Promise<RotationPreviewResponse> {
    const rotation = await this.get(user, teamId, id);
    const from = query.from !== undefined ? fromIso(query.from) : Date.now();
    const occurrences = previewRotation({ rotation: toDomainRotation(rotation), from, count: query.count ?? DEFAULT_PREVIEW_COUNT });
    return {
      rotationId: rotation.id,
      timeZone: rotation.timeZone,
      occurrences: occurrences.map((o) => ({ index: o.index, localDate: o.localDate, start: toIso(o.start), end: toIso(o.end), agentIds: o.agentIds })),
    };
  }

  async create(user: AuthenticatedUser, teamId: string, request: CreateRotationRequest): Promise<RotationContract> {
    await this.source.managedTeam(user, teamId);
    const rotation = this.checked({
      id: randomUUID(),
      teamId,
      timeZone: request.timeZone,
      localStartTime: request.localStartTime,
      localEndTime: request.localEndTime,
      rrule: request.rrule,
      exdates: request.exdates ?? [],
      agentIds: request.agentIds,
      handoff: copyHandoff(request.handoff),
      startDate: request.startDate,
      endDate: request.endDate ?? null,
      turnOffset: 0,
      channel: request.channel ?? null,
      label: request.label || null,
      breaks: copyBreaks(request.breaks ?? []),
      status: request.status ?? 'published',
    });
    const now = nowIso();
    const created = await this.transactions.run(async (manager) => {
      await this.assertAgents(manager, teamId, rotation.agentIds);
      return this.insert(manager, rotation, { name: request.name, previousVersionId: null, createdAt: now, updatedAt: now });
    });
    await this.changes.changed(teamId);
    return created;
  }

  /**
   * An Opsgenie schedule as rotations of the team (`importOpsgenieSchedule`): participants matched
   * to the team's agents by email (or added as agents, `addMissingAgents`), turns continued from
   * `from`. All or nothing: the rotations and added agents are written in one transaction; a dry
   * run only answers what would be written.
   */
  async importOpsgenie(user: AuthenticatedUser, teamId: string, request: ImportOpsgenieRequest): Promise<ImportScheduleResponse> {
    const team = await this.source.managedTeam(user, teamId);
    const document = parseJsonField(request.schedule, 'schedule', 'paste the whole answer of GET /v2/schedules/{id}');
    const now = Date.now();
    return this.importSchedule(team, request, 'Opsgenie', (agents) => importOpsgenieSchedule({ document, agents, from: request.from, now }));
  }

  /**
   * Grafana OnCall rotations (its on-call shifts, users from its users list) as rotations of the
   * team (`importGrafanaOncallShifts`); all or nothing, as the Opsgenie import.
   */
  async importGrafanaOncall(user: AuthenticatedUser, teamId: string, request: ImportGrafanaOncallRequest): Promise<ImportScheduleResponse> {
    const team = await this.source.managedTeam(user, teamId);
    const shifts = parseJsonField(request.shifts, 'shifts', 'paste the whole answer of GET /api/v1/on_call_shifts/?schedule_id=…');
    const users = request.users === undefined || request.users === null || (typeof request.users === 'string' && !request.users.trim()) ? undefined : parseJsonField(request.users, 'users', 'paste the whole answer of GET /api/v1/users/');
    const now = Date.now();
    return this.importSchedule(team, request, 'Grafana OnCall', (agents) => importGrafanaOncallShifts({ shifts, users, timeZone: request.timeZone, agents, from: request.from, now }));
  }

  /**
   * Runs an importer against the team's agents. With `addMissingAgents`, the people it names as
   * not agents yet get agents (ids made here) and it runs again; they are written with the
   * rotations, in the same transaction.
   */
  private async importSchedule(
    team: { id: string; timeZone: string },
    request: { addMissingAgents?: boolean; dryRun?: boolean },
    fallbackName: string,
    run: (agents: { id: string; email: string }[]) => ScheduleImportResult,
  ): Promise<ImportScheduleResponse> {
    const agents = await this.source.manager.find(AgentEntity, { where: { teamId: team.id, archivedAt: IsNull() }, select: { id: true, email: true } });
    let result = run(agents);
    let added: ImportedAgent[] = [];
    if (!result.ok && result.missing && request.addMissingAgents === true) {
      // What the agents API would refuse is refused here too, rather than written unchecked.
      const unusable = result.missing.filter((person) => !isValidEmail(person.email)).map((person) => quoted(person.email));
      if (unusable.length) throw badField('addMissingAgents', `${unusable.join(', ')} ${unusable.length === 1 ? 'is not an email address' : 'are not email addresses'} an agent can have: fix them in the other tool, or add those people as agents by hand`);
      added = result.missing.map((person) => ({ id: randomUUID(), displayName: person.name ?? person.email.split('@')[0], email: person.email, timeZone: person.timeZone ?? team.timeZone }));
      await this.assertEmailsFree(this.source.manager, added);
      result = run([...agents, ...added]);
    }
    if (!result.ok) throw badField(result.field, result.message);
    return this.writeImport(team.id, result.value, request.dryRun === true, fallbackName, added);
  }

  /** An email already taken (another team's agent, or an archived one of this team) cannot be added again. */
  private async assertEmailsFree(manager: EntityManager, added: readonly ImportedAgent[]): Promise<void> {
    if (!added.length) return;
    const taken = await manager.find(AgentEntity, { where: { email: In(added.map((agent) => agent.email)) }, select: { email: true } });
    if (!taken.length) return;
    const list = taken.map((agent) => agent.email).sort();
    throw conflictField('addMissingAgents', `${list.join(', ')} ${list.length === 1 ? 'is' : 'are'} already an agent of another team or archived: move or restore ${list.length === 1 ? 'them' : 'those agents'} to this team, then import again`);
  }

  /** The imported rotations with who works their next shifts; unless a dry run, written (with any added agents) in one transaction. */
  private async writeImport(teamId: string, value: ScheduleImport, dryRun: boolean, fallbackName: string, addedAgents: ImportedAgent[]): Promise<ImportScheduleResponse> {
    const rotations: Rotation[] = value.rotations.map(({ name: _name, ...rotation }) => this.checked({ ...rotation, id: randomUUID(), teamId }));
    const previews = rotations.map((rotation, index) => {
      // From the import date on the rotation's own clock (an OnCall import may mix zones).
      const start = localToInstant({ date: value.from, time: '00:00', zone: rotation.timeZone });
      return {
        name: value.rotations[index]?.name ?? '',
        timeZone: rotation.timeZone,
        localStartTime: rotation.localStartTime,
        localEndTime: rotation.localEndTime,
        rrule: rotation.rrule,
        agentIds: [...rotation.agentIds],
        handoff: rotation.handoff,
        startDate: rotation.startDate,
        endDate: rotation.endDate ?? null,
        next: previewRotation({ rotation, from: start.ok ? start.value : Date.now(), count: IMPORT_PREVIEW_COUNT })
          .filter((o) => o.localDate >= rotation.startDate)
          .map((o) => ({ index: o.index, localDate: o.localDate, start: toIso(o.start), end: toIso(o.end), agentIds: o.agentIds })),
      };
    });
    const response = { scheduleName: value.scheduleName, timeZone: value.timeZone, from: value.from, dryRun, rotations: previews, created: [] as RotationContract[], addedAgents, warnings: value.warnings };
    if (dryRun) return response;
    const now = nowIso();
    response.created = await this.transactions.run(async (manager) => {
      // Checked again inside the transaction: an agent with the email may have been added since.
      await this.assertEmailsFree(manager, addedAgents);
      for (const agent of addedAgents) {
        await manager.insert(AgentEntity, toNewAgentEntity({ ...agent, teamId, workMode: 'remote', contractHoursPerWeek: IMPORTED_AGENT_HOURS }, now));
      }
      const created: RotationContract[] = [];
      for (const [index, rotation] of rotations.entries()) {
        created.push(await this.insert(manager, rotation, { name: previews[index]?.name || fallbackName, previousVersionId: null, createdAt: now, updatedAt: now }));
      }
      return created;
    });
    await this.changes.changed(teamId);
    return response;
  }

  /**
   * A rotation that has started before `effectiveFrom` is versioned (`splitRotationAt`): the old
   * version ends at `effectiveFrom` (exclusive end date) and a new one with a new id starts there,
   * both written in one transaction, so shifts before that date keep their times, agents and ids.
   * A rotation that has not started yet is edited in place.
   */
  async update(user: AuthenticatedUser, teamId: string, id: string, request: UpdateRotationRequest): Promise<UpdateRotationResponse> {
    await this.source.managedTeam(user, teamId);
    const result = await this.transactions.run(async (manager) => {
      const current = await this.load(manager, teamId, id);
      const today = todayIn(current.timeZone);
      // Default tomorrow: today's shifts may already be worked and must not change under anyone.
      const effectiveFrom = request.effectiveFrom ?? addCalendarDays(today, 1);
      if (effectiveFrom < today) throw badField('effectiveFrom', `must be today (${today}, ${current.timeZone}) or later: past shifts never change`);
      const merged: Rotation = {
        ...toDomainRotation(current),
        ...definedOnly({
          timeZone: request.timeZone,
          localStartTime: request.localStartTime,
          localEndTime: request.localEndTime,
          rrule: request.rrule,
          exdates: request.exdates,
          agentIds: request.agentIds,
          status: request.status,
        }),
        ...(request.handoff !== undefined ? { handoff: copyHandoff(request.handoff) } : {}),
        ...(request.breaks !== undefined ? { breaks: copyBreaks(request.breaks) } : {}),
        ...(request.endDate !== undefined ? { endDate: request.endDate } : {}),
        ...(request.channel !== undefined ? { channel: request.channel } : {}),
        ...(request.label !== undefined ? { label: request.label || null } : {}),
      };
      const name = request.name ?? current.name;
      if (request.agentIds !== undefined) await this.assertAgents(manager, teamId, merged.agentIds);
      const now = nowIso();

      if (current.startDate >= effectiveFrom) {
        const edited = this.checked({ ...merged, startDate: request.startDate ?? current.startDate });
        // Updated, not re-inserted: overrides of this rotation must stay attached to it.
        const row = toRotationEntity(edited, { name, previousVersionId: current.previousVersionId, createdAt: current.createdAt, updatedAt: now });
        await manager.save(RotationEntity, row);
        await manager.delete(RotationAgentEntity, { rotationId: id });
        await this.insertAgents(manager, edited);
        return { outcome: 'edited' as const, rotation: toRotation(row, [...edited.agentIds]), previous: null };
      }

      if (request.startDate !== undefined && request.startDate !== current.startDate) {
        throw badField('startDate', `the rotation started on ${current.startDate}; a started rotation keeps its start (use effectiveFrom)`);
      }
      if (current.endDate !== null && current.endDate <= effectiveFrom) {
        throw new ConflictException(apiError(409, `This rotation ended on ${current.endDate}; create a new rotation instead`));
      }
      const { startDate: _ignored, turnOffset: _recomputed, ...rest } = merged;
      const split = splitRotationAt({ rotation: toDomainRotation(current), changeDate: effectiveFrom, newVersion: { ...rest, id: randomUUID() } });
      if (!split.ok) throw badField(split.field.replace(/^(newVersion|rotation)\./, ''), split.message);
      this.checked(split.value.next);
      await manager.update(RotationEntity, { id }, { endDate: split.value.previous.endDate ?? null, updatedAt: now });
      const rotation = await this.insert(manager, split.value.next, { name, previousVersionId: id, createdAt: now, updatedAt: now });
      // Overrides planned from the change on follow the rotation to its new version; those
      // before it keep covering the old version's shifts.
      const changeInstant = localToInstant({ date: effectiveFrom, time: '00:00', zone: current.timeZone });
      if (changeInstant.ok) {
        await manager.update(OverrideEntity, { rotationId: id, startAt: MoreThanOrEqual(toIso(changeInstant.value)) }, { rotationId: rotation.id, updatedAt: now });
      }
      return { outcome: 'versioned' as const, rotation, previous: await this.load(manager, teamId, id) };
    });
    await this.changes.changed(teamId);
    return result;
  }

  /**
   * A rotation that starts after today is deleted. One that has started is ended after today
   * (exclusive end date tomorrow): its past shifts, today's included, stay in the schedule.
   */
  async remove(user: AuthenticatedUser, teamId: string, id: string): Promise<DeleteRotationResponse> {
    await this.source.managedTeam(user, teamId);
    const result = await this.transactions.run(async (manager) => {
      const current = await this.load(manager, teamId, id);
      const today = todayIn(current.timeZone);
      if (current.startDate > today) {
        // Its agents and overrides go with it (ON DELETE CASCADE).
        await manager.delete(RotationEntity, { id });
        return { outcome: 'deleted' as const };
      }
      const tomorrow = addCalendarDays(today, 1);
      if (current.endDate === null || current.endDate > tomorrow) await manager.update(RotationEntity, { id }, { endDate: tomorrow, updatedAt: nowIso() });
      return { outcome: 'ended' as const };
    });
    await this.changes.changed(teamId);
    return result;
  }

  private async load(manager: EntityManager, teamId: string, id: string): Promise<RotationContract> {
    const row = await manager.findOneBy(RotationEntity, { id, teamId });
    if (!row) throw new NotFoundException(`No rotation with id ${id} in this team`);
    const agents = await this.source.loadRotationAgents(manager, [id]);
    return toRotation(row, agents.get(id) ?? []);
  }

  /** The pure validation, its field paths returned as 400 field messages. */
  private checked(rotation: Rotation): Rotation {
    const validation = validateRotation(rotation);
    if (!validation.ok) throw badFields(validation.errors);
    return rotation;
  }

  private async assertAgents(manager: EntityManager, teamId: string, agentIds: string[]): Promise<void> {
    const rows = agentIds.length > 0 ? await manager.findBy(AgentEntity, { id: In(agentIds) }) : [];
    const found = new Map(rows.map((row) => [row.id, row]));
    agentIds.forEach((agentId, index) => {
      const agent = found.get(agentId);
      if (!agent || agent.teamId !== teamId || agent.archivedAt) throw badField(`agentIds.${index}`, `no agent with id "${agentId}" in this team`);
    });
  }

  private async insert(
    manager: EntityManager,
    rotation: Rotation,
    extra: { name: string; previousVersionId: string | null; createdAt: string; updatedAt: string },
  ): Promise<RotationContract> {
    const row = toRotationEntity(rotation, extra);
    await manager.insert(RotationEntity, row);
    await this.insertAgents(manager, rotation);
    return toRotation(row, [...rotation.agentIds]);
  }

  private async insertAgents(manager: EntityManager, rotation: Rotation): Promise<void> {
    if (rotation.agentIds.length === 0) return;
    await manager.insert(RotationAgentEntity, rotation.agentIds.map((agentId, position) => ({ rotationId: rotation.id, position, agentId })));
  }
}

/** Rebuilt field by field: JSON objects are not whitelisted by the validation pipe. */
function copyHandoff(handoff: unknown): Rotation['handoff'] {
  const value = (handoff ?? {}) as { mode?: unknown; every?: unknown };
  return (value.mode === 'all' ? { mode: 'all' } : { mode: value.mode, every: value.every }) as Rotation['handoff'];
}

function copyBreaks(breaks: unknown[]): NonNullable<Rotation['breaks']> {
  return breaks.map((b) => {
    const value = (b ?? {}) as { startAfterMinutes?: unknown; durationMinutes?: unknown };
    return { startAfterMinutes: value.startAfterMinutes as number, durationMinutes: value.durationMinutes as number };
  });
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
