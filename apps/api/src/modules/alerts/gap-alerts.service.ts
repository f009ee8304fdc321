import { Inject, Injectable, Logger, NotFoundException, type OnModuleInit } from '@nestjs/common';
import type { AlertsQuery, AlertsResponse, GapAlert } from '@shiftdesk/shared-api-contract';
import { addCalendarDays, getLocalDate, type Instant } from '@shiftdesk/scheduling';
import { type EntityManager, MoreThan } from 'typeorm';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DAY_MS, toIso } from '../schedule/instants';
import { ScheduleChanges } from '../schedule/schedule-changes.service';
import { ScheduleSource } from '../schedule/schedule-source.service';
import { ScheduleService } from '../schedule/schedule.service';
import { startOfLocalDate } from '../schedule/time-window';
import { TeamEntity } from '../teams/team.entity';
import { WebhooksService, type QueuedEvent } from '../webhooks/webhooks.service';
import { GapAlertEntity } from './gap-alert.entity';
import { toGapAlert } from './gap-alert.mapper';

export const GAP_SCAN_WEEKS = Symbol('GAP_SCAN_WEEKS');

export interface GapScanResult {
  opened: number;
  reopened: number;
  resolved: number;
  open: number;
}

/**
 * Keeps gap alerts in step with the final schedule. A scan looks from the start of today (team
 * zone) over the configured weeks for shortfall gaps (single-point warnings are not alerts) and:
 * inserts new gaps as `open`; refreshes known ones (and reopens `resolved` ones that are back);
 * marks alerts inside the window that are gone as `resolved`. `acknowledged` alerts stay
 * acknowledged while the gap exists. Alerts that started before the window are history and are
 * left as they were.
 *
 * A gap's id is `gap:<rule>:<start>`: filling the first part of a gap gives it a new start and
 * therefore a new alert (the old one resolves).
 */
@Injectable()
export class GapAlertsService implements OnModuleInit {
  private readonly logger = new Logger('GapAlerts');
  private readonly scans = new Map<string, Promise<unknown>>();

  constructor(
    private readonly source: ScheduleSource,
    private readonly schedule: ScheduleService,
    private readonly transactions: Transactions,
    private readonly changes: ScheduleChanges,
    private readonly webhooks: WebhooksService,
    @Inject(GAP_SCAN_WEEKS) private readonly weeks: number,
  ) {}

  onModuleInit(): void {
    // Rescan after every change to shifts, rotations, overrides, coverage rules or settings.
    this.changes.subscribe(async (teamId) => {
      await this.scanTeam(teamId, Date.now());
    });
  }

  async list(user: AuthenticatedUser, teamId: string, query: AlertsQuery): Promise<AlertsResponse> {
    await this.source.managedTeamForRead(user, teamId);
    const rows = await this.source.manager.find(GapAlertEntity, {
      where: { teamId, ...(query.status ? { status: query.status } : {}) },
      order: { startAt: 'ASC', ruleId: 'ASC', id: 'ASC' },
    });
    const openCount = await this.countOpen(this.source.manager, teamId, Date.now());
    return { teamId, openCount, alerts: rows.map(toGapAlert) };
  }

  /** The manager accepts the gap as deliberate: it stays listed but is no longer flagged. */
  async acknowledge(user: AuthenticatedUser, teamId: string, id: string): Promise<GapAlert> {
    await this.source.managedTeam(user, teamId);
    const { alert, deliveries } = await this.transactions.run(async (manager) => {
      const row = await manager.findOneBy(GapAlertEntity, { id, teamId });
      if (!row) throw new NotFoundException(`No gap alert with id ${id} in this team`);
      if (row.status === 'acknowledged') return { alert: toGapAlert(row), deliveries: [] };
      row.status = 'acknowledged';
      row.acknowledgedAt = nowIso();
      row.acknowledgedBy = user.id;
      await manager.save(GapAlertEntity, row);
      const queued = await this.webhooks.enqueue(manager, teamId, [{ type: 'gap.acknowledged', alert: toGapAlert(row), occurredAt: row.acknowledgedAt }]);
      return { alert: toGapAlert(row), deliveries: queued };
    });
    if (alert.acknowledgedAt) this.webhooks.dispatch(deliveries, Date.parse(alert.acknowledgedAt));
    return alert;
  }

