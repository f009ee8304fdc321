import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type {
  AgentPay,
  AuditEntry,
  Band as BandContract,
  BandReport,
  BandReportRow,
  CostReport,
  CreateBandRequest,
  CreateExchangeRateRequest,
  CreateMinimumWageRequest,
  CreateSalaryRequest,
  ExchangeRate as ExchangeRateContract,
  MinimumWage as MinimumWageContract,
  PaySettings as PaySettingsContract,
  Salary as SalaryContract,
  SetAgentLevelRequest,
  UpdateBandRequest,
  UpdateBandResponse,
  UpdatePaySettingsRequest,
  UsedExchangeRate,
  WhatIfQuery,
  WhatIfReport,
} from '@shiftdesk/shared-api-contract';
import {
  addCalendarDays,
  checkBandAgainstMinimumWage,
  computeHourlyRate,
  computeRosterCost,
  estimateCoverageCosts,
  expandCoverageRule,
  findSalary,
  flattenDemand,
  getLocalDate,
  getStartOfIsoWeek,
  getStartOfLocalDay,
  positionInBand,
  toRatio,
  validateBandAmounts,
  type CostAgent,
  type UsedRate,
} from '@shiftdesk/scheduling';
import { randomUUID } from 'node:crypto';
import { type EntityManager, In, IsNull } from 'typeorm';
import { apiError } from '../../common/api-error';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { AuditService, toAuditEntry } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RegionEntity } from '../regions/region.entity';
import { badField } from '../schedule/schedule-errors';
import { ScheduleSource } from '../schedule/schedule-source.service';
import type { TeamEntity } from '../teams/team.entity';
import { BandEntity } from './band.entity';
import { ExchangeRateEntity } from './exchange-rate.entity';
import { MinimumWageEntity } from './minimum-wage.entity';
import { PaySettingsEntity } from './pay-settings.entity';
import {
  toAgentPosition,
  toBand,
  toBasisPoints,
  toDomainBand,
  toDomainMinimumWage,
  toDomainRate,
  toDomainSalary,
  toDomainSettings,
  toExchangeRate,
  toMinimumWage,
  toPaySettings,
  toSalary,
} from './pay.mapper';
import { SalaryEntity } from './salary.entity';

const MAX_COST_DAYS = 366;

/** Today's local date in `zone` (the request's clock; the pure lib never reads one). */
function todayIn(zone: string): string {
  return getLocalDate(Date.now(), zone);
}

const usedRates = (rates: readonly UsedRate[]): UsedExchangeRate[] => {
  const seen = new Map<string, UsedExchangeRate>();
  for (const rate of rates) seen.set(`${rate.from}|${rate.to}|${rate.date}|${rate.inverted}`, { from: rate.from, to: rate.to, rate: rate.rate, date: rate.date, inverted: rate.inverted });
  return [...seen.values()].sort((a, b) => `${a.from}${a.to}${a.date}`.localeCompare(`${b.from}${b.to}${b.date}`));
};

/** What the pay reports of one team read, loaded once per request. */
interface PayData {
  team: TeamEntity;
  agents: AgentEntity[];
  regions: Map<string, RegionEntity>;
  regionNames: Map<string, string>;
  bands: BandEntity[];
  salaries: Map<string, SalaryEntity[]>;
  minimumWages: MinimumWageEntity[];
  rates: ExchangeRateEntity[];
  settings: PaySettingsContract;
}

/**
 * Bands, salaries and costs of a team. Every method checks that the caller manages the team
 * (the controller already refuses agents): pay is confidential. Band and salary changes write
 * their audit entry in the same transaction. Nothing here logs an amount.
 */
