import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import {
  OPEN_REQUEST_STATES,
  type CreateShiftRequestBody,
  type ListShiftRequestsQuery,
  type RequestAction,
  type RequestDecisionBody,
  type RequestImpact,
  type RequestShift,
  type RequestWebhookEventType,
  type ShiftRequest,
  type ShiftRequestDetail,
  type ShiftRequestsResponse,
} from '@shiftdesk/shared-api-contract';
import {
  availableRequestActions,
  formatLocalDateTime,
  getStartOfLocalDay,
  getZoneAbbreviation,
  addCalendarDays,
  transitionRequest,
  type Instant,
  type RequestTransition,
  type Shift,
} from '@shiftdesk/scheduling';
import { randomUUID } from 'node:crypto';
import { Brackets, type EntityManager, In, LessThanOrEqual } from 'typeorm';
import { apiError } from '../../common/api-error';
import { pageOf } from '../../common/page-query.dto';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DAY_MS, fromIso, toIso } from '../schedule/instants';
import { ScheduleChanges } from '../schedule/schedule-changes.service';
import { badField } from '../schedule/schedule-errors';
import { ScheduleSource } from '../schedule/schedule-source.service';
import { ShiftEntity } from '../shifts/shift.entity';
import { TeamEntity } from '../teams/team.entity';
import { WebhooksService } from '../webhooks/webhooks.service';
import { NoticesService } from './notices.service';
import { RequestImpactService } from './request-impact.service';
import { ShiftRequestEntity } from './shift-request.entity';
import { toRequestShift, toShiftRequest } from './shift-request.mapper';

/** Longest time off one request may cover. */
const MAX_TIME_OFF_DAYS = 366;
const AUDIT_TYPE = {
  swap: 'swap request',
  'give-away': 'give-away',
  'time-off': 'time off',
} as const;
const PAST_TENSE: Record<RequestTransition | 'create', string> = {
  create: 'created',
  accept: 'accepted',
  take: 'taken',
  decline: 'declined',
  cancel: 'cancelled',
  approve: 'approved',
  undo: 'undone',
  expire: 'expired',
};

type Actor = Pick<AuthenticatedUser, 'id' | 'displayName'> | null;

/** What one transaction did, for the work done after its commit. */
interface Outcome {
  requestId: string;
  teamId: string;
  deliveries: string[];
  scheduleChanged: boolean;
}

/**
 * Swap, give-away and time-off requests: filing, the state machine's transitions, approval
 * policy, expiry, and their trail (audit entries, notices, webhook events), all written in the
 * transaction of the change. On PostgreSQL every transition first locks the team's row, so two
 * decisions on one team (two agents taking the same offered shift, two approvals of give-aways of
 * one shift) run one after the other and the second sees the first's result; SQLite serialises
 * writes anyway (see Transactions).
 */
@Injectable()
export class RequestsService {
  constructor(
    private readonly source: ScheduleSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
    private readonly notices: NoticesService,
    private readonly impacts: RequestImpactService,
    private readonly changes: ScheduleChanges,
  ) {}

  // ---- Reads ------------------------------------------------------------------------------

