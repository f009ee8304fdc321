import { ConflictException, Injectable } from '@nestjs/common';
import { ROSTER_DEFAULT_FAIRNESS, ROSTER_DEFAULT_TIME_LIMIT_SECONDS, ROSTER_MAX_PERIOD_DAYS, type ApplyRosterResponse, type GenerateRosterAccepted, type GenerateRosterRequest, type RosterJob } from '@shiftdesk/shared-api-contract';
import { addCalendarDays, getStartOfLocalDay, type Shift } from '@shiftdesk/scheduling';
import { randomUUID } from 'node:crypto';
import { And, In, IsNull, LessThan, MoreThan, MoreThanOrEqual } from 'typeorm';
import { apiError } from '../../common/api-error';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DAY_MS, toIso } from '../schedule/instants';
import { badField } from '../schedule/schedule-errors';
import { ScheduleChanges } from '../schedule/schedule-changes.service';
import { ScheduleSource } from '../schedule/schedule-source.service';
import { UnavailabilitySpanEntity } from '../feeds/unavailability-span.entity';
import { PayService } from '../pay/pay.service';
import { PreferencesService } from '../preferences/preferences.service';
import { ShiftEntity } from '../shifts/shift.entity';
import { TeamEntity } from '../teams/team.entity';
import { RosterJobs } from './roster-jobs.service';

/** Rows per INSERT: SQLite allows 999 bound parameters and a shift row has 14 columns. */
const INSERT_CHUNK = 50;

/**
 * Roster generation for a team: loads the team (agents, coverage rules, labour rules, the shifts
 * that stay), maps it to the pure generator's model, runs it as a job in a worker thread, and
 * writes an accepted result as draft shifts.
 */
@Injectable()
export class RostersService {
  constructor(
    private readonly source: ScheduleSource,
    private readonly transactions: Transactions,
    private readonly changes: ScheduleChanges,
    private readonly jobs: RosterJobs,
    private readonly pay: PayService,
    private readonly preferences: PreferencesService,
  ) {}

  async generate(user: AuthenticatedUser, teamId: string, request: GenerateRosterRequest): Promise<GenerateRosterAccepted> {
    const team = await this.source.managedTeam(user, teamId);
    if (request.to < request.from) throw badField('to', `must be on or after from (${request.from})`);
    if ((Date.parse(request.to) - Date.parse(request.from)) / DAY_MS + 1 > ROSTER_MAX_PERIOD_DAYS) throw badField('to', `the period may span at most ${ROSTER_MAX_PERIOD_DAYS} days`);
    const names = request.shapes.map((shape) => shape.name);
    const duplicate = names.findIndex((name, i) => names.indexOf(name) !== i);
    if (duplicate >= 0) throw badField(`shapes.${duplicate}.name`, `"${names[duplicate]}" is used by another shape; names must be unique`);

    const zone = team.timeZone;
    const periodStart = getStartOfLocalDay(request.from, zone);
    const periodEnd = getStartOfLocalDay(addCalendarDays(request.to, 1), zone);
    const manager = this.source.manager;
    const [{ agents, names: agentNames }, rules, settings] = await Promise.all([
      this.source.loadAgents(manager, teamId),
      this.source.loadRules(manager, teamId),
      this.source.loadSettings(manager, teamId),
    ]);
    // What stays: everything but unlocked drafts (apply replaces those); a week either side, for the
    // rest around the period and the weekly hours of the weeks it cuts.
    const existing = await this.source.resolve(manager, { teamId, from: periodStart - 7 * DAY_MS, to: periodEnd + 7 * DAY_MS });
    // The model is built in the worker (from this plain data), off the event loop.
    const teamInput = {
      timeZone: zone,
      from: request.from,
      to: request.to,
      agents,
      rules,
      shapes: request.shapes.map((shape) => ({
        id: shape.name,
        localStartTime: shape.start,
        lengthMinutes: shape.lengthMinutes,
        channel: shape.channel ?? null,
        language: shape.language ?? null,
        maxPerAgent: shape.maxPerAgent ?? null,
      })),
      labourRules: this.source.labourRulesOf(settings),
      // Published shifts and drafts a manager locked stay as they are; other drafts are replaced.
      fixedShifts: existing.filter((shift) => shift.status !== 'draft' || shift.locked === true),
      // Approved time off, and the busy times of agents' imported calendars (issue 6): both keep the agent free.
      timeOff: [
        ...(await this.source.approvedTimeOff(manager, teamId, periodStart, periodEnd)).map((off) => ({ agentId: off.agentId, start: off.start, end: off.end })),
        ...(await this.importedUnavailability(agents.map((agent) => agent.id), periodStart, periodEnd)),
      ],
      // Pay (issue 7), when the team has it: the cheaper of otherwise equal rosters wins.
      hourlyCosts: await this.pay.hourlyRates(teamId, request.from),
      // Agents' wishes to work or to be free: soft, weighed after cover.
      preferences: request.preferences === false ? [] : await this.preferences.forRoster(manager, agents.map((agent) => agent.id), addCalendarDays(request.from, -1)),
      fairness: {
        nightsWeight: request.fairness?.nights ?? ROSTER_DEFAULT_FAIRNESS.nights,
        weekendsWeight: request.fairness?.weekends ?? ROSTER_DEFAULT_FAIRNESS.weekends,
        holidaysWeight: request.fairness?.holidays ?? ROSTER_DEFAULT_FAIRNESS.holidays,
        isolatedDayWeight: request.fairness?.isolatedDays ?? ROSTER_DEFAULT_FAIRNESS.isolatedDays,
        holidays: await this.pay.holidayDates(teamId, request.from, request.to),
      },
    };
    const job = await this.jobs.submit(
      {
        teamId,
        from: request.from,
        to: request.to,
        team: teamInput,
        agentNames,
        seed: request.seed ?? 1,
        timeLimitMs: (request.timeLimitSeconds ?? ROSTER_DEFAULT_TIME_LIMIT_SECONDS) * 1000,
      },
      Date.now(),
    );
    return { jobId: job.id, status: job.status };
  }

