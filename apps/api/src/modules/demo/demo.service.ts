import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { createCoverageRuleFromPreset, getLocalDate, getStartOfIsoWeek } from '@shiftdesk/scheduling';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, generatePassword } from '../../config/app-config';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { AgentChannelEntity } from '../agents/agent-channel.entity';
import { AgentLanguageEntity } from '../agents/agent-language.entity';
import { AgentEntity } from '../agents/agent.entity';
import { serializeAvailability } from '../agents/agent.mapper';
import { hashPassword } from '../auth/password-hasher';
import { UserEntity } from '../auth/user.entity';
import { RegionEntity } from '../regions/region.entity';
import { ManagerTeamEntity } from '../teams/manager-team.entity';
import { TeamEntity } from '../teams/team.entity';
import { toCoverageRuleEntity } from '../coverage/coverage-rule.mapper';
import { CoverageRuleEntity } from '../coverage/coverage-rule.entity';
import { ShiftEntity } from '../shifts/shift.entity';
import { demoAvailability, DEMO_AGENT_PASSWORD, DEMO_AGENTS, DEMO_COVERAGE, DEMO_MANAGER, DEMO_REGIONS, DEMO_ROSTER_WEEKS, DEMO_TEAM } from './demo-desk';
import { demoShifts } from './demo-roster';
import { BandEntity } from '../pay/band.entity';
import { ExchangeRateEntity } from '../pay/exchange-rate.entity';
import { MinimumWageEntity } from '../pay/minimum-wage.entity';
import { PaySettingsEntity } from '../pay/pay-settings.entity';
import { SalaryEntity } from '../pay/salary.entity';
import { DEMO_BANDS, DEMO_EXCHANGE_RATES, DEMO_MINIMUM_WAGES, DEMO_PAY, DEMO_PUBLIC_HOLIDAYS } from './demo-pay';

/** Major → minor units for the demo's currencies (RUB, EUR, AZN: two decimals). */
const minor = (major: number): number => Math.round(major * 100);

