import type { Agent, Page, Team } from '@shiftdesk/shared-api-contract';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as sqlite3 from 'sqlite3';
import { backupDatabase, BackupError, restoreDatabase } from '../src/database/backup';
import { MIGRATIONS } from '../src/database/entities';
import { JobLeaseService } from '../src/modules/jobs/job-lease.service';
import { DEMO_MANAGER } from '../src/modules/demo/demo-desk';
import { bearer, bootTestApp, expectStatus, type TestApp, type TestDatabase } from './support/test-app';

const root = resolve(__dirname, '../../..');

/** Row counts of the tables a demo desk fills, to compare a database before and after. */
async function census(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['teams', 'agents', 'users', 'rotations', 'shifts', 'coverage_rules', 'bands', 'salaries', 'audit_entries', 'migrations']) {
    const [row] = (await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number | string }[];
    counts[table] = Number(row.n);
  }
  return counts;
}

/**
 * `npm run backup` / `npm run restore` round-trip a demo database, on SQLite (online backup API,
 * taken while the API runs) and on PostgreSQL (pg_dump / pg_restore) when the suite runs there.
 */
describe('backup and restore', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let t: TestApp | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shiftdesk-backups-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up a running demo desk, and a restore brings back what was changed and deleted since', async () => {
    t = await bootTestApp({ demo: true });
    database = t.database;
    const manager = (await t.login(DEMO_MANAGER.email, DEMO_MANAGER.password)).token;
    const before = await census(t);
    const team = ((await expectStatus(t.http().get('/api/teams').set(bearer(manager)), 200)).body as Team[])[0];
    const agents = (await expectStatus(t.http().get(`/api/agents?teamId=${team.id}&pageSize=200`).set(bearer(manager)), 200)).body as Page<Agent>;

    // Taken while the API serves requests (and holds its database open).
    const file = join(dir, 'demo.backup');
    const backup = await backupDatabase(t.config.database, `${file}.${t.config.database.type === 'sqlite' ? 'sqlite' : 'pgdump'}`);
    expect(backup).toEqual({ file: expect.stringContaining('demo.backup'), bytes: expect.any(Number), migrations: MIGRATIONS.length });
    expect(backup.bytes).toBeGreaterThan(10_000);
    await expect(backupDatabase(t.config.database, backup.file)).rejects.toThrow(/already exists/);

    // Then the desk changes: a team renamed, an agent archived, their shifts removed, a new team.
    await expectStatus(t.http().patch(`/api/teams/${team.id}`).set(bearer(manager)).send({ name: 'Renamed after the backup' }), 200);
    const victim = agents.items[0];
    await expectStatus(t.http().delete(`/api/agents/${victim.id}`).set(bearer(manager)), 200);
    await t.dataSource.query(`DELETE FROM shifts WHERE agent_id = '${victim.id}'`);
    await expectStatus(t.http().post('/api/teams').set(bearer(manager)).send({ name: 'Born after the backup', timeZone: 'UTC' }), 201);
    expect(await census(t)).not.toEqual(before);

    // A running server refuses a restore without --force (it holds a job lease right now).
    await t.app.get(JobLeaseService).tryAcquire('gap-scan', { now: Date.now(), ttlMs: 60_000 });
    await expect(restoreDatabase(t.config.database, backup.file)).rejects.toThrow(/A Shiftdesk server is using this database .*--force/);
    await t.close({ keepDatabase: true });

    // Stopped (its leases handed over): the restore goes through.
    const restored = await restoreDatabase(t.config.database, backup.file);
    expect(restored.pendingMigrations).toEqual([]);
    t = await bootTestApp({ database, demo: true });
    expect(await census(t)).toEqual(before);
    const manager2 = (await t.login(DEMO_MANAGER.email, DEMO_MANAGER.password)).token;
    const teams = (await expectStatus(t.http().get('/api/teams').set(bearer(manager2)), 200)).body as Team[];
    expect(teams.map((each) => each.name)).toEqual([team.name]);
    const back = (await expectStatus(t.http().get(`/api/agents/${victim.id}`).set(bearer(manager2)), 200)).body as Agent;
    expect(back).toMatchObject({ id: victim.id, displayName: victim.displayName, archivedAt: null });
  });

  it('refuses files that are not Shiftdesk backups of the configured database, and changes nothing', async () => {
    if (!t) throw new Error('the first test boots the app');
    const config = t.config.database;
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database at all');
    await expect(restoreDatabase(config, text, { force: true })).rejects.toThrow(new BackupError(`${text} is not a Shiftdesk backup: it is neither a SQLite database nor a pg_dump archive`));

    // Some other application's SQLite database.
    const foreign = join(dir, 'other-app.sqlite');
    await new Promise<void>((done, fail) => {
      const db = new sqlite3.Database(foreign);
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'hello\')', (error) => (error ? fail(error) : db.close(() => done())));
    });
    if (config.type === 'sqlite') {
      await expect(restoreDatabase(config, foreign, { force: true })).rejects.toThrow(/is not a Shiftdesk backup: it has no Shiftdesk migrations table/);
    } else {
      await expect(restoreDatabase(config, foreign, { force: true })).rejects.toThrow(/is a SQLite backup, but the configured database is PostgreSQL/);
    }
    // The database still answers as before.
    const manager = (await t.login(DEMO_MANAGER.email, DEMO_MANAGER.password)).token;
    await expectStatus(t.http().get('/api/teams').set(bearer(manager)), 200);
  });

  it('runs as npm run backup and npm run restore with the server\'s environment', async () => {
    if (!t) throw new Error('the first test boots the app');
    const config = t.config.database;
    const env: Record<string, string> =
      config.type === 'sqlite'
        ? { SHIFTDESK_SQLITE_PATH: config.path, DATABASE_URL: '' }
        : { DATABASE_URL: config.url, SHIFTDESK_DATABASE_SCHEMA: config.schema ?? '' };
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'tools/api-cli.mjs'), ...args], { cwd: dir, env: { ...process.env, ...env, PORT: '1' }, encoding: 'utf8' });

    const backedUp = cli('backup');
    expect({ status: backedUp.status, out: backedUp.stdout, err: backedUp.stderr }).toEqual({ status: 0, out: expect.stringMatching(/^Backed up .* to .*backups\/shiftdesk-(sqlite|postgres)-\d{8}T\d{6}Z\.(sqlite|pgdump) \(/), err: '' });
    const file = /to (\S+) \(/.exec(backedUp.stdout)?.[1] ?? '';
    expect(existsSync(file)).toBe(true);

    // The app (running, holding a lease) is protected; --force overrides.
    await t.app.get(JobLeaseService).tryAcquire('gap-scan', { now: Date.now(), ttlMs: 60_000 });
    const refused = cli('restore', file);
    expect({ status: refused.status, err: refused.stderr }).toEqual({ status: 1, err: expect.stringMatching(/server is using this database .*--force/) });
    const forced = cli('restore', file, '--force');
    expect({ status: forced.status, out: forced.stdout }).toEqual({ status: 0, out: expect.stringMatching(/^Restored .* from .*\nRestart every API instance/) });

    const usage = cli('restore');
    expect({ status: usage.status, err: usage.stderr }).toEqual({ status: 2, err: expect.stringContaining('Usage:') });
  }, 120_000);
});
