/*
 * `npm run bench:load` (issue 8, load): the BUILT API (dist/apps/api/main.js, built first when
 * missing) on 127.0.0.1, once on SQLite and once on PostgreSQL, each with a desk of 500 agents and
 * a year of shifts, driven with autocannon over loopback, every workload bounded in time and in
 * requests. Prints one Markdown table: workload × database with requests/s, p50/p95/p99 latency
 * and errors (socket errors, timeouts, answers other than 2xx/3xx), and the targets.
 *
 * PostgreSQL: SHIFTDESK_BENCH_DATABASE_URL (a fresh schema is created in it and dropped after);
 * without it, a throw-away cluster from tests/support/start-postgres.sh on a free port; when
 * neither works the column says "not run".
 *
 * Seeding: the team and its 500 agents through the API (validation, logins, skills as in real
 * use), then ~130,000 published 8-hour shifts straight into the database (60 days back to 305
 * ahead, five days a week per agent, starts at 00:00/08:00/16:00 UTC in three zones): posting
 * them would take longer than the whole benchmark.
 *
 * LOAD_BENCH_SECONDS (default 8) and LOAD_BENCH_CONNECTIONS (default 4) tune every workload.
 * The client is node:http on keep-alive sockets (BENCH_CLIENT=autocannon for autocannon): most
 * answers here are megabytes, which autocannon's JavaScript parser turns into strings, so it
 * saturates before the server does (see loadWithHttp in ../support/bench-server.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_CLIENT, DAY, HOUR, ZONES, call, freePort, load, login, seedShifts, seedTeam, startServer, timeOne, type LoadRequest, type LoadResult } from '../support/bench-server';

const AGENTS = 500;
const PAST_DAYS = 60;
const DAYS = 365;
const SECONDS = Number(process.env['LOAD_BENCH_SECONDS'] ?? 8);
const CONNECTIONS = Number(process.env['LOAD_BENCH_CONNECTIONS'] ?? 4);
/** Agent `a` works day `d` (counted from the first seeded day) five days in seven. */
const works = (a: number, d: number) => (a + d) % 7 < 5;

interface Workload {
  name: string;
  target?: { p95Ms: number };
  run: (desk: Desk) => Promise<LoadResult>;
}

interface Desk {
  base: string;
  token: string;
  teamId: string;
  agentIds: string[];
  today: number;
  teamFeed: string;
  agentFeed: string;
  /** Published shifts a mixed workload relabels. */
  shiftIds: string[];
}

const iso = (instant: number) => new Date(instant).toISOString();
const auth = (desk: Desk) => ({ authorization: `Bearer ${desk.token}`, 'accept-encoding': 'gzip' });
const bounded = (amount: number) => ({ seconds: SECONDS, amount, connections: CONNECTIONS });
/** A month from Monday next week: what a manager planning ahead looks at. */
const month = (desk: Desk) => ({ from: desk.today + 7 * DAY, to: desk.today + 38 * DAY });

const reads = (desk: Desk): Record<string, string> => {
  const { from, to } = month(desk);
  const team = `/api/teams/${desk.teamId}`;
  return {
    week: `${team}/schedule?from=${iso(from)}&to=${iso(from + 7 * DAY)}`,
    month: `${team}/schedule?from=${iso(from)}&to=${iso(to)}`,
    coverage: `${team}/coverage?from=${iso(from)}&to=${iso(to)}`,
    gaps: `${team}/gaps?from=${iso(from)}&to=${iso(to)}`,
  };
};

const WORKLOADS: Workload[] = [
  { name: 'team iCal feed, 500 agents, warm, gzip', target: { p95Ms: 50 }, run: (desk) => load(desk.teamFeed, { ...bounded(4000), headers: { 'accept-encoding': 'gzip' } }) },
  { name: 'agent iCal feed, warm, gzip', run: (desk) => load(desk.agentFeed, { ...bounded(20000), headers: { 'accept-encoding': 'gzip' } }) },
  { name: 'roster view, GET schedule, 7 days', run: (desk) => load(`${desk.base}${reads(desk)['week']}`, { ...bounded(4000), headers: auth(desk) }) },
  { name: 'roster view, GET schedule, 31 days', run: (desk) => load(`${desk.base}${reads(desk)['month']}`, { ...bounded(2000), headers: auth(desk) }) },
  { name: 'coverage, 31 days (15-min buckets)', target: { p95Ms: 150 }, run: (desk) => load(`${desk.base}${reads(desk)['coverage']}`, { ...bounded(2000), headers: auth(desk) }) },
  { name: 'gaps, 31 days', target: { p95Ms: 150 }, run: (desk) => load(`${desk.base}${reads(desk)['gaps']}`, { ...bounded(2000), headers: auth(desk) }) },
  { name: 'mixed: 90% reads (week, month, coverage, gaps), 5% shift creates, 5% updates', run: (desk) => load(`${desk.base}/api/health`, { ...bounded(4000), headers: auth(desk), requests: mixed(desk) }) },
];

