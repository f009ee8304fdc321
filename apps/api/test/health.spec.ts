import { MIGRATIONS } from '../src/database/entities';
import { AppLifecycle } from '../src/modules/health/app-lifecycle.service';
import { bootTestApp, expectStatus, type TestApp } from './support/test-app';

describe('health and platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness with 200 and the database kind', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: t.config.database.type, version: expect.any(String) });
  });

  it('answers readiness with 200 when the database answers and every migration is applied', async () => {
    const response = await t.http().get('/api/ready').expect(200);
    expect(response.body).toEqual({ status: 'ready', database: t.config.database.type, version: expect.any(String), migrations: MIGRATIONS.length });
  });

  it('answers readiness with 503 naming the migrations that are not applied, and 200 again once they are', async () => {
    const last = new MIGRATIONS[MIGRATIONS.length - 1]();
    const name = last.name ?? last.constructor.name;
    const [row] = (await t.dataSource.query(`SELECT id, timestamp, name FROM migrations WHERE name = '${name}'`)) as { id: number; timestamp: string; name: string }[];
    expect(row).toBeDefined();
    await t.dataSource.query(`DELETE FROM migrations WHERE name = '${name}'`);
    try {
      const response = await expectStatus(t.http().get('/api/ready'), 503);
      expect(response.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.stringContaining(`1 migration is not applied (${name})`) });
      // Liveness does not care: restarting would not help, and the process is fine.
      await expectStatus(t.http().get('/api/health'), 200);
    } finally {
      await t.dataSource.query(`INSERT INTO migrations (id, timestamp, name) VALUES (${Number(row.id)}, ${Number(row.timestamp)}, '${row.name}')`);
    }
    await expectStatus(t.http().get('/api/ready'), 200);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await t.http().get('/api/no-such-thing').expect(404).expect('Content-Type', /json/);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('answers malformed JSON with a 400 ApiError and no stack trace', async () => {
    const response = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "x",').expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/JSON/) });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js/);
  });

  // Last: draining cannot be undone.
  it('answers readiness with 503 once the instance drains for shutdown, while liveness stays 200', async () => {
    t.app.get(AppLifecycle).startDraining(Date.now());
    const response = await expectStatus(t.http().get('/api/ready'), 503);
    expect(response.body.message).toMatch(/shutting down/);
    await expectStatus(t.http().get('/api/health'), 200);
  });
});
