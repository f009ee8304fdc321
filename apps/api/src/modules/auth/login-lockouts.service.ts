import { HttpException, HttpStatus, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager, LessThan } from 'typeorm';
import { apiError } from '../../common/api-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import { AuditService } from '../audit/audit.service';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { LoginLockoutEntity } from './login-lockout.entity';
import { UserEntity } from './user.entity';

/** 429 for a locked email; the exception filter turns `retryAfterSeconds` into Retry-After. */
export class LockedOutException extends HttpException {
  readonly retryAfterSeconds: number;

  constructor(
    readonly lockedUntil: string,
    now: number,
  ) {
    const seconds = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now) / 1000));
    const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
    super(
      apiError(429, `Too many failed sign-ins for this email address: signing in is paused for ${wait}, until ${lockedUntil.slice(0, 16).replace('T', ' ')} UTC. Check the email and password, then try again after that.`),
      HttpStatus.TOO_MANY_REQUESTS,
    );
    this.retryAfterSeconds = seconds;
  }
}

export function emailKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/**
 * Login lock-out: `maxFailures` failed sign-ins for one email within the window lock it for the
 * lock time, whichever API instance saw them (the count lives in `login_lockouts`). Unknown
 * emails are counted and locked the same way, so the answers never reveal who has an account.
 * A successful sign-in clears the count; a lock-out of a real account is written to the audit
 * trail. While locked, even the right password is refused (that is what stops guessing).
 */
@Injectable()
export class LoginLockouts implements OnModuleInit {
  private readonly logger = new Logger('LoginLockouts');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: JobScheduler,
  ) {}

  /** The hourly clean-up runs once per tick across API processes (job lease `login-lockout-cleanup`). */
  onModuleInit(): void {
    this.scheduler.register({ name: 'login-lockout-cleanup', intervalMs: 60 * 60 * 1000, work: (now) => this.removeStale(now) });
  }

  /** Throws LockedOutException while the email is locked; true when it has failures on record. */
  async assertNotLocked(email: string, now: number): Promise<boolean> {
    const row = await this.dataSource.getRepository(LoginLockoutEntity).findOneBy({ emailHash: emailKey(email) });
    if (row?.lockedUntil && Date.parse(row.lockedUntil) > now) throw new LockedOutException(row.lockedUntil, now);
    return row !== null;
  }

  /**
   * Counts a failed sign-in; throws LockedOutException when this failure locks the email.
   * One atomic upsert per failure, so concurrent failures on several instances all count.
   */
  async recordFailure(email: string, user: UserEntity | null, now: number): Promise<void> {
    const { maxFailures, windowMs, lockMs } = this.config.lockout;
    const key = emailKey(email);
    const at = new Date(now).toISOString();
    const windowStart = new Date(now - windowMs).toISOString();
    const lockedUntil = new Date(now + lockMs).toISOString();
    const locked = await this.transactions.run(async (manager) => {
      // The count starts over when its window has passed or an earlier lock has run out.
      const stale = 'login_lockouts.window_started_at < $3 OR (login_lockouts.locked_until IS NOT NULL AND login_lockouts.locked_until <= $2)';
      await manager.query(
        this.sql(`INSERT INTO login_lockouts (email_hash, failures, window_started_at, locked_until, updated_at) VALUES ($1, 1, $2, NULL, $2)
         ON CONFLICT (email_hash) DO UPDATE SET
           failures = CASE WHEN ${stale} THEN 1 ELSE login_lockouts.failures + 1 END,
           window_started_at = CASE WHEN ${stale} THEN $2 ELSE login_lockouts.window_started_at END,
           locked_until = CASE WHEN ${stale} THEN NULL ELSE login_lockouts.locked_until END,
           updated_at = $2`),
        [key, at, windowStart],
      );
      const row = await manager.findOneByOrFail(LoginLockoutEntity, { emailHash: key });
      if (row.failures < maxFailures) return false;
      // Only the failure that sets the lock writes the audit entry (several instances may race here).
      const result = await manager
        .createQueryBuilder()
        .update(LoginLockoutEntity)
        .set({ lockedUntil })
        .where('email_hash = :key AND (locked_until IS NULL OR locked_until <= :at)', { key, at })
        .execute();
      if ((result.affected ?? 0) > 0) await this.auditLockout(manager, user, row.failures, lockedUntil, at);
      return true;
    });
    if (locked) throw new LockedOutException(lockedUntil, now);
  }

  /** A successful sign-in: the email starts with a clean count. */
  async clear(email: string): Promise<void> {
    await this.transactions.run((manager) => manager.delete(LoginLockoutEntity, { emailHash: emailKey(email) }));
  }

  /** Rows whose window and lock have both passed count for nothing; dropped hourly (see onModuleInit). */
  async removeStale(now = Date.now()): Promise<number> {
    const { windowMs, lockMs } = this.config.lockout;
    try {
      const cutoff = new Date(now - Math.max(windowMs, lockMs)).toISOString();
      const result = await this.transactions.run((manager) => manager.delete(LoginLockoutEntity, { updatedAt: LessThan(cutoff) }));
      return result.affected ?? 0;
    } catch (error) {
      this.logger.warn(`Could not remove old sign-in failure counts: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  }

  private async auditLockout(manager: EntityManager, user: UserEntity | null, failures: number, lockedUntil: string, at: string): Promise<void> {
    if (!user) {
      // No account to attach an audit entry to; the log says it happened (never which email).
      this.logger.warn(`Sign-in locked for an email without an account after ${failures} failures, until ${lockedUntil}`);
      return;
    }
    const agent = user.agentId ? await manager.findOneBy(AgentEntity, { id: user.agentId }) : null;
    await this.audit.record(
      manager,
      { teamId: agent?.teamId ?? null, entityType: 'user', entityId: user.id, action: 'locked', actor: null, after: { failures, lockedUntil }, comment: `${failures} failed sign-ins` },
      at,
    );
    this.logger.warn(`Sign-in locked for user ${user.id} after ${failures} failures, until ${lockedUntil}`);
  }

  /** `$1` placeholders as PostgreSQL writes them; SQLite takes the same numbers as `?1`. */
  private sql(text: string): string {
    return this.dataSource.options.type === 'postgres' ? text : text.replace(/\$(\d+)/g, '?$1');
  }
}
