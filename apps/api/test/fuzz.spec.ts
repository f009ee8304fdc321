import type { LoginResponse } from '@shiftdesk/shared-api-contract';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DEMO_AGENT_PASSWORD, DEMO_MANAGER } from '../src/modules/demo/demo-desk';
import { type OpenApiDocument, type Route, type SchemaObject, fillPath, loadRoutes, resolveSchema } from './support/openapi';
import { bearer, bootTestApp, type TestApp } from './support/test-app';

/**
 * Hostile input (issue 8): every write route of the OpenAPI document gets generated bad bodies
 * (wrong types, huge strings, unknown fields, bad zones, impossible dates, negative durations,
 * nulls, arrays for objects, deep nesting), from a manager and, on the routes agents use, from an
 * agent. Every answer must be a 4xx in the API's error shape with a message, never a 5xx, and no
 * table may gain or lose a row. The seed is fixed (FUZZ_SEED overrides it) so a failure can be
 * replayed; it is part of the test's name.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20260112);
const RUNS_AS_MANAGER = 40;
const RUNS_AS_AGENT = 12;

/** Routes that take no body and change the caller's own state: fuzzing them proves nothing and would sign the fuzzer out. */
const SKIPPED = new Set(['post /api/auth/logout']);
/** Routes agents call themselves (others answer them 403 before reading the body, which is checked too). */
const AGENT_ROUTES = /^\/api\/(requests|preferences|feeds|me\/)/;
/**
 * Tables that change without any request: a well-formed sign-in with a wrong email counts as a
 * failed sign-in (login_lockouts exists for exactly that), and the periodic jobs take their lease
 * row (job_leases) on their own clock.
 */
const COUNTED_ANYWAY = new Set(['login_lockouts', 'job_leases']);

const HUGE = 'x'.repeat(100_000);
const IMPOSSIBLE_DATES = ['2026-02-30', '2026-13-01', '2026-00-10', '2025-02-29', '20260301', '2026-3-1', '31.12.2026', 'yesterday', '2026-02-30T00:00:00Z'];
const IMPOSSIBLE_INSTANTS = ['2026-02-30T08:00:00Z', '2026-03-01T25:00:00Z', '2026-03-01T08:61:00Z', '2026-03-01', 'now', '1e12', '+275760-09-13T00:00:00.001Z', '2026-03-01T08:00:00+25:00'];
const BAD_TIMES = ['25:00', '12:60', '7:00', '24:01', '08:00:00', '-01:00', 'noon'];
const BAD_ZONES = ['Mars/Olympus', 'Europe/Moskva', 'Not a zone', '../../etc/passwd', 'UTC+25', 'Europe'];
const BAD_IDS = ['not-a-uuid', "' OR 1=1 --", '../../etc/passwd', '00000000-0000-0000-0000-00000000000g', HUGE.slice(0, 5000)];
const BAD_EMAILS = ['not-an-email', 'a@', '@b.c', 'a b@c.d'];
const BAD_URLS = ['javascript:alert(1)', 'ftp://example.com/x.ics', 'http://', 'file:///etc/passwd', 'not a url', 'webcal://'];

/** JSON text sent as it is: nesting thousands deep, which JSON.stringify itself cannot write. */
class RawJson {
  constructor(readonly text: string) {}
  toJSON(): string {
    return `\u0000raw:${RAW_TEXTS.push(this.text) - 1}`;
  }
}
const RAW_TEXTS: string[] = [];

/** `{"a":{"a":{…}}}` `depth` levels deep. */
function nested(depth: number): RawJson {
  return new RawJson(`${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`);
}

/** The body as JSON text, raw pieces spliced in. */
function serialize(body: unknown): string {
  return JSON.stringify(body).replace(/"\\u0000raw:(\d+)"/g, (_match, index: string) => RAW_TEXTS[Number(index)]);
}