  /** Rescans every team (the hourly job). One team's failure does not stop the others. */
  async scanAll(now: Instant): Promise<number> {
    const teams = await this.source.manager.find(TeamEntity, { select: { id: true }, order: { id: 'ASC' } });
    let scanned = 0;
    for (const team of teams) {
      try {
        await this.scanTeam(team.id, now);
        scanned += 1;
      } catch (error) {
        this.logger.error(`gap scan of team ${team.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    return scanned;
  }

  /**
   * Scans of one team run one after the other in this process: two writes answered at the same
   * time would otherwise both insert the same new gap id (on PostgreSQL, where transactions run
   * in parallel) and one of them would fail.
   */
  scanTeam(teamId: string, now: Instant): Promise<GapScanResult> {
    const previous = this.scans.get(teamId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.scanTeamNow(teamId, now));
    const settled = next.catch(() => undefined);
    this.scans.set(teamId, settled);
    void settled.then(() => {
      if (this.scans.get(teamId) === settled) this.scans.delete(teamId);
    });
    return next;
  }

  private async scanTeamNow(teamId: string, now: Instant): Promise<GapScanResult> {
    const team = await this.source.loadTeam(teamId);
    const from = startOfLocalDate(getLocalDate(now, team.timeZone), team.timeZone);
    const to = startOfLocalDate(addCalendarDays(getLocalDate(now, team.timeZone), this.weeks * 7), team.timeZone);
    const gaps = (await this.schedule.findTeamGaps(teamId, from, Math.max(to, from + DAY_MS), false)).filter((gap) => gap.level === 'error');
    const seenAt = toIso(now);
    const { result, deliveries } = await this.transactions.run(async (manager) => {
      const events: QueuedEvent[] = [];
      const known = await manager.find(GapAlertEntity, { where: { teamId, startAt: MoreThan(toIso(from - 1)) } });
      const byId = new Map(known.map((row) => [row.id, row]));
      const result: GapScanResult = { opened: 0, reopened: 0, resolved: 0, open: 0 };
      const found = new Set<string>();
      for (const gap of gaps) {
        found.add(gap.id);
        const fields = { ruleId: gap.ruleId, ruleName: gap.ruleName, severity: gap.severity, startAt: toIso(gap.start), endAt: toIso(gap.end), required: gap.required, present: gap.present, lastSeenAt: seenAt };
        const row = byId.get(gap.id);
        if (!row) {
          const inserted: GapAlertEntity = { id: gap.id, teamId, ...fields, status: 'open', firstSeenAt: seenAt, resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null };
          await manager.insert(GapAlertEntity, inserted);
          events.push({ type: 'gap.opened', alert: toGapAlert(inserted), occurredAt: seenAt });
          result.opened += 1;
        } else {
          const reopen = row.status === 'resolved';
          const changes = { ...fields, ...(reopen ? { status: 'open' as const, resolvedAt: null } : {}) };
          await manager.update(GapAlertEntity, { id: row.id }, changes);
          if (reopen) {
            events.push({ type: 'gap.opened', alert: toGapAlert({ ...row, ...changes }), occurredAt: seenAt });
            result.reopened += 1;
          }
        }
      }
      for (const row of known) {
        if (found.has(row.id) || row.status === 'resolved' || row.startAt >= toIso(to)) continue;
        const changes = { status: 'resolved' as const, resolvedAt: seenAt, lastSeenAt: seenAt };
        await manager.update(GapAlertEntity, { id: row.id }, changes);
        events.push({ type: 'gap.resolved', alert: toGapAlert({ ...row, ...changes }), occurredAt: seenAt });
        result.resolved += 1;
      }
      result.open = await this.countOpen(manager, teamId, now);
      // Queued with the alert changes: committed together or not at all.
      return { result, deliveries: await this.webhooks.enqueue(manager, teamId, events) };
    });
    this.webhooks.dispatch(deliveries, now);
    return result;
  }

  /**
   * Open alerts still worth a manager's attention: those whose span has not ended. A gap that
   * passed unfilled stays listed as open (it was never filled: that is history), but a badge
   * that only ever grows would stop meaning anything.
   */
  private countOpen(manager: EntityManager, teamId: string, now: number): Promise<number> {
    return manager.countBy(GapAlertEntity, { teamId, status: 'open', endAt: MoreThan(toIso(now)) });
  }
}
