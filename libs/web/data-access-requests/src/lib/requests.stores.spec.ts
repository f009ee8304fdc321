import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RequestImpact, ShiftRequest, ShiftRequestDetail } from '@shiftdesk/shared-api-contract';
import { ApprovalsStore } from './approvals.store';
import { MyRequestsStore } from './my-requests.store';
import { NoticesStore } from './notices.store';
import { PendingApprovalsStore } from './pending-approvals.store';
import { RequestDraftStore } from './request-draft.store';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) await tick();
}

function request(id: string, over: Partial<ShiftRequest> = {}): ShiftRequest {
  return {
    id, teamId: 't1', kind: 'give-away', state: 'pending', awaiting: 'taker', requesterAgentId: 'a1', requesterName: 'Anna Smirnova', targetAgentId: null, targetName: null, offered: true,
    shift: { shiftId: 's1', agentId: 'a1', start: '2026-11-25T06:00:00.000Z', end: '2026-11-25T14:00:00.000Z', timeZone: 'Europe/Moscow', channel: null, label: null },
    targetShift: null, timeOff: null, note: null, createdByName: 'Anna Smirnova', decidedByName: null, decisionComment: null, expiresAt: '2026-11-25T06:00:00.000Z',
    createdAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z', appliedAt: null, undoneAt: null, version: 1, actions: [], ...over,
  };
}

const CLEAN: RequestImpact = { computedAt: '2026-11-23T12:00:00.000Z', stale: false, staleReason: null, blockers: [], warnings: [], gapsOpened: [], gapsClosed: [], clean: true };

function detail(r: ShiftRequest, impact: RequestImpact | null = CLEAN): ShiftRequestDetail {
  return { ...r, impact, history: [] };
}

/** Answers the detail reads the agent's list makes for what they may say yes to. */
function flushDetails(http: HttpTestingController, impacts: Record<string, RequestImpact> = {}): string[] {
  const reads = http.match((r) => /^\/api\/requests\/[^/?]+$/.test(r.url) && r.method === 'GET');
  for (const read of reads) {
    const id = read.request.url.split('/').pop() ?? '';
    read.flush(detail(request(id), impacts[id] ?? CLEAN));
  }
  return reads.map((read) => read.request.url);
}

const page = (items: ShiftRequest[], total = items.length) => ({ items, total, page: 1, pageSize: 200 });
const PROFILE = { id: 'a2', teamId: 't1', displayName: 'Marie Dubois', timeZone: 'Europe/Lisbon', languages: [], channels: [], active: true };