/** Wrong JSON types for a field whose right type is `type`. */
function wrongTypes(type: string): unknown[] {
  const all: Record<string, unknown> = { string: 'text', number: 12345, boolean: true, object: { unexpected: true }, array: ['unexpected'] };
  return Object.entries(all)
    .filter(([kind]) => kind !== type)
    .map(([, value]) => value);
}

/** What a field is, from its schema and name (the document says `object` for `string | null` fields). */
function kindOf(name: string, schema: SchemaObject): string {
  const example = schema.example;
  if (schema.enum) return 'enum';
  if (typeof example === 'string') {
    if (/^\d{4}-\d\d-\d\d$/.test(example)) return 'date';
    if (/^\d{4}-\d\d-\d\dT/.test(example)) return 'instant';
    if (/^\d\d:\d\d$/.test(example)) return 'time';
  }
  if (/zone/i.test(name)) return 'zone';
  if (/^(from|to|date|effectiveFrom|validFrom|validTo|startDate|endDate|firstDate|lastDate)$/.test(name)) return 'date';
  if (/^(start|end)$/.test(name)) return 'instant';
  if (/ids?$/i.test(name) && name !== 'ids') return 'id';
  if (/email/i.test(name)) return 'email';
  if (/url/i.test(name)) return 'url';
  if (schema.type === 'array') return 'array';
  if (schema.type === 'number' || schema.type === 'integer' || typeof example === 'number') return 'number';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'object' && (schema.properties || schema.$ref)) return 'object';
  if (schema.type === 'string' || typeof example === 'string') return 'string';
  return 'unknown';
}

/** Values that are wrong for this field whatever else the body says. */
function badValues(document: OpenApiDocument, name: string, raw: SchemaObject, required: boolean): unknown[] {
  const schema = resolveSchema(document, raw);
  const kind = raw.$ref ? 'object' : kindOf(name, schema);
  const values: unknown[] = [HUGE, nested(40), nested(5_000)];
  if (!schema.nullable) values.push(null);
  const jsonType = kind === 'enum' || ['date', 'instant', 'time', 'zone', 'id', 'email', 'url', 'string'].includes(kind) ? 'string' : kind;
  if (jsonType !== 'unknown') values.push(...wrongTypes(jsonType));
  switch (kind) {
    case 'enum':
      values.push(`not-a-${name}`, String(schema.enum?.[0]).toUpperCase() + '!');
      break;
    case 'date':
      values.push(...IMPOSSIBLE_DATES);
      break;
    case 'instant':
      values.push(...IMPOSSIBLE_INSTANTS);
      break;
    case 'time':
      values.push(...BAD_TIMES);
      break;
    case 'zone':
      values.push(...BAD_ZONES);
      break;
    case 'id':
      values.push(...BAD_IDS);
      break;
    case 'email':
      values.push(...BAD_EMAILS);
      break;
    case 'url':
      values.push(...BAD_URLS);
      break;
    case 'number':
      values.push('42', Number.MAX_VALUE, -Number.MAX_VALUE);
      if (schema.minimum !== undefined) values.push(schema.minimum - 1, schema.minimum - 0.5);
      if (schema.maximum !== undefined) values.push(schema.maximum + 1, schema.maximum + 0.5);
      // Durations, counts and money are never negative or fractional minor units.
      if (/Minutes|Seconds|Days|Hours|Minor|minAgents|Percent|version/.test(name)) values.push(-30, -1e9);
      if (/Minutes|Seconds|Days|Minor|minAgents|version/.test(name)) values.push(0.5, 1e21);
      break;
    case 'array':
      values.push([null], [HUGE], [nested(50)], Array.from({ length: 5_000 }, () => 'x'), [[[]]]);
      break;
    case 'object':
      values.push([], 'x', 42);
      break;
    case 'string':
      // Text no person types: a NUL byte (PostgreSQL cannot store it), a lone UTF-16 surrogate
      // (not valid UTF-8), control characters.
      values.push('Name\u0000with NUL', 'Lone \ud800 surrogate', 'Bell\u0007 and \u001b[31m escape');
      if (required) values.push('');
      break;
    default:
      values.push([], 42);
  }
  return values;
}