/**
 * Twenty requests each connection cycles through: 18 reads (the four views in turn), one new
 * shift (each on a day its agent has off, never overlapping another) and one relabelled shift.
 */
function mixed(desk: Desk): LoadRequest[] {
  const views = Object.values(reads(desk));
  const firstDay = desk.today - PAST_DAYS * DAY;
  let created = 0;
  let relabelled = 0;
  const create: LoadRequest = {
    method: 'POST',
    path: `/api/teams/${desk.teamId}/shifts`,
    headers: { ...auth(desk), 'content-type': 'application/json' },
    setupRequest: (request) => {
      const k = created++;
      const a = k % AGENTS;
      // A day off of agent a (works(a, d) is false for (a + d) % 7 of 5 or 6), 100 days on and later.
      const d = 100 + ((((5 - a - 100) % 7) + 7) % 7) + 7 * Math.floor(k / AGENTS);
      const start = firstDay + d * DAY + (a % 3) * 8 * HOUR;
      return { ...request, body: JSON.stringify({ agentId: desk.agentIds[a], start: iso(start), end: iso(start + 8 * HOUR), timeZone: ZONES[a % 3], channel: 'email' }) };
    },
  };
  const update: LoadRequest = {
    method: 'PATCH',
    path: '/api/health',
    headers: { ...auth(desk), 'content-type': 'application/json' },
    setupRequest: (request) => {
      const k = relabelled++;
      return { ...request, path: `/api/teams/${desk.teamId}/shifts/${desk.shiftIds[k % desk.shiftIds.length]}`, body: JSON.stringify({ label: `Relabelled ${k}` }) };
    },
  };
  const sequence: LoadRequest[] = [];
  for (let i = 0; i < 18; i += 1) sequence.push({ method: 'GET', path: views[i % views.length] });
  sequence.splice(9, 0, create);
  sequence.push(update);
  return sequence;
}

