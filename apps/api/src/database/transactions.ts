import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs multi-row writes atomically: all rows or none.
 *
 * On SQLite, TypeORM shares ONE connection between all requests, so two overlapping
 * `DataSource.transaction` calls would nest as savepoints of each other and one request's
 * rollback could undo the other's work. Writes are therefore queued one at a time there (SQLite
 * allows a single writer anyway). PostgreSQL gets a pooled connection per transaction.
 */
@Injectable()
export class Transactions {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'sqlite') return this.dataSource.transaction(work);
    const result = this.queue.then(() => this.dataSource.transaction(work));
    // The queue must keep going after a failure; the caller still sees the rejection.
    this.queue = result.catch(() => undefined);
    return result;
  }
}
