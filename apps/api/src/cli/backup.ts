import 'reflect-metadata';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config/app-config';
import { BackupError, backupDatabase, defaultBackupFile, restoreDatabase } from '../database/backup';

/**
 * `npm run backup [-- --out <file or folder>]` and `npm run restore -- <file> [--force]`, with
 * the same environment as the server (SHIFTDESK_SQLITE_PATH, or DATABASE_URL and
 * SHIFTDESK_DATABASE_SCHEMA; PORT to see whether a server runs here). Exit codes: 0 done, 1 the
 * backup or restore failed or was refused, 2 bad arguments or environment.
 */
const USAGE = `Usage:
  npm run backup [-- --out <file.sqlite|file.pgdump|folder>]   (default folder: ./backups)
  npm run restore -- <backup file> [--force]`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 2);
    throw error;
  }
  const where = config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : `PostgreSQL schema ${config.database.schema ?? 'public'}`;

  if (command === 'backup') {
    let out = resolve('backups');
    for (let i = 0; i < rest.length; i += 1) {
      if (rest[i] === '--out' && rest[i + 1]) out = resolve(rest[(i += 1)]);
      else fail(`Unknown argument ${rest[i]}\n${USAGE}`, 2);
    }
    const file = /\.(sqlite|pgdump)$/.test(out) ? out : defaultBackupFile(config.database, out);
    const result = await backupDatabase(config.database, file);
    console.log(`Backed up ${where} to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.migrations} migrations).`);
    return;
  }

  if (command === 'restore') {
    const force = rest.includes('--force');
    const files = rest.filter((arg) => arg !== '--force');
    if (files.length !== 1 || files[0].startsWith('--')) fail(`Name one backup file to restore.\n${USAGE}`, 2);
    const result = await restoreDatabase(config.database, files[0], { force, port: config.port });
    console.log(`Restored ${where} from ${result.file}.`);
    if (result.pendingMigrations.length > 0) {
      console.log(`The backup predates ${result.pendingMigrations.length} migration(s) of this version (${result.pendingMigrations.join(', ')}); they run when the API next starts.`);
    }
    if (force) console.log('Restart every API instance that was running: they may hold data from before the restore in memory.');
    return;
  }

  fail(USAGE, 2);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof BackupError) fail(error.message, 1);
  fail(`Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1);
});