interface Ids {
  teamId: string;
  agentId: string;
  otherAgentId: string;
  shiftId: string;
  byTable: Record<string, string | undefined>;
}

/** A plausible value for a field (its example when the document has one), so other fields pass and the bad one is reached. */
function goodValue(document: OpenApiDocument, name: string, raw: SchemaObject, ids: Ids): unknown {
  const schema = resolveSchema(document, raw);
  if (raw.$ref) return goodBody(document, schema, ids);
  if (name === 'teamId') return ids.teamId;
  if (name === 'agentId') return ids.agentId;
  if (name === 'targetAgentId') return ids.otherAgentId;
  if (name === 'shiftId') return ids.shiftId;
  if (name === 'email') return `fuzz.${randomUUID().slice(0, 8)}@example.com`;
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (kindOf(name, schema)) {
    case 'date':
      return '2027-03-01';
    case 'instant':
      return name === 'end' ? '2027-03-01T16:00:00Z' : '2027-03-01T08:00:00Z';
    case 'time':
      return '09:00';
    case 'zone':
      return 'Europe/Moscow';
    case 'id':
      return ids.byTable[name.replace(/Id$/, '')] ?? randomUUID();
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    default:
      return 'Fuzz value';
  }
}

/** The required fields with plausible values. */
function goodBody(document: OpenApiDocument, schema: SchemaObject, ids: Ids): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of schema.required ?? []) body[name] = goodValue(document, name, schema.properties?.[name] ?? {}, ids);
  return body;
}

/** Bad bodies for one route: whole-body garbage, or a plausible body with exactly one thing wrong. */
function badBodies(document: OpenApiDocument, route: Route, ids: Ids): fc.Arbitrary<{ what: string; body: unknown }> {
  const garbage = fc.constantFrom<unknown>([], [{}], 'a string', 42, true, null, nested(10_000), Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`field${i}`, i])), JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: { polluted: true } } });
  const wholeBody = garbage.map((body) => ({ what: 'whole body', body }));
  if (!route.body?.properties) return wholeBody;
  const schema = route.body;
  const fields = Object.keys(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const oneBadField = fc.constantFrom(...fields).chain((name) =>
    fc.constantFrom(...badValues(document, name, schema.properties?.[name] ?? {}, required.has(name))).map((value) => ({
      what: `${name} = ${JSON.stringify(value)?.slice(0, 80)}`,
      body: { ...goodBody(document, schema, ids), [name]: value },
    })),
  );
  const unknownField = fc.constantFrom('isAdmin', 'role', 'id', 'createdAt', '__proto__x', 'password2').map((name) => ({ what: `unknown field ${name}`, body: { ...goodBody(document, schema, ids), [name]: true } }));
  const missing = [...required].map((name) => {
    const body = goodBody(document, schema, ids);
    delete body[name];
    return { what: `missing ${name}`, body };
  });
  // Each field fine on its own, wrong together: an end before (or at) its start, a range of centuries.
  const pairs = [
    ['start', 'end'],
    ['from', 'to'],
    ['firstDate', 'lastDate'],
    ['validFrom', 'validTo'],
    ['startDate', 'endDate'],
  ].filter(([first, second]) => fields.includes(first) && fields.includes(second));
  const together = pairs.flatMap(([first, second]) => {
    const body = goodBody(document, schema, ids);
    const early = goodValue(document, first, schema.properties?.[first] ?? {}, ids);
    const late = typeof early === 'string' && /^\d{4}-\d\d-\d\d$/.test(early) ? '2026-02-27' : '2026-02-27T08:00:00Z';
    const far = typeof early === 'string' && /^\d{4}-\d\d-\d\d$/.test(early) ? '2999-12-31' : '2999-12-31T08:00:00Z';
    const before = { what: `${second} before ${first}`, body: { ...body, [first]: typeof early === 'string' && early.length === 10 ? '2026-03-01' : '2026-03-01T08:00:00Z', [second]: late } };
    // A coverage rule's validity is inclusive and nothing expands it by itself: valid for one day
    // (equal) or until 2999 are both rules a manager may write, and the API takes them.
    if (first === 'validFrom') return [before];
    return [before, { what: `${second} equal to ${first}`, body: { ...body, [first]: late, [second]: late } }, { what: `${second} centuries after ${first}`, body: { ...body, [first]: late, [second]: far } }];
  });
  return fc.oneof(
    { arbitrary: oneBadField, weight: 6 },
    { arbitrary: unknownField, weight: 1 },
    { arbitrary: wholeBody, weight: 2 },
    ...(missing.length > 0 ? [{ arbitrary: fc.constantFrom(...missing), weight: 1 }] : []),
    ...(together.length > 0 ? [{ arbitrary: fc.constantFrom(...together), weight: 2 }] : []),
  );
}

