import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootTestApp, expectStatus, type TestApp } from './support/test-app';

describe('serving the web app', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'shiftdesk-web-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Shiftdesk</title><app-root></app-root>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app")');
    t = await bootTestApp({ webDist: dist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and for deep links such as /agents', async () => {
    const root = await expectStatus(t.http().get('/'), 200);
    expect(root.text).toContain('<app-root>');
    const deep = await expectStatus(t.http().get('/agents/123?tab=profile'), 200);
    expect(deep.headers['content-type']).toMatch(/html/);
    expect(deep.text).toContain('<app-root>');
  });

  it('serves static assets', async () => {
    const asset = await expectStatus(t.http().get('/assets/app.js'), 200);
    expect(asset.text).toContain('console.log');
  });

  it('never answers /api paths with the web app', async () => {
    for (const path of ['/api', '/api/', '/api/nope', '/api/agents/x/y/z']) {
      const response = await t.http().get(path);
      expect({ path, status: response.status, type: response.headers['content-type'] }).toEqual({ path, status: expect.any(Number), type: expect.stringMatching(/json/) });
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('serves the OpenAPI document and UI', async () => {
    const json = await expectStatus(t.http().get('/api/docs-json'), 200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/agents', '/api/auth/login', '/api/health']));
    const ui = await expectStatus(t.http().get('/api/docs'), 200);
    expect(ui.text).toMatch(/swagger/i);
  });
});

describe('database settings', () => {
  it('runs SQLite in WAL mode with foreign keys enforced', async () => {
    const t = await bootTestApp();
    try {
      if (t.config.database.type === 'sqlite') {
        expect(await t.dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
        expect(await t.dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
        expect(await t.dataSource.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
      }
      // Either database: a row pointing at a missing team is refused.
      await expect(
        t.dataSource.query(
          `INSERT INTO agents (id, team_id, display_name, email, time_zone, region_id, work_mode, contract_hours_per_week, active, archived_at, created_at, updated_at)
           VALUES ('a', 'missing-team', 'X Y', 'x@example.com', 'UTC', NULL, 'office', 40, ${t.config.database.type === 'sqlite' ? 1 : 'true'}, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
        ),
      ).rejects.toThrow(/FOREIGN KEY|foreign key/);
    } finally {
      await t.close();
    }
  });

  it('stays live but answers 503 from /api/ready when the database is gone', async () => {
    const t = await bootTestApp();
    try {
      await t.dataSource.destroy();
      await expectStatus(t.http().get('/api/health'), 200);
      const response = await expectStatus(t.http().get('/api/ready'), 503);
      expect(response.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: `Not ready: the ${t.config.database.type} database is not reachable` });
    } finally {
      await t.close().catch(() => t.database.drop());
    }
  });
});
