import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { LessThan } from 'typeorm';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { SessionEntity } from './session.entity';

/** Expired sessions are useless (the guard refuses them); drop them hourly so the table stays small. */
@Injectable()
export class SessionCleanupService {
  private readonly logger = new Logger('Sessions');

  constructor(private readonly transactions: Transactions) {}

  @Interval(60 * 60 * 1000)
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
