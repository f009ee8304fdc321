import type { BandReport, CostReport } from '@shiftdesk/shared-api-contract';
import { getMinorDigits } from '@shiftdesk/scheduling';
import { csvLine } from '../../common/csv';

/** Minor units as a plain decimal in major units (`2709300` RUB → `27093.00`), exact. */
export function major(amountMinor: number | null, currency: string): string | null {
  if (amountMinor === null) return null;
  const digits = getMinorDigits(currency);
  const negative = amountMinor < 0;
  const abs = BigInt(Math.abs(amountMinor));
  const factor = 10n ** BigInt(digits);
  const text = digits === 0 ? abs.toString() : `${abs / factor}.${(abs % factor).toString().padStart(digits, '0')}`;
  return negative ? `-${text}` : text;
}

/** One row per agent with their band and flags (CRLF line ends, as RFC 4180 writes them). */
export function bandReportCsv(report: BandReport): string {
  const bands = new Map(report.bands.map((row) => [row.band.id, row]));
  const rows = [
    csvLine(['date', 'agent', 'level', 'region', 'work mode', 'band region', 'band currency', 'band period', 'band min', 'band mid', 'band max', 'salary in band', 'compa-ratio', 'range penetration', 'flags', 'band below minimum wage']),
    ...report.agents.map((agent) => {
      const row = agent.bandId ? bands.get(agent.bandId) : undefined;
      const band = row?.band;
      const currency = band?.currency ?? '';
      return csvLine([
        report.date,
        agent.displayName,
        agent.level,
        agent.regionName,
        agent.workMode,
        band ? (band.regionName ?? 'any') : null,
        band?.currency ?? null,
        band?.period ?? null,
        band ? major(band.minMinor, currency) : null,
        band ? major(band.midMinor, currency) : null,
        band ? major(band.maxMinor, currency) : null,
        band ? major(agent.salaryInBandMinor, currency) : null,
        agent.compaRatio,
        agent.rangePenetration,
        agent.flags.join('; '),
        row && row.belowMinimumWage.length > 0 ? row.belowMinimumWage.map((flag) => flag.regionName ?? flag.countryCode).join('; ') : null,
      ]);
    }),
  ];
  return `${rows.join('\r\n')}\r\n`;
}

export function costReportCsv(report: CostReport): string {
  const c = report.currency;
  const rows = [
    csvLine(['from', 'to', 'currency', 'agent', 'contract hours', 'worked hours', 'overtime hours', 'night hours', 'weekend hours', 'holiday hours', 'hourly rate', 'hourly cost', 'base', 'premiums', 'overtime', 'on-cost', 'total', 'missing']),
    ...report.agents.map((a) =>
      csvLine([report.from, report.to, c, a.displayName, a.contractHours, a.workedHours, a.overtimeHours, a.nightHours, a.weekendHours, a.holidayHours, major(a.hourlyRateMinor, c), major(a.hourlyCostMinor, c), major(a.baseMinor, c), major(a.premiumsMinor, c), major(a.overtimeMinor, c), major(a.onCostMinor, c), major(a.totalMinor, c), a.missing]),
    ),
    csvLine([report.from, report.to, c, 'TOTAL', report.contractHours, report.workedHours, report.overtimeHours, null, null, null, null, null, null, null, null, null, major(report.totalMinor, c), null]),
    csvLine([report.from, report.to, c, 'per covered hour', null, report.coveredHours, null, null, null, null, null, null, null, null, null, null, major(report.costPerCoveredHourMinor, c), null]),
    csvLine([report.from, report.to, c, 'per target hour', null, report.targetHours, null, null, null, null, null, null, null, null, null, null, major(report.costPerTargetHourMinor, c), null]),
    ...report.ratesUsed.map((rate) => csvLine([report.from, report.to, c, `rate ${rate.from}→${rate.to} of ${rate.date}${rate.inverted ? ' (inverted)' : ''}`, null, null, null, null, null, null, rate.rate, null, null, null, null, null, null, null])),
  ];
  return `${rows.join('\r\n')}\r\n`;
}
