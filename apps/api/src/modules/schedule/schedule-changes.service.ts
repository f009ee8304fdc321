import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { ScheduleVersionEntity } from './schedule-version.entity';

type Listener = (teamId: string) => Promise<void>;

/**
 * Writers (shifts, rotations, overrides, coverage rules, settings, requests, agents) call
 * `changed(teamId)` after committing; it first replaces the team's schedule version in the
 * database (stored feeds in every API instance compare against it), then listeners (the gap scan)
 * react. Writes that change only how the schedule is shown (a name, an e-mail, a zone) call
 * `relabelled(teamId)`: a new version, no listeners. The write's answer waits for both, so a
 * client that reads a feed or the alerts right after a write sees them up to date; a failure is
 * logged, never turned into a failed write (the hourly scan catches up, a stored feed is
 * re-checked at least hourly).
 */
@Injectable()
export class ScheduleChanges {
  private readonly logger = new Logger('ScheduleChanges');
  private readonly listeners: Listener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  async changed(teamId: string): Promise<void> {
    await this.relabelled(teamId);
    for (const listener of this.listeners) {
      try {
        await listener(teamId);
      } catch (error) {
        this.logger.error(`after a change to team ${teamId}: ${describe(error)}`);
      }
    }
  }

  /** A new schedule version for the team, nothing else. */
  async relabelled(teamId: string): Promise<void> {
    try {
      // Through Transactions: on SQLite a bare write would join whatever transaction another
      // request has open on the one shared connection, and vanish if that one rolled back.
      await this.transactions.run((manager) => manager.upsert(ScheduleVersionEntity, { teamId, version: randomUUID(), changedAt: nowIso() }, ['teamId']));
    } catch (error) {
      this.logger.error(`could not record a new schedule version of team ${teamId}: ${describe(error)}`);
    }
  }

  /** The team's current schedule version; '' before its first change. */
  async version(teamId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const row = await manager.findOne(ScheduleVersionEntity, { select: { version: true }, where: { teamId } });
    return row?.version ?? '';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
