import { REQUEST_STATES, type RequestState } from '@shiftdesk/shared-api-contract';
import { availableRequestActions, requestAwaiting, transitionRequest, type RequestStateView, type RequestTransition } from './request-state';

const swap = (state: RequestState, targetAgentId: string | null = 'b'): RequestStateView => ({ kind: 'swap', state, offered: false, targetAgentId });
const offer = (state: RequestState, targetAgentId: string | null = null): RequestStateView => ({ kind: 'give-away', state, offered: true, targetAgentId });
const timeOff = (state: RequestState): RequestStateView => ({ kind: 'time-off', state, offered: false, targetAgentId: null });

const TRANSITIONS: RequestTransition[] = ['accept', 'take', 'decline', 'cancel', 'approve', 'undo', 'expire'];

/** Every (state, transition) pair for one kind of request: the resulting state, or '✗'. */
function table(make: (state: RequestState) => RequestStateView): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const state of REQUEST_STATES) {
    rows[state] = TRANSITIONS.map((transition) => {
      const result = transitionRequest(make(state), transition);
      return `${transition}:${result.ok ? result.value : '✗'}`;
    }).join(' ');
  }
  return rows;
}

describe('transitionRequest', () => {
  it('moves a swap pending → accepted → approved → undone, and closes it on decline, cancel or expiry', () => {
    expect(table((state) => swap(state))).toEqual({
      pending: 'accept:accepted take:✗ decline:declined cancel:cancelled approve:✗ undo:✗ expire:expired',
      accepted: 'accept:✗ take:✗ decline:declined cancel:cancelled approve:approved undo:✗ expire:expired',
      approved: 'accept:✗ take:✗ decline:✗ cancel:✗ approve:✗ undo:undone expire:✗',
      declined: 'accept:✗ take:✗ decline:✗ cancel:✗ approve:✗ undo:✗ expire:✗',
      cancelled: 'accept:✗ take:✗ decline:✗ cancel:✗ approve:✗ undo:✗ expire:✗',
      expired: 'accept:✗ take:✗ decline:✗ cancel:✗ approve:✗ undo:✗ expire:✗',
      undone: 'accept:✗ take:✗ decline:✗ cancel:✗ approve:✗ undo:✗ expire:✗',
    });
  });

  it('lets an offered give-away be taken (not accepted) only while nobody has taken it', () => {
    expect(transitionRequest(offer('pending'), 'take')).toEqual({ ok: true, value: 'accepted' });
    expect(transitionRequest(offer('pending'), 'accept')).toMatchObject({ ok: false, reason: 'wrong-kind' });
    expect(transitionRequest(offer('accepted', 'c'), 'take')).toMatchObject({ ok: false, reason: 'wrong-state', message: 'someone has already taken this shift' });
    expect(transitionRequest(swap('pending'), 'take')).toMatchObject({ ok: false, reason: 'wrong-kind' });
  });

  it('approves time off straight from pending, with no colleague to accept', () => {
    expect(transitionRequest(timeOff('pending'), 'approve')).toEqual({ ok: true, value: 'approved' });
    expect(transitionRequest(timeOff('pending'), 'accept')).toMatchObject({ ok: false, reason: 'wrong-kind' });
    expect(transitionRequest(timeOff('approved'), 'undo')).toEqual({ ok: true, value: 'undone' });
  });

  it('refuses to approve a swap the colleague has not accepted yet, and says so', () => {
    expect(transitionRequest(swap('pending'), 'approve')).toEqual({ ok: false, reason: 'wrong-state', message: 'the colleague has not accepted yet (the request is pending)' });
  });
});

describe('requestAwaiting', () => {
  it('names whose move it is', () => {
    expect(requestAwaiting(swap('pending'))).toBe('colleague');
    expect(requestAwaiting(offer('pending'))).toBe('taker');
    expect(requestAwaiting(swap('accepted'))).toBe('manager');
    expect(requestAwaiting(timeOff('pending'))).toBe('manager');
    expect(requestAwaiting(swap('approved'))).toBeNull();
    expect(requestAwaiting(swap('declined'))).toBeNull();
  });
});

describe('availableRequestActions', () => {
  const nobody = { isRequester: false, isTarget: false, isManager: false, mayTake: false };

  it('gives the named colleague accept and decline, the requester cancel, a manager decline, cancel and approve when ready', () => {
    expect(availableRequestActions(swap('pending'), { ...nobody, isTarget: true })).toEqual(['accept', 'decline']);
    expect(availableRequestActions(swap('pending'), { ...nobody, isRequester: true })).toEqual(['cancel']);
    expect(availableRequestActions(swap('pending'), { ...nobody, isManager: true })).toEqual(['decline', 'cancel']);
    expect(availableRequestActions(swap('accepted'), { ...nobody, isManager: true })).toEqual(['decline', 'cancel', 'approve']);
    expect(availableRequestActions(swap('accepted'), { ...nobody, isTarget: true })).toEqual([]);
    expect(availableRequestActions(swap('approved'), { ...nobody, isManager: true })).toEqual(['undo']);
  });

  it('offers take to other agents of the team, never to the one who offered it', () => {
    expect(availableRequestActions(offer('pending'), { ...nobody, mayTake: true })).toEqual(['take']);
    expect(availableRequestActions(offer('pending'), { ...nobody, mayTake: true, isRequester: true })).toEqual(['cancel']);
    expect(availableRequestActions(offer('accepted', 'c'), { ...nobody, mayTake: true })).toEqual([]);
  });
});
