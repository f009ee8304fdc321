import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SQLITE_BUSY_TIMEOUT_MS, isWriteLockBusy } from './sqlite-write-lock.subscriber';

/**
 * Runs multi-row writes atomically: all rows or none.
 *
 * On SQLite, TypeORM shares ONE connection between all requests, so two overlapping
 * `DataSource.transaction` calls would nest as savepoints of each other and one request's
 * rollback could undo the other's work. Writes are therefore queued one at a time there (SQLite
 * allows a single writer anyway). PostgreSQL gets a pooled connection per transaction.
 *
 * Every SQLite transaction takes the write lock first (SqliteWriteLockSubscriber). When another
 * process holds it and the busy handler cannot wait (see isWriteLockBusy), the transaction has done
 * nothing yet and is tried again, for as long as the busy timeout.
 */
@Injectable()
export class Transactions {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'sqlite') return this.dataSource.transaction(work);
    const result = this.queue.then(() => this.withLockRetries(work));
    // The queue must keep going after a failure; the caller still sees the rejection.
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async withLockRetries<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
    for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (!isWriteLockBusy(error) || Date.now() + pause > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }
}
