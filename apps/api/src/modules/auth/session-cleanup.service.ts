import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { SessionEntity } from './session.entity';

/** Hourly (ms). */
const SESSION_CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Expired sessions are useless (the guard refuses them); drop them hourly so the table stays
 * small. Once per tick across API processes (job lease `session-cleanup`).
 */
@Injectable()
export class SessionCleanupService implements OnModuleInit {
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly transactions: Transactions,
    private readonly scheduler: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'session-cleanup', intervalMs: SESSION_CLEANUP_INTERVAL_MS, work: () => this.removeExpired() });
  }

  async removeExpired(): Promise<number> {
    try {
      const result = await this.transactions.run((manager) => manager.delete(SessionEntity, { expiresAt: LessThan(nowIso()) }));
      return result.affected ?? 0;
    } catch (error) {
      // A job must never crash the process; the next run tries again.
      this.logger.warn(`Could not remove expired sessions: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  }
}
