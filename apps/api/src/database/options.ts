import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES, MIGRATIONS } from './entities';

/** How long SQLite waits for a lock held by another connection (ms) before SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * sqlite3 as TypeORM would load it, minus `verbose()`: TypeORM calls it, and it wraps every query
 * call to capture a stack trace and `util.inspect` every argument (SQL and all parameters), which
 * cost seconds when a large feed is written. Errors keep their message and SQLite code.
 */
function quietSqlite3(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
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
      ...(database.schema
        ? {
            schema: database.schema,
            // search_path too, so raw SQL and the migrations table resolve to the same schema.
            extra: { options: `-c search_path=${database.schema}` },
          }
        : {}),
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
  };
}
