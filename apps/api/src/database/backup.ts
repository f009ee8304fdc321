import { execFile } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as sqlite3 from 'sqlite3';
import type { DatabaseConfig } from '../config/app-config';
import { MIGRATIONS } from './entities';

/**
 * Backups of the configured database, for `npm run backup` / `npm run restore` (cli/backup.ts).
 *
 * SQLite: SQLite's online backup API (sqlite3's Database#backup) copies every page of the live
 * file in one step under one read transaction, so the copy is a consistent snapshot even while
 * the API writes (WAL: the writer is not blocked). The copy is a SQLite file. Restoring runs the
 * same API the other way, from the backup into the configured file, through SQLite's locking.
 *
 * PostgreSQL: `pg_dump --format=custom` of the app's schema (SHIFTDESK_DATABASE_SCHEMA, else
 * `public`), consistent by PostgreSQL's snapshot; restored with `pg_restore --clean --if-exists
 * --single-transaction`, so a failed restore leaves the database as it was.
 *
 * A file is a Shiftdesk backup when it is a database of the configured kind with Shiftdesk's
 * `migrations` table, starting with the first migration and holding none this version does not
 * know (a backup of a newer version is refused). Older backups are fine: the missing migrations
 * run at the next start.
 */

const execFileAsync = promisify(execFile);

/** The migrations of this version, by name, in order. */
const KNOWN_MIGRATIONS = MIGRATIONS.map((migration) => new migration().name ?? migration.name);

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  /** Migrations recorded in the backup. */
  migrations: number;
}

export interface RestoreResult {
  file: string;
  /** Migrations of this version not in the backup: they run when the API next starts. */
  pendingMigrations: string[];
}

/** Default file name: `shiftdesk-sqlite-20260315T093000Z.sqlite` in `dir`. */
export function defaultBackupFile(database: DatabaseConfig, dir: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return join(dir, `shiftdesk-${database.type}-${stamp}.${database.type === 'sqlite' ? 'sqlite' : 'pgdump'}`);
}

/** Writes a consistent backup of the configured database to `file` (a new file; its folder is created). */
export async function backupDatabase(database: DatabaseConfig, file: string): Promise<BackupResult> {
  const target = resolve(file);
  if (existsSync(target)) throw new BackupError(`${target} already exists; choose another file (backups never overwrite)`);
  mkdirSync(dirname(target), { recursive: true });
  // Written under a temporary name and renamed when complete: a file with the final name is whole.
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    if (database.type === 'sqlite') {
      if (!existsSync(database.path)) throw new BackupError(`There is no database at ${database.path} (SHIFTDESK_SQLITE_PATH) to back up`);
      await sqliteBackup(database.path, partial, 'to-file');
    } else {
      await pgDump(database, partial);
    }
    const migrations = await validateBackup(database, partial);
    renameSync(partial, target);
    return { file: target, bytes: statSync(target).size, migrations: migrations.length };
  } finally {
    rmSync(partial, { force: true });
  }
}

export interface RestoreOptions {
  /** Restore even when a server seems to be using the database. */
  force?: boolean;
  /** The configured HTTP port, to see whether a server answers on this machine. */
  port?: number;
  now?: number;
}

/**
 * Replaces the configured database's content with the backup. Refuses when the file is not a
 * Shiftdesk backup of the configured kind, and when a server is using the database (a job lease
 * held into the future, or an API answering on the configured port) unless `force`.
 */
export async function restoreDatabase(database: DatabaseConfig, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError(`${source} does not exist`);
  const migrations = await validateBackup(database, source);
  if (!options.force) {
    const user = await serverUsing(database, options.port, options.now ?? Date.now());
    if (user) throw new BackupError(`${user}; stop every API instance first (the restore replaces everything under it), or pass --force`);
  }
  if (database.type === 'sqlite') {
    mkdirSync(dirname(database.path), { recursive: true });
    await sqliteBackup(database.path, source, 'from-file');
  } else {
    await pgRestore(database, source);
  }
  const restored = new Set(migrations);
  return { file: source, pendingMigrations: KNOWN_MIGRATIONS.filter((name) => !restored.has(name)) };
}

// ---- Validation -------------------------------------------------------------------------------

/** The migrations recorded in the backup, after checking it is one of ours and not too new. */
export async function validateBackup(database: DatabaseConfig, file: string): Promise<string[]> {
  const kind = fileKind(file);
  const name = database.type === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  if (kind === null) throw new BackupError(`${file} is not a Shiftdesk backup: it is neither a SQLite database nor a pg_dump archive`);
  if (kind !== database.type) {
    throw new BackupError(`${file} is a ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} backup, but the configured database is ${name}; restore it with the matching configuration`);
  }
  const names = kind === 'sqlite' ? await sqliteMigrations(file) : await pgDumpMigrations(database, file);
  if (names === null || names.length === 0 || names[0] !== KNOWN_MIGRATIONS[0]) {
    throw new BackupError(`${file} is not a Shiftdesk backup: it has no Shiftdesk migrations table`);
  }
  const unknown = names.filter((migration) => !KNOWN_MIGRATIONS.includes(migration));
  if (unknown.length > 0) {
    throw new BackupError(`${file} comes from a newer Shiftdesk (migrations ${unknown.join(', ')} are unknown here); restore it with that version or newer`);
  }
  return names;
}

