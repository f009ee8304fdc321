import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';

const POSTGRES_URL = process.env['SHIFTDESK_TEST_DATABASE_URL'] || undefined;

/** The database one fault test works on: a temporary SQLite file, or a schema on the test PostgreSQL server. */
export interface FaultDatabase {
  kind: 'sqlite' | 'postgres';
  /** What the API process needs in its environment to use it (the app's own variables). */
  env: Record<string, string>;
  /** SQLite only: the file. */
  path?: string;
  /** Runs SQL as an outside observer (the API may be stopped or running). */
  query<T = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<T[]>;
  /**
   * Whether the API holds a write transaction open right now. SQLite: another connection cannot
   * take the write lock at once. PostgreSQL: a `shiftdesk` backend has a transaction that wrote.
   */
  writeInProgress(): Promise<boolean>;
  /** `$1`-style placeholders on PostgreSQL, `?` on SQLite. */
  param(index: number): string;
  /** Closes the observer's own connections (reopened on the next query), e.g. before checking how the API left the file. */
  disconnect(): Promise<void>;
  close(): Promise<void>;
}

export async function createFaultDatabase(): Promise<FaultDatabase> {
  if (POSTGRES_URL) {
    const schema = `faults_${randomBytes(6).toString('hex')}`;
    const admin = await new DataSource({ type: 'postgres', url: POSTGRES_URL }).initialize();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    const db = await new DataSource({ type: 'postgres', url: POSTGRES_URL, extra: { options: `-c search_path=${schema}` } }).initialize();
    return {
      kind: 'postgres',
      env: { DATABASE_URL: POSTGRES_URL, SHIFTDESK_DATABASE_SCHEMA: schema, SHIFTDESK_SQLITE_PATH: '' },
      query: (sql, parameters) => db.query(sql, parameters),
      writeInProgress: async () => {
        const rows: unknown[] = await admin.query(
          `SELECT pid FROM pg_stat_activity WHERE application_name = 'shiftdesk' AND datname = current_database() AND backend_xid IS NOT NULL`,
        );
        return rows.length > 0;
      },
      param: (index) => `$${index}`,
      disconnect: async () => undefined,
      close: async () => {
        await db.destroy();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.destroy();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-faults-'));
  const path = join(dir, 'shiftdesk.sqlite');
  let reader: sqlite3.Database | null = null;
  let probe: sqlite3.Database | null = null;
  const open = () => {
    const handle = new sqlite3.Database(path);
    handle.configure('busyTimeout', 10_000);
    return handle;
  };
  const disconnect = async () => {
    for (const handle of [reader, probe]) if (handle) await new Promise<void>((resolve) => handle.close(() => resolve()));
    reader = null;
    probe = null;
  };
  return {
    kind: 'sqlite',
    path,
    env: { SHIFTDESK_SQLITE_PATH: path, DATABASE_URL: '' },
    query: (sql, parameters = []) => {
      reader ??= open();
      const handle = reader;
      return new Promise((resolve, reject) => handle.all(sql, parameters, (error, rows) => (error ? reject(error) : resolve(rows as never[]))));
    },
    writeInProgress: () => {
      // No busy timeout: BUSY at once means someone holds the write lock. Taken and given back at
      // once otherwise (the API waits for it, as for any other writer).
      if (!probe) {
        probe = new sqlite3.Database(path);
        // node-sqlite3 waits 1 s for a lock by default: the probe must not wait at all.
        probe.configure('busyTimeout', 0);
      }
      const handle = probe;
      return new Promise((resolve) =>
        handle.exec('BEGIN IMMEDIATE', (error) => {
          if (error) resolve(/SQLITE_BUSY/.test(error.message));
          else handle.exec('ROLLBACK', () => resolve(false));
        }),
      );
    },
    param: () => '?',
    disconnect,
    close: async () => {
      await disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