  private async importedUnavailability(agentIds: string[], from: number, to: number): Promise<{ agentId: string; start: number; end: number }[]> {
    if (agentIds.length === 0) return [];
    const rows = await this.source.manager.find(UnavailabilitySpanEntity, { where: { agentId: In(agentIds), startAt: LessThan(toIso(to)), endAt: MoreThan(toIso(from)) } });
    return rows.map((row) => ({ agentId: row.agentId, start: Date.parse(row.startAt), end: Date.parse(row.endAt) }));
  }

  async job(user: AuthenticatedUser, teamId: string, jobId: string): Promise<RosterJob> {
    await this.source.managedTeam(user, teamId);
    return this.jobs.get(teamId, jobId, Date.now());
  }

  async cancel(user: AuthenticatedUser, teamId: string, jobId: string): Promise<RosterJob> {
    await this.source.managedTeam(user, teamId);
    return this.jobs.cancel(teamId, jobId);
  }

  /**
   * Writes the job's roster as draft shifts in ONE transaction: the team's earlier draft shifts
   * starting in the period are deleted and the new ones inserted; published shifts are never
   * touched. Any draft that would overlap a shift that stays (published since the generation,
   * another team's, a rotation turn) or whose agent left the team or was deactivated fails the
   * whole apply with 409, leaving the database as it was.
   */
  async apply(user: AuthenticatedUser, teamId: string, jobId: string): Promise<ApplyRosterResponse> {
    const team = await this.source.managedTeam(user, teamId);
    const { job, drafts } = await this.jobs.drafts(teamId, jobId);
    const periodStart = toIso(getStartOfLocalDay(job.from, team.timeZone));
    const periodEnd = toIso(getStartOfLocalDay(addCalendarDays(job.to, 1), team.timeZone));
    const result = await this.transactions.run(async (manager) => {
      // PostgreSQL: two applies for one team run one after the other, so neither keeps the
      // other's drafts alongside its own (SQLite writes are serialized by Transactions).
      if (manager.connection.options.type === 'postgres') await manager.findOne(TeamEntity, { where: { id: teamId }, lock: { mode: 'pessimistic_write' } });
      // Locked drafts stay: the generator planned around them.
      const old = await manager.find(ShiftEntity, { select: { id: true }, where: { teamId, status: 'draft', locked: false, startAt: And(MoreThanOrEqual(periodStart), LessThan(periodEnd)) } });
      const oldIds = old.map((row) => row.id);
      for (let i = 0; i < oldIds.length; i += 500) await manager.delete(ShiftEntity, { id: In(oldIds.slice(i, i + 500)) });

      const agentIds = [...new Set(drafts.map((d) => d.agentId))];
      const agents = agentIds.length === 0 ? [] : await manager.find(AgentEntity, { where: { id: In(agentIds), archivedAt: IsNull() } });
      const usable = new Map(agents.filter((a) => a.teamId === teamId && a.active).map((a) => [a.id, a]));
      const missing = agentIds.find((id) => !usable.has(id));
      if (missing) throw this.conflict('agentId', `agent ${missing} is no longer an active agent of this team; generate again`);

      if (drafts.length > 0) {
        const from = Math.min(...drafts.map((d) => d.start));
        const to = Math.max(...drafts.map((d) => d.end));
        const staying = await this.source.resolve(manager, { teamId, from, to });
        const byAgent = new Map<string, Shift[]>();
        for (const shift of staying) byAgent.set(shift.agentId, [...(byAgent.get(shift.agentId) ?? []), shift]);
        for (const draft of drafts) {
          const clash = (byAgent.get(draft.agentId) ?? []).find((s) => s.start < draft.end && s.end > draft.start);
          if (clash) {
            const name = usable.get(draft.agentId)?.displayName ?? draft.agentId;
            throw this.conflict('shifts', `${name} already has shift ${clash.id} (${toIso(clash.start)} – ${toIso(clash.end)}) overlapping the draft ${draft.shapeId} shift on ${draft.date}; generate again`);
          }
        }
      }

      const now = nowIso();
      const rows: ShiftEntity[] = drafts.map((d) => ({
        id: randomUUID(),
        teamId,
        agentId: d.agentId,
        startAt: toIso(d.start),
        endAt: toIso(d.end),
        timeZone: d.timeZone,
        channel: d.channel,
        label: d.label,
        breaks: '[]',
        status: 'draft',
        source: 'roster',
        locked: false,
        createdAt: now,
        updatedAt: now,
      }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) await manager.insert(ShiftEntity, rows.slice(i, i + INSERT_CHUNK));
      return { created: rows.length, replaced: oldIds.length };
    });
    await this.changes.changed(teamId);
    return result;
  }

  private conflict(field: string, explanation: string): ConflictException {
    const message = `${field}: ${explanation}`;
    return new ConflictException(apiError(409, message, [{ field, message }]));
  }
}