/** By the first bytes: "SQLite format 3\0", or "PGDMP" for pg_dump's custom format. */
function fileKind(file: string): 'sqlite' | 'postgres' | null {
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  if (header.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  return null;
}

/** Whether a server is using the database, as a sentence, or null. */
async function serverUsing(database: DatabaseConfig, port: number | undefined, now: number): Promise<string | null> {
  const leases = await liveLeases(database, now);
  if (leases.length > 0) return `A Shiftdesk server is using this database (it holds the job lease ${leases[0].name} until ${leases[0].expiresAt})`;
  if (port !== undefined && (await answersHealth(port))) return `A Shiftdesk server answers on port ${port} (PORT)`;
  return null;
}

async function liveLeases(database: DatabaseConfig, now: number): Promise<{ name: string; expiresAt: string }[]> {
  let rows: { name: string; expires_at: string; holder: string }[];
  try {
    if (database.type === 'sqlite') {
      if (!existsSync(database.path)) return [];
      // Read-write only because a WAL database cannot always be opened read-only; nothing is written.
      rows = await withSqlite(database.path, sqlite3.OPEN_READWRITE, (db) => all(db, 'SELECT name, expires_at, holder FROM job_leases'));
    } else {
      rows = await psqlRows(database, `SELECT name, expires_at, holder FROM ${qualified(database, 'job_leases')}`);
    }
  } catch {
    // No such table yet (an empty database): nobody is using it.
    return [];
  }
  return rows.filter((row) => row.holder !== '' && Date.parse(row.expires_at) > now).map((row) => ({ name: row.name, expiresAt: row.expires_at }));
}

function answersHealth(port: number): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const probe = request({ host: '127.0.0.1', port, path: '/api/health', timeout: 2_000 }, (response) => {
      response.resume();
      resolveAnswer(response.statusCode === 200);
    });
    probe.on('error', () => resolveAnswer(false));
    probe.on('timeout', () => {
      probe.destroy();
      resolveAnswer(false);
    });
    probe.end();
  });
}

// ---- SQLite ------------------------------------------------------------------------------------

/** What the sqlite3 package's Backup object offers (it ships no typings for it). */
interface SqliteBackup {
  step(pages: number, callback: (error: Error | null) => void): void;
  finish(callback?: (error: Error | null) => void): void;
  readonly completed: boolean;
  readonly failed: boolean;
}
type BackupCapable = sqlite3.Database & {
  backup(filename: string, destName: string, sourceName: string, filenameIsDest: boolean, callback: (error: Error | null) => void): SqliteBackup;
};

function openSqlite(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolveDb, reject) => {
    const db = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolveDb(db)));
  });
}

async function withSqlite<T>(file: string, mode: number, work: (db: sqlite3.Database) => Promise<T>): Promise<T> {
  const db = await openSqlite(file, mode);
  db.configure('busyTimeout', 10_000);
  try {
    return await work(db);
  } finally {
    await new Promise<void>((done) => db.close(() => done()));
  }
}

function all<T>(db: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((resolveRows, reject) => db.all(sql, (error, rows) => (error ? reject(error) : resolveRows(rows as T[]))));
}

/**
 * Copies every page between the database at `live` and `file` with the online backup API:
 * `to-file` reads the live database into the file, `from-file` writes the file into the live
 * database (other connections see the restored content once it is done).
 */
async function sqliteBackup(live: string, file: string, direction: 'to-file' | 'from-file'): Promise<void> {
  await withSqlite(live, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, async (db) => {
    const backup = await new Promise<SqliteBackup>((resolveBackup, reject) => {
      const created: SqliteBackup = (db as BackupCapable).backup(file, 'main', 'main', direction === 'to-file', (error) => (error ? reject(error) : resolveBackup(created)));
    });
    try {
      // -1: all pages in one step, so the copy is one snapshot. A busy or locked database
      // (another writer) is retried, as SQLite's documentation advises.
      for (let attempt = 0; !backup.completed; attempt += 1) {
        await new Promise<void>((stepped, reject) => backup.step(-1, (error) => (error ? reject(error) : stepped())));
        if (backup.failed) throw new BackupError('SQLite could not copy the database');
        if (!backup.completed) {
          if (attempt > 200) throw new BackupError('The database stayed locked by another writer for too long; try again');
          await new Promise((wait) => setTimeout(wait, 50));
        }
      }
    } finally {
      await new Promise<void>((finished) => backup.finish(() => finished()));
    }
  });
  if (direction === 'to-file') {
    // The copy is a standalone file: no WAL beside it, checked as a whole.
    await withSqlite(file, sqlite3.OPEN_READWRITE, async (db) => {
      await all(db, 'PRAGMA journal_mode = DELETE');
      const [check] = await all<{ integrity_check: string }>(db, 'PRAGMA integrity_check');
      if (check?.integrity_check !== 'ok') throw new BackupError(`The backup failed its integrity check: ${check?.integrity_check ?? 'no answer'}`);
    });
  }
}

