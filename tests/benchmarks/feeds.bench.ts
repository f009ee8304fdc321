/*
 * Benchmark: the team calendar feed of 200 agents × 210 days (42,000 shifts: the default window,
 * 30 days back and 180 ahead) served by the BUILT API (dist/apps/api/main.js, built first when
 * missing) on 127.0.0.1 with its own SQLite file in a temp dir.
 *
 * Seeding: team and agents through the API; the shifts straight into SQLite (42,000 POSTs would
 * take minutes), one 8-hour shift per agent and day in three zones (Berlin, New York, Tokyo).
 * Then, each bounded in time and count, with autocannon (4 connections, loopback only):
 *   - cold: the first request (resolve 210 days, reconcile 42,000 event states, render 22 MB);
 *   - after a change: one shift relabelled through the API, the next request (resolve, reconcile
 *     one event, render again);
 *   - warm 200 with gzip (what calendar servers ask for), warm 200 uncompressed, and the 304 path
 *     (If-None-Match with the current ETag).
 * p95 is computed from every response time autocannon reports. Prints Markdown table rows.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// The bundle runs from a temp dir: resolve the native driver from the repository.
const sqlite3 = createRequire(join(process.cwd(), 'package.json'))('sqlite3') as typeof import('sqlite3');

const AGENTS = Number(process.env['FEEDS_BENCH_AGENTS'] ?? 200);
const PAST_DAYS = 30;
const FUTURE_DAYS = 180;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];
const ADMIN = { email: 'bench@feeds.bench', password: 'bench-password-1' };
const root = process.cwd();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function call<T>(base: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${base}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
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

function seedShifts(file: string, teamId: string, agentIds: string[], today: number): Promise<number> {
  const db = new sqlite3.Database(file);
  const run = (sql: string, params: unknown[] = []) => new Promise<void>((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  const columns = () => new Promise<{ name: string }[]>((resolve, reject) => db.all('PRAGMA table_info(shifts)', (error, rows) => (error ? reject(error) : resolve(rows as { name: string }[]))));
  return (async () => {
    await run('PRAGMA busy_timeout = 10000');
    const known = new Set((await columns()).map((column) => column.name));
    const now = new Date().toISOString();
    const names = ['id', 'team_id', 'agent_id', 'start_at', 'end_at', 'time_zone', 'channel', 'label', 'breaks', 'status', 'source', 'locked', 'created_at', 'updated_at'].filter((name) => known.has(name));
    const sql = `INSERT INTO shifts (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
    let count = 0;
    await run('BEGIN');
    for (let a = 0; a < agentIds.length; a += 1) {
      for (let d = -PAST_DAYS; d < FUTURE_DAYS; d += 1) {
        const start = today + d * DAY + (a % 3) * 8 * HOUR;
        const values: Record<string, unknown> = {
          id: randomUUID(), team_id: teamId, agent_id: agentIds[a], start_at: new Date(start).toISOString(), end_at: new Date(start + 8 * HOUR).toISOString(),
          time_zone: ZONES[a % 3], channel: 'email', label: null, breaks: '[]', status: 'published', source: 'manual', locked: 0, created_at: now, updated_at: now,
        };
        await run(sql, names.map((name) => values[name]));
        count += 1;
      }
    }
    await run('COMMIT');
    await new Promise<void>((resolve) => db.close(() => resolve()));
    return count;
  })();
}

async function timeOne(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; status: number; bytes: number; etag: string }> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  // fetch inflates gzip itself: the bytes on the wire are in Content-Length.
  const wire = Number(response.headers.get('content-length') ?? NaN);
  const bytes = Number.isFinite(wire) ? wire : (await response.arrayBuffer()).byteLength;
  if (Number.isFinite(wire)) await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes, etag: response.headers.get('etag') ?? '' };
}

async function load(url: string, headers: Record<string, string>, options: { seconds: number; amount: number }) {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const instance = autocannon({ url, headers, connections: 4, duration: options.seconds, amount: options.amount, timeout: 60 });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const p95 = times.length ? times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] : NaN;
  const seconds = result.duration;
  return { requests: times.length, perSecond: times.length / seconds, p95, errors: result.errors + result.timeouts + result.non2xx - (statuses.get(304) ?? 0), statuses };
}

async function main(): Promise<void> {
  const mainJs = join(root, 'dist/apps/api/main.js');
  if (!existsSync(mainJs)) {
    const built = spawnSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'build', 'api'], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
    if (built.status !== 0) throw new Error('could not build the API');
  }
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-feeds-bench-'));
  const file = join(dir, 'bench.sqlite');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [mainJs], {
    cwd: root,
    env: { ...process.env, PORT: String(port), SHIFTDESK_SQLITE_PATH: file, SHIFTDESK_DEMO: 'false', SHIFTDESK_ADMIN_EMAIL: ADMIN.email, SHIFTDESK_ADMIN_PASSWORD: ADMIN.password, SHIFTDESK_LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(base, child);
    const { token } = await call<{ token: string }>(base, '/auth/login', { method: 'POST', body: ADMIN });
    const team = await call<{ id: string }>(base, '/teams', { method: 'POST', token, body: { name: 'Bench Desk', timeZone: 'Europe/Berlin' } });
    const agentIds: string[] = [];
    for (let a = 0; a < AGENTS; a += 1) {
      const agent = await call<{ id: string }>(base, '/agents', {
        method: 'POST',
        token,
        body: { teamId: team.id, displayName: `Bench Agent${a} Feedova`, email: `agent${a}@feeds.bench`, timeZone: ZONES[a % 3], workMode: 'remote', languages: [{ code: 'en', level: 'fluent' }], channels: ['email'], contractHoursPerWeek: 40 },
      });
      agentIds.push(agent.id);
    }
    const today = Math.floor(Date.now() / DAY) * DAY;
    const shifts = await seedShifts(file, team.id, agentIds, today);
    const secret = await call<{ path: string }>(base, '/feeds', { method: 'POST', token, body: { kind: 'team', teamId: team.id } });
    const url = `${base}${secret.path}`;
    const gzip = { 'accept-encoding': 'gzip' };

    const cold = await timeOne(url, gzip);
    // fetch asks for gzip on its own: say identity to get (and size) the uncompressed body.
    const plain = await timeOne(url, { 'accept-encoding': 'identity' });
    if (cold.status !== 200 || plain.status !== 200) throw new Error(`the feed answered ${cold.status}`);
    const rows: string[] = [];
    const label = `team feed ${AGENTS} agents × ${PAST_DAYS + FUTURE_DAYS} days (${shifts} shifts, ${(plain.bytes / 1e6).toFixed(1)} MB, ${(cold.bytes / 1e6).toFixed(2)} MB gzip)`;
    rows.push(`| ${label}: first request (cold) | ${cold.ms.toFixed(0)} ms | — |`);

    const [one] = await call<{ items?: unknown[] } & { shifts: { id: string }[] }>(base, `/teams/${team.id}/schedule?from=${new Date(today + DAY).toISOString()}&to=${new Date(today + 2 * DAY).toISOString()}`, { token }).then((r) => r.shifts);
    await call(base, `/teams/${team.id}/shifts/${one.id}`, { method: 'PATCH', token, body: { label: 'Relabelled' } });
    const changed = await timeOne(url, gzip);
    rows.push(`| ${label}: first request after a change | ${changed.ms.toFixed(0)} ms | — |`);

    const warm = await load(url, gzip, { seconds: 15, amount: 2000 });
    rows.push(`| ${label}: warm 200, gzip (${warm.requests} requests, ${warm.errors} errors) | ${warm.perSecond.toFixed(1)} req/s, p95 ${warm.p95.toFixed(1)} ms | — |`);
    const warmPlain = await load(url, { 'accept-encoding': 'identity' }, { seconds: 10, amount: 300 });
    rows.push(`| ${label}: warm 200, uncompressed (${warmPlain.requests} requests, ${warmPlain.errors} errors) | ${warmPlain.perSecond.toFixed(1)} req/s, p95 ${warmPlain.p95.toFixed(1)} ms | — |`);
    const notModified = await load(url, { ...gzip, 'if-none-match': changed.etag }, { seconds: 10, amount: 20000 });
    const only304 = notModified.statuses.get(304) === notModified.requests;
    rows.push(`| ${label}: 304 path (${notModified.requests} requests${only304 ? ', all 304' : `, statuses ${JSON.stringify([...notModified.statuses])}`}) | ${notModified.perSecond.toFixed(1)} req/s, p95 ${notModified.p95.toFixed(1)} ms | — |`);
    console.log(rows.join('\n'));
    if (warm.errors > 0 || warmPlain.errors > 0 || !only304) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
