import type { Agent, Team } from '@shiftdesk/shared-api-contract';
import { existsSync, statSync } from 'node:fs';
import { ADMIN, type ApiProcess, client, login, startApi, stopApis } from './support/api-process';
import { bigCalendar } from './support/calendar';
import { createFaultDatabase, type FaultDatabase } from './support/database';

/** A connection attempt's fate: refused (nobody listens any more) or answered. */
async function connects(api: ApiProcess): Promise<boolean> {
  try {
    await fetch(`${api.baseUrl}/api/health`, { headers: { connection: 'close' } });
    return true;
  } catch {
    return false;
  }
}

describe('graceful shutdown of the built API', () => {
  let db: FaultDatabase;
  beforeAll(async () => {
    db = await createFaultDatabase();
  });
  afterAll(async () => {
    await stopApis();
    await db?.close();
  });

  it('on SIGTERM stops accepting, finishes the request in flight, hands its job leases over, closes the database and exits 0', async () => {
    // Half-second ticks, so the process holds the job leases before it is stopped.
    const api = await startApi(db, { SHIFTDESK_JOB_TICK_MS: '500', SHIFTDESK_LOG_LEVEL: 'log' });
    const admin = await login(api, ADMIN.email, ADMIN.password);
    const call = client(api, admin);
    const team = (await call<Team>('POST', '/teams', { name: 'Drain desk', timeZone: 'UTC' })).body;
    const agent = (await call<Agent>('POST', '/agents', { teamId: team.id, displayName: 'Dora Drainova', email: 'dora@faults.test', timeZone: 'UTC', workMode: 'remote', languages: [{ code: 'en', level: 'fluent' }], channels: ['email'], contractHoursPerWeek: 40 })).body;

    const mine = `%:${api.pid}:%`;
    const held = async () => (await db.query<{ name: string }>(`SELECT name FROM job_leases WHERE holder LIKE ${db.param(1)}`, [mine])).map((row) => row.name).sort();
    const deadline = Date.now() + 15_000;
    while ((await held()).length < 6 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await held()).toEqual(['calendar-imports', 'gap-scan', 'login-lockout-cleanup', 'request-expiry', 'session-cleanup', 'webhook-retries']);
    // The file must be the API's alone when it stops, to see it checkpoint and remove its WAL.
    await db.disconnect();

    const slow = call<{ spanCount: number }>('POST', `/agents/${agent.id}/calendar-imports`, { ics: bigCalendar(5_000, 'drain'), label: 'Slow upload' }).then((response) => ({ ...response, at: Date.now() }));
    // Let the upload reach the server and start working.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = Date.now();
    api.child.kill('SIGTERM');

    // New connections are refused soon after the signal (as soon as the server's event loop
    // gets to it: on a loaded machine parsing the upload can hold it for seconds)...
    let refusedAt: number | null = null;
    while (refusedAt === null && Date.now() - signalledAt < 30_000) {
      if (!(await connects(api))) refusedAt = Date.now();
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // ...while the upload in flight still finishes, whole.
    const answer = await slow;
    expect({ status: answer.status, spanCount: answer.body.spanCount }).toEqual({ status: 201, spanCount: 5_000 });
    expect(refusedAt).not.toBeNull();
    expect(refusedAt as number).toBeLessThan(answer.at);

    const exit = await api.exited;
    const exitedAt = Date.now();
    expect(exit).toEqual({ code: 0, signal: null });
    expect(api.output()).toMatch(/stopped cleanly/);

    if (db.kind === 'sqlite' && db.path) {
      // Closed cleanly: the last connection checkpointed the WAL into the file and removed it.
      const wal = `${db.path}-wal`;
      expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    }
    const spans = await db.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM unavailability_spans WHERE agent_id = ${db.param(1)}`, [agent.id]);
    expect(Number(spans[0].n)).toBe(5_000);
    // Its leases were handed over on the way out: nobody has to wait for them to run out.
    const leases = await db.query<{ name: string; expires_at: string }>(`SELECT name, expires_at FROM job_leases WHERE holder LIKE ${db.param(1)}`, [mine]);
    expect(leases).toHaveLength(6);
    for (const lease of leases) expect({ name: lease.name, released: Date.parse(lease.expires_at) <= exitedAt }).toEqual({ name: lease.name, released: true });
  });
});
