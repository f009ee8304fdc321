import type {
  Agent,
  ApiError,
  CoverageResponse,
  CoverageRule,
  GapCandidatesResponse,
  GapsResponse,
  ManualShift,
  Override,
  Rotation,
  RotationPreviewResponse,
  ScheduleResponse,
  StaffingResponse,
  Team,
  TeamSettings,
  UpdateRotationResponse,
  ViolationsResponse,
} from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { agentRequest, createAgent, insertManager } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, type TestApp } from './support/test-app';

/** Wall clock of an instant in a zone, `HH:mm` (for DST assertions without the domain lib). */
const wallTime = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const utcToday = () => new Date().toISOString().slice(0, 10);

describe('shifts, rotations, overrides, coverage, gaps, violations, staffing', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const newTeam = async (timeZone = 'Europe/Berlin'): Promise<Team> =>
    (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Desk ${randomUUID().slice(0, 8)}`, timeZone }).expect(201)).body as Team;
  const newAgent = (teamId: string, overrides: Parameters<typeof agentRequest>[1] = {}): Promise<Agent> =>
    createAgent(t, admin, agentRequest(teamId, { timeZone: 'Europe/Berlin', ...overrides }));
  const fieldOf = (body: unknown, field: string) => (body as ApiError).fields?.find((entry) => entry.field === field);

  describe('shifts', () => {
    let team: Team;
    let anna: Agent;
    let boris: Agent;
    let agentToken: string;
    const url = () => `/api/teams/${team.id}/shifts`;
    const post = (body: object, token = admin) => t.http().post(url()).set(bearer(token)).send(body);

    beforeAll(async () => {
      team = await newTeam();
      anna = await newAgent(team.id);
      boris = await newAgent(team.id, { email: `boris.${randomUUID().slice(0, 6)}@example.com`, password: 'boris-password' });
      agentToken = (await t.login(boris.email, 'boris-password')).token;
    });

    it('creates, reads, lists, updates and deletes a shift', async () => {
      const created = (
        await post({
          agentId: anna.id,
          start: '2026-01-05T09:00:00+01:00',
          end: '2026-01-05T17:00:00+01:00',
          timeZone: 'europe/berlin',
          channel: 'phone',
          label: ' Morning ',
          breaks: [{ start: '2026-01-05T12:00:00Z', end: '2026-01-05T12:30:00Z' }],
        }).expect(201)
      ).body as ManualShift;
      expect(created).toEqual({
        id: expect.any(String),
        teamId: team.id,
        agentId: anna.id,
        start: '2026-01-05T08:00:00.000Z',
        end: '2026-01-05T16:00:00.000Z',
        timeZone: 'Europe/Berlin',
        channel: 'phone',
        label: 'Morning',
        locked: false,
        breaks: [{ start: '2026-01-05T12:00:00.000Z', end: '2026-01-05T12:30:00.000Z' }],
        status: 'published',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const list = (await t.http().get(`${url()}?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z`).set(bearer(admin)).expect(200)).body as ManualShift[];
      expect(list.map((s) => s.id)).toEqual([created.id]);
      const byAgent = (await t.http().get(`${url()}?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z&agentId=${boris.id}`).set(bearer(admin)).expect(200)).body as ManualShift[];
      expect(byAgent).toEqual([]);

      const updated = (await t.http().patch(`${url()}/${created.id}`).set(bearer(admin)).send({ label: 'Early', end: '2026-01-05T15:00:00Z' }).expect(200)).body as ManualShift;
      expect(updated).toMatchObject({ label: 'Early', end: '2026-01-05T15:00:00.000Z', start: created.start });
      // A PATCH checks the fields it sends by the rules of a new shift, and changes nothing when one is wrong.
      const refused = (await t.http().patch(`${url()}/${created.id}`).set(bearer(admin)).send({ channel: 'fax', label: 'x'.repeat(121), breaks: 'lunch', status: 'final', locked: 'yes', agentId: null }).expect(400)).body as ApiError;
      expect(refused.fields?.map((f) => f.field).sort()).toEqual(['agentId', 'breaks', 'channel', 'label', 'locked', 'status']);
      expect(fieldOf(refused, 'label')?.message).toMatch(/at most 120 characters/);
      expect(((await t.http().get(`${url()}/${created.id}`).set(bearer(admin)).expect(200)).body as ManualShift).label).toBe('Early');

      await t.http().delete(`${url()}/${created.id}`).set(bearer(admin)).expect(204);
      await t.http().get(`${url()}/${created.id}`).set(bearer(admin)).expect(404);
    });

    it('refuses an overlapping shift of the same agent with 409 naming the other shift and its span', async () => {
      const first = (await post({ agentId: anna.id, start: '2026-01-06T08:00:00Z', end: '2026-01-06T16:00:00Z', timeZone: 'Europe/Berlin' }).expect(201)).body as ManualShift;
      const response = await post({ agentId: anna.id, start: '2026-01-06T15:00:00Z', end: '2026-01-06T20:00:00Z', timeZone: 'Europe/Berlin' }).expect(409);
      const error = response.body as ApiError;
      expect(error.message).toContain(first.id);
      expect(error.message).toContain('2026-01-06T08:00:00.000Z – 2026-01-06T16:00:00.000Z');
      expect(fieldOf(error, 'start')).toBeDefined();

      // Touching is not overlapping (half-open intervals); another agent may work the same hours.
      const touching = (await post({ agentId: anna.id, start: '2026-01-06T16:00:00Z', end: '2026-01-06T20:00:00Z', timeZone: 'Europe/Berlin' }).expect(201)).body as ManualShift;
      await post({ agentId: boris.id, start: '2026-01-06T15:00:00Z', end: '2026-01-06T20:00:00Z', timeZone: 'Europe/Berlin' }).expect(201);

      // An update that would overlap is refused too.
      await t.http().patch(`${url()}/${touching.id}`).set(bearer(admin)).send({ start: '2026-01-06T15:59:00Z' }).expect(409);
    });

    it.each([
      [{ start: '2026-01-07T10:00:00Z', end: '2026-01-07T09:00:00Z' }, 'end', /end: must be after start/],
      [{ start: '2026-01-07T00:00:00Z', end: '2026-01-08T01:00:00Z' }, 'end', /at most 24 h/],
      [{ start: '2026-01-07 10:00', end: '2026-01-07T12:00:00Z' }, 'start', /ISO 8601 instant with a zone/],
      [{ start: '2026-01-07T10:00:00', end: '2026-01-07T12:00:00Z' }, 'start', /ISO 8601 instant with a zone/],
      [{ timeZone: 'Europe/Berlinn' }, 'timeZone', /not an IANA time zone/],
      [{ agentId: 'nobody' }, 'agentId', /no agent with id "nobody" in this team/],
      [{ breaks: [{ start: '2026-01-07T07:00:00Z', end: '2026-01-07T07:30:00Z' }] }, 'breaks.0', /inside the shift/],
      [{ status: 'final' }, 'status', /draft, published/],
      [{ colour: 'red' }, 'colour', /not a field/],
    ])('answers 400 naming the field for %j', async (patch, field, message) => {
      const body = { agentId: anna.id, start: '2026-01-07T08:00:00Z', end: '2026-01-07T16:00:00Z', timeZone: 'Europe/Berlin', ...patch };
      const response = await post(body).expect(400);
      const entry = fieldOf(response.body, field);
      if (!entry) throw new Error(`no error for ${field}: ${JSON.stringify(response.body)}`);
      expect(entry.message).toMatch(message);
    });

    it('refuses an inactive agent', async () => {
      const idle = await newAgent(team.id, { active: false });
      const response = await post({ agentId: idle.id, start: '2026-01-07T08:00:00Z', end: '2026-01-07T16:00:00Z', timeZone: 'Europe/Berlin' }).expect(400);
      expect(fieldOf(response.body, 'agentId')?.message).toMatch(/not active/);
    });

    it('lets agents of the team read but not write; others get 401/403', async () => {
      const body = { agentId: boris.id, start: '2026-01-08T08:00:00Z', end: '2026-01-08T16:00:00Z', timeZone: 'Europe/Berlin' };
      await post(body, agentToken).expect(403);
      await t.http().get(url()).set(bearer(agentToken)).expect(200);
      await t.http().get(url()).expect(401);
      await t.http().post(url()).send(body).expect(401);
      await insertManager(t, 'shifts.other@example.com', 'other-password');
      const other = (await t.login('shifts.other@example.com', 'other-password')).token;
      await t.http().get(url()).set(bearer(other)).expect(403);
      await post(body, other).expect(403);
    });

    it('hides draft shifts from agents', async () => {
      const draft = (await post({ agentId: boris.id, start: '2026-01-09T08:00:00Z', end: '2026-01-09T16:00:00Z', timeZone: 'Europe/Berlin', status: 'draft' }).expect(201)).body as ManualShift;
      const window = '?from=2026-01-09T00:00:00Z&to=2026-01-10T00:00:00Z';
      const asAgent = (await t.http().get(`${url()}${window}`).set(bearer(agentToken)).expect(200)).body as ManualShift[];
      expect(asAgent.map((s) => s.id)).not.toContain(draft.id);
      const schedule = (await t.http().get(`/api/teams/${team.id}/schedule${window}`).set(bearer(agentToken)).expect(200)).body as ScheduleResponse;
      expect(schedule.shifts.map((s) => s.id)).not.toContain(draft.id);
      const asManager = (await t.http().get(`/api/teams/${team.id}/schedule${window}`).set(bearer(admin)).expect(200)).body as ScheduleResponse;
      expect(asManager.shifts.map((s) => s.id)).toContain(draft.id);
    });
  });

  describe('rotations and overrides', () => {
    let team: Team;
    let berta: Agent;
    let carl: Agent;
    let dora: Agent;
    const rotations = () => `/api/teams/${team.id}/rotations`;
    const scheduleOf = async (from: string, to: string) =>
      ((await t.http().get(`/api/teams/${team.id}/schedule?from=${from}&to=${to}`).set(bearer(admin)).expect(200)).body as ScheduleResponse).shifts;

    beforeAll(async () => {
      team = await newTeam();
      berta = await newAgent(team.id);
      carl = await newAgent(team.id);
      dora = await newAgent(team.id);
    });

    it('serves a Europe/Berlin 09:00–17:00 rotation at 08:00Z in January and 07:00Z in July', async () => {
      const rotation = (
        await t.http().post(rotations()).set(bearer(admin)).send({
          name: 'Berlin day',
          timeZone: 'Europe/Berlin',
          localStartTime: '09:00',
          localEndTime: '17:00',
          rrule: 'FREQ=DAILY',
          agentIds: [berta.id],
          handoff: { mode: 'turns', every: 1 },
          startDate: '2026-01-01',
        }).expect(201)
      ).body as Rotation;
      expect(rotation).toMatchObject({ agentIds: [berta.id], endDate: null, turnOffset: 0, previousVersionId: null, exdates: [], breaks: [], status: 'published' });

      const january = await scheduleOf('2026-01-15T00:00:00Z', '2026-01-16T00:00:00Z');
      expect(january).toEqual([
        expect.objectContaining({ id: `${rotation.id}:2026-01-15:${berta.id}`, agentId: berta.id, start: '2026-01-15T08:00:00.000Z', end: '2026-01-15T16:00:00.000Z', source: 'rotation', rotationId: rotation.id }),
      ]);
      const july = await scheduleOf('2026-07-15T00:00:00Z', '2026-07-16T00:00:00Z');
      expect(july).toEqual([expect.objectContaining({ start: '2026-07-15T07:00:00.000Z', end: '2026-07-15T15:00:00.000Z' })]);

      const preview = (await t.http().get(`${rotations()}/${rotation.id}/preview?from=2026-03-28T00:00:00Z&count=2`).set(bearer(admin)).expect(200)).body as RotationPreviewResponse;
      expect(preview.occurrences.map((o) => [o.localDate, o.start])).toEqual([
        ['2026-03-28', '2026-03-28T08:00:00.000Z'],
        ['2026-03-29', '2026-03-29T07:00:00.000Z'],
      ]);

      // An override hands berta's 15 January shift to carl.
      const override = (
        await t.http().post(`/api/teams/${team.id}/overrides`).set(bearer(admin)).send({
          agentId: carl.id,
          start: '2026-01-15T08:00:00Z',
          end: '2026-01-15T16:00:00Z',
          timeZone: 'Europe/Berlin',
          rotationId: rotation.id,
        }).expect(201)
      ).body as Override;
      expect(override).toMatchObject({ agentId: carl.id, rotationId: rotation.id, replacesAgentId: null });
      const overridden = await scheduleOf('2026-01-15T00:00:00Z', '2026-01-16T00:00:00Z');
      expect(overridden).toEqual([expect.objectContaining({ agentId: carl.id, start: '2026-01-15T08:00:00.000Z', end: '2026-01-15T16:00:00.000Z', source: 'override' })]);
      const overrides = `/api/teams/${team.id}/overrides`;
      const listed = (await t.http().get(`${overrides}?from=2026-01-15T00:00:00Z&to=2026-01-16T00:00:00Z`).set(bearer(admin)).expect(200)).body as Override[];
      expect(listed.map((o) => o.id)).toEqual([override.id]);
      await t.http().delete(`${overrides}/${override.id}`).set(bearer(admin)).expect(204);
      expect((await scheduleOf('2026-01-15T00:00:00Z', '2026-01-16T00:00:00Z'))[0].agentId).toBe(berta.id);

      // Bad overrides name the field; a replacement already on shift is refused (and nothing is kept).
      const base = { agentId: carl.id, start: '2026-01-16T08:00:00Z', end: '2026-01-16T16:00:00Z', timeZone: 'Europe/Berlin', rotationId: rotation.id };
      const reversed = await t.http().post(overrides).set(bearer(admin)).send({ ...base, end: '2026-01-16T07:00:00Z' }).expect(400);
      expect(fieldOf(reversed.body, 'end')).toBeDefined();
      const unknownRotation = await t.http().post(overrides).set(bearer(admin)).send({ ...base, rotationId: 'nope' }).expect(400);
      expect(fieldOf(unknownRotation.body, 'rotationId')).toBeDefined();
      await t.http().post(`/api/teams/${team.id}/shifts`).set(bearer(admin)).send({ agentId: carl.id, start: '2026-01-16T06:00:00Z', end: '2026-01-16T10:00:00Z', timeZone: 'Europe/Berlin' }).expect(201);
      const busy = await t.http().post(overrides).set(bearer(admin)).send(base).expect(409);
      expect(fieldOf(busy.body, 'agentId')?.message).toMatch(/two shifts at once/);
      expect((await t.http().get(overrides).set(bearer(admin)).expect(200)).body).toEqual([]);

      // A manual shift cannot double-book an agent the rotation already has on shift.
      const clash = await t.http().post(`/api/teams/${team.id}/shifts`).set(bearer(admin))
        .send({ agentId: berta.id, start: '2026-01-15T15:00:00Z', end: '2026-01-15T20:00:00Z', timeZone: 'Europe/Berlin' }).expect(409);
      expect((clash.body as ApiError).message).toContain(`${rotation.id}:2026-01-15:${berta.id}`);
    });

    it('keeps local start and end across DST: a Berlin night shift lasts 7 h in spring and 9 h in autumn', async () => {
      const night = (
        await t.http().post(rotations()).set(bearer(admin)).send({
          name: 'Berlin night',
          timeZone: 'Europe/Berlin',
          localStartTime: '22:00',
          localEndTime: '06:00',
          rrule: 'FREQ=DAILY',
          agentIds: [carl.id],
          handoff: { mode: 'all' },
          startDate: '2026-03-27',
          endDate: '2026-10-26',
        }).expect(201)
      ).body as Rotation;
      const hours = (s: { start: string; end: string }) => (Date.parse(s.end) - Date.parse(s.start)) / 3_600_000;
      const spring = (await scheduleOf('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z')).filter((s) => s.rotationId === night.id);
      expect(spring.map((s) => [s.start, s.end, hours(s)])).toEqual([['2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z', 7]]);
      const autumn = (await scheduleOf('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z')).filter((s) => s.rotationId === night.id);
      expect(autumn.map((s) => [s.start, s.end, hours(s)])).toEqual([['2026-10-24T20:00:00.000Z', '2026-10-25T05:00:00.000Z', 9]]);
      // endDate is exclusive: the last night starts on 25 October.
      expect((await scheduleOf('2026-10-26T12:00:00Z', '2026-10-27T12:00:00Z')).filter((s) => s.rotationId === night.id)).toEqual([]);
    });

    it('maps validateRotation errors to 400 field messages', async () => {
      const body = {
        name: 'Broken',
        timeZone: 'Europe/Berlin',
        localStartTime: '25:00',
        localEndTime: '17:00',
        rrule: 'FREQ=HOURLY',
        agentIds: [berta.id, berta.id],
        handoff: { mode: 'turns', every: 0 },
        startDate: '2026-01-01',
      };
      const response = await t.http().post(rotations()).set(bearer(admin)).send(body).expect(400);
      const fields = ((response.body as ApiError).fields ?? []).map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['localStartTime', 'rrule', 'agentIds[1]', 'handoff.every']));
      const stranger = await t.http().post(rotations()).set(bearer(admin)).send({ ...body, localStartTime: '09:00', rrule: 'FREQ=DAILY', agentIds: ['nobody'], handoff: { mode: 'all' } }).expect(400);
      expect(fieldOf(stranger.body, 'agentIds.0')).toBeDefined();
    });

    it('versions a started rotation on edit, leaving past shifts unchanged', async () => {
      const today = utcToday();
      const rotation = (
        await t.http().post(rotations()).set(bearer(admin)).send({
          name: 'Alternating',
          timeZone: 'Europe/Berlin',
          localStartTime: '09:00',
          localEndTime: '17:00',
          rrule: 'FREQ=DAILY',
          agentIds: [berta.id, carl.id],
          handoff: { mode: 'turns', every: 1 },
          startDate: addDays(today, -14),
        }).expect(201)
      ).body as Rotation;
      const pastFrom = `${addDays(today, -10)}T00:00:00Z`;
      const pastTo = `${addDays(today, -3)}T00:00:00Z`;
      const before = (await scheduleOf(pastFrom, pastTo)).filter((s) => s.rotationId === rotation.id);
      expect(before).toHaveLength(7);

      await t.http().patch(`${rotations()}/${rotation.id}`).set(bearer(admin)).send({ localStartTime: '10:00', effectiveFrom: addDays(today, -5) }).expect(400);

      const effectiveFrom = addDays(today, 3);
      // An override planned after the change date must follow the rotation to its new version.
      const coverDay = addDays(effectiveFrom, 1);
      const cover = (
        await t.http().post(`/api/teams/${team.id}/overrides`).set(bearer(admin)).send({
          agentId: dora.id,
          start: `${coverDay}T00:00:00Z`,
          end: `${addDays(coverDay, 1)}T00:00:00Z`,
          timeZone: 'Europe/Berlin',
          rotationId: rotation.id,
        }).expect(201)
      ).body as Override;
      const edit = (await t.http().patch(`${rotations()}/${rotation.id}`).set(bearer(admin)).send({ localStartTime: '10:00', effectiveFrom }).expect(200)).body as UpdateRotationResponse;
      expect(edit.outcome).toBe('versioned');
      expect(edit.previous).toMatchObject({ id: rotation.id, endDate: effectiveFrom, localStartTime: '09:00' });
      expect(edit.rotation).toMatchObject({ startDate: effectiveFrom, localStartTime: '10:00', previousVersionId: rotation.id, agentIds: [berta.id, carl.id] });
      expect(edit.rotation.id).not.toBe(rotation.id);

      const after = (await scheduleOf(pastFrom, pastTo)).filter((s) => s.rotationId === rotation.id);
      expect(after).toEqual(before);

      let next = (await scheduleOf(`${addDays(effectiveFrom, -1)}T12:00:00Z`, `${addDays(effectiveFrom, 3)}T00:00:00Z`)).filter(
        (s) => s.rotationId === rotation.id || s.rotationId === edit.rotation.id,
      );
      // The old version's last day, then the new version from effectiveFrom.
      const covered = next.find((s) => s.start.startsWith(coverDay));
      expect(covered).toMatchObject({ agentId: dora.id, source: 'override', rotationId: edit.rotation.id });
      const moved = (await t.http().get(`/api/teams/${team.id}/overrides/${cover.id}`).set(bearer(admin)).expect(200)).body as Override;
      expect(moved.rotationId).toBe(edit.rotation.id);
      await t.http().delete(`/api/teams/${team.id}/overrides/${cover.id}`).set(bearer(admin)).expect(204);
      next = (await scheduleOf(`${addDays(effectiveFrom, -1)}T12:00:00Z`, `${addDays(effectiveFrom, 3)}T00:00:00Z`)).filter(
        (s) => s.rotationId === rotation.id || s.rotationId === edit.rotation.id,
      );
      expect(next.map((s) => [s.rotationId, wallTime(s.start, 'Europe/Berlin')])).toEqual([
        [rotation.id, '09:00'],
        [edit.rotation.id, '10:00'],
        [edit.rotation.id, '10:00'],
        [edit.rotation.id, '10:00'],
      ]);
      // The turn order continues across the versions: still one agent after the other.
      expect(next.map((s) => s.agentId)).toEqual([next[0].agentId, next[1].agentId, next[0].agentId, next[1].agentId]);
      expect(next[0].agentId).not.toBe(next[1].agentId);

      const listed = (await t.http().get(rotations()).set(bearer(admin)).expect(200)).body as Rotation[];
      expect(listed.map((r) => r.id)).toEqual(expect.arrayContaining([rotation.id, edit.rotation.id]));

      // The new version has not started yet: edited in place.
      const inPlace = (await t.http().patch(`${rotations()}/${edit.rotation.id}`).set(bearer(admin)).send({ name: 'Alternating late', localEndTime: '18:00' }).expect(200)).body as UpdateRotationResponse;
      expect(inPlace).toMatchObject({ outcome: 'edited', previous: null, rotation: { id: edit.rotation.id, localEndTime: '18:00', name: 'Alternating late' } });
      // Deleting the started old version only ends it; the new one goes entirely.
      expect((await t.http().delete(`${rotations()}/${edit.rotation.id}`).set(bearer(admin)).expect(200)).body).toEqual({ outcome: 'deleted' });
      expect((await t.http().delete(`${rotations()}/${rotation.id}`).set(bearer(admin)).expect(200)).body).toEqual({ outcome: 'ended' });
      expect((await scheduleOf(pastFrom, pastTo)).filter((s) => s.rotationId === rotation.id)).toEqual(before);
    });
  });

  describe('coverage rules, coverage and gaps', () => {
    let team: Team;
    let early: Agent;
    let late: Agent;
    let spare: Agent;
    let rule: CoverageRule;
    const week = 'from=2026-01-04T23:00:00Z&to=2026-01-11T23:00:00Z';
    const shift = (agentId: string, start: string, end: string) =>
      t.http().post(`/api/teams/${team.id}/shifts`).set(bearer(admin)).send({ agentId, start, end, timeZone: 'Europe/Berlin' }).expect(201);

    beforeAll(async () => {
      team = await newTeam();
      early = await newAgent(team.id, { channels: ['phone'] });
      late = await newAgent(team.id, { channels: ['phone'] });
      spare = await newAgent(team.id, { channels: ['phone'] });
      // Monday 5 to Sunday 11 January 2026: 07:00–15:00 and 15:00–23:00 Berlin (UTC+1), except
      // Wednesday's late shift.
      for (let day = 5; day <= 11; day += 1) {
        const date = `2026-01-${String(day).padStart(2, '0')}`;
        await shift(early.id, `${date}T06:00:00Z`, `${date}T14:00:00Z`);
        if (day !== 7) await shift(late.id, `${date}T14:00:00Z`, `${date}T22:00:00Z`);
      }
    });

    it('lists the presets and creates a rule from one', async () => {
      const presets = (await t.http().get('/api/coverage-presets').set(bearer(admin)).expect(200)).body as { name: string; hoursPerDay: number }[];
      expect(presets.map((p) => [p.name, p.hoursPerDay])).toEqual([['12h', 12], ['14h', 14], ['16h', 16], ['18h', 18], ['24/7', 24]]);
      rule = (await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', timeZone: 'Europe/Berlin', minAgents: 1 }).expect(201)).body as CoverageRule;
      expect(rule).toMatchObject({ kind: 'window', timeZone: 'Europe/Berlin', minAgents: 1, language: null, channel: null, exceptions: [] });
      expect(rule.windows[3]).toEqual([{ start: '07:00', end: '23:00' }]);
    });

    it('answers 400 with domain field paths for a bad rule', async () => {
      const response = await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin))
        .send({ name: 'Bad', kind: 'window', timeZone: 'Europe/Berlin', minAgents: 1, windows: { 1: [{ start: '25:00', end: '10:00' }] }, exceptions: [{ date: '2026-13-01', windows: [] }] })
        .expect(400);
      const fields = ((response.body as ApiError).fields ?? []).map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['windows.1[0].start', 'exceptions[0].date']));
      const noCount = await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ name: 'No count', kind: 'always' }).expect(400);
      expect(fieldOf(noCount.body, 'minAgents')).toBeDefined();
    });

    it('finds exactly the one hole, with severity and instants, then closes it when a shift is added', async () => {
      const response = (await t.http().get(`/api/teams/${team.id}/gaps?${week}&tz=Europe/Berlin&warnings=false`).set(bearer(admin)).expect(200)).body as GapsResponse;
      expect(response).toMatchObject({ from: '2026-01-04T23:00:00.000Z', to: '2026-01-11T23:00:00.000Z', tz: 'Europe/Berlin' });
      expect(response.gaps).toEqual([
        {
          id: `gap:${rule.id}:2026-01-07T14:00:00Z`,
          ruleId: rule.id,
          ruleName: rule.name,
          severity: 'uncovered',
          level: 'error',
          start: '2026-01-07T14:00:00.000Z',
          end: '2026-01-07T22:00:00.000Z',
          localStart: '2026-01-07T15:00',
          localEnd: '2026-01-07T23:00',
          required: 1,
          present: 0,
          shortfallAgentHours: 8,
          language: null,
          channel: null,
        },
      ]);
      const withWarnings = (await t.http().get(`/api/teams/${team.id}/gaps?${week}&tz=UTC`).set(bearer(admin)).expect(200)).body as GapsResponse;
      expect(withWarnings.gaps.filter((g) => g.level === 'error').map((g) => [g.start, g.localStart])).toEqual([['2026-01-07T14:00:00.000Z', '2026-01-07T14:00']]);

      const coverage = (await t.http().get(`/api/teams/${team.id}/coverage?${week}&granularity=60&tz=America/New_York`).set(bearer(admin)).expect(200)).body as CoverageResponse;
      expect(coverage).toMatchObject({ tz: 'America/New_York', granularityMinutes: 60 });
      expect(coverage.buckets).toHaveLength(168);
      const hole = coverage.buckets.find((b) => b.start === '2026-01-07T14:00:00.000Z');
      expect(hole).toMatchObject({ localStart: '2026-01-07T09:00', agents: 0, rules: [{ ruleId: rule.id, required: 1, present: 0, met: false }] });
      expect(coverage.rules[0]).toMatchObject({ ruleId: rule.id, requiredHours: 112, metHours: 104 });

      const candidates = (await t.http().get(`/api/teams/${team.id}/gaps/candidates?start=2026-01-07T14:00:00Z&end=2026-01-07T22:00:00Z&ruleId=${rule.id}`).set(bearer(admin)).expect(200)).body as GapCandidatesResponse;
      // early is on shift until 14:00Z and would work 16 h; late would work 7 days in a row and
      // beyond the contract; spare is free.
      expect(candidates.candidates).toEqual([
        expect.objectContaining({ agentId: spare.id, fill: 'new-shift', proposedShift: { start: '2026-01-07T14:00:00.000Z', end: '2026-01-07T22:00:00.000Z' }, headroomHours: 32 }),
      ]);

      await shift(spare.id, '2026-01-07T14:00:00Z', '2026-01-07T22:00:00Z');
      const closed = (await t.http().get(`/api/teams/${team.id}/gaps?${week}&warnings=false`).set(bearer(admin)).expect(200)).body as GapsResponse;
      expect(closed.gaps).toEqual([]);
    });

    it('validates the window with clear 400s', async () => {
      const reversed = await t.http().get(`/api/teams/${team.id}/gaps?from=2026-01-10T00:00:00Z&to=2026-01-05T00:00:00Z`).set(bearer(admin)).expect(400);
      expect(fieldOf(reversed.body, 'to')?.message).toBe('to: must be after from');
      const long = await t.http().get(`/api/teams/${team.id}/coverage?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z`).set(bearer(admin)).expect(400);
      expect(fieldOf(long.body, 'to')?.message).toMatch(/at most 92 days/);
      const granularity = await t.http().get(`/api/teams/${team.id}/coverage?${week}&granularity=7`).set(bearer(admin)).expect(400);
      expect(fieldOf(granularity.body, 'granularity')).toBeDefined();
      const tooFine = await t.http().get(`/api/teams/${team.id}/coverage?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&granularity=5`).set(bearer(admin)).expect(400);
      expect(fieldOf(tooFine.body, 'granularity')?.message).toMatch(/coarser granularity/);
      const zone = await t.http().get(`/api/teams/${team.id}/coverage?${week}&tz=Mars/Olympus`).set(bearer(admin)).expect(400);
      expect(fieldOf(zone.body, 'tz')).toBeDefined();
      const defaulted = (await t.http().get(`/api/teams/${team.id}/schedule`).set(bearer(admin)).expect(200)).body as ScheduleResponse;
      expect(Date.parse(defaulted.to) - Date.parse(defaulted.from)).toBe(7 * 86_400_000);
    });
  });

  describe('labour-rule violations', () => {
    it('reports a too-short rest, also when the earlier shift is before the window', async () => {
      const team = await newTeam();
      const vera = await newAgent(team.id);
      const post = (start: string, end: string) =>
        t.http().post(`/api/teams/${team.id}/shifts`).set(bearer(admin)).send({ agentId: vera.id, start, end, timeZone: 'Europe/Berlin' }).expect(201);
      const late = (await post('2026-01-05T14:00:00Z', '2026-01-05T22:00:00Z')).body as ManualShift;
      const early = (await post('2026-01-06T06:00:00Z', '2026-01-06T14:00:00Z')).body as ManualShift;
      const response = (await t.http().get(`/api/teams/${team.id}/violations?from=2026-01-06T00:00:00Z&to=2026-01-07T00:00:00Z`).set(bearer(admin)).expect(200)).body as ViolationsResponse;
      const rest = response.violations.filter((v) => v.code === 'min-rest');
      expect(rest).toEqual([
        expect.objectContaining({ agentId: vera.id, agentName: vera.displayName, start: late.start, end: early.end, actual: 8, limit: 11 }),
      ]);
      expect([...rest[0].shiftIds].sort()).toEqual([late.id, early.id].sort());

      // A stricter team rule (Russian Labour Code preset: 12 h rest) is applied from the settings.
      const settings = (await t.http().patch(`/api/teams/${team.id}/settings`).set(bearer(admin)).send({ labourRulePreset: 'ru-labour-code' }).expect(200)).body as TeamSettings;
      expect(settings.labourRulePreset).toBe('ru-labour-code');
      const stricter = (await t.http().get(`/api/teams/${team.id}/violations?from=2026-01-06T00:00:00Z&to=2026-01-07T00:00:00Z`).set(bearer(admin)).expect(200)).body as ViolationsResponse;
      expect(stricter.violations.find((v) => v.code === 'min-rest')).toMatchObject({ limit: 12 });
      const bad = await t.http().patch(`/api/teams/${team.id}/settings`).set(bearer(admin)).send({ labourRules: { minRestHours: -1 } }).expect(400);
      expect(fieldOf(bad.body, 'labourRules.minRestHours')).toBeDefined();
    });
  });

  describe('staffing', () => {
    it('one seat 24/7 at 40 h and 30 % shrinkage needs 6.0 agents; 16 h × 7 needs 4.0', async () => {
      const team = await newTeam('UTC');
      await newAgent(team.id, { timeZone: 'UTC' });
      const always = (await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '24/7', minAgents: 1 }).expect(201)).body as CoverageRule;
      expect(always).toMatchObject({ kind: 'always', timeZone: 'UTC' });
      const staffing = (await t.http().get(`/api/teams/${team.id}/staffing?weekStart=2026-01-05`).set(bearer(admin)).expect(200)).body as StaffingResponse;
      expect(staffing).toMatchObject({ weekStart: '2026-01-05', shrinkage: 0.3, contractHoursPerWeek: 40, seatHoursPerWeek: 168, headCount: 6, agentsNeeded: 6, activeAgents: 1, shortfallAgents: 5 });
      expect(staffing.rules).toEqual([expect.objectContaining({ ruleId: always.id, seatHoursPerWeek: 168, productiveHoursPerAgent: 28, headCount: 6, agentsNeeded: 6 })]);

      await t.http().delete(`/api/teams/${team.id}/coverage-rules/${always.id}`).set(bearer(admin)).expect(204);
      await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ preset: '16h', minAgents: 1 }).expect(201);
      const sixteen = (await t.http().get(`/api/teams/${team.id}/staffing?weekStart=2026-01-05`).set(bearer(admin)).expect(200)).body as StaffingResponse;
      expect(sixteen).toMatchObject({ seatHoursPerWeek: 112, headCount: 4 });

      await t.http().patch(`/api/teams/${team.id}/settings`).set(bearer(admin)).send({ shrinkage: 0.95 }).expect(400);
    });
  });
});
