import type {
  Agent,
  AlertsResponse,
  ApiError,
  CreateShiftRequestBody,
  ManualShift,
  MyShiftsResponse,
  NoticesResponse,
  RequestImpact,
  ScheduleResponse,
  ShiftRequestDetail,
  ShiftRequestsResponse,
  Team,
  WebhookDeliveriesResponse,
} from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { ShiftRequestEntity } from '../src/modules/requests/shift-request.entity';
import { RequestExpiryJob } from '../src/modules/requests/request-expiry.job';
import { agentRequest, createAgent } from './support/fixtures';
import { ADMIN, bearer, bootTestApp, expectStatus, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const PASSWORD = 'agent-password-1';

interface Member {
  agent: Agent;
  token: string;
}

/**
 * Issue 5 over HTTP: swaps, give-aways, offered shifts, time off, the approval policy, expiry,
 * the trail (audit history, notices, webhook events) and concurrency, on the real app and database.
 */
describe('requests', () => {
  let t: TestApp;
  let admin: string;
  let team: Team;
  let anna: Member;
  let boris: Member;
  let chen: Member;
  let dana: Member;
  let phoneOnly: Member;

  const member = async (name: string, overrides: Parameters<typeof agentRequest>[1] = {}): Promise<Member> => {
    const email = `${name.split(' ')[0].toLowerCase()}.${randomUUID().slice(0, 6)}@example.com`;
    const agent = await createAgent(t, admin, agentRequest(team.id, { displayName: name, email, password: PASSWORD, timeZone: 'UTC', channels: ['email', 'chat'], ...overrides }));
    return { agent, token: (await t.login(email, PASSWORD)).token };
  };
  const shift = async (who: Member, day: string, from = '08:00', to = '16:00', extra: object = {}) =>
    (await t.http().post(`/api/teams/${team.id}/shifts`).set(bearer(admin)).send({ agentId: who.agent.id, start: `${day}T${from}:00Z`, end: `${day}T${to}:00Z`, timeZone: 'UTC', ...extra }).expect(201)).body as ManualShift;
  const file = async (who: string, body: CreateShiftRequestBody, status = 201) => (await expectStatus(t.http().post('/api/requests').set(bearer(who)).send(body), status)).body as ShiftRequestDetail & ApiError;
  const act = async (who: string, id: string, action: string, status = 200, body: object = {}) =>
    (await expectStatus(t.http().post(`/api/requests/${id}/${action}`).set(bearer(who)).send(body), status)).body as ShiftRequestDetail & ApiError;
  const schedule = async (day: string) => (await t.http().get(`/api/teams/${team.id}/schedule?from=${day}T00:00:00Z&to=${dateIn(30)}T00:00:00Z`).set(bearer(admin)).expect(200)).body as ScheduleResponse;
  const ownerOf = async (shiftId: string, day: string) => (await schedule(day)).shifts.find((s) => s.id === shiftId);
  const myShifts = async (who: Member) => (await t.http().get('/api/me/shifts').set(bearer(who.token)).expect(200)).body as MyShiftsResponse;
  const notices = async (who: string) => (await t.http().get('/api/me/notices').set(bearer(who)).expect(200)).body as NoticesResponse;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await t.login(ADMIN.email, ADMIN.password)).token;
    team = (await t.http().post('/api/teams').set(bearer(admin)).send({ name: `Requests ${randomUUID().slice(0, 6)}`, timeZone: 'UTC' }).expect(201)).body as Team;
    // One agent on the desk from 08:00 to 16:00, every day.
    const windows = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((weekday) => [weekday, [{ start: '08:00', end: '16:00' }]]));
    await t.http().post(`/api/teams/${team.id}/coverage-rules`).set(bearer(admin)).send({ name: 'Desk', kind: 'window', timeZone: 'UTC', windows, minAgents: 1 }).expect(201);
    anna = await member('Anna Petrova');
    boris = await member('Boris Ivanov');
    chen = await member('Chen Wei');
    dana = await member('Dana Novak');
    phoneOnly = await member('Pavel Orlov', { channels: ['phone'] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets an agent offer a shift, a colleague take it, and a manager approve it after seeing the impact', async () => {
    const day = dateIn(5);
    const offered = await shift(anna, day);
    const request = await file(anna.token, { kind: 'give-away', shiftId: offered.id, offer: true, note: 'Dentist' });
    expect(request).toMatchObject({ kind: 'give-away', state: 'pending', awaiting: 'taker', offered: true, requesterName: 'Anna Petrova', targetAgentId: null, actions: ['cancel'] });
    expect(request.shift).toMatchObject({ shiftId: offered.id, agentId: anna.agent.id, start: `${day}T08:00:00.000Z` });

    // Boris sees it among the open shifts, with the impact as it would be if he took it.
    const open = (await t.http().get('/api/requests?scope=open-shifts').set(bearer(boris.token)).expect(200)).body as ShiftRequestsResponse;
    expect(open.items.map((r) => [r.id, r.actions])).toEqual([[request.id, ['take']]]);
    const seen = (await t.http().get(`/api/requests/${request.id}`).set(bearer(boris.token)).expect(200)).body as ShiftRequestDetail;
    expect(seen.impact).toMatchObject({ stale: false, blockers: [], gapsOpened: [], clean: true });

    const taken = await act(boris.token, request.id, 'take');
    expect(taken).toMatchObject({ state: 'accepted', awaiting: 'manager', targetAgentId: boris.agent.id, targetName: 'Boris Ivanov', actions: [] });

    const inbox = (await t.http().get(`/api/requests?teamId=${team.id}&awaiting=manager`).set(bearer(admin)).expect(200)).body as ShiftRequestsResponse;
    expect(inbox.items.map((r) => [r.id, r.actions])).toEqual([[request.id, ['decline', 'cancel', 'approve']]]);
    const review = (await t.http().get(`/api/requests/${request.id}`).set(bearer(admin)).expect(200)).body as ShiftRequestDetail;
    expect(review.impact).toMatchObject({ blockers: [], gapsOpened: [], gapsClosed: [], clean: true });

    const approved = await act(admin, request.id, 'approve', 200, { comment: 'Fine by me', version: review.version });
    expect(approved).toMatchObject({ state: 'approved', awaiting: null, decisionComment: 'Fine by me', appliedAt: expect.any(String), actions: ['undo'] });
    expect(approved.history.map((entry) => [entry.action, entry.actorName])).toEqual([
      ['created', 'Anna Petrova'],
      ['taken', 'Boris Ivanov'],
      ['approved', expect.any(String)],
    ]);
    expect(approved.history[1]).toMatchObject({ before: expect.objectContaining({ state: 'pending' }), after: expect.objectContaining({ state: 'accepted' }) });

    // The final schedule: same shift id, now Boris's, marked as moved by a swap.
    expect(await ownerOf(offered.id, day)).toMatchObject({ agentId: boris.agent.id, source: 'swap' });
    expect((await myShifts(boris)).shifts.map((s) => s.id)).toContain(offered.id);
    expect((await myShifts(anna)).shifts.map((s) => s.id)).not.toContain(offered.id);

    // Anna heard about the take and the approval; the notice for Boris's own action went to others only.
    const annaNotices = await notices(anna.token);
    expect(annaNotices.items.map((n) => n.message)).toEqual([
      expect.stringMatching(/approved Anna Petrova's request for the .* shift: "Fine by me"/),
      expect.stringMatching(/^Boris Ivanov took the .* shift from Anna Petrova; it waits for a manager$/),
    ]);
    expect(annaNotices.unread).toBe(2);
    const read = (await t.http().post('/api/me/notices/read').set(bearer(anna.token)).send({}).expect(200)).body as NoticesResponse;
    expect(read.unread).toBe(0);
  });

  it('lets exactly one of two agents who take the same offered shift at the same moment win; the other gets 409', async () => {
    const day = dateIn(6);
    const offered = await shift(anna, day);
    const request = await file(anna.token, { kind: 'give-away', shiftId: offered.id, offer: true });
    const answers = await Promise.all([chen, dana].map((who) => t.http().post(`/api/requests/${request.id}/take`).set(bearer(who.token)).send({})));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409);
    expect((loser?.body as ApiError).message).toBe('Someone has already taken this shift');
    const winner = answers.find((a) => a.status === 200)?.body as ShiftRequestDetail;
    const stored = await t.dataSource.getRepository(ShiftRequestEntity).findOneByOrFail({ id: request.id });
    expect(stored).toMatchObject({ state: 'accepted', targetAgentId: winner.targetAgentId, version: 2 });
    // One open request per shift: offering it again, or swapping it, waits for this one.
    const again = await file(anna.token, { kind: 'give-away', shiftId: offered.id, offer: true }, 409);
    expect(again.message).toBe(`shiftId: this shift is already in an open give-away request (${request.id}, accepted); cancel or decide that one first`);
  });

  it('swaps two shifts after the colleague accepts and a manager approves, and undoes it without rewriting history', async () => {
    const day = dateIn(8);
    const mine = await shift(anna, day);
    const theirs = await shift(boris, dateIn(9));
    const request = await file(anna.token, { kind: 'swap', shiftId: mine.id, targetAgentId: boris.agent.id, targetShiftId: theirs.id });
    expect(request).toMatchObject({ state: 'pending', awaiting: 'colleague', targetShift: expect.objectContaining({ shiftId: theirs.id, agentId: boris.agent.id }) });
    expect((await notices(boris.token)).items[0].message).toMatch(/^Anna Petrova asks you to swap: your .* shift for their .* shift$/);

    // Only Boris may accept; a manager cannot approve before he does.
    expect((await act(chen.token, request.id, 'accept', 404)).message).toBe(`No request with id ${request.id}`);
    expect((await act(admin, request.id, 'accept', 403)).message).toBe('Only the colleague named in the request can accept it');
    expect((await act(admin, request.id, 'approve', 409)).message).toBe('The colleague has not accepted yet (the request is pending)');
    await act(boris.token, request.id, 'accept');
    await act(admin, request.id, 'approve');
    expect((await ownerOf(mine.id, day))?.agentId).toBe(boris.agent.id);
    expect((await ownerOf(theirs.id, day))?.agentId).toBe(anna.agent.id);

    const undone = await act(admin, request.id, 'undo', 200, { comment: 'Boris is needed on chat' });
    expect(undone).toMatchObject({ state: 'undone', undoneAt: expect.any(String), actions: [] });
    expect(undone.history.map((entry) => entry.action)).toEqual(['created', 'accepted', 'approved', 'undone']);
    expect((await ownerOf(mine.id, day))?.agentId).toBe(anna.agent.id);
    expect((await ownerOf(theirs.id, day))?.agentId).toBe(boris.agent.id);
    expect((await act(admin, request.id, 'approve', 409)).message).toBe('The request is undone; nothing more can happen to it');
  });

  it('never applies a swap whose shift changed after it was requested', async () => {
    const day = dateIn(10);
    const mine = await shift(anna, day);
    const theirs = await shift(boris, dateIn(11));
    const request = await file(anna.token, { kind: 'swap', shiftId: mine.id, targetAgentId: boris.agent.id, targetShiftId: theirs.id });
    await t.http().patch(`/api/teams/${team.id}/shifts/${theirs.id}`).set(bearer(admin)).send({ start: `${dateIn(11)}T09:00:00Z`, end: `${dateIn(11)}T17:00:00Z` }).expect(200);
    const refused = await act(boris.token, request.id, 'accept', 409);
    expect(refused.message).toMatch(/^The colleague’s shift has moved to .* since the request was made\. The request can only be cancelled or declined now\.$/);
    const detail = (await t.http().get(`/api/requests/${request.id}`).set(bearer(anna.token)).expect(200)).body as ShiftRequestDetail;
    expect(detail).toMatchObject({ state: 'pending', impact: { stale: true, clean: false } });
    await act(boris.token, request.id, 'decline', 200, { comment: 'Moved anyway' });
  });

  it('refuses requests that break a hard rule, naming the rule', async () => {
    const day = dateIn(12);
    const phone = await shift(anna, day, '08:00', '16:00', { channel: 'chat' });
    const noChat = await file(anna.token, { kind: 'give-away', shiftId: phone.id, targetAgentId: phoneOnly.agent.id }, 409);
    expect(noChat.message).toBe('The request cannot be filed: Pavel Orlov: does not work the chat channel this shift is for');

    // Chen works until 23:00 the evening before: an 06:00 start would leave him 7 h of rest.
    await shift(chen, dateIn(13), '15:00', '23:00');
    const early = await shift(anna, dateIn(14), '06:00', '14:00');
    const rest = await file(anna.token, { kind: 'give-away', shiftId: early.id, targetAgentId: chen.agent.id }, 409);
    expect(rest.message).toMatch(/^The request cannot be filed: Chen Wei: .*rest/i);

    // An offer names nobody: it is filed, and the rule is checked for whoever takes it.
    const offer = await file(anna.token, { kind: 'give-away', shiftId: early.id, offer: true });
    expect((await act(chen.token, offer.id, 'take', 409)).message).toMatch(/^The request cannot be taken: Chen Wei: /);
    expect((await act(anna.token, offer.id, 'take', 403)).message).toBe('You cannot take your own offered shift');
    expect((await act(admin, offer.id, 'take', 403)).message).toBe('Managers cannot take shifts; an agent of the team takes an offered shift');
    await act(anna.token, offer.id, 'cancel');
  });

  it('shows the gap time off would open, removes the shifts once approved, and raises the gap alert', async () => {
    const day = dateIn(15);
    const covered = await shift(dana, day);
    const body: CreateShiftRequestBody = { kind: 'time-off', timeOff: { firstDate: day, lastDate: day, reason: 'vacation' } };
    const preview = (await t.http().post('/api/requests/impact').set(bearer(dana.token)).send(body).expect(200)).body as RequestImpact;
    expect(preview.gapsOpened).toEqual([expect.objectContaining({ ruleName: 'Desk', start: `${day}T08:00:00.000Z`, end: `${day}T16:00:00.000Z`, presentBefore: 1, presentAfter: 0 })]);
    expect(preview.clean).toBe(false);

    const request = await file(dana.token, body);
    expect(request).toMatchObject({ state: 'pending', awaiting: 'manager', timeOff: { allDay: true, firstDate: day, lastDate: day, reason: 'vacation', start: `${day}T00:00:00.000Z` } });
    expect((await notices(admin)).items.some((n) => n.message === `Dana Novak asks for time off ${day} to ${day}`)).toBe(true);
    await act(admin, request.id, 'approve');
    expect(await ownerOf(covered.id, day)).toBeUndefined();
    const alerts = (await t.http().get(`/api/teams/${team.id}/alerts`).set(bearer(admin)).expect(200)).body as AlertsResponse;
    expect(alerts.alerts.some((alert) => alert.start === `${day}T08:00:00.000Z` && alert.status === 'open')).toBe(true);
  });

  it('approves clean requests by itself under auto-when-clean, and still leaves gap-opening ones to a manager', async () => {
    await t.http().patch(`/api/teams/${team.id}/settings`).set(bearer(admin)).send({ requestApproval: 'auto-when-clean' }).expect(200);
    try {
      const day = dateIn(17);
      const given = await shift(anna, day);
      const request = await file(anna.token, { kind: 'give-away', shiftId: given.id, targetAgentId: boris.agent.id });
      const accepted = await act(boris.token, request.id, 'accept');
      expect(accepted).toMatchObject({ state: 'approved', decidedByName: expect.stringMatching(/^Shiftdesk/) });
      expect((await ownerOf(given.id, day))?.agentId).toBe(boris.agent.id);

      await shift(anna, dateIn(18));
      const off = await file(anna.token, { kind: 'time-off', timeOff: { firstDate: dateIn(18), lastDate: dateIn(18), reason: 'personal' } });
      expect(off).toMatchObject({ state: 'pending', awaiting: 'manager' });
    } finally {
      await t.http().patch(`/api/teams/${team.id}/settings`).set(bearer(admin)).send({ requestApproval: 'manager' }).expect(200);
    }
  });

  it('expires an open request once its shift has started, with an audit entry by Shiftdesk', async () => {
    const day = dateIn(20);
    const given = await shift(anna, day);
    const request = await file(anna.token, { kind: 'give-away', shiftId: given.id, targetAgentId: boris.agent.id });
    const expired = await t.app.get(RequestExpiryJob).run(Date.parse(`${day}T08:00:00Z`));
    expect(expired).toBeGreaterThanOrEqual(1);
    const detail = (await t.http().get(`/api/requests/${request.id}`).set(bearer(anna.token)).expect(200)).body as ShiftRequestDetail;
    expect(detail).toMatchObject({ state: 'expired', impact: null, actions: [] });
    expect(detail.history.at(-1)).toMatchObject({ action: 'expired', actorName: 'Shiftdesk', actorUserId: null });
    expect((await act(boris.token, request.id, 'accept', 409)).message).toBe('The request is expired; nothing more can happen to it');
  });

  it('lets a manager file for an agent and keeps every request out of other agents’ sight', async () => {
    const day = dateIn(21);
    const given = await shift(chen, day);
    const request = await file(admin, { kind: 'give-away', agentId: chen.agent.id, shiftId: given.id, targetAgentId: dana.agent.id });
    expect(request).toMatchObject({ requesterAgentId: chen.agent.id, createdByName: expect.not.stringMatching(/Chen/) });
    await expectStatus(t.http().get(`/api/requests/${request.id}`).set(bearer(anna.token)), 404);
    expect((await expectStatus(t.http().get(`/api/requests?scope=team&teamId=${team.id}`).set(bearer(anna.token)), 403)).body).toMatchObject({ message: expect.stringMatching(/managers/) });
    const mine = (await t.http().get('/api/requests').set(bearer(dana.token)).expect(200)).body as ShiftRequestsResponse;
    expect(mine.items.map((r) => r.id)).toContain(request.id);
    expect(mine.items.find((r) => r.id === request.id)?.actions).toEqual(['accept', 'decline']);
  });

  it('answers bad bodies with 400s that name the field', async () => {
    const day = dateIn(22);
    const given = await shift(anna, day);
    const cases: Array<[object, string]> = [
      [{ kind: 'trade' }, 'kind: must be one of swap, give-away, time-off'],
      [{ kind: 'give-away' }, 'shiftId: is required for a give-away: the id of one of your upcoming shifts'],
      [{ kind: 'give-away', shiftId: given.id }, 'targetAgentId: name the colleague who gets the shift, or send offer: true to offer it to everyone'],
      [{ kind: 'give-away', shiftId: given.id, offer: true, targetAgentId: boris.agent.id }, 'offer: either name a colleague (targetAgentId) or offer the shift to everyone (offer: true), not both'],
      [{ kind: 'give-away', shiftId: 'no-such-shift', offer: true }, "shiftId: no shift with id no-such-shift in this team's schedule"],
      [{ kind: 'swap', shiftId: given.id, targetAgentId: boris.agent.id }, 'targetShiftId: is required for a swap: the colleague’s shift you take in return'],
      [{ kind: 'time-off', timeOff: { firstDate: day, lastDate: dateIn(21), reason: 'vacation' } }, 'timeOff.lastDate: must be on or after firstDate'],
      [{ kind: 'time-off', timeOff: { firstDate: day, lastDate: day, start: `${day}T08:00:00Z`, end: `${day}T09:00:00Z`, reason: 'sick' } }, 'timeOff: give either whole days (firstDate, lastDate) or hours (start, end), not both'],
      [{ kind: 'time-off', timeOff: { firstDate: day, lastDate: day, reason: 'holiday' } }, expect.stringMatching(/^timeOff\.reason: must be one of vacation, sick/) as unknown as string],
      [{ kind: 'time-off', timeOff: { start: `${day}T10:00:00Z`, end: `${day}T09:00:00Z`, reason: 'sick' } }, 'timeOff.end: must be after start'],
      [{ kind: 'give-away', agentId: boris.agent.id, shiftId: given.id, offer: true }, 'Agents file requests for themselves only; leave agentId out'],
    ];
    for (const [body, message] of cases) {
      const response = await t.http().post('/api/requests').set(bearer(anna.token)).send(body);
      expect({ body, status: response.status, message: (response.body as ApiError).message }).toEqual({ body, status: message.startsWith?.('Agents') ? 403 : 400, message });
    }
    expect(await t.dataSource.getRepository(ShiftRequestEntity).countBy({ shiftId: given.id })).toBe(0);
  });

  it('carries request events on the team webhook', async () => {
    await t.http().patch(`/api/teams/${team.id}/settings`).set(bearer(admin)).send({ webhookUrl: 'http://127.0.0.1:9/hook' }).expect(200);
    const given = await shift(anna, dateIn(23));
    const request = await file(anna.token, { kind: 'give-away', shiftId: given.id, targetAgentId: boris.agent.id });
    await act(boris.token, request.id, 'accept');
    const log = (await t.http().get(`/api/teams/${team.id}/webhooks/deliveries?pageSize=50`).set(bearer(admin)).expect(200)).body as WebhookDeliveriesResponse;
    const events = log.items.filter((d) => 'request' in d.payload && d.payload.request.id === request.id).map((d) => d.eventType).sort();
    expect(events).toEqual(['request.accepted', 'request.created']);
    await t.http().patch(`/api/teams/${team.id}/settings`).set(bearer(admin)).send({ webhookUrl: null }).expect(200);
  });

  it('gives an agent their own shifts in their zone with this week’s and month’s hours against the contract', async () => {
    const mine = await myShifts(anna);
    expect(mine).toMatchObject({ agentId: anna.agent.id, timeZone: 'UTC', teamTimeZone: 'UTC', contractHoursPerWeek: 40, week: { contractHours: 40 } });
    expect(mine.month.contractHours).toBeGreaterThan(160);
    expect(mine.shifts.every((s) => s.agentId === anna.agent.id && s.status === 'published')).toBe(true);
    expect(mine.shifts.map((s) => s.start)).toEqual([...mine.shifts.map((s) => s.start)].sort());
    await expectStatus(t.http().get('/api/me/shifts').set(bearer(admin)), 403);
  });
});