@Injectable()
export class PayService {
  constructor(
    private readonly source: ScheduleSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  private async load(manager: EntityManager, teamId: string): Promise<PayData> {
    const team = await this.source.loadTeam(teamId);
    const agents = await manager.find(AgentEntity, { where: { teamId, archivedAt: IsNull() }, order: { displayName: 'ASC', id: 'ASC' } });
    const regionRows = await manager.find(RegionEntity);
    const regions = new Map(regionRows.map((row) => [row.id, row]));
    const bands = await manager.find(BandEntity, { where: { teamId }, order: { effectiveFrom: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    const salaryRows = agents.length === 0 ? [] : await manager.find(SalaryEntity, { where: { agentId: In(agents.map((a) => a.id)) }, order: { effectiveFrom: 'ASC', createdAt: 'ASC' } });
    const salaries = new Map<string, SalaryEntity[]>();
    for (const row of salaryRows) salaries.set(row.agentId, [...(salaries.get(row.agentId) ?? []), row]);
    const minimumWages = await manager.find(MinimumWageEntity);
    const rates = await manager.find(ExchangeRateEntity);
    const settings = toPaySettings(teamId, await manager.findOneBy(PaySettingsEntity, { teamId }));
    return { team, agents, regions, regionNames: new Map(regionRows.map((row) => [row.id, row.name])), bands, salaries, minimumWages, rates, settings };
  }

  private position(data: PayData, agent: AgentEntity, date: string) {
    const salaryRows = data.salaries.get(agent.id) ?? [];
    const position = positionInBand({
      subject: { level: agent.level ?? null, regionId: agent.regionId, workMode: agent.workMode, countryCode: agent.regionId ? (data.regions.get(agent.regionId)?.countryCode ?? null) : null },
      salaries: salaryRows.map(toDomainSalary),
      bands: data.bands.map(toDomainBand),
      minimumWages: data.minimumWages.map(toDomainMinimumWage),
      rates: data.rates.map(toDomainRate),
      date,
    });
    const current = findSalary(salaryRows, date);
    return { position, contract: toAgentPosition(agent, data.regionNames, position, current) };
  }

  // --- bands -------------------------------------------------------------------------------

  /** Bands in force on `date` (default today in the team's zone) with their agents, and every agent's flags. */
  async bandReport(user: AuthenticatedUser, teamId: string, date?: string): Promise<BandReport> {
    await this.source.managedTeam(user, teamId);
    const data = await this.load(this.source.manager, teamId);
    const on = date ?? todayIn(data.team.timeZone);
    const rates = data.rates.map(toDomainRate);
    const minimumWages = data.minimumWages.map(toDomainMinimumWage);
    const used: UsedRate[] = [];
    const positions = data.agents.map((agent) => {
      const { position, contract } = this.position(data, agent, on);
      used.push(...position.ratesUsed);
      return contract;
    });
    const inForce = data.bands.filter((band) => band.effectiveFrom <= on && (band.effectiveTo === null || on < band.effectiveTo));
    const rows: BandReportRow[] = inForce.map((band) => {
      const agents = positions.filter((position) => position.bandId === band.id);
      // A regional band applies to its region; an "any region" band to the regions of its agents.
      const places =
        band.regionId !== null
          ? [{ countryCode: data.regions.get(band.regionId)?.countryCode ?? '', regionId: band.regionId }]
          : agents.filter((a) => a.regionId !== null).map((a) => ({ countryCode: data.regions.get(a.regionId as string)?.countryCode ?? '', regionId: a.regionId }));
      const checks = checkBandAgainstMinimumWage({ band: toDomainBand(band), places, minimumWages, rates, date: on });
      return {
        band: toBand(band, data.regionNames),
        agents,
        belowMinimumWage: checks
          .filter((check) => check.below)
          .map((check) => ({
            countryCode: check.countryCode,
            regionId: check.regionId,
            regionName: check.regionId === null ? null : (data.regionNames.get(check.regionId) ?? null),
            minimumWageMinor: check.minimumWage.amountMinor,
            currency: check.minimumWage.currency,
            period: check.minimumWage.period,
          })),
      };
    });
    rows.sort((a, b) => (a.band.regionName ?? '\uffff').localeCompare(b.band.regionName ?? '\uffff') || a.band.workMode.localeCompare(b.band.workMode) || levelOrder(a.band.level) - levelOrder(b.band.level));
    return { teamId, date: on, bands: rows, agents: positions, ratesUsed: usedRates(used) };
  }

  /** Every version of every band, oldest first. */
  async listBands(user: AuthenticatedUser, teamId: string): Promise<BandContract[]> {
    await this.source.managedTeam(user, teamId);
    const data = await this.load(this.source.manager, teamId);
    return data.bands.map((band) => toBand(band, data.regionNames));
  }

  async createBand(user: AuthenticatedUser, teamId: string, request: CreateBandRequest): Promise<BandContract> {
    const team = await this.source.managedTeam(user, teamId);
    const today = todayIn(team.timeZone);
    const effectiveFrom = request.effectiveFrom ?? today;
    if (effectiveFrom < today) throw badField('effectiveFrom', `must be today (${today}, ${team.timeZone}) or later: bands are never changed in the past`);
    this.assertAmounts(request);
    return this.transactions.run(async (manager) => {
      const regionNames = await this.regionNames(manager);
      if (request.regionId !== null && !regionNames.has(request.regionId)) throw badField('regionId', `no region with id ${request.regionId}; use null for any region`);
      const row: BandEntity = {
        id: randomUUID(),
        teamId,
        level: request.level,
        regionId: request.regionId,
        workMode: request.workMode,
        currency: request.currency,
        period: request.period,
        minMinor: request.minMinor,
        midMinor: request.midMinor,
        maxMinor: request.maxMinor,
        effectiveFrom,
        effectiveTo: null,
        previousVersionId: null,
        createdAt: nowIso(),
      };
      await manager.insert(BandEntity, row);
      const band = toBand(row, regionNames);
      await this.audit.record(manager, { teamId, entityType: 'band', entityId: row.id, action: 'created', actor: user, after: band });
      return band;
    });
  }

  /**
   * Changes a band from `effectiveFrom` (default today in the team's zone; never earlier). A band
   * that starts on or after that date is edited in place; one already in force is versioned: the
   * old version ends at `effectiveFrom` (exclusive) and a new version starts there, in one
   * transaction with the audit entry, so reports for earlier dates never change.
   */
  async updateBand(user: AuthenticatedUser, teamId: string, id: string, request: UpdateBandRequest): Promise<UpdateBandResponse> {
    const team = await this.source.managedTeam(user, teamId);
    const today = todayIn(team.timeZone);
    const effectiveFrom = request.effectiveFrom ?? today;
    if (effectiveFrom < today) throw badField('effectiveFrom', `must be today (${today}, ${team.timeZone}) or later: bands are never changed in the past`);
    return this.transactions.run(async (manager) => {
      const current = await manager.findOneBy(BandEntity, { id, teamId });
      if (!current) throw new NotFoundException(`No band with id ${id} in this team`);
      if (current.effectiveTo !== null && current.effectiveTo <= effectiveFrom) {
        throw new ConflictException(apiError(409, `This band version ended on ${current.effectiveTo}; change its newest version instead`));
      }
      const amounts = { minMinor: request.minMinor ?? current.minMinor, midMinor: request.midMinor ?? current.midMinor, maxMinor: request.maxMinor ?? current.maxMinor };
      this.assertAmounts(amounts);
      const regionNames = await this.regionNames(manager);
      const before = toBand(current, regionNames);
      if (current.effectiveFrom >= effectiveFrom) {
        const edited: BandEntity = { ...current, ...amounts, effectiveFrom };
        await manager.save(BandEntity, edited);
        const band = toBand(edited, regionNames);
        await this.audit.record(manager, { teamId, entityType: 'band', entityId: id, action: 'updated', actor: user, before, after: band });
        return { outcome: 'edited', band, previous: null };
      }
      const next: BandEntity = { ...current, ...amounts, id: randomUUID(), effectiveFrom, previousVersionId: current.id, createdAt: nowIso() };
      await manager.update(BandEntity, { id }, { effectiveTo: effectiveFrom });
      await manager.insert(BandEntity, next);
      const previous = toBand({ ...current, effectiveTo: effectiveFrom }, regionNames);
      const band = toBand(next, regionNames);
      await this.audit.record(manager, { teamId, entityType: 'band', entityId: next.id, action: 'versioned', actor: user, before, after: band, comment: `new version of band ${id} from ${effectiveFrom}` });
      return { outcome: 'versioned', band, previous };
    });
  }

  private assertAmounts(amounts: { minMinor: number; midMinor: number; maxMinor: number }): void {
    const valid = validateBandAmounts(amounts);
    if (!valid.ok) throw badField(`${valid.field ?? 'min'}Minor`, valid.message.replace(/\b(min|mid|max)\b/g, '$1Minor'));
  }

  private async regionNames(manager: EntityManager): Promise<Map<string, string>> {
    return new Map((await manager.find(RegionEntity)).map((row) => [row.id, row.name]));
  }

  // --- agents ------------------------------------------------------------------------------

  async agentPay(user: AuthenticatedUser, teamId: string, agentId: string, date?: string): Promise<AgentPay> {
    await this.source.managedTeam(user, teamId);
    const data = await this.load(this.source.manager, teamId);
    const agent = data.agents.find((row) => row.id === agentId);
    if (!agent) throw new NotFoundException(`No agent with id ${agentId} in this team`);
    const on = date ?? todayIn(data.team.timeZone);
    const { position, contract } = this.position(data, agent, on);
    const band = position.band ? (data.bands.find((row) => row.id === position.band?.id) ?? null) : null;
    return {
      position: contract,
      band: band ? toBand(band, data.regionNames) : null,
      salaries: [...(data.salaries.get(agentId) ?? [])].reverse().map(toSalary),
    };
  }

  async setLevel(user: AuthenticatedUser, teamId: string, agentId: string, request: SetAgentLevelRequest): Promise<AgentPay> {
    await this.source.managedTeam(user, teamId);
    await this.transactions.run(async (manager) => {
      const agent = await this.teamAgent(manager, teamId, agentId);
      await manager.update(AgentEntity, { id: agentId }, { level: request.level, updatedAt: nowIso() });
      await this.audit.record(manager, { teamId, entityType: 'agent level', entityId: agentId, action: 'updated', actor: user, before: { level: agent.level ?? null }, after: { level: request.level } });
    });
    return this.agentPay(user, teamId, agentId);
  }

  /** Adds a salary from a date (history is insert-only: a correction is a new entry). */
  async addSalary(user: AuthenticatedUser, teamId: string, agentId: string, request: CreateSalaryRequest): Promise<SalaryContract> {
    await this.source.managedTeam(user, teamId);
    return this.transactions.run(async (manager) => {
      await this.teamAgent(manager, teamId, agentId);
      const row: SalaryEntity = {
        id: randomUUID(),
        agentId,
        teamId,
        amountMinor: request.amountMinor,
        currency: request.currency,
        period: request.period,
        effectiveFrom: request.effectiveFrom,
        comment: request.comment?.trim() || null,
        createdBy: user.displayName,
        createdAt: nowIso(),
      };
      await manager.insert(SalaryEntity, row);
      const salary = toSalary(row);
      await this.audit.record(manager, { teamId, entityType: 'salary', entityId: row.id, action: 'created', actor: user, after: salary, comment: row.comment });
      return salary;
    });
  }

  private async teamAgent(manager: EntityManager, teamId: string, agentId: string): Promise<AgentEntity> {
    const agent = await manager.findOneBy(AgentEntity, { id: agentId, teamId, archivedAt: IsNull() });
    if (!agent) throw new NotFoundException(`No agent with id ${agentId} in this team`);
    return agent;
  }

  /** Band, salary and level changes of the team, newest first. */
  async auditTrail(user: AuthenticatedUser, teamId: string): Promise<AuditEntry[]> {
    await this.source.managedTeam(user, teamId);
    // One query ordered by seq: entries written in the same millisecond keep their order.
    const rows = await this.source.manager.find(AuditEntryEntity, { where: { teamId, entityType: In(['band', 'salary', 'agent level', 'pay settings']) }, order: { seq: 'DESC' }, take: 200 });
    return rows.map(toAuditEntry);
  }

  // --- settings, rates, minimum wages ---------------------------------------------------------

  async settings(user: AuthenticatedUser, teamId: string): Promise<PaySettingsContract> {
    await this.source.managedTeam(user, teamId);
    return toPaySettings(teamId, await this.source.manager.findOneBy(PaySettingsEntity, { teamId }));
  }

  async updateSettings(user: AuthenticatedUser, teamId: string, request: UpdatePaySettingsRequest): Promise<PaySettingsContract> {
    await this.source.managedTeam(user, teamId);
    return this.transactions.run(async (manager) => {
      const before = toPaySettings(teamId, await manager.findOneBy(PaySettingsEntity, { teamId }));
      const next: PaySettingsContract = { ...before, ...definedOnly(request), teamId };
      await manager.save(PaySettingsEntity, {
        teamId,
        reportingCurrency: next.reportingCurrency,
        onCostBasisPoints: toBasisPoints(next.onCostPercent),
        nightPremiumBasisPoints: toBasisPoints(next.nightPremiumPercent),
        weekendPremiumBasisPoints: toBasisPoints(next.weekendPremiumPercent),
        holidayPremiumBasisPoints: toBasisPoints(next.holidayPremiumPercent),
        overtimePremiumBasisPoints: toBasisPoints(next.overtimePremiumPercent),
        fullTimeHoursPerWeek: next.fullTimeHoursPerWeek,
        publicHolidays: JSON.stringify(next.publicHolidays),
        updatedAt: nowIso(),
      });
      await this.audit.record(manager, { teamId, entityType: 'pay settings', entityId: teamId, action: 'updated', actor: user, before, after: next });
      return next;
    });
  }

  async listRates(): Promise<ExchangeRateContract[]> {
    const rows = await this.source.manager.find(ExchangeRateEntity, { order: { from: 'ASC', to: 'ASC', date: 'DESC' } });
    return rows.map(toExchangeRate);
  }

  async createRate(user: AuthenticatedUser, request: CreateExchangeRateRequest): Promise<ExchangeRateContract> {
    if (request.from === request.to) throw badField('to', 'must differ from from');
    return this.transactions.run(async (manager) => {
      if (await manager.existsBy(ExchangeRateEntity, { from: request.from, to: request.to, date: request.date })) {
        throw new ConflictException(apiError(409, `date: a ${request.from}→${request.to} rate for ${request.date} exists already; enter a rate for another date`, [{ field: 'date', message: 'date: a rate for this pair and date exists already' }]));
      }
      const row: ExchangeRateEntity = { id: randomUUID(), from: request.from, to: request.to, rate: request.rate, date: request.date, createdAt: nowIso() };
      await manager.insert(ExchangeRateEntity, row);
      await this.audit.record(manager, { teamId: null, entityType: 'exchange rate', entityId: row.id, action: 'created', actor: user, after: toExchangeRate(row) });
      return toExchangeRate(row);
    });
  }

  async listMinimumWages(): Promise<MinimumWageContract[]> {
    const rows = await this.source.manager.find(MinimumWageEntity, { order: { countryCode: 'ASC', effectiveFrom: 'DESC' } });
    return rows.map(toMinimumWage);
  }

  async createMinimumWage(user: AuthenticatedUser, request: CreateMinimumWageRequest): Promise<MinimumWageContract> {
    return this.transactions.run(async (manager) => {
      const regionId = request.regionId ?? null;
      if (regionId !== null) {
        const region = await manager.findOneBy(RegionEntity, { id: regionId });
        if (!region) throw badField('regionId', `no region with id ${regionId}; use null for the whole country`);
        if (region.countryCode !== request.countryCode) throw badField('regionId', `region ${region.name} is in ${region.countryCode}, not ${request.countryCode}`);
      }
      const row: MinimumWageEntity = { id: randomUUID(), ...request, regionId, createdAt: nowIso() };
      await manager.insert(MinimumWageEntity, row);
      await this.audit.record(manager, { teamId: null, entityType: 'minimum wage', entityId: row.id, action: 'created', actor: user, after: toMinimumWage(row) });
      return toMinimumWage(row);
    });
  }

  // --- costs -------------------------------------------------------------------------------

  /**
   * Full-time hourly rate of each agent with a salary on `date`, in the team's reporting currency
   * (minor units per hour). For the roster generator, which only compares them (cheaper of equal
   * rosters): it never leaves the server. Agents without a salary or an exchange rate are left out.
   */
  async hourlyRates(teamId: string, date: string): Promise<Record<string, number>> {
    const data = await this.load(this.source.manager, teamId);
    const settings = toDomainSettings(data.settings);
    const rates: Record<string, number> = {};
    for (const agent of data.agents) {
      const salary = findSalary((data.salaries.get(agent.id) ?? []).map(toDomainSalary), date);
      if (!salary) continue;
      const rate = computeHourlyRate({ salary, settings, rates: data.rates.map(toDomainRate), date });
      if (rate.ok) rates[agent.id] = toRatio(rate.value.rate);
    }
    return rates;
  }

  /**
   * Public holidays (local dates) from the team's pay settings in [from, to] that apply to the
   * team: those for every country, and those of a country an agent of the team works in. For the
   * roster generator's fairness (who works holidays); no amount is involved.
   */
  async holidayDates(teamId: string, from: string, to: string): Promise<string[]> {
    const manager = this.source.manager;
    const settings = toPaySettings(teamId, await manager.findOneBy(PaySettingsEntity, { teamId }));
    if (settings.publicHolidays.length === 0) return [];
    const agents = await manager.find(AgentEntity, { select: { regionId: true }, where: { teamId, archivedAt: IsNull() } });
    const regionIds = [...new Set(agents.map((agent) => agent.regionId).filter((id): id is string => id !== null))];
    const regions = regionIds.length === 0 ? [] : await manager.find(RegionEntity, { where: { id: In(regionIds) } });
    const countries = new Set(regions.map((region) => region.countryCode));
    const dates = settings.publicHolidays.filter((h) => h.date >= from && h.date <= to && (h.countryCode === null || countries.has(h.countryCode))).map((h) => h.date);
    return [...new Set(dates)].sort();
  }

  private costAgents(data: PayData, agents: AgentEntity[]): CostAgent[] {
    return agents.map((agent) => ({
      id: agent.id,
      displayName: agent.displayName,
      timeZone: agent.timeZone,
      countryCode: agent.regionId ? (data.regions.get(agent.regionId)?.countryCode ?? null) : null,
      contractHoursPerWeek: agent.contractHoursPerWeek,
      salaries: (data.salaries.get(agent.id) ?? []).map(toDomainSalary),
    }));
  }

  /**
   * What the final schedule (published and draft shifts) costs over local dates [from, to] in
   * the team's zone; salaries and rates of `from` price it, in the team's reporting currency.
   */
  async costReport(user: AuthenticatedUser, teamId: string, query: { from: string; to: string }): Promise<CostReport> {
    await this.source.managedTeam(user, teamId);
    if (query.to < query.from) throw badField('to', 'must be on or after from');
    if ((Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1 > MAX_COST_DAYS) throw badField('to', `the period may span at most ${MAX_COST_DAYS} days`);
    const manager = this.source.manager;
    const data = await this.load(manager, teamId);
    const zone = data.team.timeZone;
    const from = getStartOfLocalDay(query.from, zone);
    const to = getStartOfLocalDay(addCalendarDays(query.to, 1), zone);
    const shifts = await this.source.resolve(manager, { teamId, from, to });
    const working = new Set(shifts.map((shift) => shift.agentId));
    // Active agents are paid their contract; inactive ones only count when they still have shifts.
    const agents = data.agents.filter((agent) => agent.active || working.has(agent.id));
    const priced = new Set(agents.map((agent) => agent.id));
    const rules = await this.source.loadRules(manager, teamId);
    const demand = flattenDemand(rules.flatMap((rule) => expandCoverageRule({ rule, from, to })));
    const targetMs = demand.filter((span) => span.minAgents > 0).reduce((sum, span) => sum + (span.end - span.start), 0);
    const cost = computeRosterCost({
      from,
      to,
      rateDate: query.from,
      agents: this.costAgents(data, agents),
      shifts: shifts.filter((shift) => priced.has(shift.agentId)),
      settings: toDomainSettings(data.settings),
      rates: data.rates.map(toDomainRate),
      targetMs,
    });
    return {
      teamId,
      from: query.from,
      to: query.to,
      currency: cost.currency,
      totalMinor: cost.totalMinor,
      coveredHours: cost.coveredHours,
      targetHours: cost.targetHours,
      costPerCoveredHourMinor: cost.costPerCoveredHourMinor,
      costPerTargetHourMinor: cost.costPerTargetHourMinor,
      contractHours: cost.contractHours,
      workedHours: cost.workedHours,
      overtimeHours: cost.overtimeHours,
      agents: cost.agents,
      ratesUsed: usedRates(cost.ratesUsed),
      rateDate: cost.rateDate,
      settings: data.settings,
    };
  }

  /** 12 h … 24/7 side by side: an estimate from the staffing maths (see estimateCoverageCosts). */
  async whatIf(user: AuthenticatedUser, teamId: string, query: WhatIfQuery): Promise<WhatIfReport> {
    await this.source.managedTeam(user, teamId);
    const manager = this.source.manager;
    const data = await this.load(manager, teamId);
    const zone = data.team.timeZone;
    const weekStart = query.weekStart ?? getStartOfIsoWeek(todayIn(zone));
    const minAgents = query.minAgents ?? 1;
    const staffing = await this.source.loadSettings(manager, teamId);
    const result = estimateCoverageCosts({
      timeZone: zone,
      weekStart,
      minAgents,
      shrinkage: staffing.shrinkage,
      contractHoursPerWeek: staffing.contractHoursPerWeek,
      agents: this.costAgents(data, data.agents.filter((agent) => agent.active)),
      settings: toDomainSettings(data.settings),
      rates: data.rates.map(toDomainRate),
      rateDate: weekStart,
    });
    if (!result.ok) throw badField(result.field ?? 'weekStart', result.message);
    return { teamId, ...result.value, minAgents, ratesUsed: usedRates(result.value.ratesUsed) };
  }
}

const LEVELS = ['junior', 'middle', 'senior', 'lead'];
const levelOrder = (level: string) => LEVELS.indexOf(level);

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