  async list(user: AuthenticatedUser, query: ListShiftRequestsQuery): Promise<ShiftRequestsResponse> {
    const scope = query.scope ?? (user.role === 'manager' ? 'team' : 'mine');
    if (query.teamId !== undefined && !user.teamIds.includes(query.teamId)) {
      throw new ForbiddenException(user.role === 'manager' ? 'You do not manage this team' : 'You are not a member of this team');
    }
    const teamIds = query.teamId !== undefined ? [query.teamId] : user.teamIds;
    const { page, pageSize, skip } = pageOf(query);
    if (teamIds.length === 0) return { items: [], total: 0, page, pageSize };
    const builder = this.source.manager.getRepository(ShiftRequestEntity).createQueryBuilder('r').where({ teamId: In(teamIds) });
    if (scope === 'team') {
      if (user.role !== 'manager') throw new ForbiddenException('Only managers see every request of a team; use scope=mine or scope=open-shifts');
    } else if (scope === 'mine') {
      if (!user.agentId) throw badField('scope', 'managers have no requests of their own; use scope=team');
      builder.andWhere(new Brackets((q) => q.where('r.requester_agent_id = :me', { me: user.agentId }).orWhere('r.target_agent_id = :me', { me: user.agentId })));
    } else {
      if (!user.agentId) throw badField('scope', 'open shifts are for agents to take; managers see offers with scope=team&awaiting=taker');
      builder.andWhere({ kind: 'give-away', offered: true, state: 'pending' }).andWhere('r.target_agent_id IS NULL').andWhere('r.requester_agent_id <> :me', { me: user.agentId });
    }
    if (query.state) builder.andWhere({ state: query.state });
    if (query.kind) builder.andWhere({ kind: query.kind });
    if (query.awaiting === 'manager') {
      builder.andWhere(new Brackets((q) => q.where("r.state = 'accepted'").orWhere("r.state = 'pending' AND r.kind = 'time-off'")));
    } else if (query.awaiting === 'taker') {
      builder.andWhere("r.state = 'pending' AND r.offered = :yes AND r.target_agent_id IS NULL", { yes: true });
    } else if (query.awaiting === 'colleague') {
      builder.andWhere("r.state = 'pending' AND r.kind <> 'time-off' AND r.offered = :no", { no: false });
    }
    const [rows, total] = await builder.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'ASC').skip(skip).take(pageSize).getManyAndCount();
    const names = await this.namesFor(this.source.manager, rows);
    return { items: rows.map((row) => toShiftRequest(row, names, this.actionsFor(user, row))), total, page, pageSize };
  }

  async detail(user: AuthenticatedUser, id: string, now: Instant = Date.now()): Promise<ShiftRequestDetail> {
    await this.expireOne(id, now);
    const row = await this.load(this.source.manager, id);
    this.assertCanSee(user, row);
    return this.toDetail(this.source.manager, user, row, now);
  }

  /** The impact of a request as it would be filed, without saving anything. */
  async preview(user: AuthenticatedUser, body: CreateShiftRequestBody, now: Instant = Date.now()): Promise<RequestImpact> {
    const manager = this.source.manager;
    const draft = await this.draft(manager, user, body, now);
    const team = await this.source.loadTeam(draft.teamId);
    return this.impacts.assess(manager, draft, now, team.timeZone);
  }

  // ---- Filing -----------------------------------------------------------------------------

  async create(user: AuthenticatedUser, body: CreateShiftRequestBody, now: Instant = Date.now()): Promise<ShiftRequestDetail> {
    const outcome = await this.transactions.run(async (manager) => {
      await this.lockTeamOf(manager, body, user);
      const row = await this.draft(manager, user, body, now);
      const team = await this.source.loadTeam(row.teamId);
      // An offer has no receiver yet: who takes it is checked when they take it.
      if (!row.offered) {
        const impact = await this.impacts.assess(manager, row, now, team.timeZone);
        this.assertNoBlocker(impact, 'file');
      }
      await manager.insert(ShiftRequestEntity, row);
      const outcome: Outcome = { requestId: row.id, teamId: row.teamId, deliveries: [], scheduleChanged: false };
      await this.record(manager, { row, before: null, transition: 'create', actor: user, at: toIso(now), outcome });
      if (row.kind === 'time-off') await this.autoApprove(manager, row, now, team.timeZone, outcome);
      return outcome;
    });
    await this.afterCommit(outcome, now);
    return this.detail(user, outcome.requestId, now);
  }

  /** The unsaved row a create (or preview) body describes, fully checked. */
  private async draft(manager: EntityManager, user: AuthenticatedUser, body: CreateShiftRequestBody, now: Instant): Promise<ShiftRequestEntity> {
    const requester = await this.requesterFor(manager, user, body.agentId);
    const base = {
      id: randomUUID(),
      teamId: requester.teamId,
      kind: body.kind,
      state: 'pending' as const,
      requesterAgentId: requester.id,
      targetAgentId: null as string | null,
      offered: false,
      shiftId: null as string | null,
      shiftSnapshot: null as string | null,
      targetShiftId: null as string | null,
      targetShiftSnapshot: null as string | null,
      timeOffStart: null as string | null,
      timeOffEnd: null as string | null,
      timeOffZone: null as string | null,
      timeOffFirstDate: null as string | null,
      timeOffLastDate: null as string | null,
      timeOffReason: null as ShiftRequestEntity['timeOffReason'],
      note: body.note ? body.note : null,
      createdByUserId: user.id,
      createdByName: user.displayName,
      decidedByUserId: null,
      decidedByName: null,
      decisionComment: null,
      appliedAt: null,
      appliedSeq: null,
      undoneAt: null,
      version: 1,
      createdAt: toIso(now),
      updatedAt: toIso(now),
    };

    if (body.kind === 'time-off') {
      for (const field of ['shiftId', 'targetAgentId', 'targetShiftId', 'offer'] as const) {
        if (body[field] !== undefined) throw badField(field, 'is not used for time off; send timeOff only');
      }
      if (!body.timeOff) throw badField('timeOff', 'is required for time off: { "firstDate", "lastDate", "reason" } for whole days or { "start", "end", "reason" } for hours');
      const span = this.timeOffSpan(body.timeOff, requester.timeZone, now);
      return {
        ...base,
        timeOffStart: toIso(span.start),
        timeOffEnd: toIso(span.end),
        timeOffZone: requester.timeZone,
        timeOffFirstDate: span.firstDate,
        timeOffLastDate: span.lastDate,
        timeOffReason: body.timeOff.reason,
        spanStart: toIso(span.start),
        spanEnd: toIso(span.end),
        expiresAt: toIso(span.start),
      };
    }

    if (body.timeOff !== undefined) throw badField('timeOff', `is only for time off, not for a ${body.kind}`);
    if (!body.shiftId) throw badField('shiftId', `is required for a ${body.kind}: the id of one of ${requester.id === user.agentId ? 'your' : 'the agent’s'} upcoming shifts`);
    const shift = await this.findShift(manager, requester.teamId, body.shiftId);
    this.assertTradeable(shift, requester, 'shiftId', now);
    let target: AgentEntity | null = null;
    let targetShift: Shift | null = null;
    if (body.kind === 'swap') {
      if (body.offer !== undefined) throw badField('offer', 'is only for give-aways; a swap names a colleague and their shift');
      if (!body.targetAgentId) throw badField('targetAgentId', 'is required for a swap: the colleague you swap with');
      if (!body.targetShiftId) throw badField('targetShiftId', 'is required for a swap: the colleague’s shift you take in return');
      target = await this.colleague(manager, requester, body.targetAgentId);
      targetShift = await this.findShift(manager, requester.teamId, body.targetShiftId, 'targetShiftId');
      this.assertTradeable(targetShift, target, 'targetShiftId', now);
    } else {
      if (body.targetShiftId !== undefined) throw badField('targetShiftId', 'is only for swaps; a give-away hands over one shift');
      if (body.offer === true && body.targetAgentId !== undefined) throw badField('offer', 'either name a colleague (targetAgentId) or offer the shift to everyone (offer: true), not both');
      if (body.offer !== true && body.targetAgentId === undefined) throw badField('targetAgentId', 'name the colleague who gets the shift, or send offer: true to offer it to everyone');
      if (body.targetAgentId !== undefined) target = await this.colleague(manager, requester, body.targetAgentId);
    }
    await this.assertNoOpenRequest(manager, requester.teamId, shift.id, 'shiftId');
    if (targetShift) await this.assertNoOpenRequest(manager, requester.teamId, targetShift.id, 'targetShiftId');
    const starts = [shift.start, ...(targetShift ? [targetShift.start] : [])];
    const ends = [shift.end, ...(targetShift ? [targetShift.end] : [])];
    return {
      ...base,
      targetAgentId: target?.id ?? null,
      offered: body.kind === 'give-away' && body.offer === true,
      shiftId: shift.id,
      shiftSnapshot: JSON.stringify(toRequestShift(shift)),
      targetShiftId: targetShift?.id ?? null,
      targetShiftSnapshot: targetShift ? JSON.stringify(toRequestShift(targetShift)) : null,
      spanStart: toIso(Math.min(...starts)),
      spanEnd: toIso(Math.max(...ends)),
      // Nobody may trade a shift once it has started: the request expires then.
      expiresAt: toIso(Math.min(...starts)),
    };
  }

  private timeOffSpan(input: NonNullable<CreateShiftRequestBody['timeOff']>, zone: string, now: Instant): { start: Instant; end: Instant; firstDate: string | null; lastDate: string | null } {
    const days = input.firstDate !== undefined || input.lastDate !== undefined;
    const hours = input.start !== undefined || input.end !== undefined;
    if (days && hours) throw badField('timeOff', 'give either whole days (firstDate, lastDate) or hours (start, end), not both');
    let span: { start: Instant; end: Instant; firstDate: string | null; lastDate: string | null };
    if (days) {
      if (!input.firstDate) throw badField('timeOff.firstDate', 'is required with lastDate: the first day off (YYYY-MM-DD)');
      if (!input.lastDate) throw badField('timeOff.lastDate', 'is required with firstDate: the last day off, inclusive (YYYY-MM-DD)');
      if (input.lastDate < input.firstDate) throw badField('timeOff.lastDate', 'must be on or after firstDate');
      // Local midnights in the agent's zone; a DST change inside the span makes a day 23 or 25 h, on purpose.
      span = { start: getStartOfLocalDay(input.firstDate, zone), end: getStartOfLocalDay(addCalendarDays(input.lastDate, 1), zone), firstDate: input.firstDate, lastDate: input.lastDate };
    } else if (hours) {
      if (!input.start) throw badField('timeOff.start', 'is required with end: when the absence starts (ISO 8601 instant)');
      if (!input.end) throw badField('timeOff.end', 'is required with start: when the absence ends (ISO 8601 instant)');
      span = { start: fromIso(input.start), end: fromIso(input.end), firstDate: null, lastDate: null };
      if (!(span.end > span.start)) throw badField('timeOff.end', 'must be after start');
    } else {
      throw badField('timeOff', 'give whole days (firstDate, lastDate) or hours (start, end)');
    }
    if (span.end - span.start > MAX_TIME_OFF_DAYS * DAY_MS) throw badField(days ? 'timeOff.lastDate' : 'timeOff.end', `one request may cover at most ${MAX_TIME_OFF_DAYS} days; file longer absences in parts`);
    if (span.end <= now) throw badField(days ? 'timeOff.lastDate' : 'timeOff.end', 'is in the past; time off is asked for ahead of time (a manager records past absences with an override)');
    return span;
  }

  /** The agent a request is for: the caller (agents), or `agentId` in a team the caller manages. */
  private async requesterFor(manager: EntityManager, user: AuthenticatedUser, agentId: string | undefined): Promise<AgentEntity> {
    let id: string;
    if (user.role === 'agent') {
      if (!user.agentId) throw new ForbiddenException('This account has no agent profile');
      if (agentId !== undefined && agentId !== user.agentId) throw new ForbiddenException('Agents file requests for themselves only; leave agentId out');
      id = user.agentId;
    } else {
      if (agentId === undefined) throw badField('agentId', 'is required when a manager files a request: the agent it is for');
      id = agentId;
    }
    const agent = await manager.findOneBy(AgentEntity, { id });
    if (!agent || agent.archivedAt !== null) throw user.role === 'agent' ? new ForbiddenException('Your agent profile is archived') : badField('agentId', `no agent with id ${id}`);
    if (user.role === 'manager' && !user.teamIds.includes(agent.teamId)) throw new ForbiddenException('You do not manage this agent’s team');
    if (!agent.active) throw badField('agentId', `${agent.displayName} is inactive; reactivate them first`);
    return agent;
  }

  private async colleague(manager: EntityManager, requester: AgentEntity, id: string): Promise<AgentEntity> {
    if (id === requester.id) throw badField('targetAgentId', 'must be a colleague, not the requester');
    const agent = await manager.findOneBy(AgentEntity, { id });
    if (!agent || agent.archivedAt !== null || agent.teamId !== requester.teamId) throw badField('targetAgentId', 'must be the id of an agent in the same team');
    if (!agent.active) throw badField('targetAgentId', `${agent.displayName} is inactive and cannot take shifts`);
    return agent;
  }

  /**
   * A final-schedule shift by id. Ids carry their day (rotation turns: `<rotation>:<date>:<agent>`)
   * or are manual shifts; either way a few days' schedule around it is resolved.
   */
  private async findShift(manager: EntityManager, teamId: string, shiftId: string, field = 'shiftId'): Promise<Shift> {
    let around: Instant | null = null;
    const manual = await manager.findOne(ShiftEntity, { select: { id: true, startAt: true, teamId: true }, where: { id: shiftId } });
    if (manual) around = fromIso(manual.startAt);
    else {
      const date = /\d{4}-\d{2}-\d{2}/.exec(shiftId)?.[0];
      if (date && !Number.isNaN(Date.parse(`${date}T00:00:00Z`))) around = Date.parse(`${date}T00:00:00Z`);
    }
    if (around !== null) {
      const shifts = await this.source.resolve(manager, { teamId, from: around - 2 * DAY_MS, to: around + 3 * DAY_MS });
      const found = shifts.find((shift) => shift.id === shiftId);
      if (found) return found;
    }
    throw badField(field, `no shift with id ${shiftId} in this team's schedule`);
  }

  /** One open request per shift: a second offer or swap of it would race the first. */
  private async assertNoOpenRequest(manager: EntityManager, teamId: string, shiftId: string, field: string): Promise<void> {
    const open = await manager.findOne(ShiftRequestEntity, {
      select: { id: true, kind: true, state: true },
      where: [
        { teamId, shiftId, state: In([...OPEN_REQUEST_STATES]) },
        { teamId, targetShiftId: shiftId, state: In([...OPEN_REQUEST_STATES]) },
      ],
    });
    if (open) {
      const message = `${field}: this shift is already in an open ${open.kind} request (${open.id}, ${open.state}); cancel or decide that one first`;
      throw new ConflictException(apiError(409, message, [{ field, message }]));
    }
  }

  private assertTradeable(shift: Shift, owner: AgentEntity, field: string, now: Instant): void {
    if (shift.agentId !== owner.id) throw badField(field, `this shift belongs to someone else, not ${owner.displayName}`);
    if (shift.status !== 'published') throw badField(field, 'is a draft shift; only published shifts can be traded');
    if (shift.start <= now) throw badField(field, 'has already started; only upcoming shifts can be traded');
  }

  // ---- Transitions ------------------------------------------------------------------------

  async act(user: AuthenticatedUser, id: string, action: RequestAction, body: RequestDecisionBody, now: Instant = Date.now()): Promise<ShiftRequestDetail> {
    await this.expireOne(id, now);
    const outcome = await this.transactions.run(async (manager) => {
      const teamId = (await this.load(manager, id)).teamId;
      await this.lockTeam(manager, teamId);
      const row = await this.load(manager, id);
      this.assertCanSee(user, row);
      if (body.version !== undefined && body.version !== row.version) {
        throw new ConflictException(apiError(409, `version: the request changed since you loaded it (now version ${row.version}, ${row.state}); reload it and decide again`, [{ field: 'version', message: `version: now ${row.version}` }]));
      }
      const allowed = transitionRequest(row, action);
      if (!allowed.ok) throw new ConflictException(apiError(409, capitalise(allowed.message)));
      if (!this.actionsFor(user, row).includes(action)) throw new ForbiddenException(this.whyNot(user, row, action));
      const team = await this.source.loadTeam(row.teamId);
      const before = toShiftRequest(row, await this.namesFor(manager, [row]));
      const next: ShiftRequestEntity = { ...row };
      if (action === 'take') next.targetAgentId = user.agentId;
      if (action === 'accept' || action === 'take' || action === 'approve') {
        const impact = await this.impacts.assess(manager, next, now, team.timeZone);
        if (impact.stale) throw new ConflictException(apiError(409, `${impact.staleReason}. The request can only be cancelled or declined now.`));
        this.assertNoBlocker(impact, action);
      }
      next.state = allowed.value;
      if (action === 'approve') this.markApplied(next, await this.nextAppliedSeq(manager, row.teamId), now);
      if (action === 'undo') next.undoneAt = toIso(now);
      if (action === 'approve' || action === 'decline' || action === 'undo' || (action === 'cancel' && user.role === 'manager')) {
        next.decidedByUserId = user.id;
        next.decidedByName = user.displayName;
        next.decisionComment = body.comment ? body.comment : null;
      }
      await this.save(manager, row, next, now, action === 'take' ? { targetAgentId: null } : {});
      const outcome: Outcome = { requestId: row.id, teamId: row.teamId, deliveries: [], scheduleChanged: action === 'approve' || action === 'undo' };
      await this.record(manager, { row: next, before, transition: action, actor: user, at: toIso(now), comment: body.comment, outcome });
      if (action === 'accept' || action === 'take') await this.autoApprove(manager, next, now, team.timeZone, outcome);
      return outcome;
    });
    await this.afterCommit(outcome, now);
    return this.detail(user, id, now);
  }

  /**
   * Writes a transition only if the row is still as it was read (state and version): the
   * PostgreSQL team lock already serialises transitions, and this keeps a lost race from ever
   * writing over the winner's decision (the loser gets 409).
   */
  private async save(manager: EntityManager, row: ShiftRequestEntity, next: ShiftRequestEntity, now: Instant, extraWhere: Partial<Record<'targetAgentId', null>>): Promise<void> {
    next.version = row.version + 1;
    next.updatedAt = toIso(now);
    const builder = manager
      .createQueryBuilder()
      .update(ShiftRequestEntity)
      .set({
        state: next.state,
        targetAgentId: next.targetAgentId,
        decidedByUserId: next.decidedByUserId,
        decidedByName: next.decidedByName,
        decisionComment: next.decisionComment,
        appliedAt: next.appliedAt,
        appliedSeq: next.appliedSeq,
        undoneAt: next.undoneAt,
        version: next.version,
        updatedAt: next.updatedAt,
      })
      .where('id = :id AND state = :state AND version = :version', { id: row.id, state: row.state, version: row.version });
    if (extraWhere.targetAgentId === null) builder.andWhere('target_agent_id IS NULL');
    const result = await builder.execute();
    if (result.affected === 0) {
      throw new ConflictException(apiError(409, row.offered && row.state === 'pending' ? 'Someone has already taken this shift' : 'The request changed while you were deciding; reload it and try again'));
    }
  }

  private markApplied(row: ShiftRequestEntity, seq: number, now: Instant): void {
    row.appliedAt = toIso(now);
    row.appliedSeq = seq;
  }

  private async nextAppliedSeq(manager: EntityManager, teamId: string): Promise<number> {
    const last = await manager.createQueryBuilder(ShiftRequestEntity, 'r').select('MAX(r.applied_seq)', 'max').where({ teamId }).getRawOne<{ max: number | string | null }>();
    return Number(last?.max ?? 0) + 1;
  }

  /** `auto-when-clean` teams: a clean request is approved (by Shiftdesk) as soon as it is ready. */
  private async autoApprove(manager: EntityManager, row: ShiftRequestEntity, now: Instant, teamZone: string, outcome: Outcome): Promise<void> {
    const settings = await this.source.loadSettings(manager, row.teamId);
    if (settings.requestApproval !== 'auto-when-clean') return;
    const allowed = transitionRequest(row, 'approve');
    if (!allowed.ok) return;
    const impact = await this.impacts.assess(manager, row, now, teamZone);
    if (!impact.clean) return;
    const before = toShiftRequest(row, await this.namesFor(manager, [row]));
    const next: ShiftRequestEntity = { ...row, state: 'approved', decidedByUserId: null, decidedByName: 'Shiftdesk (approved automatically: no new gap, no broken rule)', decisionComment: null };
    this.markApplied(next, await this.nextAppliedSeq(manager, row.teamId), now);
    await this.save(manager, row, next, now, {});
    Object.assign(row, next);
    outcome.scheduleChanged = true;
    await this.record(manager, { row: next, before, transition: 'approve', actor: null, at: toIso(now), outcome });
  }

  // ---- Expiry -----------------------------------------------------------------------------

  /** Expires every open request whose shift or time off has started. Returns how many. */
  async expireDue(now: Instant): Promise<number> {
    const due = await this.source.manager.find(ShiftRequestEntity, { select: { id: true }, where: { state: In([...OPEN_REQUEST_STATES]), expiresAt: LessThanOrEqual(toIso(now)) }, order: { expiresAt: 'ASC', id: 'ASC' }, take: 500 });
    let expired = 0;
    for (const { id } of due) if (await this.expireOne(id, now)) expired += 1;
    return expired;
  }

  /** Expires one request if it is open and due; reads and transitions check this first, so expiry never waits for the job. */
  private async expireOne(id: string, now: Instant): Promise<boolean> {
    const probe = await this.source.manager.findOne(ShiftRequestEntity, { select: { id: true, state: true, expiresAt: true }, where: { id } });
    if (!probe || !OPEN_REQUEST_STATES.includes(probe.state) || fromIso(probe.expiresAt) > now) return false;
    const outcome = await this.transactions.run(async (manager) => {
      const row = await this.load(manager, id);
      if (!OPEN_REQUEST_STATES.includes(row.state) || fromIso(row.expiresAt) > now) return null;
      const before = toShiftRequest(row, await this.namesFor(manager, [row]));
      const next: ShiftRequestEntity = { ...row, state: 'expired' };
      try {
        await this.save(manager, row, next, now, {});
      } catch (error) {
        if (error instanceof ConflictException) return null;
        throw error;
      }
      const outcome: Outcome = { requestId: row.id, teamId: row.teamId, deliveries: [], scheduleChanged: false };
      await this.record(manager, { row: next, before, transition: 'expire', actor: null, at: toIso(now), outcome });
      return outcome;
    });
    if (outcome) await this.afterCommit(outcome, now);
    return outcome !== null;
  }

  // ---- Trail: audit, notices, webhook -----------------------------------------------------

  private async record(
    manager: EntityManager,
    input: { row: ShiftRequestEntity; before: ShiftRequest | null; transition: RequestTransition | 'create'; actor: Actor; at: string; comment?: string; outcome: Outcome },
  ): Promise<void> {
    const { row, transition, actor, at } = input;
    const names = await this.namesFor(manager, [row]);
    const after = toShiftRequest(row, names);
    await this.audit.record(manager, { teamId: row.teamId, entityType: AUDIT_TYPE[row.kind], entityId: row.id, action: PAST_TENSE[transition], actor, before: input.before, after, comment: input.comment ?? null }, at);
    const message = this.noticeText(after, transition, actor);
    const requester = [row.requesterAgentId];
    const target = row.targetAgentId ? [row.targetAgentId] : [];
    const except = actor?.id;
    switch (transition) {
      case 'create':
        if (row.kind === 'time-off') await this.notices.notify(manager, { managersOf: row.teamId, exceptUserId: except }, { requestId: row.id, message }, at);
        else if (row.offered) await this.notices.notify(manager, { agentIds: await this.colleaguesOf(manager, row), exceptUserId: except }, { requestId: row.id, message }, at);
        else await this.notices.notify(manager, { agentIds: target, exceptUserId: except }, { requestId: row.id, message }, at);
        break;
      case 'accept':
      case 'take':
        await this.notices.notify(manager, { agentIds: requester, managersOf: row.teamId, exceptUserId: except }, { requestId: row.id, message }, at);
        break;
      case 'cancel':
        await this.notices.notify(manager, { agentIds: [...requester, ...target], exceptUserId: except }, { requestId: row.id, message }, at);
        break;
      default:
        await this.notices.notify(manager, { agentIds: [...requester, ...target], exceptUserId: except }, { requestId: row.id, message }, at);
    }
    const type = `request.${transition === 'create' ? 'created' : transition === 'take' ? 'accepted' : PAST_TENSE[transition]}` as RequestWebhookEventType;
    input.outcome.deliveries.push(...(await this.webhooks.enqueue(manager, row.teamId, [{ type, request: after, occurredAt: at }])));
  }

  private noticeText(request: ShiftRequest, transition: RequestTransition | 'create', actor: Actor): string {
    const who = actor?.displayName ?? 'Shiftdesk';
    const what =
      request.kind === 'time-off' && request.timeOff
        ? `time off ${request.timeOff.allDay ? `${request.timeOff.firstDate} to ${request.timeOff.lastDate}` : describeSpan(request.timeOff.start, request.timeOff.end, request.timeOff.timeZone)}`
        : request.kind === 'swap'
          ? `the swap of ${describeShift(request.shift)} for ${describeShift(request.targetShift)}`
          : `the ${describeShift(request.shift)} shift`;
    switch (transition) {
      case 'create':
        if (request.kind === 'time-off') return `${request.requesterName} asks for ${what}`;
        if (request.kind === 'swap') return `${request.requesterName} asks you to swap: your ${describeShift(request.targetShift)} shift for their ${describeShift(request.shift)} shift`;
        return request.offered ? `${request.requesterName} offers ${what} to anyone who can take it` : `${request.requesterName} asks you to take ${what}`;
      case 'take':
        return `${who} took ${what} from ${request.requesterName}${request.state === 'approved' ? ' (approved)' : '; it waits for a manager'}`;
      case 'accept':
        return `${who} accepted ${what}${request.state === 'approved' ? ' (approved)' : '; it waits for a manager'}`;
      case 'expire':
        return `The request for ${what} expired: the shift started before it was decided`;
      default:
        return `${who} ${PAST_TENSE[transition]} ${request.requesterName}'s request for ${what}${request.decisionComment ? `: "${request.decisionComment}"` : ''}`;
    }
  }

  private async colleaguesOf(manager: EntityManager, row: ShiftRequestEntity): Promise<string[]> {
    const agents = await manager.find(AgentEntity, { select: { id: true, archivedAt: true, active: true }, where: { teamId: row.teamId } });
    return agents.filter((agent) => agent.id !== row.requesterAgentId && agent.active && agent.archivedAt === null).map((agent) => agent.id);
  }

  private async afterCommit(outcome: Outcome, now: Instant): Promise<void> {
    this.webhooks.dispatch(outcome.deliveries, now);
    // Approved time off and moved shifts change coverage: rescan so gap alerts open (or resolve) now.
    if (outcome.scheduleChanged) await this.changes.changed(outcome.teamId);
  }

  // ---- Helpers ----------------------------------------------------------------------------

  private async toDetail(manager: EntityManager, user: AuthenticatedUser, row: ShiftRequestEntity, now: Instant): Promise<ShiftRequestDetail> {
    const names = await this.namesFor(manager, [row]);
    const open = row.state === 'pending' || row.state === 'accepted' || row.state === 'approved';
    let impact: RequestImpact | null = null;
    if (open) {
      const team = await this.source.loadTeam(row.teamId);
      // An open offer is shown to a would-be taker as it would be if they took it.
      const view = row.offered && row.targetAgentId === null && user.agentId && user.agentId !== row.requesterAgentId ? { ...row, targetAgentId: user.agentId } : row;
      impact = await this.impacts.assess(manager, view, now, team.timeZone);
    }
    const history = (await this.audit.listFor(manager, { entityType: AUDIT_TYPE[row.kind], entityId: row.id })).reverse();
    return { ...toShiftRequest(row, names, this.actionsFor(user, row)), impact, history };
  }

  private actionsFor(user: AuthenticatedUser, row: ShiftRequestEntity): RequestAction[] {
    const isManager = user.role === 'manager' && user.teamIds.includes(row.teamId);
    return availableRequestActions(row, {
      isRequester: user.agentId !== null && user.agentId === row.requesterAgentId,
      isTarget: user.agentId !== null && user.agentId === row.targetAgentId,
      isManager,
      mayTake: user.role === 'agent' && user.teamIds.includes(row.teamId),
    });
  }

  private whyNot(user: AuthenticatedUser, row: ShiftRequestEntity, action: RequestAction): string {
    switch (action) {
      case 'accept':
        return 'Only the colleague named in the request can accept it';
      case 'take':
        return user.role === 'manager' ? 'Managers cannot take shifts; an agent of the team takes an offered shift' : 'You cannot take your own offered shift';
      case 'decline':
        return 'Only the named colleague or a manager of the team can decline this request';
      case 'cancel':
        return 'Only the agent who asked, or a manager of the team, can cancel this request';
      default:
        return `Only managers of this team can ${action} requests`;
    }
  }

  /** Managers of the team, the two agents named in it, and (for an open offer) the team's agents. */
  private assertCanSee(user: AuthenticatedUser, row: ShiftRequestEntity): void {
    if (user.role === 'manager' && user.teamIds.includes(row.teamId)) return;
    if (user.agentId && (user.agentId === row.requesterAgentId || user.agentId === row.targetAgentId)) return;
    if (user.role === 'agent' && row.offered && user.teamIds.includes(row.teamId)) return;
    throw new NotFoundException(`No request with id ${row.id}`);
  }

  private assertNoBlocker(impact: RequestImpact, action: 'file' | RequestAction): void {
    if (impact.stale) throw new ConflictException(apiError(409, `${impact.staleReason}`));
    if (impact.blockers.length === 0) return;
    const verb = action === 'file' ? 'filed' : action === 'take' ? 'taken' : action === 'accept' ? 'accepted' : 'approved';
    throw new ConflictException(apiError(409, `The request cannot be ${verb}: ${impact.blockers.map((b) => `${b.agentName}: ${b.message}`).join('; ')}`));
  }

  private async load(manager: EntityManager, id: string): Promise<ShiftRequestEntity> {
    const row = await manager.findOneBy(ShiftRequestEntity, { id });
    if (!row) throw new NotFoundException(`No request with id ${id}`);
    return row;
  }

  /** PostgreSQL: one transition per team at a time (see the class comment). */
  private async lockTeam(manager: EntityManager, teamId: string): Promise<void> {
    if (manager.connection.options.type === 'postgres') await manager.findOne(TeamEntity, { where: { id: teamId }, lock: { mode: 'pessimistic_write' } });
  }

  private async lockTeamOf(manager: EntityManager, body: CreateShiftRequestBody, user: AuthenticatedUser): Promise<void> {
    const agentId = user.role === 'agent' ? user.agentId : body.agentId;
    if (!agentId) return;
    const agent = await manager.findOne(AgentEntity, { select: { id: true, teamId: true }, where: { id: agentId } });
    if (agent) await this.lockTeam(manager, agent.teamId);
  }

  private async namesFor(manager: EntityManager, rows: readonly ShiftRequestEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.flatMap((row) => [row.requesterAgentId, ...(row.targetAgentId ? [row.targetAgentId] : [])]))];
    if (ids.length === 0) return new Map();
    const agents = await manager.find(AgentEntity, { select: { id: true, displayName: true }, where: { id: In(ids) } });
    return new Map(agents.map((agent) => [agent.id, agent.displayName]));
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `2026-03-03 08:00–16:00 MSK` in the shift's own zone. */
function describeShift(shift: RequestShift | null): string {
  if (!shift) return 'a shift';
  return describeSpan(shift.start, shift.end, shift.timeZone);
}

function describeSpan(startIso: string, endIso: string, zone: string): string {
  const start = fromIso(startIso);
  const end = fromIso(endIso);
  const from = formatLocalDateTime(start, zone);
  const to = formatLocalDateTime(end, zone);
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  return `${from}–${sameDay ? to.slice(11) : to} ${getZoneAbbreviation(start, zone)}`;
}
