import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

/** Directive name → its sources, from a Content-Security-Policy header. */
function parseCsp(header: string | undefined): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name] = sources;
  }
  return directives;
}

describe('security headers', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'shiftdesk-web-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Shiftdesk</title><sd-root></sd-root><script src="main.js" type="module"></script>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'main.js'), 'console.log("app")');
    t = await bootTestApp({ webDist: dist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends a strict Content-Security-Policy with the web app: own scripts only, inline styles for Angular, no framing', async () => {
    const page = await expectStatus(t.http().get('/'), 200);
    const csp = parseCsp(page.headers['content-security-policy']);
    expect(csp).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'self'"],
    });
    for (const sources of Object.values(csp)) expect(sources).not.toContain("'unsafe-eval'");
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(page.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
    });
    expect(page.headers['x-powered-by']).toBeUndefined();
  });

  it('sends the same headers on API answers, errors and the OpenAPI UI', async () => {
    for (const path of ['/api/health', '/api/nope', '/api/agents', '/api/docs', '/main.js']) {
      const response = await t.http().get(path);
      expect({ path, csp: response.headers['content-security-policy'], nosniff: response.headers['x-content-type-options'], poweredBy: response.headers['x-powered-by'] }).toEqual({
        path,
        csp: expect.stringContaining("script-src 'self'"),
        nosniff: 'nosniff',
        poweredBy: undefined,
      });
    }
  });

  it('gives every answer an X-Request-Id: a sane incoming one is kept, anything else replaced', async () => {
    const generated = await expectStatus(t.http().get('/api/health'), 200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const other = await expectStatus(t.http().get('/api/health'), 200);
    expect(other.headers['x-request-id']).not.toBe(generated.headers['x-request-id']);
    const kept = await expectStatus(t.http().get('/api/health').set('X-Request-Id', 'lb-7f3a9c21.0001'), 200);
    expect(kept.headers['x-request-id']).toBe('lb-7f3a9c21.0001');
    for (const bad of ['short', 'has spaces in it', '<script>alert(1)</script>', 'x'.repeat(200)]) {
      const replaced = await t.http().get('/api/health').set('X-Request-Id', bad);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const error = await expectStatus(t.http().post('/api/auth/login').send({}), 400);
    expect(error.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('CORS', () => {
  it('is closed by default: no Access-Control-Allow-Origin for any origin, and a preflight is not granted', async () => {
    const t = await bootTestApp();
    try {
      const read = await expectStatus(t.http().get('/api/health').set('Origin', 'https://evil.example.com'), 200);
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.http().options('/api/auth/login').set('Origin', 'https://evil.example.com').set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'content-type');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('opens for exactly the configured origins', async () => {
    const t = await bootTestApp({ corsOrigins: ['https://desk.example.com', 'http://localhost:4200'] });
    try {
      const allowed = await expectStatus(t.http().get('/api/health').set('Origin', 'https://desk.example.com'), 200);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://desk.example.com');
      expect(allowed.headers['access-control-expose-headers']).toContain('X-Request-Id');
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      const preflight = await t.http().options('/api/auth/login').set('Origin', 'http://localhost:4200').set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'content-type,authorization');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:4200');
      expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
      for (const origin of ['https://evil.example.com', 'https://desk.example.com.evil.example', 'http://desk.example.com']) {
        const refused = await t.http().get('/api/health').set('Origin', origin);
        expect({ origin, allow: refused.headers['access-control-allow-origin'] }).toEqual({ origin, allow: undefined });
      }
    } finally {
      await t.close();
    }
  });
});

describe('request size limits', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await bootTestApp();
    token = (await t.login(ADMIN.email, ADMIN.password)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses JSON bodies over 6 MB with 413 and says the limit', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(6 * 1024 * 1024 + 10), timeZone: 'Europe/Moscow' });
    const response = await expectStatus(t.http().post('/api/teams').set(bearer(token)).set('Content-Type', 'application/json').send(body), 413);
    expect(response.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'The request body is too large (at most 6 MB); an uploaded calendar may be up to 5 MB of text' });
  });

  it('refuses form and text bodies with 415 before reading them, saying to send JSON', async () => {
    const form = await expectStatus(t.http().post('/api/auth/login').type('form').send({ email: ADMIN.email, password: ADMIN.password }), 415);
    expect(form.body).toEqual({ statusCode: 415, error: 'Unsupported Media Type', message: 'The request body must be JSON: send it with "Content-Type: application/json" (this one was application/x-www-form-urlencoded)' });
    const text = await expectStatus(t.http().post('/api/teams').set(bearer(token)).set('Content-Type', 'text/plain').send('x'.repeat(50 * 1024 * 1024)), 415);
    expect(text.body.message).toMatch(/must be JSON.*text\/plain/);
    // A body without a type is not guessed at either.
    const untyped = await t.http().post('/api/auth/login').set('Content-Type', '').send(Buffer.from('{"email":"a@b.c","password":"x"}'));
    expect(untyped.status).toBe(415);
    // POSTs without a body still work.
    await expectStatus(t.http().post('/api/auth/logout').set(bearer((await t.login(ADMIN.email, ADMIN.password)).token)), 204);
  });

  it('bounds URLs and headers: over 16 KB is 431 from the HTTP server', async () => {
    const url = await t.http().get(`/api/agents?search=${'a'.repeat(20 * 1024)}`).set(bearer(token));
    expect(url.status).toBe(431);
    const header = await t.http().get('/api/health').set('X-Filler', 'b'.repeat(20 * 1024));
    expect(header.status).toBe(431);
    // Just under the limit is served (and answered in the API's own terms).
    const long = await t.http().get(`/api/agents?search=${'a'.repeat(8 * 1024)}`).set(bearer(token));
    expect(long.status).toBeLessThan(500);
  });
});
