import type { RequestAction, RequestAwaiting, RequestKind, RequestState } from '@shiftdesk/shared-api-contract';
import type { Result } from '../model/types';

/** What the state machine needs to know about a request. */
export interface RequestStateView {
  kind: RequestKind;
  state: RequestState;
  /** Give-away offered to everyone eligible. */
  offered: boolean;
  /** Swap partner / named receiver / taker; null while an offer is open. */
  targetAgentId: string | null;
}

/** Every transition: the six people-driven actions, and `expire` (the shift or time off started first). */
export type RequestTransition = RequestAction | 'expire';

export type TransitionRefusal = 'wrong-state' | 'wrong-kind';

const CLOSED: readonly RequestState[] = ['declined', 'cancelled', 'expired', 'undone'];

/**
 * The request state machine (see the contract's REQUEST_STATES):
 *
 *   swap, named give-away: pending —accept→ accepted —approve→ approved —undo→ undone
 *   offered give-away:     pending —take→   accepted —approve→ approved —undo→ undone
 *   time off:              pending —approve→ approved —undo→ undone
 *   pending | accepted —decline | cancel | expire→ declined | cancelled | expired
 *
 * Pure: who may act (the colleague, the requester, a manager) is the caller's concern, because
 * it needs the signed-in user; this says only whether the state allows the transition.
 */
export function transitionRequest(request: RequestStateView, transition: RequestTransition): Result<RequestState, TransitionRefusal> {
  const refuse = (reason: TransitionRefusal, message: string): Result<RequestState, TransitionRefusal> => ({ ok: false, reason, message });
  const { kind, state } = request;
  if (CLOSED.includes(state)) return refuse('wrong-state', `the request is ${state}; nothing more can happen to it`);
  switch (transition) {
    case 'accept':
      if (kind === 'time-off') return refuse('wrong-kind', 'time off needs no colleague to accept it; a manager approves it');
      if (request.offered) return refuse('wrong-kind', 'an offered shift is taken, not accepted');
      return state === 'pending' ? { ok: true, value: 'accepted' } : refuse('wrong-state', `the request is already ${state}`);
    case 'take':
      if (kind !== 'give-away' || !request.offered) return refuse('wrong-kind', 'only a shift offered to everyone can be taken');
      if (state !== 'pending' || request.targetAgentId !== null) return refuse('wrong-state', 'someone has already taken this shift');
      return { ok: true, value: 'accepted' };
    case 'approve': {
      const ready: RequestState = kind === 'time-off' ? 'pending' : 'accepted';
      if (state === 'approved') return refuse('wrong-state', 'the request is already approved');
      if (state !== ready) return refuse('wrong-state', kind === 'time-off' ? `the request is ${state}` : `the colleague has not accepted yet (the request is ${state})`);
      return { ok: true, value: 'approved' };
    }
    case 'undo':
      return state === 'approved' ? { ok: true, value: 'undone' } : refuse('wrong-state', `only an approved request can be undone; this one is ${state}`);
    case 'decline':
    case 'cancel':
    case 'expire':
      if (state === 'approved') return refuse('wrong-state', transition === 'expire' ? 'an approved request does not expire' : 'the request is already approved; a manager can undo it');
      return { ok: true, value: transition === 'decline' ? 'declined' : transition === 'cancel' ? 'cancelled' : 'expired' };
  }
}

/** Whose move it is. */
export function requestAwaiting(request: RequestStateView): RequestAwaiting {
  if (request.state === 'pending') {
    if (request.kind === 'time-off') return 'manager';
    return request.offered && request.targetAgentId === null ? 'taker' : 'colleague';
  }
  return request.state === 'accepted' ? 'manager' : null;
}

/** Who the caller is with respect to one request. */
export interface RequestActor {
  isRequester: boolean;
  /** The named colleague (swap, named give-away) or the agent who took the offer. */
  isTarget: boolean;
  /** Manages the request's team. */
  isManager: boolean;
  /** An agent of the team other than the requester, for an open offer (eligibility is checked on taking). */
  mayTake: boolean;
}

/**
 * The actions the caller may take now, in a stable order: what the UI shows as buttons and the
 * API allows. Accepting and taking are the colleague's own consent, so a manager never does it
 * for them; managers approve, decline, cancel and undo.
 */
export function availableRequestActions(request: RequestStateView, actor: RequestActor): RequestAction[] {
  const actions: RequestAction[] = [];
  const allowed = (transition: RequestTransition) => transitionRequest(request, transition).ok;
  if (actor.isTarget && request.state === 'pending' && allowed('accept')) actions.push('accept');
  if ((actor.isTarget && request.state === 'pending' && !request.offered) || (actor.isManager && allowed('decline'))) actions.push('decline');
  if (actor.mayTake && !actor.isRequester && allowed('take')) actions.push('take');
  if ((actor.isRequester || actor.isManager) && allowed('cancel')) actions.push('cancel');
  if (actor.isManager && allowed('approve')) actions.push('approve');
  if (actor.isManager && allowed('undo')) actions.push('undo');
  return actions;
}
