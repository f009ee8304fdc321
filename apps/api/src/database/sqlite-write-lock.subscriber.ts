import { type EntitySubscriberInterface, EventSubscriber, type TransactionStartEvent } from 'typeorm';

/**
 * Makes every SQLite transaction a write transaction from its first statement, so that it WAITS
 * (up to the busy timeout) for another process holding the write lock instead of failing at once.
 *
 * TypeORM opens SQLite transactions with a plain (deferred) `BEGIN`. A deferred transaction that
 * reads first and writes later gets SQLITE_BUSY immediately when another connection writes,
 * without calling the busy handler: SQLite cannot let a reader holding a snapshot wait for a
 * writer (it could deadlock). Another API instance on the same file, a backup or the CLI would
 * then fail writes at random. A no-op write as the first statement takes the write lock up front
 * (what `BEGIN IMMEDIATE` does), and taking it honours the busy timeout.
 */
/** Changes no row and writes no page, but acquires SQLite's write lock (`migrations` exists in every Shiftdesk database). */
export const SQLITE_WRITE_LOCK_SQL = 'UPDATE migrations SET id = id WHERE 0';

/** How long SQLite waits for a lock held by another connection (ms) before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Whether a failed transaction failed to take the write lock (and did nothing else), so running
 * it again is safe. SQLite calls the busy handler only when the connection holds no snapshot yet;
 * the API shares one connection, so a read of another request that slips in between `BEGIN` and
 * the lock statement makes it fail at once (see Transactions, which then tries again).
 */
export function isWriteLockBusy(error: unknown): boolean {
  const failed = error as { query?: unknown; driverError?: { code?: unknown } } | null;
  return failed?.query === SQLITE_WRITE_LOCK_SQL && failed.driverError?.code === 'SQLITE_BUSY';
}

@EventSubscriber()
export class SqliteWriteLockSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    try {
      await event.queryRunner.query(SQLITE_WRITE_LOCK_SQL);
    } catch (error) {
      // Before the very first migration run the table does not exist yet: nothing to lock against.
      if (!/no such table/.test(error instanceof Error ? error.message : String(error))) throw error;
    }
  }
}
