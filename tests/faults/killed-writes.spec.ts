import type { Agent, ManualShift, PublishShiftsResponse, ShiftRequestDetail, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { ADMIN, type ApiProcess, client, login, startApi, stopApis } from './support/api-process';
import { bigCalendar } from './support/calendar';
import { createFaultDatabase, type FaultDatabase } from './support/database';

/**
 * The API killed (SIGKILL: no shutdown code runs) in the middle of its largest writes leaves the
 * database as before or as after each write, never in between:
 *  - a roster publish (every draft of the window flips, in one UPDATE);
 *  - a swap approval (request state, applied sequence, audit entry, notices);
 *  - a bulk import (an uploaded .ics of thousands of events: the import row and all its busy spans).
 * Each round starts the built API on the same database, prepares a fresh swap to approve, sets the
 * drafts back, fires the three writes at once and kills the process: at a random moment, or as
 * soon as a write transaction is seen open (so some kills land inside one for sure). Then the
 * database is opened as it was left, and the next round boots on it (recovery included).
 * FAULTS_KILL_ROUNDS sets the number of killed rounds (default 4).
 */

/** Killed rounds after the full one: half at a random moment, half inside an open write transaction. */
const ROUNDS = Number(process.env['FAULTS_KILL_ROUNDS'] ?? 4);
const DRAFTS = 2_000;
/** The most busy events an import may hold (MAX_IMPORT_SPANS): the largest upload the API writes in one transaction. */
const ICS_EVENTS = 5_000;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const PASSWORD = 'faults-agent-42';

function day(offset: number): string {
  return new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
}

interface Counts {
  state: string;
  appliedSeq: number | null;
  approvedAudits: number;
  notices: number;
}

describe('the API killed in the middle of its largest writes', () => {
  let db: FaultDatabase;
  let team: Team;
  let drafter: Agent;
  let anna: { agent: Agent; token: string };
  let boris: { agent: Agent; token: string };
  let admin: string;
  let publishWindow: { from: string; to: string };
  const outcomes: string[] = [];

  const one = async <T>(sql: string, parameters: unknown[] = []) => (await db.query<T>(sql, parameters))[0];
  const count = async (sql: string, parameters: unknown[] = []) => Number((await one<{ n: number | string }>(sql, parameters)).n);

  /** Team, three agents (two with logins for the swap), and the drafts to publish, inserted straight into the database. */
  async function setUp(api: ApiProcess): Promise<void> {
    admin = await login(api, ADMIN.email, ADMIN.password);
    const call = client(api, admin);
    team = (await call<Team>('POST', '/teams', { name: 'Fault desk', timeZone: 'UTC' })).body;
    const agent = async (name: string) => {
      const email = `${name.toLowerCase()}.${randomUUID().slice(0, 6)}@faults.test`;
      const created = await call<Agent>('POST', '/agents', { teamId: team.id, displayName: `${name} Faultova`, email, password: PASSWORD, timeZone: 'UTC', workMode: 'remote', languages: [{ code: 'en', level: 'fluent' }], channels: ['email', 'chat'], contractHoursPerWeek: 40 });
      if (created.status !== 201) throw new Error(`create agent: ${created.status} ${JSON.stringify(created.body)}`);
      return { agent: created.body, token: await login(api, email, PASSWORD) };
    };
    anna = await agent('Anna');
    boris = await agent('Boris');
    drafter = (await agent('Drafts')).agent;
    // One-hour drafts back to back from 120 days ahead: far from the swaps, inside one publish window (at most 92 days).
    const first = Date.parse(`${day(120)}T00:00:00.000Z`);
    publishWindow = { from: new Date(first).toISOString(), to: new Date(first + 90 * DAY).toISOString() };
    const now = new Date().toISOString();
    const locked = db.kind === 'postgres' ? 'false' : '0';
    for (let i = 0; i < DRAFTS; i += 250) {
      const rows: string[] = [];
      const values: unknown[] = [];
      for (let j = i; j < Math.min(i + 250, DRAFTS); j += 1) {
        const base = values.length;
        rows.push(`(${[1, 2, 3, 4, 5, 6, 7, 8].map((k) => db.param(base + k)).join(', ')}, NULL, NULL, '[]', 'draft', 'manual', ${locked})`);
        values.push(randomUUID(), team.id, drafter.id, new Date(first + j * HOUR).toISOString(), new Date(first + (j + 1) * HOUR).toISOString(), 'UTC', now, now);
      }
      await db.query(`INSERT INTO shifts (id, team_id, agent_id, start_at, end_at, time_zone, created_at, updated_at, channel, label, breaks, status, source, locked) VALUES ${rows.join(', ')}`, values);
    }
  }

  /** A swap between Anna and Boris on a day of its own, accepted by Boris: what the round's approval decides. */
  async function prepareSwap(api: ApiProcess, round: number): Promise<ShiftRequestDetail> {
    const call = client(api, admin);
    const date = day(3 + round * 2);
    const shift = async (who: Agent, from: string, to: string) => {
      const created = await call<ManualShift>('POST', `/teams/${team.id}/shifts`, { agentId: who.id, start: `${date}T${from}:00Z`, end: `${date}T${to}:00Z`, timeZone: 'UTC', channel: 'email' });
      if (created.status !== 201) throw new Error(`create shift: ${created.status} ${JSON.stringify(created.body)}`);
      return created.body;
    };
    const mine = await shift(anna.agent, '08:00', '12:00');
    const theirs = await shift(boris.agent, '13:00', '17:00');
    const filed = await client(api, anna.token)<ShiftRequestDetail>('POST', '/requests', { kind: 'swap', shiftId: mine.id, targetAgentId: boris.agent.id, targetShiftId: theirs.id });
    if (filed.status !== 201) throw new Error(`file swap: ${filed.status} ${JSON.stringify(filed.body)}`);
    const accepted = await client(api, boris.token)<ShiftRequestDetail>('POST', `/requests/${filed.body.id}/accept`, {});
    if (accepted.status !== 200 || accepted.body.state !== 'accepted') throw new Error(`accept swap: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    return accepted.body;
  }

  async function swapCounts(requestId: string): Promise<Counts> {
    const row = await one<{ state: string; applied_seq: number | string | null }>(`SELECT state, applied_seq FROM shift_requests WHERE id = ${db.param(1)}`, [requestId]);
    return {
      state: row.state,
      appliedSeq: row.applied_seq === null ? null : Number(row.applied_seq),
      approvedAudits: await count(`SELECT COUNT(*) AS n FROM audit_entries WHERE entity_id = ${db.param(1)} AND action = 'approved'`, [requestId]),
      notices: await count(`SELECT COUNT(*) AS n FROM notices WHERE request_id = ${db.param(1)}`, [requestId]),
    };
  }

  const draftCounts = async () => ({
    draft: await count(`SELECT COUNT(*) AS n FROM shifts WHERE agent_id = ${db.param(1)} AND status = 'draft'`, [drafter.id]),
    published: await count(`SELECT COUNT(*) AS n FROM shifts WHERE agent_id = ${db.param(1)} AND status = 'published'`, [drafter.id]),
  });

  /** Every import has exactly the spans it says it has, and no span lacks its import. */
  async function importsAreWhole(): Promise<{ imports: number; spans: number }> {
    const imports = await db.query<{ id: string; span_count: number | string; spans: number | string }>(
      `SELECT i.id, i.span_count, (SELECT COUNT(*) FROM unavailability_spans s WHERE s.import_id = i.id) AS spans FROM calendar_imports i WHERE i.agent_id = ${db.param(1)}`,
      [anna.agent.id],
    );
    expect(imports.map((row) => Number(row.spans))).toEqual(imports.map((row) => Number(row.span_count)));
    expect(await count('SELECT COUNT(*) AS n FROM unavailability_spans s WHERE NOT EXISTS (SELECT 1 FROM calendar_imports i WHERE i.id = s.import_id)')).toBe(0);
    return { imports: imports.length, spans: imports.reduce((sum, row) => sum + Number(row.spans), 0) };
  }

  /** Fires the three writes at once; resolves with each one's HTTP status, or null when the process died first. */
  function fireWrites(api: ApiProcess, requestId: string, ics: string) {
    const settle = (pending: Promise<{ status: number }>) => pending.then((response) => response.status).catch(() => null);
    const call = client(api, admin);
    return Promise.all([
      settle(call<PublishShiftsResponse>('POST', `/teams/${team.id}/shifts/publish?from=${encodeURIComponent(publishWindow.from)}&to=${encodeURIComponent(publishWindow.to)}`)),
      settle(call<ShiftRequestDetail>('POST', `/requests/${requestId}/approve`, { comment: 'Approved under fire' })),
      settle(call('POST', `/agents/${anna.agent.id}/calendar-imports`, { ics, label: `Outlook ${randomUUID().slice(0, 6)}` })),
    ]);
  }

  beforeAll(async () => {
    db = await createFaultDatabase();
  });
  afterAll(async () => {
    await stopApis();
    if (outcomes.length) console.log(`Killed-API rounds (${db.kind}):\n  ${outcomes.join('\n  ')}`);
    await db?.close();
  });

  // Rounds of starting the built API, writing and killing it: the whole SQLite fault suite took
  // 67 s on a quiet 2-core machine, but this test alone passed 120 s with a solver benchmark and
  // another suite on the same cores. The limit is there to catch hangs.
  it('leaves every write whole after SIGKILL at random points and inside open write transactions', async () => {
    // Round 0 runs to the end: what "after" looks like, and how long the writes take.
    let api = await startApi(db);
    await setUp(api);
    const ics = bigCalendar(ICS_EVENTS, 'faults');
    let swap = await prepareSwap(api, 0);
    const swapBefore = await swapCounts(swap.id);
    const started = Date.now();
    const statuses = await fireWrites(api, swap.id, ics);
    const duration = Date.now() - started;
    expect(statuses).toEqual([200, 200, 201]);
    const swapAfter = await swapCounts(swap.id);
    expect(swapAfter).toMatchObject({ state: 'approved', appliedSeq: expect.any(Number), approvedAudits: 1 });
    const noticesPerApproval = swapAfter.notices - swapBefore.notices;
    expect(noticesPerApproval).toBeGreaterThan(0);
    expect(await draftCounts()).toEqual({ draft: 0, published: DRAFTS });
    const whole = await importsAreWhole();
    expect(whole).toEqual({ imports: 1, spans: ICS_EVENTS });
    await api.stop('SIGTERM');

    let insideTransaction = 0;
    let imports = 1;
    for (let round = 1; round <= ROUNDS; round += 1) {
      api = await startApi(db);
      swap = await prepareSwap(api, round);
      await db.query(`UPDATE shifts SET status = 'draft' WHERE agent_id = ${db.param(1)}`, [drafter.id]);
      const before = await swapCounts(swap.id);
      expect(before).toMatchObject({ state: 'accepted', appliedSeq: null, approvedAudits: 0 });

      const fired = fireWrites(api, swap.id, ics);
      let settled = false;
      void fired.then(() => (settled = true));
      let strategy: string;
      if (round % 2 === 1) {
        // The next moment a write transaction is open (then 0–20 ms more): whichever write that
        // is, the kill lands inside it. The first such round watches from the start; later ones
        // first wait a random part of the writes' time, to land in a later write. Watching goes on
        // until every write has answered (a fixed deadline missed them all on a loaded machine).
        const wait = round === 1 ? 0 : Math.floor(Math.random() * duration * 0.5);
        await new Promise((resolve) => setTimeout(resolve, wait));
        let seen = false;
        while (!seen && !settled) {
          seen = await db.writeInProgress();
          if (!seen) await new Promise((resolve) => setTimeout(resolve, 2));
        }
        if (seen) insideTransaction += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20)));
        strategy = seen ? `inside a write transaction (watched from ${wait} ms)` : `no write seen open (watched from ${wait} ms)`;
      } else {
        const delay = Math.floor(Math.random() * duration);
        await new Promise((resolve) => setTimeout(resolve, delay));
        strategy = `after ${delay} ms`;
      }
      const exit = await api.stop('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
      const answered = await fired;

      // As before, or as after: nothing in between.
      const drafts = await draftCounts();
      expect([{ draft: DRAFTS, published: 0 }, { draft: 0, published: DRAFTS }]).toContainEqual(drafts);
      const after = await swapCounts(swap.id);
      expect([before, { state: 'approved', appliedSeq: expect.any(Number), approvedAudits: 1, notices: before.notices + noticesPerApproval }]).toContainEqual(after);
      if (after.state === 'approved') expect(after.appliedSeq).not.toBeNull();
      const now = await importsAreWhole();
      expect([imports, imports + 1]).toContain(now.imports);
      // A write the client saw succeed was committed.
      if (answered[0] === 200) expect(drafts.published).toBe(DRAFTS);
      if (answered[1] === 200) expect(after.state).toBe('approved');
      if (answered[2] === 201) expect(now.imports).toBe(imports + 1);
      outcomes.push(
        `round ${round}, killed ${strategy}: publish ${drafts.published ? 'after' : 'before'}, approval ${after.state === 'approved' ? 'after' : 'before'}, import ${now.imports > imports ? 'after' : 'before'}`,
      );
      imports = now.imports;
    }
    // The kills that waited for an open write transaction found one (the import's takes seconds).
    expect(insideTransaction).toBeGreaterThan(0);
  }, 300_000);
});
