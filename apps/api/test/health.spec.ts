import { bootTestApp, type TestApp } from './support/test-app';

describe('health and platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 200 with the database kind when the database is up', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: t.config.database.type, version: expect.any(String) });
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
});
