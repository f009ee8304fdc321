import type { WorkMode } from './vocabulary';

/*
 * Pay: bands, salaries, exchange rates, minimum wages and what a roster costs. CONFIDENTIAL:
 * every endpoint here answers managers of the team only (agents get 403), and no other
 * response, feed, export or log line carries an amount.
 *
 * Money is always an integer of minor units (kopecks, cents) plus an ISO 4217 code: fields
 * ending in `Minor`. Rounding is half-even at the minor unit.
 */

export const PAY_LEVELS = ['junior', 'middle', 'senior', 'lead'] as const;
export type PayLevel = (typeof PAY_LEVELS)[number];

export const PAY_PERIODS = ['month', 'year'] as const;
export type PayPeriod = (typeof PAY_PERIODS)[number];

export const PAY_FLAGS = ['below band', 'above band', 'no band', 'no salary', 'below minimum wage', 'no exchange rate'] as const;
export type PayFlag = (typeof PAY_FLAGS)[number];

/** One version of a salary band (full-time amounts per period). */
export interface Band {
  id: string;
  teamId: string;
  level: PayLevel;
  /** null = any region. */
  regionId: string | null;
  regionName: string | null;
  workMode: WorkMode;
  currency: string;
  period: PayPeriod;
  minMinor: number;
  midMinor: number;
  maxMinor: number;
  /** Local date, inclusive. */
  effectiveFrom: string;
  /** Local date, exclusive; null = open-ended. */
  effectiveTo: string | null;
  previousVersionId: string | null;
  createdAt: string;
}

export interface CreateBandRequest {
  level: PayLevel;
  regionId: string | null;
  workMode: WorkMode;
  currency: string;
  period: PayPeriod;
  minMinor: number;
  midMinor: number;
  maxMinor: number;
  /** Default today in the team's zone; not before today. */
  effectiveFrom?: string;
}

/** A change from `effectiveFrom` (default today, never in the past): a started band gets a new version. */
export interface UpdateBandRequest {
  minMinor?: number;
  midMinor?: number;
  maxMinor?: number;
  effectiveFrom?: string;
}

export interface UpdateBandResponse {
  outcome: 'edited' | 'versioned';
  band: Band;
  previous: Band | null;
}

/** A band's minimum under the minimum wage of a place it applies to. */
export interface BandMinimumWageFlag {
  countryCode: string;
  regionId: string | null;
  regionName: string | null;
  minimumWageMinor: number;
  currency: string;
  period: PayPeriod;
}

export interface AgentBandPosition {
  agentId: string;
  displayName: string;
  level: PayLevel | null;
  regionId: string | null;
  regionName: string | null;
  workMode: WorkMode;
  contractHoursPerWeek: number;
  bandId: string | null;
  salary: Salary | null;
  /** The salary restated in the band's currency and period (half-even). */
  salaryInBandMinor: number | null;
  compaRatio: number | null;
  rangePenetration: number | null;
  minimumWageMinor: number | null;
  minimumWageCurrency: string | null;
  flags: PayFlag[];
}

export interface BandReportRow {
  band: Band;
  agents: AgentBandPosition[];
  /** Places where the band's minimum is under the minimum wage. */
  belowMinimumWage: BandMinimumWageFlag[];
}

/** `GET /api/teams/:teamId/pay/bands?date=`: bands in force on `date` with their agents, and every agent's flags. */
export interface BandReport {
  teamId: string;
  date: string;
  bands: BandReportRow[];
  agents: AgentBandPosition[];
  ratesUsed: UsedExchangeRate[];
}

export interface Salary {
  id: string;
  agentId: string;
  /** Full-time equivalent amount per period. */
  amountMinor: number;
  currency: string;
  period: PayPeriod;
  effectiveFrom: string;
  comment: string | null;
  createdAt: string;
  createdBy: string;
}

export interface CreateSalaryRequest {
  amountMinor: number;
  currency: string;
  period: PayPeriod;
  effectiveFrom: string;
  /** Absent or null: no comment. */
  comment?: string | null;
}

