import type { Agent, ApiError, ImportAgentsResponse, Page, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { agentRequest, createAgent } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, type TestApp } from './support/test-app';

// A desk moving in brings its people as a spreadsheet: one CSV, checked row by row by the rules of
// POST /api/agents, written all at once or not at all.

describe('importing agents from a CSV', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  const suffix = randomUUID().slice(0, 8);
  const email = (name: string) => `${name}.${suffix}@example.com`;
  let regionName = '';
  const teamAgents = async () => ((await t.http().get(`/api/agents?teamId=${team.id}&pageSize=200`).set(bearer(admin)).expect(200)).body as Page<Agent>).items;
  const post = (csv: string, dryRun?: boolean) => t.http().post('/api/agents/import').set(bearer(admin)).send({ teamId: team.id, csv, ...(dryRun === undefined ? {} : { dryRun }) });

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Imported ${suffix}`, timeZone: 'Europe/Berlin' }).expect(201)).body as Team;
    regionName = `Lisbon ${suffix}`;
    await t.http().post('/api/regions').set(bearer(admin)).send({ name: regionName, countryCode: 'PT', defaultTimeZone: 'Europe/Lisbon', currency: 'EUR' }).expect(201);
  });

  afterAll(async () => {
    await t.close();
  });

  const csv = () =>
    [
      '\ufeffName,Email,Time zone,Work mode,Languages,Channels,Contract hours,Region',
      `Joana Silva,${email('joana').toUpperCase()},Europe/Lisbon,remote,"pt:native; en:fluent",chat;email,32,${regionName.toUpperCase()}`,
      `"Müller, Anna",${email('anna')},Europe/Berlin,,de,phone,,`,
      '',
    ].join('\r\n');

  it('checks a CSV on a dry run and writes nothing', async () => {
    const body = (await post(csv(), true).expect(200)).body as ImportAgentsResponse;
    expect(body).toMatchObject({ dryRun: true, created: [] });
    expect(body.agents).toEqual([
      { line: 2, displayName: 'Joana Silva', email: email('joana'), timeZone: 'Europe/Lisbon', workMode: 'remote', languages: [{ code: 'pt', level: 'native' }, { code: 'en', level: 'fluent' }], channels: ['chat', 'email'], contractHoursPerWeek: 32, regionName: regionName.toUpperCase() },
      { line: 3, displayName: 'Müller, Anna', email: email('anna'), timeZone: 'Europe/Berlin', workMode: 'office', languages: [{ code: 'de', level: 'native' }], channels: ['phone'], contractHoursPerWeek: 40, regionName: null },
    ]);
    expect(await teamAgents()).toEqual([]);
  });

  it('imports every row of the team in one go', async () => {
    const body = (await post(csv()).expect(200)).body as ImportAgentsResponse;
    expect(body.created.map((a) => [a.displayName, a.email, a.timeZone, a.regionName, a.hasLogin])).toEqual([
      ['Joana Silva', email('joana'), 'Europe/Lisbon', regionName, false],
      ['Müller, Anna', email('anna'), 'Europe/Berlin', null, false],
    ]);
    expect((await teamAgents()).map((a) => a.email).sort()).toEqual([email('anna'), email('joana')]);
  });

  it('answers every problem by line and column, and imports nothing when one row is wrong', async () => {
    await createAgent(t, admin, agentRequest(team.id, { email: email('taken') }));
    const before = (await teamAgents()).length;
    const bad = [
      'name,email,time zone,languages,channels,contract hours,region',
      `Good Person,${email('good')},Europe/Berlin,en,email,,`,
      `Bad Zone,${email('zone')},Berlin,en,email,,`,
      `Bad Level,${email('level')},Europe/Berlin,en:expert,fax,many,Atlantis`,
      `Taken Already,${email('taken')},Europe/Berlin,en,email,,`,
      `Twice Listed,${email('good')},Europe/Berlin,en,email,,`,
    ].join('\n');
    const error = (await post(bad).expect(400)).body as ApiError;
    expect(error.message).toMatch(/^7 problems in the CSV; nothing was imported\. line 3, time zone: "Berlin" is not an IANA time zone/);
    expect(error.fields?.map((f) => f.field)).toEqual([
      'rows.3.time zone',
      'rows.4.languages',
      'rows.4.channels',
      'rows.4.contract hours',
      'rows.4.region',
      'rows.5.email',
      'rows.6.email',
    ]);
    expect(error.fields?.find((f) => f.field === 'rows.6.email')?.message).toBe(`line 6, email: ${email('good')} is already on line 2`);
    expect((await teamAgents()).length).toBe(before);
  });

  it('says what is wrong with the file itself', async () => {
    const fields = async (text: string) => ((await post(text).expect(400)).body as ApiError).fields?.map((f) => f.message);
    expect(await fields('email,time zone\nx@example.com,UTC')).toEqual(['csv.header: the "name" column is missing']);
    expect(await fields('name,email,time zone,shoe size\nA B,a@example.com,UTC,42')).toEqual([expect.stringContaining('"shoe size" is not a column')]);
    expect(await fields('name,email,time zone\n')).toEqual(['csv: has a header but no agents under it']);
    expect(await fields('name,email,time zone\n"Open quote,a@example.com,UTC')).toEqual(['csv: a quote opened on line 2 is never closed']);
  });

  it('is for managers of the team only', async () => {
    const agentEmail = email('agent');
    await createAgent(t, admin, agentRequest(team.id, { email: agentEmail, password: 'agent-password-1' }));
    const agent = (await t.login(agentEmail, 'agent-password-1')).token;
    const before = (await teamAgents()).length;
    const response = await t.http().post('/api/agents/import').set(bearer(agent)).send({ teamId: team.id, csv: csv() }).expect(403);
    expect((response.body as ApiError).statusCode).toBe(403);
    expect((await teamAgents()).length).toBe(before);
  });
});
