/*
 * Shared by the benchmarks that drive the BUILT API over loopback (feeds.bench.ts,
 * load/load-bench.ts): build when missing, start dist/apps/api/main.js on 127.0.0.1 with its own
 * database (a SQLite file in a temp dir, or a fresh schema on a PostgreSQL server), seed a team
 * through the API and its shifts in bulk SQL, and measure with autocannon.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, get as httpGet, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];
export const ADMIN = { email: 'bench@shiftdesk.bench', password: 'bench-password-1' };
const root = process.cwd();
// The bundles run from a temp dir: resolve the native drivers from the repository.
const requireFromRoot = createRequire(join(root, 'package.json'));

/** The minimum of node-postgres the seeding uses (the repository has no @types/pg). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
type PgModule = { Client: new (options: { connectionString: string }) => PgClient };

export type BenchDatabase = { type: 'sqlite'; file: string } | { type: 'postgres'; url: string; schema: string };

export interface BenchServer {
  base: string;
  database: BenchDatabase;
  child: ChildProcess;
  /** Stops the server and removes its database (file or schema). */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** JSON call to the API; throws with the status and body on anything but 2xx. */
export async function call<T>(base: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${base}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Builds the API bundle when dist/apps/api/main.js is missing; returns its path. */
export function ensureBuilt(): string {
  const mainJs = join(root, 'dist/apps/api/main.js');
  if (!existsSync(mainJs)) {
    const built = spawnSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'build', 'api'], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
    if (built.status !== 0) throw new Error('could not build the API');
  }
  return mainJs;
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the API did not become healthy within 60 s');
}

