import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { Instant } from '@shiftdesk/scheduling';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { toIso } from '../schedule/instants';
import { JobLeaseEntity } from './job-lease.entity';

export interface LeaseOptions {
  /** How long the lease lasts from `now` (ms): longer than the job's interval, so the leader keeps it. */
  ttlMs: number;
  /** The current instant (ms); a parameter so tests can move the clock. */
  now: Instant;
}

/**
 * One runner per periodic job when several API processes share a database (JobScheduler decides
 * when each process tries): a `job_leases` row
 * per job names its holder and when the lease runs out. Taking it is one conditional UPDATE
 * (`… WHERE name = ? AND (holder = me OR expires_at <= now)`), atomic on SQLite and PostgreSQL,
 * so of two competing processes exactly one gets `affected = 1`. Chosen over
 * `pg_try_advisory_lock` because it also works on SQLite and needs no dedicated connection.
 *
 * Leader semantics: the holder renews the lease on each tick and does NOT release it after the
 * tick, because the other processes' timers fire at other moments and would otherwise run the
 * same tick again. With `ttlMs` a little longer than the interval the leader keeps the job, and
 * a crashed leader is taken over once its lease has run out. A process that stops cleanly gives
 * its leases up, so another one takes over at its next tick.
 */
@Injectable()
export class JobLeaseService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('JobLeases');
  private readonly held = new Set<string>();
  /** This process (host:pid:random, so two apps in one test process differ too). */
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly transactions: Transactions,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Takes or renews the lease `name`; true when this process holds it until `now + ttlMs`. */
  async tryAcquire(name: string, options: LeaseOptions): Promise<boolean> {
    const now = toIso(options.now);
    const acquired = await this.transactions.run(async (manager) => {
      // The row must exist for the conditional UPDATE to compete on; creating it takes nobody's lease.
      await manager.createQueryBuilder().insert().into(JobLeaseEntity).values({ name, holder: '', expiresAt: now, updatedAt: now }).orIgnore().execute();
      const result = await manager
        .createQueryBuilder()
        .update(JobLeaseEntity)
        .set({ holder: this.holder, expiresAt: toIso(options.now + options.ttlMs), updatedAt: now })
        .where('name = :name', { name })
        .andWhere('(holder = :holder OR expires_at <= :now)', { holder: this.holder, now })
        .execute();
      return result.affected === 1;
    });
    if (acquired) this.held.add(name);
    else this.held.delete(name);
    return acquired;
  }

  /** Whether this process took or renewed the lease `name` at its last attempt. */
  holds(name: string): boolean {
    return this.held.has(name);
  }

  /** When the lease `name` runs out (whoever holds it), or null when nobody ever took it. */
  async expiresAt(name: string): Promise<Instant | null> {
    const row = await this.dataSource.manager.findOneBy(JobLeaseEntity, { name });
    return row && row.holder !== '' ? Date.parse(row.expiresAt) : null;
  }

  /** Gives the lease up at once (e.g. on shutdown) so another process need not wait for it to expire. */
  async release(name: string, now: Instant): Promise<void> {
    await this.transactions.run((manager) => manager.update(JobLeaseEntity, { name, holder: this.holder }, { expiresAt: toIso(now), updatedAt: toIso(now) }));
    this.held.delete(name);
  }

  /** Before the database closes: hand the leases over rather than make others wait for them to run out. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const name of [...this.held]) {
      try {
        await this.release(name, Date.now());
      } catch (error) {
        this.logger.warn(`could not release lease ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /**
   * Runs `work` only in the process holding the lease `name`; `undefined` elsewhere. A failure to
   * reach the database is logged, never thrown: a job must not crash the process.
   */
  async runExclusive<T>(name: string, options: LeaseOptions, work: () => Promise<T>): Promise<T | undefined> {
    let held: boolean;
    try {
      held = await this.tryAcquire(name, options);
    } catch (error) {
      this.logger.error(`lease ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
    return held ? work() : undefined;
  }
}
