import type {
  AgentBandPosition,
  Band as BandContract,
  ExchangeRate as ExchangeRateContract,
  MinimumWage as MinimumWageContract,
  PaySettings as PaySettingsContract,
  PublicHoliday,
  Salary as SalaryContract,
} from '@shiftdesk/shared-api-contract';
import { DEFAULT_PAY_SETTINGS, type Band, type BandPosition, type ExchangeRate, type MinimumWage, type PaySettings, type Salary } from '@shiftdesk/scheduling';
import type { AgentEntity } from '../agents/agent.entity';
import type { BandEntity } from './band.entity';
import type { ExchangeRateEntity } from './exchange-rate.entity';
import type { MinimumWageEntity } from './minimum-wage.entity';
import type { PaySettingsEntity } from './pay-settings.entity';
import type { SalaryEntity } from './salary.entity';

export function toBand(row: BandEntity, regionNames: ReadonlyMap<string, string>): BandContract {
  return {
    id: row.id,
    teamId: row.teamId,
    level: row.level,
    regionId: row.regionId,
    regionName: row.regionId === null ? null : (regionNames.get(row.regionId) ?? null),
    workMode: row.workMode,
    currency: row.currency,
    period: row.period,
    minMinor: row.minMinor,
    midMinor: row.midMinor,
    maxMinor: row.maxMinor,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    previousVersionId: row.previousVersionId,
    createdAt: row.createdAt,
  };
}

export const toDomainBand = (row: BandEntity): Band => ({
  id: row.id,
  level: row.level,
  regionId: row.regionId,
  workMode: row.workMode,
  currency: row.currency,
  period: row.period,
  minMinor: row.minMinor,
  midMinor: row.midMinor,
  maxMinor: row.maxMinor,
  effectiveFrom: row.effectiveFrom,
  effectiveTo: row.effectiveTo,
});

export const toSalary = (row: SalaryEntity): SalaryContract => ({
  id: row.id,
  agentId: row.agentId,
  amountMinor: row.amountMinor,
  currency: row.currency,
  period: row.period,
  effectiveFrom: row.effectiveFrom,
  comment: row.comment,
  createdAt: row.createdAt,
  createdBy: row.createdBy,
});

export const toDomainSalary = (row: SalaryEntity): Salary & { id: string } => ({ id: row.id, amountMinor: row.amountMinor, currency: row.currency, period: row.period, effectiveFrom: row.effectiveFrom });

export const toExchangeRate = (row: ExchangeRateEntity): ExchangeRateContract => ({ id: row.id, from: row.from, to: row.to, rate: row.rate, date: row.date, createdAt: row.createdAt });
export const toDomainRate = (row: ExchangeRateEntity): ExchangeRate => ({ from: row.from, to: row.to, rate: row.rate, date: row.date });

export const toMinimumWage = (row: MinimumWageEntity): MinimumWageContract => ({
  id: row.id,
  countryCode: row.countryCode,
  regionId: row.regionId,
  currency: row.currency,
  period: row.period,
  amountMinor: row.amountMinor,
  effectiveFrom: row.effectiveFrom,
  source: row.source,
  createdAt: row.createdAt,
});
export const toDomainMinimumWage = (row: MinimumWageEntity): MinimumWage => ({
  countryCode: row.countryCode,
  regionId: row.regionId,
  currency: row.currency,
  period: row.period,
  amountMinor: row.amountMinor,
  effectiveFrom: row.effectiveFrom,
});

const percent = (basisPoints: number) => basisPoints / 100;

export function toPaySettings(teamId: string, row: PaySettingsEntity | null): PaySettingsContract {
  if (!row) {
    const d = DEFAULT_PAY_SETTINGS;
    return {
      teamId,
      reportingCurrency: d.reportingCurrency,
      onCostPercent: percent(d.onCostBasisPoints),
      nightPremiumPercent: percent(d.nightPremiumBasisPoints),
      weekendPremiumPercent: percent(d.weekendPremiumBasisPoints),
      holidayPremiumPercent: percent(d.holidayPremiumBasisPoints),
      overtimePremiumPercent: percent(d.overtimePremiumBasisPoints),
      fullTimeHoursPerWeek: d.fullTimeHoursPerWeek,
      publicHolidays: [],
    };
  }
  return {
    teamId,
    reportingCurrency: row.reportingCurrency,
    onCostPercent: percent(row.onCostBasisPoints),
    nightPremiumPercent: percent(row.nightPremiumBasisPoints),
    weekendPremiumPercent: percent(row.weekendPremiumBasisPoints),
    holidayPremiumPercent: percent(row.holidayPremiumBasisPoints),
    overtimePremiumPercent: percent(row.overtimePremiumBasisPoints),
    fullTimeHoursPerWeek: row.fullTimeHoursPerWeek,
    publicHolidays: JSON.parse(row.publicHolidays) as PublicHoliday[],
  };
}

/** Percent with at most 2 decimals → whole basis points. */
export const toBasisPoints = (value: number): number => Math.round(value * 100);

export function toDomainSettings(settings: PaySettingsContract): PaySettings {
  return {
    reportingCurrency: settings.reportingCurrency,
    onCostBasisPoints: toBasisPoints(settings.onCostPercent),
    nightPremiumBasisPoints: toBasisPoints(settings.nightPremiumPercent),
    weekendPremiumBasisPoints: toBasisPoints(settings.weekendPremiumPercent),
    holidayPremiumBasisPoints: toBasisPoints(settings.holidayPremiumPercent),
    overtimePremiumBasisPoints: toBasisPoints(settings.overtimePremiumPercent),
    fullTimeHoursPerWeek: settings.fullTimeHoursPerWeek,
    publicHolidays: settings.publicHolidays,
  };
}

export function toAgentPosition(agent: AgentEntity, regionNames: ReadonlyMap<string, string>, position: BandPosition, salary: SalaryEntity | null): AgentBandPosition {
  return {
    agentId: agent.id,
    displayName: agent.displayName,
    level: agent.level ?? null,
    regionId: agent.regionId,
    regionName: agent.regionId === null ? null : (regionNames.get(agent.regionId) ?? null),
    workMode: agent.workMode,
    contractHoursPerWeek: agent.contractHoursPerWeek,
    bandId: position.band?.id ?? null,
    salary: salary ? toSalary(salary) : null,
    salaryInBandMinor: position.salaryInBandMinor,
    compaRatio: position.compaRatio,
    rangePenetration: position.rangePenetration,
    minimumWageMinor: position.minimumWage?.amountMinor ?? null,
    minimumWageCurrency: position.minimumWage?.currency ?? null,
    flags: [...position.flags],
  };
}