/** Row counts of every table but the ones bad input may legitimately touch. */
async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const tables = [...new Set(t.dataSource.entityMetadatas.map((metadata) => metadata.tableName))].filter((table) => !COUNTED_ANYWAY.has(table)).sort();
  for (const table of tables) {
    const [row] = (await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number | string }[];
    counts[table] = Number(row.n);
  }
  return counts;
}

describe(`fuzz: bad bodies to every write route (seed ${SEED})`, () => {
  let t: TestApp;
  let manager: LoginResponse;
  let agent: LoginResponse;
  let document: OpenApiDocument;
  let routes: Route[];
  let ids: Ids;

  beforeAll(async () => {
    t = await bootTestApp({ demo: true, lockout: { maxFailures: 1_000_000, windowMs: 60_000, lockMs: 60_000 } });
    manager = await t.login(DEMO_MANAGER.email, DEMO_MANAGER.password);
    ({ document, routes } = await loadRoutes(t));
    const [first, second] = (await t.dataSource.query('SELECT id FROM agents ORDER BY display_name')) as { id: string }[];
    const agentEmail = ((await t.dataSource.query(`SELECT email FROM users WHERE agent_id = '${first.id}'`)) as { email: string }[])[0].email;
    agent = await t.login(agentEmail, DEMO_AGENT_PASSWORD);
    const one = async (table: string) => ((await t.dataSource.query(`SELECT id FROM ${table} ORDER BY id LIMIT 1`)) as { id: string }[])[0]?.id;
    const shift = ((await t.dataSource.query(`SELECT id FROM shifts WHERE agent_id = '${first.id}' ORDER BY start_at DESC LIMIT 1`)) as { id: string }[])[0]?.id;
    ids = {
      teamId: manager.user.teamIds[0],
      agentId: first.id,
      otherAgentId: second.id,
      shiftId: shift ?? randomUUID(),
      byTable: {
        region: await one('regions'),
        rotation: await one('rotations'),
        band: await one('bands'),
        replacesAgent: second.id,
      },
    };
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  /** A real row for `{id}` after these segments, so a body that passes validation reaches the service. */
  const ID_TABLES: Record<string, string> = {
    agents: 'agents',
    teams: 'teams',
    regions: 'regions',
    shifts: 'shifts',
    rotations: 'rotations',
    overrides: 'overrides',
    'coverage-rules': 'coverage_rules',
    requests: 'shift_requests',
    feeds: 'feeds',
    alerts: 'gap_alerts',
    'calendar-imports': 'calendar_imports',
    preferences: 'shift_preferences',
    bands: 'bands',
  };

  async function pathFor(route: Route): Promise<string> {
    // A route without a body acts on its ids alone: it gets ids that exist nowhere (404), so the
    // bodies it ignores cannot delete or publish anything.
    if (!route.body) return fillPath(route.path);
    const values: Record<string, string> = {};
    for (const [, segment, name] of route.path.matchAll(/([\w-]+)\/\{(\w+)\}/g)) {
      if (name === 'teamId') values[name] = ids.teamId;
      else if (name === 'agentId') values[name] = ids.agentId;
      else if (ID_TABLES[segment]) {
        const table = ID_TABLES[segment];
        const teamScoped = t.dataSource.entityMetadatas.some((metadata) => metadata.tableName === table && metadata.columns.some((column) => column.databaseName === 'team_id'));
        const where = teamScoped && table !== 'agents' ? ` WHERE team_id = '${ids.teamId}'` : '';
        const [row] = (await t.dataSource.query(`SELECT id FROM ${table}${where} ORDER BY id LIMIT 1`)) as { id: string }[];
        if (row) values[name] = row.id;
      }
    }
    return fillPath(route.path, (name) => values[name]);
  }

  it('answers thousands of bad bodies with 4xx and a message, never 5xx, and changes no row', async () => {
    const writes = routes.filter((route) => route.method !== 'get' && !SKIPPED.has(`${route.method} ${route.path}`));
    expect(writes.length).toBeGreaterThan(40);
    const before = await rowCounts(t);
    const failures: string[] = [];
    let sent = 0;
    for (const [index, route] of writes.entries()) {
      const path = await pathFor(route);
      const callers = [{ who: 'manager', token: manager.token, runs: RUNS_AS_MANAGER }, ...(AGENT_ROUTES.test(route.path) || index % 5 === 0 ? [{ who: 'agent', token: agent.token, runs: RUNS_AS_AGENT }] : [])];
      for (const caller of callers) {
        const samples = fc.sample(badBodies(document, route, ids), { seed: SEED + index * 7 + (caller.who === 'agent' ? 1 : 0), numRuns: caller.runs });
        for (const { what, body } of samples) {
          sent += 1;
          // JSON text, so `__proto__` keys, deep nesting and non-object bodies travel exactly as generated.
          const response = await t.http()[route.method](path).set(bearer(caller.token)).set('Content-Type', 'application/json').send(serialize(body));
          const answer = response.body as { statusCode?: unknown; message?: unknown };
          const ok = response.status >= 400 && response.status < 500 && answer.statusCode === response.status && typeof answer.message === 'string' && answer.message.length > 0;
          if (!ok) failures.push(`${route.method.toUpperCase()} ${route.path} as ${caller.who}, ${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(2_000);
    expect(failures).toEqual([]);
    expect(await rowCounts(t)).toEqual(before);
  }, 300_000);

  // Every list of objects (languages, breaks, shift shapes, holidays…), given lists in its place:
  // class-validator's ValidateNested finds nothing to check inside `[[]]`, which reached a
  // service as an entry once (found by the sampled run above).
  it('refuses a list of lists wherever a list of objects belongs, and changes no row', async () => {
    const before = await rowCounts(t);
    const failures: string[] = [];
    const checked: string[] = [];
    for (const route of routes.filter((r) => r.method !== 'get' && r.body?.properties)) {
      const path = await pathFor(route);
      for (const [name, raw] of Object.entries(route.body?.properties ?? {})) {
        const schema = resolveSchema(document, raw);
        if (schema.type !== 'array' || !schema.items?.$ref) continue;
        checked.push(`${route.method} ${route.path} ${name}`);
        for (const value of [[[]], [[{}]], [[goodBody(document, resolveSchema(document, schema.items), ids)]]]) {
          const body = { ...goodBody(document, route.body as SchemaObject, ids), [name]: value };
          const response = await t.http()[route.method](path).set(bearer(manager.token)).send(body);
          const fields = ((response.body as { fields?: { field: string }[] }).fields ?? []).map((f) => f.field);
          if (response.status !== 400 || !fields.some((field) => field.startsWith(name))) {
            failures.push(`${route.method.toUpperCase()} ${route.path}, ${name} = ${JSON.stringify(value)}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
          }
        }
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(5);
    expect(failures).toEqual([]);
    expect(await rowCounts(t)).toEqual(before);
  }, 120_000);
});
