import type { Region } from '@shiftdesk/shared-api-contract';
import { DataSource } from 'typeorm';
import * as sqlite3 from 'sqlite3';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

/**
 * The database misbehaving under a running API: SQLite held by another writer (WAL and the busy
 * timeout make the API wait, then answer 503, never 500), and PostgreSQL connections lost at run
 * time (503 with Retry-After, then 200 again without a restart).
 */
describe('database faults', () => {
  let t: TestApp;
  let admin: string;
  let n = 0;
  const region = () => ({ name: `Fault region ${++n}`, countryCode: 'RU', defaultTimeZone: 'Europe/Moscow', currency: 'RUB' });

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  // Each database has its own faults; the other's tests are not registered (rather than passing empty).
  const onPostgres = Boolean(process.env['SHIFTDESK_TEST_DATABASE_URL']);

  /** A second writer on the same SQLite file (another process would do the same: a backup, the CLI). */
  async function holdSqliteWriteLock(): Promise<{ release: () => Promise<void> }> {
    if (t.config.database.type !== 'sqlite') throw new Error('SQLite only');
    const db = new sqlite3.Database(t.config.database.path);
    const exec = (sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
    await exec('BEGIN IMMEDIATE');
    return {
      release: async () => {
        await exec('ROLLBACK');
        await new Promise<void>((resolve) => db.close(() => resolve()));
      },
    };
  }

  if (!onPostgres) {
    it('SQLite: reads go on and a write waits for another writer (WAL, busy timeout) instead of failing', async () => {
      const lock = await holdSqliteWriteLock();
      const started = Date.now();
      const write = t.http().post('/api/regions').set(bearer(admin)).send(region()).then((response) => ({ response, at: Date.now() }));
      // WAL: readers are not blocked by the open write transaction.
      await expectStatus(t.http().get('/api/regions').set(bearer(admin)), 200);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await lock.release();
      const { response, at } = await write;
      expect(response.status).toBe(201);
      expect(at - started).toBeGreaterThanOrEqual(900);
    });

    it('SQLite: a write blocked beyond the busy timeout answers 503 with Retry-After, and the next one succeeds', async () => {
      const lock = await holdSqliteWriteLock();
      let response;
      try {
        response = await t.http().post('/api/regions').set(bearer(admin)).send(region());
      } finally {
        await lock.release();
      }
      expect({ status: response.status, body: response.body }).toEqual({ status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/database is not reachable right now/) } });
      expect(response.headers['retry-after']).toBe('5');
      await expectStatus(t.http().post('/api/regions').set(bearer(admin)).send(region()), 201);
    }, 20_000);
  }

  /** A separate admin connection to the test server, as an operator (or a failover) would use. */
  async function withAdmin<T>(work: (db: DataSource) => Promise<T>): Promise<T> {
    if (t.config.database.type !== 'postgres') throw new Error('PostgreSQL only');
    const db = await new DataSource({ type: 'postgres', url: t.config.database.url }).initialize();
    try {
      return await work(db);
    } finally {
      await db.destroy();
    }
  }

  /** Kills every server connection to the test database except the caller's: the API's pool loses all of its connections. */
  const terminateOthers = (db: DataSource) => db.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');

  if (onPostgres) {
    it('PostgreSQL: a request whose connection is killed answers 503 with a clear message, and the API recovers without a restart', async () => {
      const schema = t.config.database.type === 'postgres' ? t.config.database.schema : undefined;
      await withAdmin(async (db) => {
        const runner = db.createQueryRunner();
        await runner.connect();
        // Hold the regions table so the request is in flight (waiting on the lock) when its connection dies.
        const [{ pid: lockPid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
        await runner.startTransaction();
        await runner.query(`LOCK TABLE "${schema}".regions IN ACCESS EXCLUSIVE MODE`);
        const pending = t.http().get('/api/regions').set(bearer(admin)).then((response) => response);
        const deadline = Date.now() + 10_000;
        let waiting: { pid: number }[] = [];
        while (waiting.length === 0 && Date.now() < deadline) {
          waiting = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`);
        }
        expect(waiting.length).toBeGreaterThan(0);
        // Every connection of the API's pool, busy or idle; not the one holding the lock.
        await db.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), $1)', [lockPid]);
        const response = await pending;
        await runner.rollbackTransaction();
        await runner.release();
        expect({ status: response.status, body: response.body }).toEqual({ status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'The database is not reachable right now; try again in a few seconds' } });
        expect(response.headers['retry-after']).toBe('5');
      });
      await expectRecovery();
    });

    it('PostgreSQL: while every connection keeps being killed, answers are 503 (never 500); afterwards 200 again', async () => {
      const statuses: number[] = [];
      await withAdmin(async (db) => {
        let storming = true;
        const storm = (async () => {
          while (storming) {
            await terminateOthers(db);
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        })();
        const until = Date.now() + 1_500;
        while (Date.now() < until) {
          const response = await t.http().post('/api/regions').set(bearer(admin)).send(region());
          statuses.push(response.status);
        }
        storming = false;
        await storm;
      });
      expect(statuses.filter((status) => status !== 201 && status !== 503)).toEqual([]);
      expect(statuses).toContain(503);
      await expectRecovery();
    });
  }

  /** The pool drops dead connections and opens new ones: within a few attempts every answer is 200 again. */
  async function expectRecovery(): Promise<void> {
    const seen: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await t.http().get('/api/regions').set(bearer(admin));
      seen.push(response.status);
      if (response.status === 200) break;
    }
    expect(seen[seen.length - 1]).toBe(200);
    expect(seen.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    // Steady afterwards, writes included.
    await expectStatus(t.http().get('/api/ready'), 200);
    const created = (await expectStatus(t.http().post('/api/regions').set(bearer(admin)).send(region()), 201)).body as Region;
    await expectStatus(t.http().get(`/api/regions/${created.id}`).set(bearer(admin)), 200);
  }
});
