import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { MyShiftsQuery, MyShiftsResponse, PeriodHours } from '@shiftdesk/shared-api-contract';
import { addCalendarDays, getLocalDate, getStartOfIsoWeek, getStartOfLocalDay, workedPieces, type Instant, type Shift } from '@shiftdesk/scheduling';
import { AgentEntity } from '../agents/agent.entity';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DAY_MS, HOUR_MS, toIso } from '../schedule/instants';
import { ScheduleSource } from '../schedule/schedule-source.service';
import { resolveWindow } from '../schedule/time-window';
import { toScheduledShift } from '../shifts/shift.mapper';

/** Default window of "my shifts": two weeks back (recent history) to eight weeks ahead. */
const DEFAULT_BACK_DAYS = 14;
const DEFAULT_AHEAD_DAYS = 56;

/** The signed-in agent's own final schedule, in their own zone, with hours against the contract. */
@Injectable()
export class MyShiftsService {
  constructor(private readonly source: ScheduleSource) {}

  async myShifts(user: AuthenticatedUser, query: MyShiftsQuery, now: Instant = Date.now()): Promise<MyShiftsResponse> {
    if (!user.agentId) throw new ForbiddenException('Only agents have shifts of their own');
    const manager = this.source.manager;
    const agent = await manager.findOneBy(AgentEntity, { id: user.agentId });
    if (!agent) throw new NotFoundException('This account has no agent profile');
    const team = await this.source.loadTeam(agent.teamId);
    const zone = agent.timeZone;
    const today = getLocalDate(now, zone);
    const window =
      query.from === undefined && query.to === undefined
        ? { from: getStartOfLocalDay(addCalendarDays(today, -DEFAULT_BACK_DAYS), zone), to: getStartOfLocalDay(addCalendarDays(today, DEFAULT_AHEAD_DAYS), zone) }
        : resolveWindow({ ...query, zone, now, maxDays: 120 });
    // This ISO week and calendar month in the agent's zone (local midnights: DST-correct).
    const weekStartDate = getStartOfIsoWeek(today);
    const week = { from: getStartOfLocalDay(weekStartDate, zone), to: getStartOfLocalDay(addCalendarDays(weekStartDate, 7), zone) };
    const monthStartDate = `${today.slice(0, 7)}-01`;
    const nextMonthDate = nextMonth(monthStartDate);
    const month = { from: getStartOfLocalDay(monthStartDate, zone), to: getStartOfLocalDay(nextMonthDate, zone) };
    const loadFrom = Math.min(window.from, week.from, month.from) - DAY_MS;
    const loadTo = Math.max(window.to, week.to, month.to) + DAY_MS;
    const all = await this.source.resolve(manager, { teamId: agent.teamId, from: loadFrom, to: loadTo, agentId: agent.id });
    const mine = all.filter((shift) => shift.agentId === agent.id && shift.status === 'published').sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
    const monthDays = Math.round((month.to - month.from) / DAY_MS);
    return {
      agentId: agent.id,
      timeZone: zone,
      teamId: team.id,
      teamTimeZone: team.timeZone,
      contractHoursPerWeek: agent.contractHoursPerWeek,
      from: toIso(window.from),
      to: toIso(window.to),
      shifts: mine.filter((shift) => shift.start < window.to && shift.end > window.from).map(toScheduledShift),
      week: periodHours(mine, week, now, agent.contractHoursPerWeek),
      month: periodHours(mine, month, now, round2((agent.contractHoursPerWeek * monthDays) / 7)),
    };
  }
}

function nextMonth(firstOfMonth: string): string {
  const [year, month] = firstOfMonth.split('-').map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Paid hours (shift minus unpaid breaks) inside [from, to), and the part of them before `now`. */
function periodHours(shifts: readonly Shift[], period: { from: Instant; to: Instant }, now: Instant, contractHours: number): PeriodHours {
  const paid = (until: Instant) => {
    const ms = shifts.flatMap((shift) => workedPieces(shift, period.from, Math.min(period.to, until))).reduce((sum, piece) => sum + piece.end - piece.start, 0);
    return round2(ms / HOUR_MS);
  };
  return { from: toIso(period.from), to: toIso(period.to), scheduledHours: paid(period.to), workedHours: paid(now), contractHours };
}