async function prepare(base: string, database: Parameters<typeof seedShifts>[0]): Promise<{ desk: Desk; notes: string[] }> {
  const notes: string[] = [];
  const token = await login(base);
  let started = performance.now();
  const { teamId, agentIds } = await seedTeam(base, token, { name: 'Load Desk', agents: AGENTS });
  const today = Math.floor(Date.now() / DAY) * DAY;
  notes.push(`${AGENTS} agents through the API in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const shifts = await seedShifts(database, { teamId, agentIds, firstDay: today - PAST_DAYS * DAY, days: DAYS, works });
  notes.push(`${shifts} shifts in bulk SQL in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const teamFeed = `${base}${(await call<{ path: string }>(base, '/feeds', { method: 'POST', token, body: { kind: 'team', teamId } })).path}`;
  const agentFeed = `${base}${(await call<{ path: string }>(base, '/feeds', { method: 'POST', token, body: { kind: 'agent', agentId: agentIds[0] } })).path}`;
  const cold = await timeOne(teamFeed, { 'accept-encoding': 'gzip' });
  if (cold.status !== 200) throw new Error(`the team feed answered ${cold.status}`);
  notes.push(`team feed first request (resolve, reconcile, render, store) ${(cold.ms / 1000).toFixed(1)} s, ${(cold.bytes / 1e6).toFixed(1)} MB gzip`);
  const agentCold = await timeOne(agentFeed, { 'accept-encoding': 'gzip' });
  notes.push(`agent feed first request ${agentCold.ms.toFixed(0)} ms`);
  const from = today + 7 * DAY;
  const week = await call<{ shifts: { id: string; source: string }[] }>(base, `/teams/${teamId}/schedule?from=${iso(from)}&to=${iso(from + 7 * DAY)}`, { token });
  const shiftIds = week.shifts.filter((shift) => shift.source === 'manual').map((shift) => shift.id).slice(0, 400);
  return { desk: { base, token, teamId, agentIds, today, teamFeed, agentFeed, shiftIds }, notes };
}

async function runOn(kind: 'sqlite' | 'postgres', url?: string): Promise<{ results: Map<string, LoadResult>; notes: string[] }> {
  const server = await startServer(kind === 'sqlite' ? { database: 'sqlite' } : { database: 'postgres', url: url as string });
  try {
    const { desk, notes } = await prepare(server.base, server.database);
    const results = new Map<string, LoadResult>();
    for (const workload of WORKLOADS) {
      results.set(workload.name, await workload.run(desk));
      process.stderr.write(`  ${kind}: ${workload.name} done\n`);
    }
    return { results, notes };
  } finally {
    await server.stop();
  }
}

/** A throw-away PostgreSQL cluster (tests/support/start-postgres.sh); null when that fails. */
async function startThrowawayPostgres(): Promise<{ url: string; stop: () => void } | null> {
  const script = join(process.cwd(), 'tests/support/start-postgres.sh');
  const started = spawnSync('bash', [script], { encoding: 'utf8', env: { ...process.env, SHIFTDESK_TEST_PG_PORT: String(await freePort()) } });
  const url = /SHIFTDESK_TEST_DATABASE_URL=(\S+)/.exec(started.stdout ?? '')?.[1];
  const dir = /SHIFTDESK_TEST_PG_DIR=(\S+)/.exec(started.stdout ?? '')?.[1];
  if (started.status !== 0 || !url || !dir) return null;
  return {
    url,
    stop: () => {
      const bin = spawnSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1'], { encoding: 'utf8' }).stdout.trim();
      const stop = `'${bin}/pg_ctl' -D '${dir}/data' -m fast stop`;
      spawnSync('bash', ['-c', process.getuid?.() === 0 ? `su postgres -s /bin/sh -c "${stop}"` : stop], { stdio: 'ignore' });
      spawnSync('rm', ['-rf', dir]);
    },
  };
}

const cell = (result: LoadResult | undefined) =>
  result ? [result.perSecond.toFixed(1), result.p50.toFixed(1), result.p95.toFixed(1), result.p99.toFixed(1), String(result.errors)] : ['not run', '—', '—', '—', '—'];

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}; client ${BENCH_CLIENT === 'http' ? 'node:http keep-alive' : 'autocannon'}, ${CONNECTIONS} connections, at most ${SECONDS} s per workload; latencies in ms\n`);
  const sqlite = await runOn('sqlite');
  let postgres: Awaited<ReturnType<typeof runOn>> | null = null;
  let postgresNote = '';
  const given = process.env['SHIFTDESK_BENCH_DATABASE_URL'];
  const cluster = given ? null : await startThrowawayPostgres();
  try {
    if (given || cluster) postgres = await runOn('postgres', given ?? cluster?.url);
    else postgresNote = 'PostgreSQL not run: SHIFTDESK_BENCH_DATABASE_URL is unset and no throw-away cluster could be started (tests/support/start-postgres.sh).';
  } finally {
    cluster?.stop();
  }

  let missed = false;
  const rows = ['| workload | SQLite req/s | p50 | p95 | p99 | errors | PostgreSQL req/s | p50 | p95 | p99 | errors | target |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'];
  for (const workload of WORKLOADS) {
    const a = sqlite.results.get(workload.name);
    const b = postgres?.results.get(workload.name);
    const checks = [a, b].filter((r): r is LoadResult => r !== undefined);
    const errorsOk = checks.every((r) => r.errors === 0);
    const p95Ok = !workload.target || checks.every((r) => r.p95 < (workload.target?.p95Ms ?? Infinity));
    if (!errorsOk || !p95Ok) missed = true;
    const target = `0 errors${workload.target ? `, p95 < ${workload.target.p95Ms} ms` : ''}${errorsOk && p95Ok ? '' : ' (missed)'}`;
    rows.push(`| ${workload.name} | ${cell(a).join(' | ')} | ${cell(b).join(' | ')} | ${target} |`);
  }
  console.log(rows.join('\n'));
  console.log(`\nSQLite: ${sqlite.notes.join('; ')}.`);
  console.log(postgres ? `PostgreSQL: ${postgres.notes.join('; ')}.` : postgresNote);
  if (missed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