describe('request stores', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), MyRequestsStore, RequestDraftStore, ApprovalsStore] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function loadMine(store: MyRequestsStore, mine: ShiftRequest[], open: ShiftRequest[], impacts: Record<string, RequestImpact> = {}): Promise<string[]> {
    const loading = store.load();
    http.expectOne('/api/requests?scope=mine&pageSize=200').flush(page(mine));
    http.expectOne('/api/requests?scope=open-shifts&pageSize=200').flush(page(open));
    http.match('/api/me/profile').forEach((r) => r.flush(PROFILE));
    await settle();
    const reads = flushDetails(http, impacts);
    await loading;
    return reads;
  }

  it('splits an agent\u2019s requests into waiting for them, theirs, and open shifts they can take', async () => {
    const store = TestBed.inject(MyRequestsStore);
    const blocked = { ...CLEAN, clean: false, blockers: [{ agentId: 'a2', agentName: 'Marie Dubois', code: 'channel', message: 'Marie Dubois does not work the phone channel.' }] };
    const reads = await loadMine(
      store,
      [request('mine', { actions: ['cancel'], offered: false, awaiting: 'colleague', targetName: 'Leyla' }), request('asked', { kind: 'swap', requesterAgentId: 'a3', awaiting: 'colleague', actions: ['accept', 'decline'] })],
      [request('offer', { requesterAgentId: 'a3', actions: ['take'] }), request('not-for-me', { requesterAgentId: 'a4', actions: [] })],
      { offer: blocked },
    );
    // Impacts are read for what the agent may say yes to, not for their own or others' requests.
    expect(reads.sort()).toEqual(['/api/requests/asked', '/api/requests/offer']);
    expect(store.impacts().get('offer')?.blockers).toHaveLength(1);
    expect(store.zone()).toBe('Europe/Lisbon');
    expect(store.incoming().map((r) => r.id)).toEqual(['asked']);
    expect(store.others().map((r) => r.id)).toEqual(['mine']);
    expect(store.takeable().map((r) => r.id)).toEqual(['offer']);
  });

  it('shows the API\u2019s message plainly when someone else took the shift first, and reloads', async () => {
    const store = TestBed.inject(MyRequestsStore);
    const notices = TestBed.inject(NoticesStore);
    const offer = request('offer', { requesterAgentId: 'a3', actions: ['take'], version: 3 });
    await loadMine(store, [], [offer]);

    const taking = store.act(offer, 'take');
    expect(store.busy().has('offer')).toBe(true);
    const take = http.expectOne('/api/requests/offer/take');
    expect(take.request.method).toBe('POST');
    expect(take.request.body).toEqual({ version: 3 });
    take.flush({ statusCode: 409, error: 'Conflict', message: 'Someone else already took this shift.' }, { status: 409, statusText: 'Conflict' });
    await tick();
    http.expectOne('/api/requests?scope=mine&pageSize=200').flush(page([]));
    http.expectOne('/api/requests?scope=open-shifts&pageSize=200').flush(page([]));
    await settle();
    flushDetails(http);
    await taking;
    await settle();
    http.expectOne('/api/me/notices').flush({ items: [], unread: 0 });
    await settle();
    expect(store.actionError()).toBe('Someone else already took this shift.');
    expect(store.takeable()).toEqual([]);
    expect(store.busy().size).toBe(0);
    expect(notices.loaded()).toBe(true);
  });

  it('says what happened after a take that went through, with the comment sent along', async () => {
    const store = TestBed.inject(MyRequestsStore);
    const offer = request('offer', { requesterAgentId: 'a3', actions: ['take'], version: 2 });
    await loadMine(store, [], [offer]);
    const taking = store.act(offer, 'take', 'Happy to');
    const take = http.expectOne('/api/requests/offer/take');
    expect(take.request.body).toEqual({ version: 2, comment: 'Happy to' });
    take.flush(detail({ ...offer, state: 'accepted', awaiting: 'manager', targetAgentId: 'a2', targetName: 'Marie Dubois', actions: [] }));
    await tick();
    http.expectOne('/api/requests?scope=mine&pageSize=200').flush(page([]));
    http.expectOne('/api/requests?scope=open-shifts&pageSize=200').flush(page([]));
    await settle();
    flushDetails(http);
    await taking;
    await settle();
    http.match('/api/me/notices').forEach((r) => r.flush({ items: [], unread: 0 }));
    expect(store.actionNotice()).toBe('You took the shift. A manager approves it next.');
    expect(store.actionError()).toBe('');
  });

  it('previews a draft\u2019s impact, drops a stale answer, and names the wrong field when filing fails', async () => {
    const draft = TestBed.inject(RequestDraftStore);
    const first = draft.preview({ kind: 'give-away', shiftId: 's1', targetAgentId: 'a2' });
    const second = draft.preview({ kind: 'give-away', shiftId: 's1', offer: true });
    const [old, fresh] = http.match('/api/requests/impact');
    expect(fresh?.request.body).toEqual({ kind: 'give-away', shiftId: 's1', offer: true });
    fresh?.flush({ ...CLEAN, clean: false, gapsOpened: [{ ruleId: 'r1' }] });
    old?.flush(CLEAN);
    await Promise.all([first, second]);
    expect(draft.impact()?.gapsOpened).toHaveLength(1);
    expect(draft.previewing()).toBe(false);

    const filing = draft.submit();
    expect(draft.submitting()).toBe(true);
    http.expectOne({ method: 'POST', url: '/api/requests' }).flush(
      { statusCode: 400, error: 'Bad Request', message: 'shiftId: no upcoming shift of yours has this id; pick one from your shifts.', fields: [{ field: 'shiftId', message: 'no upcoming shift of yours has this id' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await filing).toBeNull();
    expect(draft.submitError()).toContain('shiftId');
    expect(draft.fieldErrors()).toEqual({ shiftId: 'no upcoming shift of yours has this id' });

    const again = draft.submit();
    const created = detail(request('new'));
    http.expectOne({ method: 'POST', url: '/api/requests' }).flush(created, { status: 201, statusText: 'Created' });
    expect(await again).toEqual(created);
    expect(draft.created()?.id).toBe('new');
  });

  it('keeps the notices and the unread count, and marks some or all read', async () => {
    const notices = TestBed.inject(NoticesStore);
    const item = { id: 'n1', requestId: 'r1', message: 'Anna Smirnova offers a shift', createdAt: '2026-11-23T10:00:00.000Z', readAt: null };
    const refreshing = notices.refresh();
    http.expectOne('/api/me/notices').flush({ items: [item], unread: 1 });
    await refreshing;
    expect(notices.unread()).toBe(1);

    const one = notices.markRead(['n1']);
    const read = http.expectOne('/api/me/notices/read');
    expect(read.request.body).toEqual({ ids: ['n1'] });
    read.flush({ items: [{ ...item, readAt: '2026-11-23T11:00:00.000Z' }], unread: 0 });
    await one;
    expect(notices.unread()).toBe(0);

    const all = notices.markRead();
    const readAll = http.expectOne('/api/me/notices/read');
    expect(readAll.request.body).toEqual({});
    readAll.flush({ message: 'down' }, { status: 503, statusText: 'Service Unavailable' });
    await all;
    expect(notices.error()).toBe('down');
    expect(notices.items()).toHaveLength(1);
  });

  it('counts requests waiting for a manager per team; a failing team keeps its count', async () => {
    const store = TestBed.inject(PendingApprovalsStore);
    const first = store.refresh(['t1', 't2']);
    http.expectOne('/api/requests?scope=team&teamId=t1&awaiting=manager&pageSize=1').flush(page([request('x')], 3));
    http.expectOne('/api/requests?scope=team&teamId=t2&awaiting=manager&pageSize=1').flush(page([request('y')], 2));
    await first;
    expect(store.total()).toBe(5);
    const second = store.refresh(['t1', 't2']);
    http.expectOne('/api/requests?scope=team&teamId=t1&awaiting=manager&pageSize=1').flush(page([], 0));
    http.expectOne('/api/requests?scope=team&teamId=t2&awaiting=manager&pageSize=1').flush({ message: 'no' }, { status: 500, statusText: 'Error' });
    await second;
    expect([...store.byTeam()]).toEqual([['t1', 0], ['t2', 2]]);
  });

  it('lists a team\u2019s requests with each one\u2019s impact, approves with version and comment, and switches the policy', async () => {
    const store = TestBed.inject(ApprovalsStore);
    const waiting = request('r1', { state: 'accepted', awaiting: 'manager', targetAgentId: 'a2', targetName: 'Marie Dubois', actions: ['approve', 'decline'], version: 4 });
    const init = store.init(null);
    http.expectOne('/api/teams').flush([{ id: 't1', name: 'Support Desk', timeZone: 'Europe/Moscow' }]);
    await settle();
    http.expectOne('/api/teams/t1/settings').flush({ teamId: 't1', requestApproval: 'manager' });
    http.expectOne('/api/requests?scope=team&teamId=t1&awaiting=manager&page=1&pageSize=20').flush(page([waiting]));
    await settle();
    http.expectOne('/api/requests/r1').flush(detail(waiting, { ...CLEAN, clean: false, gapsOpened: [{ ruleId: 'r1' } as never] }));
    await init;
    expect(store.items().map((r) => r.id)).toEqual(['r1']);
    expect(store.details().get('r1')?.impact?.gapsOpened).toHaveLength(1);
    expect(store.policy()).toBe('manager');
    expect(TestBed.inject(PendingApprovalsStore).total()).toBe(1);

    const approving = store.act(waiting, 'approve', 'Covered by the late shift');
    const approve = http.expectOne('/api/requests/r1/approve');
    expect(approve.request.body).toEqual({ version: 4, comment: 'Covered by the late shift' });
    approve.flush(detail({ ...waiting, state: 'approved', awaiting: null, actions: ['undo'] }));
    await settle();
    http.expectOne('/api/requests?scope=team&teamId=t1&awaiting=manager&page=1&pageSize=20').flush(page([]));
    await approving;
    await settle();
    http.match('/api/me/notices').forEach((r) => r.flush({ items: [], unread: 0 }));
    expect(store.actionNotice()).toBe('Anna Smirnova: Approved: the schedule has changed.');
    expect(store.items()).toEqual([]);
    expect(TestBed.inject(PendingApprovalsStore).total()).toBe(0);

    const switching = store.setPolicy('auto-when-clean');
    expect(store.policy()).toBe('auto-when-clean');
    const patch = http.expectOne('/api/teams/t1/settings');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ requestApproval: 'auto-when-clean' });
    patch.flush({ message: 'Only managers of this team can change its settings.' }, { status: 403, statusText: 'Forbidden' });
    await switching;
    expect(store.policy()).toBe('manager');
    expect(store.policyError()).toBe('Only managers of this team can change its settings.');
  });

  it('keeps a refused approval\u2019s message beside its row', async () => {
    const store = TestBed.inject(ApprovalsStore);
    const waiting = request('r1', { state: 'accepted', awaiting: 'manager', actions: ['approve', 'decline'] });
    const init = store.init('t1', 'all');
    http.expectOne('/api/teams').flush([{ id: 't1', name: 'Support Desk', timeZone: 'Europe/Moscow' }]);
    await settle();
    http.expectOne('/api/teams/t1/settings').flush({ teamId: 't1', requestApproval: 'manager' });
    http.expectOne('/api/requests?scope=team&teamId=t1&page=1&pageSize=20').flush(page([waiting]));
    await settle();
    http.expectOne('/api/requests/r1').flush(detail(waiting));
    await init;

    const approving = store.act(waiting, 'approve');
    http.expectOne('/api/requests/r1/approve').flush({ message: 'Marie Dubois would get only 9 h of rest; at least 11 h are required.' }, { status: 409, statusText: 'Conflict' });
    await settle();
    http.expectOne('/api/requests?scope=team&teamId=t1&page=1&pageSize=20').flush(page([waiting]));
    await settle();
    http.expectOne('/api/requests/r1').flush(detail(waiting));
    await approving;
    await settle();
    http.match('/api/me/notices').forEach((r) => r.flush({ items: [], unread: 0 }));
    expect(store.rowErrors().get('r1')).toBe('Marie Dubois would get only 9 h of rest; at least 11 h are required.');
    expect(store.actionNotice()).toBe('');
  });
});
