/*
 * Benchmark: the team calendar feed of 200 agents × 210 days (42,000 shifts: the default window,
 * 30 days back and 180 ahead) served by the BUILT API (dist/apps/api/main.js, built first when
 * missing) on 127.0.0.1 with its own SQLite file in a temp dir.
 *
 * Seeding: team and agents through the API; the shifts straight into SQLite (42,000 POSTs would
 * take minutes), one 8-hour shift per agent and day in three zones (Berlin, New York, Tokyo).
 * Then, each bounded in time and count, with node:http keep-alive clients (BENCH_CLIENT=autocannon
 * for autocannon; 4 connections, loopback only):
 *   - cold: the first request (resolve 210 days, reconcile 42,000 event states, render and store
 *     the body);
 *   - after a change: one shift relabelled through the API, the next request (resolve, reconcile
 *     one event, render and store again);
 *   - warm 200 with gzip (what calendar servers ask for), warm 200 uncompressed, and the 304 path
 *     (If-None-Match with the current ETag).
 * p95 is computed from every response time autocannon reports. Prints Markdown table rows.
 */
import { BENCH_CLIENT, DAY, call, load, login, seedShifts, seedTeam, startServer, timeOne } from './support/bench-server';

const AGENTS = Number(process.env['FEEDS_BENCH_AGENTS'] ?? 200);
const PAST_DAYS = 30;
const FUTURE_DAYS = 180;
/** Target of issue 8: the team feed, warm, with gzip. */
const WARM_P95_TARGET_MS = 50;

async function main(): Promise<void> {
  const server = await startServer({ database: 'sqlite' });
  const { base } = server;
  try {
    const token = await login(base);
    const { teamId, agentIds } = await seedTeam(base, token, { name: 'Bench Desk', agents: AGENTS });
    const today = Math.floor(Date.now() / DAY) * DAY;
    const shifts = await seedShifts(server.database, { teamId, agentIds, firstDay: today - PAST_DAYS * DAY, days: PAST_DAYS + FUTURE_DAYS });
    const secret = await call<{ path: string }>(base, '/feeds', { method: 'POST', token, body: { kind: 'team', teamId } });
    const url = `${base}${secret.path}`;
    const gzip = { 'accept-encoding': 'gzip' };

    const cold = await timeOne(url, gzip);
    const plain = await timeOne(url, { 'accept-encoding': 'identity' });
    if (cold.status !== 200 || plain.status !== 200) throw new Error(`the feed answered ${cold.status}`);
    const rows: string[] = [];
    const label = `team feed ${AGENTS} agents × ${PAST_DAYS + FUTURE_DAYS} days (${shifts} shifts, ${(plain.bytes / 1e6).toFixed(1)} MB, ${(cold.bytes / 1e6).toFixed(2)} MB gzip)`;
    rows.push(`| ${label}: first request (cold) | ${cold.ms.toFixed(0)} ms | — |`);

    const { shifts: [one] } = await call<{ shifts: { id: string }[] }>(base, `/teams/${teamId}/schedule?from=${new Date(today + DAY).toISOString()}&to=${new Date(today + 2 * DAY).toISOString()}`, { token });
    await call(base, `/teams/${teamId}/shifts/${one.id}`, { method: 'PATCH', token, body: { label: 'Relabelled' } });
    const changed = await timeOne(url, gzip);
    rows.push(`| ${label}: first request after a change | ${changed.ms.toFixed(0)} ms | — |`);

    const warm = await load(url, { headers: gzip, seconds: 15, amount: 2000 });
    rows.push(`| ${label}: warm 200, gzip (${BENCH_CLIENT}, ${warm.requests} requests, ${warm.errors} errors) | ${warm.perSecond.toFixed(1)} req/s, p95 ${warm.p95.toFixed(1)} ms | p95 < ${WARM_P95_TARGET_MS} ms${warm.p95 < WARM_P95_TARGET_MS ? '' : ' (missed)'} |`);
    const warmPlain = await load(url, { headers: { 'accept-encoding': 'identity' }, seconds: 10, amount: 300 });
    rows.push(`| ${label}: warm 200, uncompressed (${warmPlain.requests} requests, ${warmPlain.errors} errors) | ${warmPlain.perSecond.toFixed(1)} req/s, p95 ${warmPlain.p95.toFixed(1)} ms | — |`);
    const notModified = await load(url, { headers: { ...gzip, 'if-none-match': changed.etag }, seconds: 10, amount: 20000 });
    const only304 = notModified.statuses.get(304) === notModified.requests;
    rows.push(`| ${label}: 304 path (${notModified.requests} requests${only304 ? ', all 304' : `, statuses ${JSON.stringify([...notModified.statuses])}`}) | ${notModified.perSecond.toFixed(1)} req/s, p95 ${notModified.p95.toFixed(1)} ms | — |`);
    console.log(rows.join('\n'));
    if (warm.errors > 0 || warmPlain.errors > 0 || !only304) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