async function sqliteMigrations(file: string): Promise<string[] | null> {
  try {
    return await withSqlite(file, sqlite3.OPEN_READONLY, async (db) => {
      const [check] = await all<{ quick_check: string }>(db, 'PRAGMA quick_check');
      if (check?.quick_check !== 'ok') throw new BackupError(`${file} is damaged: ${check?.quick_check ?? 'no answer'}`);
      return (await all<{ name: string }>(db, 'SELECT name FROM migrations ORDER BY timestamp, id')).map((row) => row.name);
    });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    return null;
  }
}

// ---- PostgreSQL ---------------------------------------------------------------------------------

function schemaOf(database: DatabaseConfig): string {
  return database.type === 'postgres' ? (database.schema ?? 'public') : 'main';
}

function qualified(database: DatabaseConfig, table: string): string {
  return `"${schemaOf(database)}"."${table}"`;
}

/**
 * A PostgreSQL client program (pg_dump, pg_restore, psql): on PATH, else the newest in Debian's
 * /usr/lib/postgresql/<version>/bin. `SHIFTDESK_PG_BIN` names the folder explicitly.
 */
export function pgProgram(name: 'pg_dump' | 'pg_restore' | 'psql', env: Record<string, string | undefined> = process.env): string {
  const explicit = env['SHIFTDESK_PG_BIN']?.trim();
  if (explicit) return join(explicit, name);
  const onPath = (env['PATH'] ?? '').split(':').find((dir) => dir && existsSync(join(dir, name)));
  if (onPath) return join(onPath, name);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((version) => existsSync(join(debian, version, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(debian, versions[0], 'bin', name);
  }
  throw new BackupError(`${name} was not found on PATH nor in /usr/lib/postgresql/*/bin; install PostgreSQL's client programs (Debian: postgresql-client) or set SHIFTDESK_PG_BIN`);
}

async function run(program: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(program, args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failure = error as { stderr?: string; message?: string };
    throw new BackupError(`${program.split('/').pop()} failed: ${(failure.stderr || failure.message || String(error)).trim()}`);
  }
}

async function pgDump(database: DatabaseConfig, file: string): Promise<void> {
  if (database.type !== 'postgres') throw new BackupError('not a PostgreSQL configuration');
  await run(pgProgram('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--schema=${schemaOf(database)}`, `--file=${file}`, `--dbname=${database.url}`]);
}

async function pgRestore(database: DatabaseConfig, file: string): Promise<void> {
  if (database.type !== 'postgres') throw new BackupError('not a PostgreSQL configuration');
  await run(pgProgram('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${database.url}`, file]);
}

/** The migration names in a pg_dump archive (its `migrations` table data), or null when there is none. */
async function pgDumpMigrations(database: DatabaseConfig, file: string): Promise<string[] | null> {
  const listing = await run(pgProgram('pg_restore'), ['--list', file]);
  const schemas = new Set([...listing.matchAll(/^\d+; \d+ \d+ TABLE DATA (\S+) migrations /gm)].map((match) => match[1]));
  if (schemas.size === 0) return null;
  if (!schemas.has(schemaOf(database))) {
    throw new BackupError(`${file} holds the schema ${[...schemas].join(', ')}, but the configured schema is ${schemaOf(database)} (SHIFTDESK_DATABASE_SCHEMA); restore it with the matching configuration`);
  }
  // COPY data of the migrations table: "id<TAB>timestamp<TAB>name" lines up to "\.".
  const data = await run(pgProgram('pg_restore'), ['--data-only', `--schema=${schemaOf(database)}`, '--table=migrations', '--file=-', file]);
  const copy = /^COPY \S*migrations \(([^)]*)\) FROM stdin;\n([\s\S]*?)^\\\.$/m.exec(data);
  if (!copy) return null;
  const nameAt = copy[1].split(',').map((column) => column.trim().replace(/"/g, '')).indexOf('name');
  const rows = copy[2].split('\n').filter((line) => line !== '').map((line) => line.split('\t'));
  return rows.sort((a, b) => Number(a[1]) - Number(b[1]) || Number(a[0]) - Number(b[0])).map((row) => row[nameAt]);
}

/** Rows of a query through psql (tab-separated, with a header), so the tool needs no connection pool. */
async function psqlRows<T extends Record<string, string>>(database: DatabaseConfig, sql: string): Promise<T[]> {
  if (database.type !== 'postgres') throw new BackupError('not a PostgreSQL configuration');
  const out = await run(pgProgram('psql'), ['--no-psqlrc', '--quiet', '--no-align', '--field-separator=\t', '--pset=footer=off', `--dbname=${database.url}`, '--command', sql]);
  const [header, ...lines] = out.split('\n').filter((line) => line !== '');
  if (!header) return [];
  const columns = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, i) => [columns[i], value])) as T);
}
