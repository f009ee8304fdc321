import { Logger } from '@nestjs/common';
import type { FeedSecret } from '@shiftdesk/shared-api-contract';
import { AuthService } from '../src/modules/auth/auth.service';
import { AppLogger } from '../src/modules/observability/app-logger';
import { loggablePath } from '../src/modules/observability/http-observability';
import { agentRequest, createAgent, createTeam } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

interface LogLine {
  time: string;
  level: string;
  context?: string;
  message: string;
  requestId?: string;
  method?: string;
  path?: string;
  status?: number;
  durationMs?: number;
}

/** Everything the process writes to stdout and stderr while `work` runs. */
async function capture(work: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }),
  );
  try {
    await work();
    // Access lines are written when the answer has finished; let the last one land.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return chunks.join('');
}

const parse = (output: string): LogLine[] =>
  output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogLine);

describe('logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
    // Quiet start-up, then every level: the test reads what a verbose production log would hold.
    t.app.useLogger(new AppLogger('json', ['fatal', 'error', 'warn', 'log', 'debug', 'verbose']));
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes one JSON object per line, with an access line per request carrying its X-Request-Id', async () => {
    let requestIds: string[] = [];
    const output = await capture(async () => {
      const health = await expectStatus(t.http().get('/api/health'), 200);
      const missing = await expectStatus(t.http().get('/api/nope?x=1'), 404);
      const bad = await expectStatus(t.http().post('/api/auth/login').set('X-Request-Id', 'caller-id-0001').send({ email: 1 }), 400);
      requestIds = [health, missing, bad].map((response) => response.headers['x-request-id'] as string);
    });
    const lines = parse(output);
    for (const line of lines) {
      expect(line).toEqual(expect.objectContaining({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), level: expect.any(String), message: expect.any(String) }));
    }
    const access = lines.filter((line) => line.context === 'HTTP');
    expect(access.map(({ method, path, status, requestId }) => ({ method, path, status, requestId }))).toEqual([
      { method: 'GET', path: '/api/health', status: 200, requestId: requestIds[0] },
      { method: 'GET', path: '/api/nope', status: 404, requestId: requestIds[1] },
      { method: 'POST', path: '/api/auth/login', status: 400, requestId: 'caller-id-0001' },
    ]);
    expect(requestIds[2]).toBe('caller-id-0001');
    for (const line of access) {
      expect(line.level).toBe('log');
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
      expect(line.message).toBe(`${line.method} ${line.path} ${line.status} ${line.durationMs} ms`);
    }
  });

  it('gives lines written while serving a request (after its JSON body is read) that request id', async () => {
    const auth = t.app.get(AuthService);
    const original = auth.login.bind(auth);
    const spy = jest.spyOn(auth, 'login').mockImplementation(async (email, password) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      new Logger('Probe').log('inside the login handler');
      return original(email, password);
    });
    let requestId = '';
    const output = await capture(async () => {
      requestId = (await expectStatus(t.http().post('/api/auth/login').send({ email: ADMIN.email, password: ADMIN.password }), 200)).headers['x-request-id'] as string;
      // A line outside any request has no id.
      new Logger('Probe').log('outside');
    });
    spy.mockRestore();
    const probes = parse(output).filter((line) => line.context === 'Probe');
    expect(probes.map((line) => ({ message: line.message, requestId: line.requestId }))).toEqual([
      { message: 'inside the login handler', requestId },
      { message: 'outside', requestId: undefined },
    ]);
  });

  it('never writes passwords, bearer tokens or feed tokens, whatever happens to them', async () => {
    const secrets: string[] = [];
    const remember = (secret: string) => {
      secrets.push(secret);
      return secret;
    };
    const output = await capture(async () => {
      // Failed and successful sign-ins, a wrong-typed and an over-long password.
      await expectStatus(t.http().post('/api/auth/login').send({ email: ADMIN.email, password: remember('Wrong-Password-Attempt-1') }), 401);
      await expectStatus(t.http().post('/api/auth/login').send({ email: 'nobody@example.com', password: remember('Unknown-User-Password-2') }), 401);
      await expectStatus(t.http().post('/api/auth/login').send({ email: ADMIN.email, password: remember(`Too-Long-${'z'.repeat(300)}`) }), 400);
      const admin = (await expectStatus(t.http().post('/api/auth/login').send({ email: ADMIN.email, password: remember(ADMIN.password) }), 200)).body as { token: string };
      remember(admin.token);
      // A user created with a password, a bad one refused, and a password change attempt on an agent.
      const team = await createTeam(t, admin.token);
      const agent = await createAgent(t, admin.token, agentRequest(team.id, { email: 'logged.agent@example.com', password: remember('Agent-Initial-Password-3') }));
      await expectStatus(t.http().post('/api/agents').set(bearer(admin.token)).send(agentRequest(team.id, { password: remember('short4') })), 400);
      const duplicate = agentRequest(team.id, { email: 'logged.agent@example.com', password: remember('Duplicate-Email-Password-5') });
      await expectStatus(t.http().post('/api/agents').set(bearer(admin.token)).send(duplicate), 409);
      const change = await t.http().patch(`/api/agents/${agent.id}`).set(bearer(admin.token)).send({ password: remember('Changed-Password-6') });
      expect(change.status).toBeLessThan(500);
      const agentToken = (await expectStatus(t.http().post('/api/auth/login').send({ email: 'logged.agent@example.com', password: 'Agent-Initial-Password-3' }), 200)).body as { token: string };
      remember(agentToken.token);
      await expectStatus(t.http().get('/api/auth/me').set(bearer(agentToken.token)), 200);
      await expectStatus(t.http().get('/api/auth/me').set(bearer(remember('x'.repeat(40) + 'unknown-token'))), 401);
      // A feed: its token is in the URL of every calendar poll, and in query strings people paste.
      const feed = (await expectStatus(t.http().post('/api/feeds').set(bearer(agentToken.token)).send({ kind: 'agent', agentId: agent.id }), 201)).body as FeedSecret;
      const feedToken = remember(/\/api\/feeds\/(.+)\.ics$/.exec(feed.path)?.[1] ?? 'missing');
      await expectStatus(t.http().get(feed.path), 200);
      await expectStatus(t.http().get(`${feed.path}?token=${remember('query-secret-7')}`), 200);
      await expectStatus(t.http().get(`/api/feeds/${feedToken.slice(0, 40)}XyZ.ics`), 404);
      await expectStatus(t.http().post('/api/auth/logout').set(bearer(admin.token)), 204);
    });
    expect(parse(output).filter((line) => line.context === 'HTTP').length).toBeGreaterThanOrEqual(17);
    expect(output).toContain('/api/feeds/[token].ics');
    for (const secret of secrets) expect({ secret, found: output.includes(secret) }).toEqual({ secret, found: false });
  });
});

describe('loggablePath', () => {
  it('drops the query string and hides feed tokens', () => {
    expect(loggablePath('/api/agents?search=anna&token=abc')).toBe('/api/agents');
    expect(loggablePath('/api/feeds/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd.ics?x=1')).toBe('/api/feeds/[token].ics');
    expect(loggablePath('/api/feeds/f9a1b2c3-0000-4000-8000-000000000000')).toBe('/api/feeds/f9a1b2c3-0000-4000-8000-000000000000');
    expect(loggablePath(`/${'a'.repeat(1000)}`)).toHaveLength(300);
  });
});