async function withPg<T>(url: string, work: (client: PgClient) => Promise<T>): Promise<T> {
  const { Client } = requireFromRoot('pg') as PgModule;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Starts the built API on a free loopback port with an empty database: `sqlite` gets a file in a
 * temp dir, `postgres` a fresh schema on the server at `url` (dropped by `stop`). `nodeArgs` go
 * before the script (e.g. `--cpu-prof` to profile the server).
 */
export async function startServer(
  options: ({ database: 'sqlite' } | { database: 'postgres'; url: string }) & { env?: Record<string, string>; nodeArgs?: string[] },
): Promise<BenchServer> {
  const mainJs = ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-bench-'));
  let database: BenchDatabase;
  const dbEnv: Record<string, string> = {};
  if (options.database === 'sqlite') {
    database = { type: 'sqlite', file: join(dir, 'bench.sqlite') };
    Object.assign(dbEnv, { SHIFTDESK_SQLITE_PATH: database.file, DATABASE_URL: '' });
  } else {
    database = { type: 'postgres', url: options.url, schema: `bench_${randomBytes(6).toString('hex')}` };
    await withPg(options.url, (client) => client.query(`CREATE SCHEMA "${(database as { schema: string }).schema}"`));
    Object.assign(dbEnv, { DATABASE_URL: options.url, SHIFTDESK_DATABASE_SCHEMA: database.schema });
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), mainJs], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      SHIFTDESK_DEMO: 'false',
      SHIFTDESK_ADMIN_EMAIL: ADMIN.email,
      SHIFTDESK_ADMIN_PASSWORD: ADMIN.password,
      SHIFTDESK_LOG_LEVEL: 'warn',
      // A bench polls one feed and signs in far beyond what the rate limits allow a person.
      SHIFTDESK_FEED_RATE_LIMIT: '1000000',
      SHIFTDESK_LOGIN_RATE_LIMIT: '1000000',
      ...dbEnv,
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    if (database.type === 'postgres') {
      const schema = database.schema;
      await withPg(database.url, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, database, child, stop };
}

export async function login(base: string): Promise<string> {
  return (await call<{ token: string }>(base, '/auth/login', { method: 'POST', body: ADMIN })).token;
}

/** A team and its agents through the API (validation, logins and skills as in real use), a few at a time. */
export async function seedTeam(base: string, token: string, options: { name: string; agents: number; timeZone?: string }): Promise<{ teamId: string; agentIds: string[] }> {
  const team = await call<{ id: string }>(base, '/teams', { method: 'POST', token, body: { name: options.name, timeZone: options.timeZone ?? 'Europe/Berlin' } });
  const agentIds: string[] = new Array(options.agents);
  const create = async (a: number) => {
    const agent = await call<{ id: string }>(base, '/agents', {
      method: 'POST',
      token,
      body: { teamId: team.id, displayName: `Bench Agent${a} Benchova`, email: `agent${a}@${team.id.slice(0, 8)}.bench`, timeZone: ZONES[a % 3], workMode: 'remote', languages: [{ code: 'en', level: 'fluent' }], channels: ['email'], contractHoursPerWeek: 40 },
    });
    agentIds[a] = agent.id;
  };
  for (let a = 0; a < options.agents; a += 4) await Promise.all([a, a + 1, a + 2, a + 3].filter((i) => i < options.agents).map(create));
  return { teamId: team.id, agentIds };
}

export interface SeedShiftsInput {
  teamId: string;
  agentIds: string[];
  /** 00:00 UTC of the first day; one day per entry from there. */
  firstDay: number;
  days: number;
  /** Whether agent `a` works day `d` (default: every day). */
  works?: (agent: number, day: number) => boolean;
}

/**
 * Published 8-hour shifts straight into the shifts table in a few transactions (tens of thousands
 * of POSTs would take minutes): agent `a` starts at 00:00, 08:00 or 16:00 UTC by `a % 3`, in the
 * zone ZONES[a % 3]. Columns are read from the table, so the seeding keeps up with new ones.
 */
export async function seedShifts(database: BenchDatabase, input: SeedShiftsInput): Promise<number> {
  const now = new Date().toISOString();
  const rows: Record<string, unknown>[] = [];
  for (let a = 0; a < input.agentIds.length; a += 1) {
    for (let d = 0; d < input.days; d += 1) {
      if (input.works && !input.works(a, d)) continue;
      const start = input.firstDay + d * DAY + (a % 3) * 8 * HOUR;
      rows.push({
        id: randomUUID(), team_id: input.teamId, agent_id: input.agentIds[a], start_at: new Date(start).toISOString(), end_at: new Date(start + 8 * HOUR).toISOString(),
        time_zone: ZONES[a % 3], channel: 'email', label: null, breaks: '[]', status: 'published', source: 'manual', locked: false, created_at: now, updated_at: now,
      });
    }
  }
  const wanted = Object.keys(rows[0] ?? {});
  if (database.type === 'sqlite') {
    const sqlite3 = requireFromRoot('sqlite3') as typeof import('sqlite3');
    const db = new sqlite3.Database(database.file);
    const run = (sql: string, params: unknown[] = []) => new Promise<void>((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
    const known = await new Promise<Set<string>>((resolve, reject) => db.all('PRAGMA table_info(shifts)', (error, found) => (error ? reject(error) : resolve(new Set((found as { name: string }[]).map((c) => c.name))))));
    const names = wanted.filter((name) => known.has(name));
    const sql = `INSERT INTO shifts (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
    await run('PRAGMA busy_timeout = 10000');
    // 5,000 rows per transaction: the running API (its job leases) gets the write lock in between.
    for (let i = 0; i < rows.length; i += 5000) {
      await run('BEGIN');
      for (const row of rows.slice(i, i + 5000)) await run(sql, names.map((name) => (name === 'locked' ? (row[name] ? 1 : 0) : row[name])));
      await run('COMMIT');
    }
    await new Promise<void>((resolve) => db.close(() => resolve()));
  } else {
    const { schema } = database;
    await withPg(database.url, async (client) => {
      const found = await client.query('SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2', [schema, 'shifts']);
      const known = new Set(found.rows.map((row) => String(row['column_name'])));
      const names = wanted.filter((name) => known.has(name));
      await client.query('BEGIN');
      // 500 rows × 14 columns per statement: well under PostgreSQL's 65,535 parameters.
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const values = chunk.map((_, r) => `(${names.map((__, c) => `$${r * names.length + c + 1}`).join(', ')})`).join(', ');
        await client.query(`INSERT INTO "${schema}".shifts (${names.join(', ')}) VALUES ${values}`, chunk.flatMap((row) => names.map((name) => row[name])));
      }
      await client.query('COMMIT');
      await client.query(`ANALYZE "${schema}".shifts`);
    });
  }
  return rows.length;
}

/**
 * One GET, timed until the last byte; `bytes` is what came over the wire (node:http, not fetch:
 * fetch would inflate a gzipped body, and time that too).
 */
export function timeOne(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; status: number; bytes: number; etag: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0, bytes, etag: String(response.headers['etag'] ?? '') }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Socket errors, timeouts and answers other than 2xx/3xx. */
  errors: number;
  statuses: Map<number, number>;
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
export function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] : NaN;
}

export interface LoadRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Called before each send (autocannon's hook): returns the request to send, e.g. with a fresh body. */
  setupRequest?: (request: LoadRequest) => LoadRequest;
}

export interface LoadOptions {
  seconds: number;
  amount: number;
  connections?: number;
  headers?: Record<string, string>;
  requests?: LoadRequest[];
}

/** Which load client `load` uses: BENCH_CLIENT=autocannon, or node:http (the default, see loadWithHttp). */
export const BENCH_CLIENT: 'autocannon' | 'http' = process.env['BENCH_CLIENT'] === 'autocannon' ? 'autocannon' : 'http';

/**
 * Drives `url` on loopback with BENCH_CLIENT, bounded by `seconds` and `amount` responses
 * (whichever comes first); every response's latency counts.
 */
export function load(url: string, options: LoadOptions): Promise<LoadResult> {
  return BENCH_CLIENT === 'autocannon' ? loadWithAutocannon(url, options) : loadWithHttp(url, options);
}

/**
 * Drives `url` with autocannon on loopback, bounded by `seconds` and `amount` responses
 * (whichever comes first). `requests` (optional) cycles through several requests, e.g. a mixed read/write workload;
 * their paths are relative to `url`'s origin. Latencies are every response autocannon reports.
 */
export async function loadWithAutocannon(url: string, options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  // autocannon's own `amount` overrides `duration` (it would run until the count is reached,
  // however long): the time bound goes to autocannon, the count is enforced here.
  const instance = autocannon({
    url,
    headers: options.headers ?? {},
    connections: options.connections ?? 4,
    duration: options.seconds,
    timeout: 60,
    ...(options.requests ? { requests: options.requests } : {}),
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    if (times.length === options.amount) instance.stop();
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const bad = [...statuses].filter(([status]) => status < 200 || status >= 400).reduce((sum, [, count]) => sum + count, 0);
  return {
    requests: times.length,
    perSecond: times.length / Math.max(result.duration, 0.001),
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
    errors: result.errors + result.timeouts + bad,
    statuses,
  };
}

/**
 * The same measurement with node:http on keep-alive sockets, bodies counted and dropped: for
 * answers of megabytes (feeds, a month of roster or coverage). autocannon's client parses in
 * JavaScript (http-parser-js) and appends every body chunk to a string, which for a 3 MB feed
 * costs the client more CPU than the server spends answering, so its latencies would measure the
 * load generator. `connections` loops each send a request, read the whole answer, send the next.
 */
export async function loadWithHttp(url: string, options: LoadOptions): Promise<LoadResult> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections ?? 4 });
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const sequence = options.requests ?? [{ method: 'GET', path: `${target.pathname}${target.search}` }];
  const one = (template: LoadRequest) =>
    new Promise<void>((resolve) => {
      const request = template.setupRequest ? template.setupRequest({ ...template }) : template;
      const begin = performance.now();
      const req = httpRequest(
        { host: target.hostname, port: target.port, path: request.path, method: request.method ?? 'GET', agent, headers: { ...options.headers, ...request.headers } },
        (response) => {
          response.on('data', () => undefined);
          response.on('end', () => {
            times.push(performance.now() - begin);
            const status = response.statusCode ?? 0;
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status < 200 || status >= 400) errors += 1;
            resolve();
          });
          response.on('error', () => {
            errors += 1;
            resolve();
          });
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(request.body);
    });
  const loop = async () => {
    for (let i = 0; performance.now() < deadline && sent < options.amount; i += 1) {
      sent += 1;
      await one(sequence[i % sequence.length]);
    }
  };
  await Promise.all(Array.from({ length: options.connections ?? 4 }, loop));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  times.sort((a, b) => a - b);
  return { requests: times.length, perSecond: times.length / seconds, p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99), errors, statuses };
}