export interface SetAgentLevelRequest {
  level: PayLevel | null;
}

/** An agent's pay tab. */
export interface AgentPay {
  position: AgentBandPosition;
  band: Band | null;
  salaries: Salary[];
}

export interface ExchangeRate {
  id: string;
  from: string;
  to: string;
  /** Decimal text: 1 `from` = `rate` `to`. */
  rate: string;
  date: string;
  createdAt: string;
}

export interface UsedExchangeRate {
  from: string;
  to: string;
  rate: string;
  date: string;
  /** Derived as 1 ÷ the stored opposite pair. */
  inverted: boolean;
}

export interface CreateExchangeRateRequest {
  from: string;
  to: string;
  rate: string;
  date: string;
}

export interface MinimumWage {
  id: string;
  countryCode: string;
  regionId: string | null;
  currency: string;
  period: PayPeriod;
  amountMinor: number;
  effectiveFrom: string;
  /** Where the figure comes from. */
  source: string;
  createdAt: string;
}

export interface CreateMinimumWageRequest {
  countryCode: string;
  regionId?: string | null;
  currency: string;
  period: PayPeriod;
  amountMinor: number;
  effectiveFrom: string;
  source: string;
}

export interface PublicHoliday {
  date: string;
  /** null = every country. */
  countryCode: string | null;
  name: string;
}

/** Team pay settings. Percentages with at most 2 decimals. */
export interface PaySettings {
  teamId: string;
  reportingCurrency: string;
  onCostPercent: number;
  nightPremiumPercent: number;
  weekendPremiumPercent: number;
  holidayPremiumPercent: number;
  overtimePremiumPercent: number;
  fullTimeHoursPerWeek: number;
  publicHolidays: PublicHoliday[];
}

export type UpdatePaySettingsRequest = Partial<Omit<PaySettings, 'teamId'>>;

export interface AgentCost {
  agentId: string;
  displayName: string;
  missing: 'no salary' | 'no exchange rate' | null;
  hourlyRateMinor: number | null;
  hourlyCostMinor: number | null;
  contractHours: number;
  workedHours: number;
  overtimeHours: number;
  nightHours: number;
  weekendHours: number;
  holidayHours: number;
  baseMinor: number;
  premiumsMinor: number;
  overtimeMinor: number;
  onCostMinor: number;
  totalMinor: number;
}

export interface CostReportQuery {
  /** Local dates in the team's zone, both inclusive (at most 366 days). */
  from: string;
  to: string;
}

/** `GET /api/teams/:teamId/pay/cost?from&to`: what the final schedule costs. */
export interface CostReport {
  teamId: string;
  from: string;
  to: string;
  currency: string;
  totalMinor: number;
  coveredHours: number;
  targetHours: number;
  costPerCoveredHourMinor: number | null;
  costPerTargetHourMinor: number | null;
  contractHours: number;
  workedHours: number;
  overtimeHours: number;
  agents: AgentCost[];
  ratesUsed: UsedExchangeRate[];
  /** Local date whose salaries and rates priced the report (the first day). */
  rateDate: string;
  settings: PaySettings;
}

export interface WhatIfQuery {
  /** Local date (a Monday is usual) in the team's zone; default this week's Monday. */
  weekStart?: string;
  /** Seats per preset (default 1). */
  minAgents?: number;
}

export interface CoverageCostOption {
  preset: string;
  label: string;
  seatHoursPerWeek: number;
  headCount: number;
  agentsNeeded: number;
  currentAgents: number;
  agentsToHire: number;
  nightHoursPerWeek: number;
  weekendHoursPerWeek: number;
  costPerWeekMinor: number;
  costPerMonthMinor: number;
}

/** What-if for 12 h … 24/7: an ESTIMATE from the staffing maths, not a generated roster. */
export interface WhatIfReport {
  teamId: string;
  estimate: true;
  method: string;
  weekStart: string;
  minAgents: number;
  currency: string;
  averageHourlyRateMinor: number | null;
  options: CoverageCostOption[];
  ratesUsed: UsedExchangeRate[];
}
