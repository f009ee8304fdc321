import type { RequestAction, ShiftRequest } from '@shiftdesk/shared-api-contract';

/*
 * Which buttons a request shows. The API lists in `actions` what the caller may do right now;
 * the screens only order and split them (positive first, destructive last).
 */

const ORDER: readonly RequestAction[] = ['approve', 'accept', 'take', 'undo', 'decline', 'cancel'];

/** `actions` in display order. */
export function orderedActions(request: Pick<ShiftRequest, 'actions'>): RequestAction[] {
  return ORDER.filter((action) => request.actions.includes(action));
}

/** Declines, cancels and undos change or end someone else's plan: they ask for confirmation or a comment. */
export function isDestructive(action: RequestAction): boolean {
  return action === 'decline' || action === 'cancel' || action === 'undo';
}

/** What the screen says after an action went through. */
export function describeOutcome(action: RequestAction, request: ShiftRequest): string {
  switch (action) {
    case 'accept':
      return request.state === 'approved' ? 'Accepted and approved: the schedule has changed.' : 'Accepted. A manager approves it next.';
    case 'take':
      return request.state === 'approved' ? 'The shift is yours: the schedule has changed.' : 'You took the shift. A manager approves it next.';
    case 'approve':
      return 'Approved: the schedule has changed.';
    case 'decline':
      return 'Declined.';
    case 'cancel':
      return 'Request cancelled.';
    case 'undo':
      return 'Undone: the schedule is back to how it was.';
  }
}

/** Open requests first (soonest to expire first), then closed ones, latest change first. */
export function sortRequests(requests: readonly ShiftRequest[]): ShiftRequest[] {
  const open = (r: ShiftRequest) => r.state === 'pending' || r.state === 'accepted';
  return [...requests].sort((a, b) => {
    if (open(a) !== open(b)) return open(a) ? -1 : 1;
    if (open(a)) return Date.parse(a.expiresAt) - Date.parse(b.expiresAt) || a.id.localeCompare(b.id);
    return Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.id.localeCompare(b.id);
  });
}
