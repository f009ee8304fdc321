import { formatLocalDateTime, getLocalDate, type Shift } from '@shiftdesk/scheduling';
import { csvLine } from '../../common/csv';

const HOUR_MS = 3_600_000;

/**
 * The roster of a window as CSV, one shift per row, for payroll and spreadsheets: each time on
 * the team's clock (the header names the zone), on the agent's own clock, and in UTC, so nobody
 * has to convert. Paid hours are the span minus unpaid breaks, two decimals.
 */
export function scheduleCsv(input: {
  teamZone: string;
  shifts: readonly Shift[];
  agents: ReadonlyMap<string, { displayName: string; timeZone: string }>;
}): string {
  const { teamZone } = input;
  const rows = [
    csvLine([
      `date (${teamZone})`,
      'agent',
      'agent time zone',
      `start (${teamZone})`,
      `end (${teamZone})`,
      'start (agent zone)',
      'end (agent zone)',
      'start (UTC)',
      'end (UTC)',
      'paid hours',
      'break minutes',
      'status',
      'source',
      'label',
      'channel',
    ]),
    ...input.shifts.map((shift) => {
      const agent = input.agents.get(shift.agentId);
      // An archived agent's old shift still prints: its zone falls back to the shift's own.
      const agentZone = agent?.timeZone ?? shift.timeZone;
      const breakMs = shift.breaks.reduce((sum, b) => sum + (b.end - b.start), 0);
      return csvLine([
        getLocalDate(shift.start, teamZone),
        agent?.displayName ?? shift.agentId,
        agentZone,
        formatLocalDateTime(shift.start, teamZone),
        formatLocalDateTime(shift.end, teamZone),
        formatLocalDateTime(shift.start, agentZone),
        formatLocalDateTime(shift.end, agentZone),
        new Date(shift.start).toISOString(),
        new Date(shift.end).toISOString(),
        ((shift.end - shift.start - breakMs) / HOUR_MS).toFixed(2),
        Math.round(breakMs / 60_000),
        shift.status,
        shift.source,
        shift.label,
        shift.channel,
      ]);
    }),
  ];
  return rows.map((row) => `${row}\r\n`).join('');
}
