import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RosterJob } from '@shiftdesk/shared-api-contract';
import type { DraftRosterShift } from '@shiftdesk/scheduling/solver';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { RosterJobEntity } from './roster-job.entity';

/** A queued or running job whose heartbeat is older than this belongs to a process that stopped. */
export const ROSTER_JOB_STALE_MS = 60_000;
/** How often the running process refreshes the heartbeat (and looks for a cancel from elsewhere). */
export const ROSTER_JOB_HEARTBEAT_MS = 5_000;

export interface StoredRosterJob {
  job: RosterJob;
  drafts: DraftRosterShift[] | null;
  owner: string;
  cancelRequested: boolean;
  heartbeatAt: number;
}

/**
 * The database side of roster jobs: the process that runs a job writes its state here (status
 * changes at once, progress with the heartbeat), and any process reads it. Writes of one job are
 * chained so they land in order; a failed write is logged, never thrown into the solver's path
 * (the in-memory job in the running process stays the source of truth until it finishes).
 */
@Injectable()
export class RosterJobRecords {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger('RosterJobs');
  private readonly chains = new Map<string, Promise<void>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Queues a write of the job's state; `drafts` only when given. Resolves when written. */
  save(job: RosterJob, now: number, drafts?: DraftRosterShift[] | null): Promise<void> {
    const previous = this.chains.get(job.id) ?? Promise.resolve();
    const snapshot = JSON.stringify(job);
    const next = previous
      .then(async () => {
        const repository = this.dataSource.getRepository(RosterJobEntity);
        const values = { status: job.status, job: snapshot, heartbeatAt: new Date(now).toISOString(), ...(drafts !== undefined ? { drafts: drafts === null ? null : JSON.stringify(drafts) } : {}) };
        const updated = await repository.update({ id: job.id }, values);
        if (!updated.affected) {
          await repository.insert({ id: job.id, teamId: job.teamId, owner: this.owner, cancelRequested: false, createdAt: job.createdAt, drafts: null, ...values });
        }
      })
      .catch((error: unknown) => this.logger.error(`saving roster job ${job.id}: ${error instanceof Error ? error.message : String(error)}`));
    this.chains.set(job.id, next);
    void next.then(() => {
      if (this.chains.get(job.id) === next) this.chains.delete(job.id);
    });
    return next;
  }

  async load(jobId: string): Promise<StoredRosterJob | null> {
    const row = await this.dataSource.getRepository(RosterJobEntity).findOneBy({ id: jobId });
    if (!row) return null;
    return {
      job: JSON.parse(row.job) as RosterJob,
      drafts: row.drafts === null ? null : (JSON.parse(row.drafts) as DraftRosterShift[]),
      owner: row.owner,
      cancelRequested: row.cancelRequested,
      heartbeatAt: Date.parse(row.heartbeatAt),
    };
  }

  /** Asks the owning process to stop the job; it sees the flag with its next heartbeat. */
  async requestCancel(jobId: string): Promise<void> {
    await this.dataSource.getRepository(RosterJobEntity).update({ id: jobId }, { cancelRequested: true });
  }

  async cancelRequested(jobId: string): Promise<boolean> {
    const row = await this.dataSource.getRepository(RosterJobEntity).findOne({ select: { id: true, cancelRequested: true }, where: { id: jobId } });
    return row?.cancelRequested ?? false;
  }

  /** Marks a job whose process stopped as failed, once (only if it is still unfinished). */
  async markAbandoned(stored: StoredRosterJob, now: number): Promise<RosterJob> {
    const job: RosterJob = { ...stored.job, status: 'failed', finishedAt: new Date(now).toISOString(), error: 'The API process running this job stopped before it finished; generate again' };
    await this.dataSource
      .getRepository(RosterJobEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'failed', job: JSON.stringify(job) })
      .where('id = :id AND status IN (:...open)', { id: job.id, open: ['queued', 'running'] })
      .execute();
    return job;
  }

  /** Waits for pending writes (tests, shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }
}