/**
 * First start: when the database has no users yet, create the admin (a manager) and, unless
 * SHIFTDESK_DEMO=false, the demo desk, all in one transaction, so a crash half-way leaves an
 * empty database and the next start simply tries again. Later starts change nothing.
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstStart');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.dataSource.getRepository(UserEntity).count()) > 0) return;

    const generated = this.config.admin.password === null;
    const adminPassword = this.config.admin.password ?? generatePassword();
    // Hash before the transaction (scrypt is slow on purpose); all in parallel on libuv's pool.
    const [adminHash, managerHash, ...agentHashes] = await Promise.all([
      hashPassword(adminPassword),
      ...(this.config.demo ? [hashPassword(DEMO_MANAGER.password), ...DEMO_AGENTS.map(() => hashPassword(DEMO_AGENT_PASSWORD))] : []),
    ]);

    const created = await this.transactions.run(async (manager) => {
      // Another instance sharing the database may have won the race.
      if ((await manager.count(UserEntity)) > 0) return false;
      const now = nowIso();
      const adminId = randomUUID();
      await manager.insert(UserEntity, {
        id: adminId,
        email: this.config.admin.email,
        passwordHash: adminHash,
        role: 'manager',
        agentId: null,
        displayName: 'Administrator',
        createdAt: now,
        updatedAt: now,
      });
      if (this.config.demo) await this.loadDemo(manager, now, adminId, managerHash, agentHashes);
      return true;
    });
    if (!created) return;

    if (generated) {
      // Printed once, to stdout only: it is never stored in clear.
      process.stdout.write(
        `\nFirst start: created the manager account\n  email:    ${this.config.admin.email}\n  password: ${adminPassword}\n` +
          'Keep it now; it will not be shown again (set SHIFTDESK_ADMIN_PASSWORD to choose it).\n\n',
      );
    }
    this.logger.log(this.config.demo ? `Loaded the demo desk: ${DEMO_AGENTS.length} agents in "${DEMO_TEAM.name}"` : 'Started empty (SHIFTDESK_DEMO=false)');
  }

  private async loadDemo(manager: EntityManager, now: string, adminId: string, managerHash: string, agentHashes: string[]): Promise<void> {
    const regionIds = new Map<string, string>();
    for (const region of DEMO_REGIONS) {
      const id = randomUUID();
      regionIds.set(region.name, id);
      await manager.insert(RegionEntity, { id, ...region, createdAt: now, updatedAt: now });
    }
    const teamId = randomUUID();
    await manager.insert(TeamEntity, { id: teamId, ...DEMO_TEAM, createdAt: now, updatedAt: now });

    const managerId = randomUUID();
    await manager.insert(UserEntity, {
      id: managerId,
      email: DEMO_MANAGER.email,
      passwordHash: managerHash,
      role: 'manager',
      agentId: null,
      displayName: DEMO_MANAGER.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(ManagerTeamEntity, [
      { userId: adminId, teamId, createdAt: now },
      { userId: managerId, teamId, createdAt: now },
    ]);

    const agentIds = new Map<string, string>();
    for (const [index, demo] of DEMO_AGENTS.entries()) {
      const agentId = randomUUID();
      agentIds.set(demo.displayName, agentId);
      await manager.insert(AgentEntity, {
        id: agentId,
        teamId,
        displayName: demo.displayName,
        email: demo.email,
        timeZone: demo.timeZone,
        regionId: regionIds.get(demo.region) ?? null,
        workMode: demo.workMode,
        contractHoursPerWeek: demo.contractHoursPerWeek,
        active: true,
        availability: serializeAvailability(demoAvailability(demo)),
        level: DEMO_PAY[demo.displayName]?.level ?? null,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(AgentLanguageEntity, demo.languages.map(({ code, level }) => ({ agentId, code, level })));
      await manager.insert(AgentChannelEntity, demo.channels.map((channel) => ({ agentId, channel })));
      await manager.insert(UserEntity, {
        id: randomUUID(),
        email: demo.email,
        passwordHash: agentHashes[index],
        role: 'agent',
        agentId,
        displayName: demo.displayName,
        createdAt: now,
        updatedAt: now,
      });
      const pay = DEMO_PAY[demo.displayName];
      if (pay) {
        await manager.insert(SalaryEntity, {
          id: randomUUID(),
          agentId,
          teamId,
          amountMinor: minor(pay.salary),
          currency: pay.currency,
          period: 'month',
          effectiveFrom: pay.effectiveFrom,
          comment: 'Demo desk',
          createdBy: DEMO_MANAGER.displayName,
          createdAt: now,
        });
      }
    }
    await this.loadDemoPay(manager, now, teamId, regionIds);
    await this.loadDemoRoster(manager, now, teamId, agentIds);
  }

  /**
   * The desk's 16 h target and a published roster that meets it from this week's Monday (team
   * zone) for DEMO_ROSTER_WEEKS weeks, so the first tour starts from a desk in use: Home checks
   * a real target, agents sign in to shifts of their own, the cost screen has hours to price.
   */
  private async loadDemoRoster(manager: EntityManager, now: string, teamId: string, agentIds: Map<string, string>): Promise<void> {
    const rule = createCoverageRuleFromPreset({ ...DEMO_COVERAGE, timeZone: DEMO_TEAM.timeZone, id: randomUUID(), teamId });
    await manager.insert(CoverageRuleEntity, toCoverageRuleEntity(rule, now, now));
    const firstMonday = getStartOfIsoWeek(getLocalDate(Date.parse(now), DEMO_TEAM.timeZone));
    const shifts = demoShifts({ firstMonday, weeks: DEMO_ROSTER_WEEKS, zone: DEMO_TEAM.timeZone }).map(
      (shift): ShiftEntity => ({
        id: randomUUID(),
        teamId,
        agentId: agentIds.get(shift.agent) as string,
        startAt: new Date(shift.start).toISOString(),
        endAt: new Date(shift.end).toISOString(),
        timeZone: DEMO_TEAM.timeZone,
        channel: null,
        label: null,
        breaks: '[]',
        status: 'published',
        source: 'manual',
        locked: false,
        createdAt: now,
        updatedAt: now,
      }),
    );
    // In slices: SQLite caps the bound parameters of one statement.
    for (let i = 0; i < shifts.length; i += 50) await manager.insert(ShiftEntity, shifts.slice(i, i + 50));
  }

  /** Bands, minimum wages, exchange rates and pay settings of the demo desk (see demo-pay.ts). */
  private async loadDemoPay(manager: EntityManager, now: string, teamId: string, regionIds: Map<string, string>): Promise<void> {
    const regionId = (name: string | null) => (name === null ? null : (regionIds.get(name) ?? null));
    for (const band of DEMO_BANDS) {
      await manager.insert(BandEntity, {
        id: randomUUID(),
        teamId,
        level: band.level,
        regionId: regionId(band.region),
        workMode: band.workMode,
        currency: band.currency,
        period: band.period,
        minMinor: minor(band.min),
        midMinor: minor(band.mid),
        maxMinor: minor(band.max),
        effectiveFrom: band.effectiveFrom,
        effectiveTo: null,
        previousVersionId: null,
        createdAt: now,
      });
    }
    for (const row of DEMO_MINIMUM_WAGES) {
      await manager.insert(MinimumWageEntity, {
        id: randomUUID(),
        countryCode: row.countryCode,
        regionId: regionId(row.region),
        currency: row.currency,
        period: 'month',
        amountMinor: minor(row.amount),
        effectiveFrom: row.effectiveFrom,
        source: row.source,
        createdAt: now,
      });
    }
    for (const rate of DEMO_EXCHANGE_RATES) await manager.insert(ExchangeRateEntity, { id: randomUUID(), ...rate, createdAt: now });
    await manager.insert(PaySettingsEntity, {
      teamId,
      reportingCurrency: 'RUB',
      onCostBasisPoints: 3020,
      nightPremiumBasisPoints: 2000,
      weekendPremiumBasisPoints: 10000,
      holidayPremiumBasisPoints: 10000,
      overtimePremiumBasisPoints: 5000,
      fullTimeHoursPerWeek: 40,
      publicHolidays: JSON.stringify(DEMO_PUBLIC_HOLIDAYS),
      updatedAt: now,
    });
  }
}
