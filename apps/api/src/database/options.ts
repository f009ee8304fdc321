import { Logger } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES, MIGRATIONS } from './entities';
import { SQLITE_BUSY_TIMEOUT_MS, SqliteWriteLockSubscriber } from './sqlite-write-lock.subscriber';

/**
 * sqlite3 as TypeORM would load it, minus `verbose()`: TypeORM calls it, and it wraps every query
 * call to capture a stack trace and `util.inspect` every argument (SQL and all parameters), which
 * cost seconds when a large feed is written. Errors keep their message and SQLite code.
 */
function quietSqlite3(): unknown {
  const sqlite3 = require('sqlite3') as { verbose(): unknown };
  return Object.assign(Object.create(sqlite3) as object, { verbose: () => sqlite3 });
}

/**
 * The one place that turns configuration into TypeORM options: used by the app and by the
 * migration CLI (data-source.ts), so both always see the same entities, migrations and pragmas.
 */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // The schema only ever changes through reviewed migrations, on every database and in tests.
    synchronize: false,
    migrationsRun: true,
    // Not 'error': TypeORM would log failed queries with their parameters (password hashes,
    // emails). Failures reach the exception filter, which logs what is needed.
    logging: ['warn'] as 'warn'[],
  };
  if (database.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      // Shown in pg_stat_activity, so an operator can tell the API's connections apart.
      applicationName: 'shiftdesk',
      ...(database.schema ? { schema: database.schema } : {}),
      extra: {
        // search_path too, so raw SQL and the migrations table resolve to the same schema.
        ...(database.schema ? { options: `-c search_path=${database.schema}` } : {}),
        onConnect: listenForConnectionErrors,
      },
    };
  }
  // TypeORM does not create the folder; the first start should just work.
  mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'sqlite',
    database: database.path,
    // WAL lets readers (e.g. a backup or the CLI) run while the API writes.
    // TypeORM's sqlite driver also sets `PRAGMA foreign_keys = ON` on connect (verified by a test).
    enableWAL: true,
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
    driver: quietSqlite3(),
    // Without it a transaction that reads before it writes fails at once instead of waiting.
    subscribers: [SqliteWriteLockSubscriber],
  };
}

/**
 * A pg client that loses its server emits 'error'. The pool listens while the client is idle and
 * TypeORM while a query runner holds it, but in between (a client just handed back because it
 * failed, a second error from a dying socket) nobody may listen, and an 'error' event without a
 * listener throws: the whole API process would die with the database. This listener stays for the
 * client's life; the query that was running still fails (503) and the pool replaces the client.
 */
function listenForConnectionErrors(client: { on(event: 'error', listener: (error: Error) => void): unknown }): void {
  client.on('error', (error) => connectionLogger.warn(`a PostgreSQL connection failed: ${error.message}`));
}

const connectionLogger = new Logger('Database');
